import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveSpecDir, specsRequired } from '../support/openapi/spec-dir';
import { specFile, VIPPS_SPECS } from '../support/openapi/spec-sources';
import { makeTempDir } from '../support/temp-dir';

describe('where the contract tests find the Vipps MobilePay OpenAPI files', () => {
  let root: ReturnType<typeof makeTempDir>;
  let candidates: { reference: string; fetched: string };

  /** A spec folder holding every primary file (or all but `except`). */
  function specFolder(name: string, except?: string): string {
    const dir = join(root.path, name);
    mkdirSync(dir, { recursive: true });
    for (const spec of VIPPS_SPECS) if (spec !== except) writeFileSync(join(dir, specFile(spec)), 'openapi: 3.0.0\n');
    return dir;
  }

  beforeEach(() => {
    root = makeTempDir('kassa specs Åse ');
    candidates = { reference: join(root.path, 'shared'), fetched: join(root.path, '.vipps-openapi') };
  });
  afterEach(() => root.cleanup());

  it('takes VIPPS_OPENAPI_DIR first', () => {
    const explicit = specFolder('explicit');
    specFolder('shared');
    expect(resolveSpecDir({ VIPPS_OPENAPI_DIR: explicit }, candidates)).toEqual({ found: true, dir: explicit, source: 'VIPPS_OPENAPI_DIR' });
  });

  it('does not fall back when VIPPS_OPENAPI_DIR is wrong, and says what is missing', () => {
    specFolder('shared');
    const half = specFolder('half', 'epayment-v1');
    expect(resolveSpecDir({ VIPPS_OPENAPI_DIR: half }, candidates)).toEqual({ found: false, reason: `VIPPS_OPENAPI_DIR=${half} lacks epayment-v1.yaml` });
  });

  it('then the reference copy beside the project, then the fetched folder', () => {
    specFolder('.vipps-openapi');
    expect(resolveSpecDir({}, candidates)).toMatchObject({ found: true, dir: candidates.fetched, source: 'npm run specs:fetch' });
    specFolder('shared');
    expect(resolveSpecDir({}, candidates)).toMatchObject({ found: true, dir: candidates.reference, source: 'reference copy beside the project' });
  });

  it('finds nothing in a clone of its own, and says where it looked and what to run', () => {
    specFolder('.vipps-openapi', 'webhooks');
    const resolution = resolveSpecDir({}, candidates);
    expect(resolution.found).toBe(false);
    if (resolution.found) return;
    expect(resolution.reason).toContain(candidates.reference);
    expect(resolution.reason).toContain(candidates.fetched);
    expect(resolution.reason).toContain('npm run specs:fetch');
  });

  it('requires the files under CI', () => {
    expect(specsRequired({})).toBe(false);
    expect(specsRequired({ CI: 'true' })).toBe(true);
    expect(specsRequired({ CI: 'false' })).toBe(false);
    expect(specsRequired({ KASSA_REQUIRE_VIPPS_SPECS: '1' })).toBe(true);
  });
});
