import { expect, test } from './fixtures';
import { seriousViolations } from './pages/axe';
import { GoodsPage } from './pages/goods-page';

/**
 * Staff at the till, as people meet them: the training sign-in screen with its demo PINs, a
 * cashier selling, a refund that needs a manager's PIN on the same screen, and a lockout.
 */
const products = [{ id: 'mug', name: 'Krus', unitPrice: 19900, currency: 'NOK', vatRate: 2500, barcode: '7038010000027' }];

test.beforeEach(async ({ control }) => {
  await control.call('PUT', '/billing/products', { products });
});

test('a cashier sells, is refused a refund alone, and a manager approves it with a PIN', async ({ page, kassa, control }) => {
  const { CashierPage } = await import('./pages/cashier-page');
  const cashier = new CashierPage(page, kassa);
  await page.goto(kassa.launchUrl);
  await expect(page.getByTestId('sign-in')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await cashier.signIn('cashier');
  await expect(page.getByTestId('signed-in-as')).toContainText('Ola Nordmann');

  const goods = new GoodsPage(page);
  await goods.open();
  await goods.scan('7038010000027');
  await goods.payByPhone('41234567');
  await expect(page.getByTestId('payment-waiting')).toBeVisible();
  const [{ reference }] = (await control.call('GET', '/payments')).payments;
  await control.call('POST', `/payments/${reference}/approve`, {});
  await expect(goods.outcome).toHaveText('Paid');

  await page.getByTestId('nav-sales').click();
  await page.locator('[data-testid^="sales-row-"]').first().click();
  await page.getByTestId('refund-amount').fill('50');
  await page.getByTestId('refund-submit').click();
  await page.getByTestId('refund-confirm').click();

  const approval = page.getByTestId('manager-approval');
  await expect(approval).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await approval.getByTestId('approval-pin-input').fill('0000');
  await approval.getByTestId('approval-pin-submit').click();
  await expect(approval.getByTestId('approval-pin-error')).toContainText('not right');
  expect((await control.call('GET', `/payments/${reference}`)).aggregate.refundedAmount.value).toBe(0);

  await approval.getByTestId('approval-pin-input').fill('2222');
  await approval.getByTestId('approval-pin-submit').click();
  await expect(approval).toHaveCount(0);
  await expect(page.getByTestId('refundable-amount')).toContainText('149,00');
  expect((await control.call('GET', `/payments/${reference}`)).aggregate.refundedAmount.value).toBe(5000);
});

test('five wrong PINs lock the member, and the screen says for how long', async ({ page, kassa }) => {
  const { CashierPage } = await import('./pages/cashier-page');
  const cashier = new CashierPage(page, kassa);
  await page.goto(kassa.launchUrl);
  for (let attempt = 1; attempt <= 4; attempt++) {
    await cashier.signIn('cashier', '9999');
    await expect(page.getByTestId('pin-error')).toContainText(`${5 - attempt} ${5 - attempt === 1 ? 'try' : 'tries'} left`);
  }
  await cashier.signIn('cashier', '9999');
  await expect(page.getByTestId('pin-error')).toContainText('Too many wrong PINs');
  await cashier.signIn('cashier', '1111');
  await expect(page.getByTestId('pin-error')).toContainText('can try again in');
  await expect(page.getByTestId('signed-in-as')).toHaveCount(0);
});

test('a quick switch hands the till to the next cashier', async ({ cashier }) => {
  const { page } = cashier;
  await expect(page.getByTestId('signed-in-as')).toContainText('Kari Nordmann');
  await page.getByTestId('switch-user').click();
  await expect(page.getByTestId('sign-in')).toBeVisible();
  await cashier.signIn('cashier');
  await expect(page.getByTestId('signed-in-as')).toContainText('Ola Nordmann');
});

test('a manager adds a cashier, who can then sign in with their own PIN', async ({ cashier }) => {
  const { page } = cashier;
  await page.getByTestId('nav-staff').click();
  await page.getByTestId('new-staff-name').fill('Per Hansen');
  await page.getByTestId('new-staff-pin').fill('135791');
  await page.getByTestId('new-staff-submit').click();
  await expect(page.getByTestId('new-staff-added')).toContainText('Per Hansen can now sign in as Cashier');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByTestId('switch-user').click();
  await page.getByTestId('staff-Per Hansen').click();
  await page.getByTestId('pin-input').fill('135791');
  await page.getByTestId('pin-submit').click();
  await expect(page.getByTestId('signed-in-as')).toContainText('Per Hansen');
  // A cashier's navigation has no staff screen.
  await expect(page.getByTestId('nav-staff')).toHaveCount(0);
});

test('a cashier picks their own language, and the till speaks it again at their next sign-in', async ({ cashier }) => {
  const { page } = cashier;
  await page.getByTestId('staff-language').selectOption('da');
  await expect(page.getByTestId('nav-goods')).toHaveText('Sælg varer');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId('switch-user').click();
  await expect(page.getByTestId('sign-in')).toBeVisible();
  await page.getByTestId('staff-Kari Nordmann').click();
  await page.getByTestId('pin-input').fill('2222');
  await page.getByTestId('pin-submit').click();
  await expect(page.getByTestId('nav-goods')).toHaveText('Sælg varer');
});
