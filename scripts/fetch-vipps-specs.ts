/**
 * `npm run specs:fetch`: downloads Vipps MobilePay's published OpenAPI files into .vipps-openapi/
 * (git-ignored), where the contract tests look when VIPPS_OPENAPI_DIR is not set and there is no
 * reference copy beside the project. Needs internet; everything is fetched before anything is
 * written, so a failed run leaves no half-filled folder behind.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FETCHED_SPEC_DIR } from '../test/support/openapi/spec-dir';
import { specFile, VIPPS_SPEC_SOURCES } from '../test/support/openapi/spec-sources';

export class SpecFetchError extends Error {}

export async function fetchVippsSpecs(options: { dir?: string; fetch?: typeof fetch; log?: (line: string) => void } = {}): Promise<string[]> {
  const dir = options.dir ?? FETCHED_SPEC_DIR;
  const get = options.fetch ?? fetch;
  const log = options.log ?? (() => undefined);
  const downloaded: { file: string; text: string }[] = [];
  for (const { name, url } of VIPPS_SPEC_SOURCES) {
    let text: string;
    try {
      const response = await get(url, { signal: AbortSignal.timeout(30_000) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      text = await response.text();
    } catch (error) {
      const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
      throw new SpecFetchError(
        `Could not download ${name} from ${url} (${cause}). npm run specs:fetch needs internet access; ` +
          'without it, point VIPPS_OPENAPI_DIR at a folder that holds the files.',
      );
    }
    // An error page served with 200 must not pass for a spec.
    if (!/^\s*openapi:\s*["']?3\./m.test(text)) throw new SpecFetchError(`${url} did not answer with an OpenAPI 3 YAML document`);
    downloaded.push({ file: specFile(name), text });
    log(`fetched ${name} from ${url}`);
  }
  mkdirSync(dir, { recursive: true });
  for (const { file, text } of downloaded) {
    const target = join(dir, file);
    writeFileSync(`${target}.part`, text);
    renameSync(`${target}.part`, target);
  }
  return downloaded.map(({ file }) => join(dir, file));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  fetchVippsSpecs({ log: console.log }).then(
    (files) => console.log(`Wrote ${files.length} spec files to ${FETCHED_SPEC_DIR}`),
    (error: unknown) => {
      console.error(error instanceof SpecFetchError ? error.message : error);
      process.exit(1);
    },
  );
}
