import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { seriousViolations } from './pages/axe';
import { CashierPage } from './pages/cashier-page';

const products = [
  { id: 'mug', name: 'Krus', unitPrice: 10000, currency: 'NOK', vatRate: 2500 },
  { id: 'bread', name: 'Brød', unitPrice: 5000, currency: 'NOK', vatRate: 1500 },
];

test.beforeEach(async ({ control }) => {
  await control.call('PUT', '/billing/products', { products });
});

async function cashSale(cashier: CashierPage, productId: string, tendered: number) {
  await cashier.api('cart.add', { productId });
  await cashier.api('payment.cash', { requestId: crypto.randomUUID(), tendered });
}

/** Closes the day with `counted` typed; confirms once if reports are still on their way to billing. */
async function closeDay(cashier: CashierPage, counted: string) {
  const page = cashier.page;
  await page.getByTestId('counted-cash').fill(counted);
  await page.getByTestId('close-day').click();
  const closed = page.getByTestId('z-report');
  await expect(closed.or(page.getByTestId('close-error'))).toBeVisible();
  if (await page.getByTestId('close-error').isVisible()) await page.getByTestId('close-day').click();
  await expect(closed).toBeVisible();
}

test('the manager reviews the day, exports the sales as CSV, and closes the day with a cash difference; the next Z is number 2', async ({ page, kassa }) => {
  const cashier = new CashierPage(page, kassa);
  await cashier.open('manager');
  await cashSale(cashier, 'mug', 10000);
  await cashSale(cashier, 'bread', 5000);

  await page.getByTestId('nav-manager').click();
  await expect(page.getByTestId('total-gross')).toContainText(/150,00/);
  await expect(page.getByTestId('total-net')).toContainText(/150,00/);
  await expect(page.getByTestId('by-tender')).toContainText('Cash');
  const chart = page.getByTestId('hour-chart').getByRole('img');
  await expect(chart).toHaveAttribute('aria-label', /^Sales and first payments of agreements per hour on .*busiest hour \d\d:00/);
  // The legend says what a bar counts, for everyone (and as the chart's description for screen readers).
  await expect(page.getByTestId('hour-chart-legend')).toHaveText(/goods sold and the first payments of new agreements\. Refunds are not subtracted\./);
  await expect(chart).toHaveAccessibleDescription(/Each bar shows the money taken in that hour/);
  await expect(page.getByTestId('hour-bar')).toHaveCount(1);
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByTestId('manager-tab-entries').click();
  await expect(page.getByTestId('entries-count')).toHaveText('1–2 of 2');
  expect(await seriousViolations(page)).toEqual([]);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain(',100.00,0.00,NOK,Kari Nordmann,');
  expect(csv).toContain(',50.00,0.00,NOK,Kari Nordmann,');

  await page.getByTestId('manager-tab-close').click();
  await page.getByTestId('move-amount').fill('1000');
  await page.getByTestId('move-reason').fill('Opening float');
  await page.getByTestId('move-record').click();
  await expect(page.getByTestId('drawer-expected')).toContainText(/1\s?150,00/);
  await closeDay(cashier, '1140');
  await expect(page.getByTestId('report-title')).toHaveText('Z-report no. 1');
  await expect(page.getByTestId('report-difference')).toContainText(/10,00/);
  await expect(page.getByTestId('report-grand-total')).toContainText(/150,00/);
  expect(await seriousViolations(page)).toEqual([]);

  await closeDay(cashier, '0');
  await expect(page.getByTestId('report-title')).toHaveText('Z-report no. 2');
  await expect(page.getByTestId('z-history')).toContainText('Z-report no. 1');

  await page.getByTestId('manager-tab-journal').click();
  await expect(page.getByTestId('journal-panel')).toContainText('Day closed (Z-report)');
  expect(await seriousViolations(page)).toEqual([]);
});
