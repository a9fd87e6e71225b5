import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { GoodsPage } from './pages/goods-page';
import type { SandboxControl } from './pages/sandbox-control';

const products = [
  { id: 'beans', name: 'Kaffebønner 250 g', unitPrice: 14900, currency: 'NOK', vatRate: 1500, barcode: '7038010000010' },
  { id: 'mug', name: 'Krus', unitPrice: 19900, currency: 'NOK', vatRate: 2500, barcode: '7038010000027' },
];

test.beforeEach(async ({ control }) => {
  await control.call('PUT', '/billing/products', { products });
});

async function goods(page: Page): Promise<GoodsPage> {
  const goodsPage = new GoodsPage(page);
  await goodsPage.open();
  await goodsPage.scan('7038010000010');
  await goodsPage.scan('7038010000010');
  await goodsPage.add('mug');
  await expect(page.getByTestId('cart-total')).toContainText('497,00');
  return goodsPage;
}

async function waitingPayment(control: SandboxControl): Promise<{ reference: string }> {
  const { payments } = await control.call('GET', '/payments');
  return payments[0];
}

test('push payment approved on the phone is captured and the receipt shown', async ({ cashier, control, context }) => {
  const page = await goods(cashier.page);
  await expect(cashier.page.getByTestId('vat-row-2500')).toContainText('39,80');
  await expect(cashier.page.getByTestId('vat-row-1500')).toContainText('38,87');
  await page.payByPhone('912 34 567');
  await expect(cashier.page.getByTestId('payment-waiting')).toBeVisible();
  const phone = await context.newPage();
  await phone.goto(control.phonePage('4791234567'));
  const request = phone.locator('[data-testid^="payment-request-"]').first();
  await expect(request).toContainText('Kaffebønner 250 g');
  const reference = (await request.getAttribute('data-testid'))!.replace('payment-request-', '');
  await phone.getByTestId(`approve-payment-${reference}`).click();
  await expect(page.outcome).toHaveText('Paid');
  await expect(cashier.page.getByTestId('receipt')).toBeVisible();
  await expect(cashier.page.getByTestId('receipt-total')).toContainText('497,00');
  const { payments } = await control.call('GET', '/payments');
  expect(JSON.stringify(payments[0])).toContain('"capturedAmount":{"currency":"NOK","value":49700}');
});

test('a QR scanned on the phone page is approved', async ({ cashier, control, context }) => {
  const page = await goods(cashier.page);
  const target = await page.payByQr();
  const phone = await context.newPage();
  await phone.goto(target);
  const { reference } = await waitingPayment(control);
  await phone.getByTestId(`approve-payment-${reference}`).click();
  await expect(page.outcome).toHaveText('Paid');
});

test('the customer rejects', async ({ cashier, control }) => {
  const page = await goods(cashier.page);
  await page.payByPhone('41234567');
  await expect(cashier.page.getByTestId('payment-waiting')).toBeVisible();
  const { reference } = await waitingPayment(control);
  await control.call('POST', `/payments/${reference}/reject`, {});
  await expect(page.outcome).toHaveText('Declined by the customer');
});

test('the payment expires after ten minutes', async ({ cashier, control }) => {
  const page = await goods(cashier.page);
  await page.payByPhone('41234567');
  await expect(cashier.page.getByTestId('payment-waiting')).toBeVisible();
  await control.advanceClock(10 * 60_000 + 1_000);
  await expect(page.outcome).toHaveText('Expired');
});

test('cancel before the customer approves withdraws the request', async ({ cashier }) => {
  const page = await goods(cashier.page);
  await page.payByPhone('41234567');
  await expect(cashier.page.getByTestId('payment-waiting')).toBeVisible();
  await page.cancelPayment();
  await expect(page.outcome).toHaveText('Cancelled — request withdrawn');
});

test('cancel after approval, while the capture is pending, releases the reservation', async ({ cashier, control }) => {
  const page = await goods(cashier.page);
  await page.payByPhone('41234567');
  await expect(cashier.page.getByTestId('payment-waiting')).toBeVisible();
  const { reference } = await waitingPayment(control);
  await control.call('POST', '/faults', { kind: 'status', status: 503, method: 'POST', pathPrefix: `/epayment/v1/payments/${reference}/capture`, count: 100 });
  await control.call('POST', `/payments/${reference}/approve`, {});
  await expect(cashier.page.getByTestId('capture-pending')).toBeVisible();
  await page.cancelPayment();
  await expect(page.outcome).toHaveText('Cancelled — reservation released');
});

test('two partial refunds, then a third above the captured amount is refused', async ({ cashier, control }) => {
  const page = await goods(cashier.page);
  await page.payByPhone('41234567');
  await expect(cashier.page.getByTestId('payment-waiting')).toBeVisible();
  const { reference } = await waitingPayment(control);
  await control.call('POST', `/payments/${reference}/approve`, {});
  await expect(page.outcome).toHaveText('Paid');

  await cashier.page.getByTestId('nav-sales').click();
  await cashier.page.locator('[data-testid^="sales-row-"]').first().click();
  const refund = async (amount: string) => {
    await cashier.page.getByTestId('refund-amount').fill(amount);
    await cashier.page.getByTestId('refund-submit').click();
    await cashier.page.getByTestId('refund-confirm').click();
  };
  await refund('200');
  await expect(cashier.page.getByTestId('refundable-amount')).toContainText('297,00');
  await refund('200');
  await expect(cashier.page.getByTestId('refundable-amount')).toContainText('97,00');
  await cashier.page.getByTestId('refund-amount').fill('100');
  await cashier.page.getByTestId('refund-submit').click();
  await expect(cashier.page.getByTestId('refund-error')).toBeVisible();
  await expect(cashier.page.locator('[data-testid^="refund-row-"]')).toHaveCount(2);
});

test('cash with change', async ({ cashier }) => {
  await goods(cashier.page);
  await cashier.page.getByTestId('pay-cash').click();
  await cashier.page.getByTestId('cash-tendered').fill('500');
  await expect(cashier.page.getByTestId('cash-change')).toContainText('3,00');
  await cashier.page.getByTestId('cash-confirm').click();
  await expect(cashier.page.getByTestId('receipt-change')).toContainText('3,00');
});

test('a shop that may not push gets the QR offered', async ({ cashier, control }) => {
  await control.call('PATCH', '/merchants/123456', { pushMessageAllowed: false });
  const page = await goods(cashier.page);
  await page.payByPhone('41234567');
  await expect(cashier.page.getByTestId('offer-qr')).toBeVisible();
  await cashier.page.getByTestId('offer-qr').click();
  await expect(cashier.page.getByTestId('payment-qr')).toBeVisible();
});

test('the customer-facing display follows the cart and shows the QR', async ({ cashier }) => {
  const display = await cashier.openCustomerDisplay();
  await expect(display.getByTestId('display-root')).toHaveAttribute('data-phase', 'idle');
  const page = await goods(cashier.page);
  await expect(display.getByTestId('display-root')).toHaveAttribute('data-phase', 'cart');
  await expect(display.getByTestId('display-line-beans')).toContainText('2');
  await expect(display.getByTestId('display-total')).toContainText('497,00');
  const target = await page.payByQr();
  await expect(display.getByTestId('display-qr')).toHaveAttribute('data-value', target);
  await expect(display.getByText(/sync/i)).toHaveCount(0);
});
