import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { specFile, VIPPS_SPECS } from './spec-sources';

export { specsRequired } from './specs-required.mjs';

/**
 * Where the official Vipps MobilePay OpenAPI files are, for the tests that compare traffic with
 * them. The files are Vipps MobilePay's, not Kassa's, so a clone does not carry them; in order:
 *
 * 1. `VIPPS_OPENAPI_DIR`, when set (CI sets it). Nothing else is tried then: a wrong setting must
 *    not be papered over by another copy.
 * 2. The read-only reference copy beside the project, `../shared/vipps/openapi`, where it exists.
 * 3. `.vipps-openapi/` in the project, which `npm run specs:fetch` fills from the published URLs.
 *
 * A folder counts only if it holds every primary file; a half-filled one would fail later and
 * more confusingly.
 */
export type SpecDirSource = 'VIPPS_OPENAPI_DIR' | 'reference copy beside the project' | 'npm run specs:fetch';

export type SpecDirResolution = { found: true; dir: string; source: SpecDirSource } | { found: false; reason: string };

export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const FETCHED_SPEC_DIR = join(PROJECT_ROOT, '.vipps-openapi');
const REFERENCE_SPEC_DIR = join(PROJECT_ROOT, '..', 'shared', 'vipps', 'openapi');

const missingFiles = (dir: string) => VIPPS_SPECS.map(specFile).filter((file) => !existsSync(join(dir, file)));

export function resolveSpecDir(env: NodeJS.ProcessEnv = process.env, candidates = { reference: REFERENCE_SPEC_DIR, fetched: FETCHED_SPEC_DIR }): SpecDirResolution {
  const explicit = env['VIPPS_OPENAPI_DIR'];
  if (explicit) {
    const missing = missingFiles(explicit);
    if (missing.length === 0) return { found: true, dir: explicit, source: 'VIPPS_OPENAPI_DIR' };
    return { found: false, reason: `VIPPS_OPENAPI_DIR=${explicit} lacks ${missing.join(', ')}` };
  }
  const tried: [SpecDirSource, string][] = [
    ['reference copy beside the project', candidates.reference],
    ['npm run specs:fetch', candidates.fetched],
  ];
  for (const [source, dir] of tried) {
    if (missingFiles(dir).length === 0) return { found: true, dir, source };
  }
  return {
    found: false,
    reason: `no Vipps MobilePay OpenAPI files: VIPPS_OPENAPI_DIR is not set, and neither ${tried.map(([, dir]) => dir).join(' nor ')} holds them (run npm run specs:fetch)`,
  };
}
