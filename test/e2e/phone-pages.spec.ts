import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { startSandbox, type Harness } from '../integration/sandbox/harness';

/** The sandbox's phone pages are what a trainee looks at most: their text must be readable (WCAG AA). */

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function contrastViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ nodes: Array<{ html: string; failureSummary?: string }> }> }> } }).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, { runOnly: { type: 'rule', values: ['color-contrast'] } });
    return result.violations.flatMap((violation) => violation.nodes.map((node) => `${node.html}\n  ${node.failureSummary ?? ''}`));
  });
}

let h: Harness;
test.beforeEach(async () => {
  h = await startSandbox();
});
test.afterEach(async () => {
  await h.close();
});

test('the phone pages pass axe colour contrast, with requests waiting and answered', async ({ page }) => {
  await page.goto(`${h.sandbox.phonePageUrl}`);
  expect(await contrastViolations(page)).toEqual([]);

  const waiting = await h.draft({
    campaign: { type: 'PERIOD_CAMPAIGN', price: 100, period: { unit: 'MONTH', count: 3 } },
    initialCharge: { amount: 100, description: 'Kampanje', transactionType: 'DIRECT_CAPTURE' },
    scope: 'name email',
  });
  const approved = await h.draft();
  const rejected = await h.draft();
  await h.createPayment();
  await h.control('POST', `/agreements/${approved.agreementId}/approve`, {});
  await h.control('POST', `/agreements/${rejected.agreementId}/reject`, {});

  await page.goto(`${h.sandbox.phonePageUrl}/4791234567`);
  await expect(page.getByTestId(`approve-${waiting.agreementId}`)).toBeVisible();
  expect(await contrastViolations(page)).toEqual([]);
});
