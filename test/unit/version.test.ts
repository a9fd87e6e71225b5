import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KASSA_VERSION } from '../../electron/core/version';

describe('version', () => {
  it('matches package.json, because it is sent to Vipps in Vipps-System-Version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(KASSA_VERSION).toBe(pkg.version);
  });
});
