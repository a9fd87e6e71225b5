import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closingLine, formatSummary, summarise, type TestSummary } from '../summary/summarise.mjs';
import { makeTempDir } from '../support/temp-dir';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const CLOSING_LINE = /^(\d+) passed, (\d+) failed, (\d+) skipped$/;

/** The line CI reads: alone, and last. */
function lastLine(summary: TestSummary): string {
  return formatSummary(summary).split('\n').at(-1)!;
}

describe('the closing line of npm test, over real reports of broken test files', () => {
  const reports = makeTempDir('kassa-summary-');
  let vitestReport: unknown;
  let vitestExit: number | null;

  beforeAll(() => {
    // The same runner and reporter npm test uses, on test/summary/fixtures/: a file that fails to
    // load, a suite whose afterAll throws, a passing test and a test not run with a reason.
    const output = join(reports.path, 'vitest.json');
    const run = spawnSync(
      process.execPath,
      [join(projectRoot, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', 'test/summary/fixtures/vitest.config.ts', '--reporter=json', `--outputFile.json=${output}`],
      { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, CI: '' } },
    );
    vitestExit = run.status;
    vitestReport = JSON.parse(readFileSync(output, 'utf8'));
  }, 60_000);
  afterAll(() => reports.cleanup());

  it('counts a file that fails to load and a suite that fails outside its tests as failed', () => {
    expect(vitestExit).not.toBe(0);
    const summary = summarise({ steps: [{ title: 'vitest', ok: false }], vitest: vitestReport });
    expect(summary).toMatchObject({ passed: 2, failed: 2, skipped: 1, ok: false });
    expect(summary.failures).toEqual([
      'test/summary/fixtures/fails-to-load.fixture.ts: fixture: this file fails to load',
      'test/summary/fixtures/hook-throws.fixture.ts: failed outside any test',
    ]);
    expect(lastLine(summary)).toBe('2 passed, 2 failed, 1 skipped');
  });

  it('lists a test that did not run by name, with its reason', () => {
    const text = formatSummary(summarise({ steps: [{ title: 'vitest', ok: false }], vitest: vitestReport }));
    expect(text).toContain('Not run:\n  fixture: no such folder:\n    - test/summary/fixtures/passes-and-skips.fixture.ts › needs something this machine lacks › would compare traffic');
  });

  it('makes a test not run a failure where it must run (CI)', () => {
    const summary = summarise({ steps: [{ title: 'vitest', ok: false }], vitest: vitestReport, specsRequired: true });
    expect(summary).toMatchObject({ passed: 2, failed: 3, skipped: 0 });
    expect(summary.failures.at(-1)).toMatch(/would compare traffic \(not run where it must run: fixture: no such folder\)$/);
  });
});

describe('the closing line never says 0 failed for a failed run', () => {
  const passingVitest = {
    testResults: [{ name: `${projectRoot}test/unit/x.test.ts`, status: 'passed', message: '', assertionResults: [{ ancestorTitles: [], title: 't', status: 'passed' }] }],
  };

  it('counts a step that exits non-zero without a failing test', () => {
    for (const title of ['typecheck', 'lint', 'build', 'vitest']) {
      const summary = summarise({ steps: [{ title, ok: false }], vitest: passingVitest });
      expect(summary.failed, title).toBe(1);
      expect(summary.ok).toBe(false);
    }
  });

  it('counts a runner that wrote no report, and a run in which no test ran', () => {
    expect(summarise({ steps: [{ title: 'vitest', ok: true }], vitest: passingVitest }).failed).toBe(0);
    expect(summarise({ steps: [{ title: 'vitest', ok: true }, { title: 'playwright', ok: true }], vitest: passingVitest }).failures).toEqual(['playwright: wrote no report']);
    expect(summarise({ steps: [] }).failures).toEqual(['no tests ran']);
  });

  it('counts Playwright errors outside tests, and its skipped tests with their reason', () => {
    const playwright = {
      errors: [{ message: 'Error: Cannot find module ./pages/missing\n    at spec.ts:1' }],
      suites: [
        {
          title: 'sync.spec.ts',
          specs: [
            { title: 'syncs', tests: [{ status: 'expected', annotations: [] }] },
            { title: 'later', tests: [{ status: 'skipped', annotations: [{ type: 'skip', description: 'needs a printer' }] }] },
          ],
        },
      ],
    };
    const summary = summarise({ steps: [{ title: 'playwright', ok: false }], playwright });
    expect(summary).toMatchObject({ passed: 1, failed: 1, skipped: 1 });
    expect(summary.failures).toEqual(['playwright: Error: Cannot find module ./pages/missing']);
    expect(summary.notRun).toEqual([{ title: 'sync.spec.ts › later', reason: 'needs a printer' }]);
  });

  it('keeps the format CI reads', () => {
    expect(closingLine({ passed: 493, failed: 0, skipped: 52 })).toMatch(CLOSING_LINE);
    expect(lastLine(summarise({ steps: [{ title: 'vitest', ok: true }], vitest: passingVitest }))).toBe('1 passed, 0 failed, 0 skipped');
  });
});
