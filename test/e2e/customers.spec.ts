import { expect, test } from './fixtures';
import { seriousViolations } from './pages/axe';
import type { CashierPage } from './pages/cashier-page';
import type { SandboxControl } from './pages/sandbox-control';

/** A customer signed up earlier: sold, approved on the phone, registered with billing. */
async function existingSubscriber(cashier: CashierPage, control: SandboxControl, planId: string): Promise<string> {
  await cashier.sellTo(planId, '912 34 567');
  await expect(cashier.waiting).toBeVisible();
  const [agreement] = await control.agreements();
  await control.call('POST', `/agreements/${agreement!.id}/approve`, {});
  await expect(cashier.outcomeTitle).toHaveText('Approved');
  await expect.poll(async () => (await control.call('GET', '/billing/agreements')).agreements.length).toBe(1);
  await cashier.page.getByTestId('new-sale').click();
  return agreement!.id;
}

async function findByPhone(cashier: CashierPage) {
  await cashier.page.getByTestId('nav-customers').click();
  await cashier.page.getByTestId('customer-phone-input').fill('912 34 567');
  await cashier.page.getByTestId('customer-search').click();
  await expect(cashier.page.getByTestId('customer-results')).toBeVisible();
}

test('a returning customer is recognised and the plan is changed instead of a second agreement', async ({ cashier, control }) => {
  const agreementId = await existingSubscriber(cashier, control, 'kaffeklubben-mnd');
  const { page } = cashier;

  await cashier.sellTo('kaffeklubben-mnd', '912 34 567');
  const notice = page.getByTestId('returning-notice');
  await expect(notice).toHaveAttribute('data-state', 'same-plan');
  await expect(page.getByTestId('send-anyway')).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId('returning-change').click();

  const card = page.getByTestId(`agreement-${agreementId}`);
  await expect(card.getByTestId('agreement-status')).toHaveText('Active');
  await card.getByTestId('change-plan-select').selectOption('sykkelservice-aar');
  await expect(card.getByTestId('change-preview')).toBeVisible();
  await expect(card.getByTestId('change-to-name')).toHaveText('Sykkelservice årsavtale');
  expect(await seriousViolations(page)).toEqual([]);
  await card.getByTestId('change-plan-confirm').click();
  await expect(card.getByTestId('operation-status')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId(`agreement-${agreementId}`).locator('.agreement-card-title')).toHaveText('Sykkelservice årsavtale');

  const agreements = await control.agreements();
  expect(agreements).toHaveLength(1);
  const live = await control.call('GET', `/agreements/${agreementId}`);
  expect(JSON.stringify(live)).toContain('Sykkelservice');
});

test('a stop, with a reason and a confirmation', async ({ cashier, control }) => {
  const agreementId = await existingSubscriber(cashier, control, 'kaffeklubben-mnd');
  const { page } = cashier;
  await findByPhone(cashier);
  const card = page.getByTestId(`agreement-${agreementId}`);
  await card.getByTestId('action-stop').click();
  await card.getByTestId('stop-reason').fill('Moving to Bergen');
  await card.getByTestId('stop-submit').click();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId('stop-confirm').click();
  await expect(card.getByTestId('operation-status')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId(`agreement-${agreementId}`).getByTestId('agreement-status')).toContainText('Stopped — stopped at the till');
  const [agreement] = await control.agreements();
  expect(agreement!.status).toBe('STOPPED');
});

