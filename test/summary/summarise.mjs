/**
 * The closing count of `npm test`, from the steps' exit codes and the two runners' JSON reports
 * (vitest's `json` reporter, Playwright's `json` reporter). Kept apart from run-all.mjs so a test
 * can feed it real reports of deliberately broken files (test/unit/test-summary.test.ts).
 *
 * What it promises: everything that can fail is counted as failed (a test, a file that does not
 * load, a suite whose hook throws, a runner error outside any test, a step that exits non-zero
 * without a failing test), so the closing line never says `0 failed` for a failed run; every test
 * that did not run is counted as skipped, and listed by name with its reason.
 */

/**
 * @param {object} input
 * @param {{ title: string, ok: boolean }[]} input.steps every step run, with whether it exited 0
 * @param {any} [input.vitest] vitest's JSON report, or undefined when it wrote none
 * @param {any} [input.playwright] Playwright's JSON report, or undefined when it wrote none
 * @param {boolean} [input.specsRequired] a test not run for want of the Vipps specs is a failure (CI)
 */
export function summarise({ steps, vitest, playwright, specsRequired = false }) {
  const tally = { passed: 0, failed: 0, skipped: 0, failures: [], notRun: [] };
  if (vitest) addVitest(tally, vitest, specsRequired);
  const counted = { vitest: tally.failed, playwright: 0 };
  if (playwright) addPlaywright(tally, playwright);
  counted.playwright = tally.failed - counted.vitest;
  for (const step of steps) {
    if (step.ok) continue;
    // A step that failed must show in the count even when no test inside it did.
    const failuresInside = step.title === 'vitest' ? counted.vitest : step.title === 'playwright' ? counted.playwright : 0;
    if (failuresInside === 0) {
      tally.failed += 1;
      tally.failures.push(`${step.title}: exited non-zero${step.title === 'vitest' || step.title === 'playwright' ? ' with no failing test in its report' : ''}`);
    }
  }
  for (const [title, report] of [['vitest', vitest], ['playwright', playwright]]) {
    const ran = steps.some((step) => step.title === title);
    if (ran && !report) {
      tally.failed += 1;
      tally.failures.push(`${title}: wrote no report`);
    }
  }
  if (tally.passed + tally.failed + tally.skipped === 0) {
    tally.failed += 1;
    tally.failures.push('no tests ran');
  }
  return { ...tally, ok: tally.failed === 0 };
}

function addVitest(tally, report, specsRequired) {
  for (const file of report.testResults ?? []) {
    const name = relativeName(file.name);
    let failedInFile = 0;
    for (const test of file.assertionResults ?? []) {
      const title = [name, ...test.ancestorTitles, test.title].join(' › ');
      if (test.status === 'passed') tally.passed += 1;
      else if (test.status === 'failed') {
        tally.failed += 1;
        failedInFile += 1;
        tally.failures.push(title);
      } else if (test.meta?.notRun && specsRequired) {
        tally.failed += 1;
        failedInFile += 1;
        tally.failures.push(`${title} (not run where it must run: ${test.meta.notRun})`);
      } else {
        tally.skipped += 1;
        tally.notRun.push({ title, reason: test.meta?.notRun ?? reasonOfStatus(test.status) });
      }
    }
    // A file that does not load, or a hook that throws outside every test: failed, tests or not.
    if (file.status === 'failed' && failedInFile === 0) {
      tally.failed += 1;
      tally.failures.push(`${name}: ${firstLine(file.message) || 'failed outside any test'}`);
    }
  }
}

function addPlaywright(tally, report) {
  for (const { title, test } of playwrightTests(report.suites ?? [], [])) {
    const status = test.status;
    if (status === 'expected') tally.passed += 1;
    else if (status === 'skipped') {
      tally.skipped += 1;
      const skip = [...(test.annotations ?? []), ...(test.results ?? []).flatMap((r) => r.annotations ?? [])].find((a) => a.type === 'skip' || a.type === 'fixme');
      tally.notRun.push({ title, reason: skip?.description || 'skipped, no reason given' });
    } else {
      // unexpected, and flaky (passed only on a retry: retries are off, so this is a failure too)
      tally.failed += 1;
      tally.failures.push(`${title}${status === 'flaky' ? ' (flaky)' : ''}`);
    }
  }
  // Errors outside tests: a spec file that does not load, a global setup that throws.
  for (const error of report.errors ?? []) {
    tally.failed += 1;
    tally.failures.push(`playwright: ${firstLine(error.message ?? String(error))}`);
  }
}

function* playwrightTests(suites, path) {
  for (const suite of suites) {
    const here = suite.title ? [...path, suite.title] : path;
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) yield { title: [...here, spec.title].join(' › '), test };
    }
    yield* playwrightTests(suite.suites ?? [], here);
  }
}

const reasonOfStatus = (status) => (status === 'todo' ? 'todo' : 'skipped, no reason given');
const firstLine = (text) => String(text ?? '').split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
const relativeName = (file) => String(file).replace(/\\/g, '/').replace(/^.*?\/(test\/)/, '$1');

/**
 * The report's text: what failed, what did not run and why (grouped by reason), and the closing
 * line `N passed, N failed, N skipped` alone on the last line, which CI reads.
 */
export function formatSummary(summary) {
  const lines = [];
  if (summary.failures.length > 0) {
    lines.push('', 'Failed:');
    for (const failure of summary.failures) lines.push(`  ✗ ${failure}`);
  }
  if (summary.notRun.length > 0) {
    lines.push('', 'Not run:');
    const byReason = new Map();
    for (const entry of summary.notRun) byReason.set(entry.reason, [...(byReason.get(entry.reason) ?? []), entry]);
    for (const [reason, entries] of byReason) {
      lines.push(`  ${reason}:`);
      for (const entry of entries) lines.push(`    - ${entry.title}`);
    }
  }
  lines.push('', closingLine(summary));
  return lines.join('\n');
}

export const closingLine = ({ passed, failed, skipped }) => `${passed} passed, ${failed} failed, ${skipped} skipped`;
