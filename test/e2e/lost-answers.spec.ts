import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { GoodsPage } from './pages/goods-page';

/**
 * The answer to a call that moves money is lost on its way back to the page (the connection drops
 * after the core did the work). The renderer must retry with the same client request id, and the
 * customer must be charged or refunded once. The request really reaches the till; only the answer
 * is thrown away, by the browser's own network layer.
 */
const products = [{ id: 'mug', name: 'Krus', unitPrice: 49700, currency: 'NOK', vatRate: 2500, barcode: '7038010000027' }];

test.beforeEach(async ({ control }) => {
  await control.call('PUT', '/billing/products', { products });
});

/** Lets the first call of `name` reach the till, then drops its answer; later calls pass. Returns every request body sent. */
async function loseFirstAnswer(page: Page, name: string): Promise<Array<Record<string, unknown>>> {
  const bodies: Array<Record<string, unknown>> = [];
  await page.route(`**/api/invoke/${name}`, async (route) => {
    bodies.push(route.request().postDataJSON() as Record<string, unknown>);
    if (bodies.length > 1) return route.continue();
    await route.fetch();
    await route.abort('connectionreset');
  });
  return bodies;
}

async function paidByPhone(page: Page, control: { call(method: string, path: string, body?: unknown): Promise<any> }): Promise<string> {
  const goods = new GoodsPage(page);
  await goods.open();
  await goods.scan('7038010000027');
  await goods.payByPhone('41234567');
  await expect(page.getByTestId('payment-waiting')).toBeVisible();
  const [{ reference }] = (await control.call('GET', '/payments')).payments;
  await control.call('POST', `/payments/${reference}/approve`, {});
  await expect(goods.outcome).toHaveText('Paid');
  return reference;
}

test('a refund whose answer was lost is retried with the same request id and refunds once', async ({ cashier, control }) => {
  const reference = await paidByPhone(cashier.page, control);
  await cashier.page.getByTestId('nav-sales').click();
  await cashier.page.locator('[data-testid^="sales-row-"]').first().click();
  const bodies = await loseFirstAnswer(cashier.page, 'sale.refund');

  await cashier.page.getByTestId('refund-amount').fill('200');
  await cashier.page.getByTestId('refund-submit').click();
  await cashier.page.getByTestId('refund-confirm').click();

  // The retry is what ends the cashier's wait: the form is ready again, with no error.
  await expect.poll(() => bodies.length).toBeGreaterThanOrEqual(2);
  await expect(cashier.page.getByTestId('refund-submit')).toHaveText('Refund…');
  await expect(cashier.page.getByTestId('refund-error')).toHaveCount(0);
  await expect(cashier.page.getByTestId('refundable-amount')).toContainText('297,00');
  await expect(cashier.page.locator('[data-testid^="refund-row-"]')).toHaveCount(1);
  expect(new Set(bodies.map((b) => b.requestId)).size).toBe(1);
  const payment = await control.call('GET', `/payments/${reference}`);
  expect(payment.aggregate.refundedAmount.value).toBe(20000);
});

test('a cash sale whose answer was lost is recorded once and its receipt shown', async ({ cashier }) => {
  const goods = new GoodsPage(cashier.page);
  await goods.open();
  await goods.scan('7038010000027');
  const bodies = await loseFirstAnswer(cashier.page, 'payment.cash');
  await cashier.page.getByTestId('pay-cash').click();
  await cashier.page.getByTestId('cash-tendered').fill('500');
  await cashier.page.getByTestId('cash-confirm').click();

  await expect(cashier.page.getByTestId('receipt-change')).toContainText('3,00');
  expect(new Set(bodies.map((b) => b.requestId)).size).toBe(1);
  await cashier.page.getByTestId('nav-sales').click();
  await expect(cashier.page.locator('[data-testid^="sales-row-"]')).toHaveCount(1);
});

test('a subscription sale whose answer was lost sends one agreement to the phone', async ({ cashier, control }) => {
  const bodies = await loseFirstAnswer(cashier.page, 'subscription.start');
  await cashier.sellTo('kaffeklubben-mnd', '91234567');
  await expect(cashier.waiting).toBeVisible();
  expect(new Set(bodies.map((b) => b.requestId)).size).toBe(1);
  expect(await control.agreements()).toHaveLength(1);
});
