#!/usr/bin/env node
// `npm test`: typecheck, lint, build, vitest (unit + integration) and Playwright (e2e in Chromium),
// then what failed, what did not run and why, and one closing line `N passed, N failed, N skipped`
// summed over both test runners (test/summary/summarise.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { specsRequired } from './support/openapi/specs-required.mjs';
import { formatSummary, summarise } from './summary/summarise.mjs';

// Every step runs from the project root, wherever `npm test` was started and whatever the path holds.
const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const reports = mkdtempSync(join(tmpdir(), 'kassa-test-reports-'));
const vitestReport = join(reports, 'vitest.json');
const playwrightReport = join(reports, 'playwright.json');

/**
 * Runs a Node program with this Node, no shell: nothing is split at the spaces of a path such as
 * `C:\Users\Åse Ødegård\Kassa`, and Windows needs no `.cmd` shims.
 */
function run(title, script, args, env = {}) {
  console.log(`\n=== ${title}: ${[script, ...args].join(' ')}`);
  const result = spawnSync(process.execPath, [script, ...args], { stdio: 'inherit', cwd: projectRoot, env: { ...process.env, ...env } });
  if (result.error) console.error(`${title}: ${result.error.message}`);
  return { title, ok: result.status === 0 };
}

// npm sets npm_execpath when it runs `npm test`; `node test/run-all.mjs` alone looks where Node's
// installers put npm (beside node.exe on Windows, ../lib/node_modules elsewhere).
const npm =
  process.env.npm_execpath ??
  [join(process.execPath, '..', 'node_modules', 'npm', 'bin', 'npm-cli.js'), join(process.execPath, '..', '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js')].find(existsSync);
if (!npm) throw new Error('npm not found: run `npm test` instead of `node test/run-all.mjs`');
const vitest = join(projectRoot, 'node_modules', 'vitest', 'vitest.mjs');
const playwright = join(projectRoot, 'node_modules', '@playwright', 'test', 'cli.js');

const readReport = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);

const steps = [run('typecheck', npm, ['run', 'typecheck']), run('lint', npm, ['run', 'lint']), run('build', npm, ['run', 'build'])];
steps.push(run('vitest', vitest, ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]));
steps.push(run('playwright', playwright, ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport }));

const summary = summarise({ steps, vitest: readReport(vitestReport), playwright: readReport(playwrightReport), specsRequired: specsRequired() });
rmSync(reports, { recursive: true, force: true });
console.log(formatSummary(summary));
process.exit(summary.ok ? 0 : 1);
