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
  await settleTransitions(page);
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => (globalThis as unknown as { axe: { run(context: unknown): Promise<AxeResult> } }).axe.run((globalThis as unknown as { document: unknown }).document));
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.html}\n  ${node.failureSummary ?? ''}`));
}

/**
 * Lets the CSS transitions under way finish first: axe measures colours as they are at that
 * instant, and a button just enabled is still fading from grey to orange for 120 ms (white on
 * light grey is no real contrast problem). Endless animations (a spinner, a pulse) are left alone.
 */
async function settleTransitions(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const running = (globalThis as unknown as { document: { getAnimations(): Array<{ finished: Promise<unknown>; effect: { getTiming(): { iterations?: number } } | null }> } }).document.getAnimations();
    await Promise.all(running.filter((animation) => animation.effect?.getTiming().iterations !== Infinity).map((animation) => animation.finished.catch(() => undefined)));
  });
}