test('a refund of the captured initial charge, approved by a manager for a cashier', async ({ cashier, control, page }) => {
  const agreementId = await existingSubscriber(cashier, control, 'blomster-med-vase');
  // The cashier serves the customer; the manager approves the refund on the cashier's screen.
  await page.getByTestId('switch-user').click();
  await cashier.signIn('cashier');
  await findByPhone(cashier);
  const card = page.getByTestId(`agreement-${agreementId}`);
  await card.getByTestId('action-charges').click();
  const charge = card.locator('[data-testid^="charge-"]').filter({ has: page.getByTestId('charge-status') }).first();
  await expect(charge.getByTestId('charge-status')).toHaveText('Charged');
  await charge.getByTestId('charge-refund-amount').fill('100');
  await charge.getByTestId('charge-refund-submit').click();
  const approval = page.getByTestId('manager-approval');
  await expect(approval).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await approval.getByTestId('approval-pin-input').fill('2222');
  await approval.getByTestId('approval-pin-submit').click();
  await expect(approval).toHaveCount(0);
  await expect(charge.getByTestId('operation-status')).toHaveAttribute('data-status', 'done');
  await expect(charge.getByTestId('charge-status')).toHaveText('Partly refunded');
});

test('with billing offline the lookup says it could not check; the change reaches Vipps and billing later', async ({ cashier, control }) => {
  const agreementId = await existingSubscriber(cashier, control, 'kaffeklubben-mnd');
  const { page } = cashier;
  await control.call('PUT', '/billing/offline', { offline: true });

  await cashier.sellTo('kaffeklubben-mnd', '912 34 567');
  await expect(page.getByTestId('returning-notice')).toHaveAttribute('data-state', 'unchecked');
  await expect(page.getByTestId('send-anyway')).toBeVisible();
  await page.getByTestId('returning-change').click();

  await expect(page.getByTestId('billing-unavailable')).toBeVisible();
  const card = page.getByTestId(`agreement-${agreementId}`);
  await card.getByTestId('change-plan-select').selectOption('sykkelservice-aar');
  await card.getByTestId('change-plan-confirm').click();
  await expect(card.getByTestId('operation-status')).toHaveAttribute('data-status', 'done');
  expect(JSON.stringify(await control.call('GET', `/agreements/${agreementId}`))).toContain('Sykkelservice');

  await control.call('PUT', '/billing/offline', { offline: false });
  await page.getByTestId('sync-now').click().catch(() => undefined);
  // The change was kept in the outbox and reaches billing once it answers again.
  await expect
    .poll(async () => ((await cashier.api('agreement.get', { agreementId })) as { billing: { planId: string } | null }).billing?.planId, { timeout: 30_000 })
    .toBe('sykkelservice-aar');
});

test.describe('a change Vipps accepts but does not carry out in time', () => {
  // The fast schedule follows a 202 for two seconds instead of two minutes.
  test.use({ kassaEnv: { KASSA_LANGUAGE: 'en', KASSA_FAST_SCHEDULE: '1' } });

  test('is shown as not confirmed yet, and "check again" finds it done once it shows', async ({ cashier, control }) => {
    const agreementId = await existingSubscriber(cashier, control, 'kaffeklubben-mnd');
    const { page } = cashier;
    await control.call('PATCH', '/settings', { asyncMutations: true, patchEnactDelayMs: 60 * 60_000 });
    await findByPhone(cashier);
    const card = page.getByTestId(`agreement-${agreementId}`);
    await card.getByTestId('action-change').click();
    await card.getByTestId('change-plan-select').selectOption('sykkelservice-aar');
    await card.getByTestId('change-plan-confirm').click();
    const status = card.getByTestId('operation-status');
    await expect(status).toHaveAttribute('data-status', 'unconfirmed');
    await expect(status).toContainText('Vipps accepted the change, but the agreement does not show it yet.');
    await expect(status).toContainText('Not confirmed yet');
    expect(await seriousViolations(page)).toEqual([]);

    await card.getByTestId('operation-check-again').click();
    await expect(card.getByTestId('operation-check-again')).toBeEnabled();
    await expect(status).toHaveAttribute('data-status', 'unconfirmed');

    await control.advanceClock(60 * 60_000);
    await card.getByTestId('operation-check-again').click();
    await expect(status).toHaveAttribute('data-status', 'done');
    expect(JSON.stringify(await control.call('GET', `/agreements/${agreementId}`))).toContain('Sykkelservice');
  });
});
