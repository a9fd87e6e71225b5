import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchVippsSpecs, SpecFetchError } from '../../scripts/fetch-vipps-specs';
import { makeTempDir } from '../support/temp-dir';

// Only the offline path is tested: the published URLs are not reachable from test machines.
describe('npm run specs:fetch without internet', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir('kassa-specs-fetch-')));
  afterEach(() => dir.cleanup());

  const offline: typeof fetch = async () => {
    throw new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND developer.vippsmobilepay.com') });
  };

  it('fails with a message that names the URL, the cause and the way out', async () => {
    const target = join(dir.path, 'specs');
    const failure = fetchVippsSpecs({ dir: target, fetch: offline });
    await expect(failure).rejects.toBeInstanceOf(SpecFetchError);
    await expect(failure).rejects.toThrow(
      'Could not download recurring-v3 from https://developer.vippsmobilepay.com/redocusaurus/recurring-swagger-id.yaml (getaddrinfo ENOTFOUND developer.vippsmobilepay.com). npm run specs:fetch needs internet access; without it, point VIPPS_OPENAPI_DIR at a folder that holds the files.',
    );
    expect(existsSync(target)).toBe(false);
  });

  it('writes nothing when a later file fails (no half-filled folder for the tests to trip on)', async () => {
    const target = join(dir.path, 'specs');
    let calls = 0;
    const firstOnly: typeof fetch = async (input, init) => (++calls === 1 ? new Response('openapi: 3.0.1\ninfo: {}\n') : offline(input, init));
    await expect(fetchVippsSpecs({ dir: target, fetch: firstOnly })).rejects.toThrow(/Could not download access-token/);
    expect(existsSync(target)).toBe(false);
  });

  it('refuses a page that is not an OpenAPI document (a captive portal answering 200)', async () => {
    const portal: typeof fetch = async () => new Response('<html>Log in to the hotel Wi-Fi</html>');
    await expect(fetchVippsSpecs({ dir: join(dir.path, 'specs'), fetch: portal })).rejects.toThrow(/did not answer with an OpenAPI 3 YAML document/);
  });
});
