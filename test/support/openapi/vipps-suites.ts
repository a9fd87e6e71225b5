import { describe, it } from 'vitest';
import { resolveSpecDir, specsRequired, type SpecDirResolution } from './spec-dir';

declare module 'vitest' {
  interface TaskMeta {
    /** Why a test was not run; test/run-all.mjs lists such tests by name under "Not run:". */
    notRun?: string;
  }
}

/** Resolved once per test file (each file runs in its own worker). */
export const VIPPS_SPEC_DIR: SpecDirResolution = resolveSpecDir();

/** The spec folder; only call it inside a suite registered with describeWithVippsSpecs. */
export function vippsSpecDir(): string {
  if (!VIPPS_SPEC_DIR.found) throw new Error(`Vipps MobilePay OpenAPI files: ${VIPPS_SPEC_DIR.reason}`);
  return VIPPS_SPEC_DIR.dir;
}

/**
 * `describe` for a suite that needs the official Vipps MobilePay OpenAPI files. Where they are
 * found it is plain `describe`. Where they are not, its tests are still collected (so they are
 * reported by name) but skipped, each carrying the reason in `meta.notRun`; hooks do not run.
 * Where specs are required (CI), a missing folder is one failing test instead of a skip.
 * The suite's body must not read the specs while collecting: load them in beforeAll.
 */
export function describeWithVippsSpecs(title: string, body: () => void): void {
  const specs = VIPPS_SPEC_DIR;
  if (specs.found) {
    describe(title, body);
  } else if (specsRequired()) {
    describe(title, () => {
      it('has the official Vipps MobilePay OpenAPI files (required here: CI or KASSA_REQUIRE_VIPPS_SPECS)', () => {
        throw new Error(`Not run: ${specs.reason}`);
      });
    });
  } else {
    describe(title, { skip: true, meta: { notRun: specs.reason } }, body);
  }
}
