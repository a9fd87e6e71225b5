import { expect, test } from './fixtures';
import { PhonePage } from './pages/cashier-page';
import { seriousViolations } from './pages/axe';

test('the customer approves on the phone and the cashier sees it', async ({ cashier, control, context }) => {
  await cashier.sellTo('blomster-med-vase', '912 34 567', { scopes: ['name', 'email', 'address', 'phoneNumber', 'birthDate'] });
  await expect(cashier.waiting).toBeVisible();
  await expect(cashier.waiting).toContainText('+47 912 34 567');
  await expect(cashier.page.getByTestId('countdown')).toHaveText(/^(10:00|09:[0-5]\d)$/);
  await expect(cashier.page.getByTestId('confirmation-qr')).toBeVisible();

  const phone = new PhonePage(await context.newPage());
  await phone.open(control.phonePage('4791234567'));
  await expect(phone.page.locator('[data-testid^="request-"]').first()).toContainText('Blomsterabonnement med vase');
  const agreementId = await phone.answerFirstRequest('approve');

  await expect(cashier.outcomeTitle).toHaveText('Approved');
  await expect(cashier.page.getByTestId('agreement-id')).toContainText(agreementId);
  await expect(cashier.page.getByTestId('profile-name')).not.toBeEmpty();
  await expect(cashier.page.getByTestId('profile-email')).toContainText('@');
  await expect(cashier.page.getByTestId('profile-address')).not.toBeEmpty();
  await expect(cashier.page.getByTestId('profile-phoneNumber')).toHaveText('+47 912 34 567');
  await expect(cashier.page.getByTestId('profile-birthDate')).toHaveText('April 12, 1985');
  const receipt = (await cashier.page.getByTestId('receipt-number').textContent())!;
  expect(receipt).toMatch(/-\d{6}$/);
  const [agreement] = await control.agreements();
  expect(agreement).toMatchObject({ id: agreementId, status: 'ACTIVE' });

  // The sign-up is in today's sales, with its plan, price, first payment and receipt number.
  await cashier.page.getByTestId('nav-sales').click();
  const row = cashier.page.getByTestId('sign-up-list').locator('[data-testid^="sign-up-"][data-status="active"]');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Blomsterabonnement med vase');
  await expect(row).toContainText(receipt);
  await expect(row).toContainText('Approved');
  await expect(row.getByTestId('sign-up-first-payment')).toContainText('499,00');
  await expect(row.getByTestId('sign-up-first-payment')).toContainText('Captured');
});

test('the customer rejects', async ({ cashier, control, context }) => {
  await cashier.sellTo('kaffeklubben-mnd', '41234567');
  await expect(cashier.waiting).toBeVisible();
  const phone = new PhonePage(await context.newPage());
  await phone.open(control.phonePage('4741234567'));
  await phone.answerFirstRequest('reject');
  await expect(cashier.outcomeTitle).toHaveText('Declined by the customer');
});

test('the request expires when the customer does nothing for ten minutes', async ({ cashier, control }) => {
  await cashier.sellTo('kaffeklubben-mnd', '41234567');
  await expect(cashier.waiting).toBeVisible();
  await control.advanceClock(10 * 60_000 + 1_000);
  await expect(cashier.outcomeTitle).toHaveText('Expired');
});

test('the cashier cancels after confirming', async ({ cashier, control }) => {
  await cashier.sellTo('kaffeklubben-mnd', '41234567');
  await expect(cashier.waiting).toBeVisible();
  await cashier.cancel();
  await expect(cashier.outcomeTitle).toHaveText('Cancelled');
  const [agreement] = await control.agreements();
  expect(agreement!.status).toBe('STOPPED');
});

test('a sales unit without skipLandingPage gets a clear message and nothing is sent', async ({ cashier, control }) => {
  await control.forbidSkipLandingPage();
  await cashier.sellTo('kaffeklubben-mnd', '41234567');
  await expect(cashier.page.getByTestId('form-error')).toContainText('MSN 123456');
  await expect(cashier.page.getByTestId('form-error')).toContainText('not enabled');
  await expect(cashier.waiting).toHaveCount(0);
});

test('a restart while waiting brings the waiting screen back and finishes the sale', async ({ cashier, kassa, control, page }) => {
  await cashier.sellTo('kaffeklubben-mnd', '41234567');
  await expect(cashier.waiting).toBeVisible();
  await kassa.kill();
  await kassa.start();
  await page.goto(kassa.launchUrl);
  await cashier.signIn('cashier');
  await expect(cashier.waiting).toBeVisible();
  await expect(cashier.waiting).toContainText('+47 412 34 567');
  const [agreement] = await control.agreements();
  await control.call('POST', `/agreements/${agreement!.id}/approve`, {});
  await expect(cashier.outcomeTitle).toHaveText('Approved');
  expect(await control.agreements()).toHaveLength(1);
});

test('bad phone numbers get specific messages and cannot be sent', async ({ cashier }) => {
  const { page } = cashier;
  await cashier.openSubscriptions();
  await cashier.plan('kaffeklubben-mnd').click();
  const input = page.getByTestId('phone-input');
  const send = page.getByTestId('send-to-phone');

  await input.fill('22 12 34 56');
  await expect(page.getByTestId('phone-error')).toContainText(/not a mobile number/i);
  await expect(send).toBeDisabled();

  await input.fill('912345678');
  await expect(page.getByTestId('phone-error')).toContainText(/too many digits/i);
  await expect(send).toBeDisabled();

  await input.fill('+45 20 12 34 56');
  await expect(page.getByTestId('phone-error')).toContainText(/another country/i);

  await page.getByTestId('country-select').selectOption('DK');
  await expect(page.getByTestId('phone-error')).toHaveCount(0);
  await expect(send).toBeEnabled();

  await page.getByTestId('country-select').selectOption('FI');
  await input.fill('040 123 4567');
  await expect(send).toBeEnabled();
});

test('the customer-facing display shows the plan while the customer approves, then the welcome, never the phone number', async ({ cashier, control }) => {
  const display = await cashier.openCustomerDisplay();
  await cashier.sellTo('kaffeklubben-mnd', '41234567');
  await expect(cashier.waiting).toBeVisible();
  await expect(display.getByTestId('display-root')).toHaveAttribute('data-phase', 'signup-waiting');
  await expect(display.getByTestId('display-signup')).toContainText('Kaffeklubben');
  await expect(display.getByTestId('display-countdown')).toBeVisible();
  expect(await seriousViolations(display)).toEqual([]);
  const [agreement] = await control.agreements();
  await control.call('POST', `/agreements/${agreement!.id}/approve`, {});
  await expect(display.getByTestId('display-root')).toHaveAttribute('data-phase', 'signed-up');
  await expect(display.getByTestId('display-signup')).toContainText('Kaffeklubben');
  await expect(display.locator('body')).not.toContainText('412 34 567');
  expect(await seriousViolations(display)).toEqual([]);
});
