import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type AxeResult = { violations: Array<{ id: string; impact: string | null; nodes: Array<{ html: string; failureSummary?: string }> }> };

/**
 * The serious and critical accessibility problems axe-core finds on the page as it is now. The
 * script is evaluated through the browser's debugging protocol, so the till's strict CSP (which
 * rightly refuses inline scripts) stays on.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => (globalThis as unknown as { axe: { run(context: unknown): Promise<AxeResult> } }).axe.run((globalThis as unknown as { document: unknown }).document));
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.html}\n  ${node.failureSummary ?? ''}`));
}
