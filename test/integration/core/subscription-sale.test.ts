import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoreHarness } from '../../support/core-harness';
import { signInDemo } from '../../support/demo-staff';
import { defaultCatalogue } from '../../../electron/sandbox/billing/catalogue';
import type { ProfileScope } from '../../../shared/subscription';

let h: CoreHarness;
beforeEach(async () => {
  h = await CoreHarness.start();
});
afterEach(async () => {
  await h.close();
});

const phone = { country: 'NO' as const, number: '912 34 567' };

async function startSale(planId: string, profileScopes: ProfileScope[] = []) {
  const sale = await h.value('subscription.start', { planId, phone, profileScopes });
  expect(sale.status).toBe('pending');
  return sale;
}

describe('a subscription sale at the counter', () => {
  it('sends a headless agreement and shows the approval within one poll', async () => {
    const sale = await startSale('kaffeklubben-mnd');
    const [create] = h.exchanges('POST', '/recurring/v3/agreements');
    expect(create!.requestBody).toMatchObject({
      skipLandingPage: true,
      phoneNumber: '4791234567',
      pricing: { type: 'LEGACY', currency: 'NOK', amount: 19900 },
      interval: { unit: 'MONTH', count: 1 },
      productName: 'Kaffeklubben – månedlig',
      externalId: sale.id,
      merchantAgreementUrl: 'https://kassa.example/subscriptions',
    });
    expect(create!.requestHeaders['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(create!.requestHeaders['vipps-system-name']).toBe('Kassa');
    expect(sale.confirmationUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/phone\/agreements\//);
    expect(sale.expiresAt).toBe(h.clock.now() + 10 * 60_000);

    // The first poll comes after 5 s; the customer has not answered yet.
    await h.advance(5_000);
    expect(h.exchanges('GET', `/recurring/v3/agreements/${sale.agreementId}`)).toHaveLength(1);
    expect((await h.value('subscription.get', { saleId: sale.id })).status).toBe('pending');

    await h.approve(sale.agreementId!);
    await h.clock.advance(2_000);
    const done = await h.waitForStatus(sale.id, 'active');
    expect(done.agreementId).toBe(sale.agreementId);
    expect(done.problem).toBeNull();
    expect(await h.value('subscription.current', {})).toBeNull();
  });

  it('captures a reserved initial charge at once and fetches the shared profile', async () => {
    const sale = await startSale('blomster-med-vase', ['name', 'email', 'address']);
    const [create] = h.exchanges('POST', '/recurring/v3/agreements');
    expect(create!.requestBody).toMatchObject({
      scope: 'name email address',
      initialCharge: { amount: 49900, transactionType: 'RESERVE_CAPTURE', description: 'Glassvase, hentes i butikken' },
    });
    expect(sale.initialCharge?.chargeId).toBeTruthy();

    await h.approve(sale.agreementId!);
    await h.clock.advance(5_000);
    const done = await h.waitForStatus(sale.id, 'active');
    expect(done.initialCharge).toEqual({ chargeId: sale.initialCharge!.chargeId, status: 'CHARGED' });
    expect(done.profile?.name).toBeTruthy();
    expect(done.profile?.email).toContain('@');
    expect(done.profile?.address).toBeTruthy();
    const captures = h.exchanges('POST', `/recurring/v3/agreements/${sale.agreementId}/charges/`);
    expect(captures).toHaveLength(1);
    expect(captures[0]!.requestBody).toEqual({ amount: 49900 });
    // Userinfo is outside the API subscription: Kassa must not send the subscription key.
    const [userinfo] = h.exchanges('GET', '/vipps-userinfo-api/userinfo/');
    expect(userinfo!.requestHeaders['ocp-apim-subscription-key']).toBeUndefined();
  });

  it('asks for all five profile scopes, shows what came back, and reports it to billing as the contact', async () => {
    const sale = await startSale('blomster-med-vase', ['name', 'email', 'address', 'phoneNumber', 'birthDate']);
    const [create] = h.exchanges('POST', '/recurring/v3/agreements');
    expect((create!.requestBody as { scope: string }).scope).toBe('name email address phoneNumber birthDate');
    await h.approve(sale.agreementId!);
    await h.clock.advance(5_000);
    const done = await h.waitForStatus(sale.id, 'active');
    expect(done.profile).toMatchObject({ phoneNumber: '4791234567', birthDate: '1985-04-12' });
    await h.value('sync.now', {});
    const [subscriber] = (await h.control('GET', '/billing/subscribers?phone=4791234567')).subscribers;
    const lookup = await h.value('customers.lookup', { phone });
    expect(lookup.subscribers[0]!.contact).toMatchObject({ phoneNumber: '4791234567', birthDate: '1985-04-12' });
    expect(subscriber.subscriberId).toBe(lookup.subscribers[0]!.subscriberId);
  });

  it('gives the initial charge the receipt number as externalId, and the agreement the sale id', async () => {
    const sale = await startSale('blomster-med-vase');
    expect(sale.receiptNumber).toMatch(/^till-test-\d{6}$/);
    const [create] = h.exchanges('POST', '/recurring/v3/agreements');
    expect(create!.requestBody).toMatchObject({ externalId: sale.id, initialCharge: { externalId: sale.receiptNumber } });
    await h.approve(sale.agreementId!);
    await h.clock.advance(5_000);
    await h.waitForStatus(sale.id, 'active');
    const [initial] = await h.value('agreement.charges', { agreementId: sale.agreementId! });
    const charge = (await h.control('GET', `/agreements/${sale.agreementId}`)).charges[0];
    expect(charge).toMatchObject({ id: initial!.id, externalId: sale.receiptNumber });
    // The next sign-up takes the next number from the same counter.
    const next = await startSale('kaffeklubben-mnd');
    expect(Number(next.receiptNumber!.slice(-6))).toBe(Number(sale.receiptNumber!.slice(-6)) + 1);
  });

  it("lists today's sign-ups, newest first, with the initial charge; not yesterday's", async () => {
    const yesterday = await startSale('blomster-med-vase');
    await h.approve(yesterday.agreementId!);
    await h.clock.advance(5_000);
    await h.waitForStatus(yesterday.id, 'active');
    await h.advance(24 * 60 * 60_000);
    // A day later the manager signs in again (the idle sign-out has run).
    await signInDemo((name, body) => h.invoke(name as never, body as never));
    const today = await startSale('blomster-med-vase');
    await h.approve(today.agreementId!);
    await h.clock.advance(5_000);
    await h.waitForStatus(today.id, 'active');
    const declined = await startSale('kaffeklubben-mnd');
    const list = await h.value('sales.signUps', {});
    expect(list.map((s) => s.id)).toEqual([declined.id, today.id]);
    expect(list[1]).toMatchObject({ status: 'active', receiptNumber: today.receiptNumber, initialCharge: { status: 'CHARGED' }, plan: { initialCharge: { amount: 49900 } } });
    expect(list[0]!.status).toBe('pending');
  });

  it('sells pay per use: a FLEXIBLE interval is drafted without any interval', async () => {
    const sale = await startSale('sykkelverksted-per-reparasjon');
    const [create] = h.exchanges('POST', '/recurring/v3/agreements');
    expect(create!.requestBody).toMatchObject({ pricing: { type: 'VARIABLE', currency: 'NOK', suggestedMaxAmount: 200000 } });
    expect(create!.requestBody).not.toHaveProperty('interval');
    await h.approve(sale.agreementId!);
    await h.clock.advance(5_000);
    await h.waitForStatus(sale.id, 'active');
    const view = await h.value('agreement.get', { agreementId: sale.agreementId! });
    expect(view.live).toMatchObject({ interval: { type: 'FLEXIBLE' }, nextChargeDate: null });
  });

  it('sells FLEXIBLE pricing: no amount at all, only the currency', async () => {
    const flexible = { id: 'strom-flex', name: 'Strøm etter forbruk', currency: 'NOK', pricing: { type: 'FLEXIBLE' }, interval: { unit: 'MONTH', count: 1 }, vatRate: 2500 };
    await h.control('PUT', '/billing/plans', { plans: [...defaultCatalogue(h.clock.now()), flexible] });
    const catalogue = await h.value('catalogue.plans', { refresh: true });
    expect(catalogue.plans.find((p) => p.id === 'strom-flex')).toMatchObject({ pricing: { type: 'FLEXIBLE' } });
    const sale = await startSale('strom-flex');
    const [create] = h.exchanges('POST', '/recurring/v3/agreements');
    expect((create!.requestBody as { pricing: unknown }).pricing).toEqual({ type: 'FLEXIBLE', currency: 'NOK' });
    await h.approve(sale.agreementId!);
    await h.clock.advance(5_000);
    await h.waitForStatus(sale.id, 'active');
    expect((await h.value('agreement.get', { agreementId: sale.agreementId! })).live?.pricing).toEqual({ type: 'FLEXIBLE', currency: 'NOK' });
  });

  it('shows the sign-up on the customer display: the plan while waiting, then how it ended, never the phone number', async () => {
    const sale = await startSale('kaffeklubben-mnd', ['name', 'phoneNumber']);
    const waiting = await h.value('display.get', {});
    expect(waiting).toMatchObject({ phase: 'signup-waiting', lines: [], signUp: { plan: { id: 'kaffeklubben-mnd' } }, expiresAt: sale.expiresAt });
    expect(JSON.stringify(waiting)).not.toContain('91234567');
    await h.approve(sale.agreementId!);
    await h.clock.advance(5_000);
    await h.waitForStatus(sale.id, 'active');
    const done = await h.value('display.get', {});
    expect(done).toMatchObject({ phase: 'signed-up', signUp: { plan: { id: 'kaffeklubben-mnd' } }, qrUrl: null, expiresAt: null });
    expect(JSON.stringify(done)).not.toContain('91234567');

    const declined = await startSale('kaffeklubben-mnd');
    await h.reject(declined.agreementId!);
    await h.clock.advance(5_000);
    await h.waitForStatus(declined.id, 'rejected');
    expect(await h.value('display.get', {})).toMatchObject({ phase: 'not-signed-up' });
  });

  it('takes a sign-up the cashier cancels off the customer display at once', async () => {
    const sale = await startSale('kaffeklubben-mnd');
    await h.value('subscription.cancel', { saleId: sale.id });
    expect(await h.value('display.get', {})).toMatchObject({ phase: 'idle', signUp: null });
  });

  it('shows a rejection as declined by the customer', async () => {
    const sale = await startSale('kaffeklubben-mnd');
    await h.reject(sale.agreementId!);
    await h.clock.advance(5_000);
    const done = await h.waitForStatus(sale.id, 'rejected');
    expect(done.outcomeReason).toBeNull();
  });

  it('expires after ten minutes without an answer', async () => {
    const sale = await startSale('kaffeklubben-mnd');
    await h.clock.advance(5_000);
    await h.clock.advance(10 * 60_000);
    await h.clock.advance(2_000);
    await h.waitForStatus(sale.id, 'expired');
  });

  it('says when a failed direct-capture initial charge made the agreement expire', async () => {
    await h.control('POST', '/initial-charge/fail-next', {});
    const sale = await startSale('treningssenter-basis');
    await h.approve(sale.agreementId!);
    await h.clock.advance(5_000);
    const done = await h.waitForStatus(sale.id, 'expired');
    expect(done.outcomeReason).toBe('initial-charge-failed');
    expect(done.initialCharge?.status).toBe('FAILED');
  });

  it('cancels a waiting sale by stopping the agreement', async () => {
    const sale = await startSale('kaffeklubben-mnd');
    const cancelled = await h.value('subscription.cancel', { saleId: sale.id });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.outcomeReason).toBe('cancelled-by-cashier');
    const [stop] = h.exchanges('PATCH', `/recurring/v3/agreements/${sale.agreementId}`);
    expect(stop!.requestBody).toEqual({ status: 'STOPPED' });
    expect((await h.agreementsFor(sale.id))[0]!.status).toBe('STOPPED');
  });

  it('lets an approval that beat the cancel stand', async () => {
    const sale = await startSale('kaffeklubben-mnd');
    await h.approve(sale.agreementId!);
    const after = await h.value('subscription.cancel', { saleId: sale.id });
    expect(after.status).toBe('active');
    expect(h.exchanges('PATCH', `/recurring/v3/agreements/${sale.agreementId}`)).toHaveLength(0);
  });

  it('allows one waiting sale per till', async () => {
    await startSale('kaffeklubben-mnd');
    const second = await h.invoke('subscription.start', { planId: 'kaffeklubben-mnd', phone, profileScopes: [] });
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('bad input', () => {
  it.each([
    ['123', /too short|not a mobile/],
    ['22 12 34 56', /not a mobile number/],
    ['912345678', /too long/],
    ['+45 20 12 34 56', /another country/],
    ['91a34567', /only contain digits/],
  ])('refuses phone %j with a message on the phone field, sending and storing nothing', async (number, message) => {
    const result = await h.invoke('subscription.start', { planId: 'kaffeklubben-mnd', phone: { country: 'NO', number }, profileScopes: [] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.fields?.phone).toMatch(message);
    expect(h.exchanges('POST', '/recurring/v3/agreements')).toHaveLength(0);
    expect(await h.value('subscription.current', {})).toBeNull();
  });

  it('refuses a missing plan and a plan the catalogue rejected', async () => {
    await h.control('PUT', '/billing/plans', {
      plans: [{ id: 'too-long', name: 'A'.repeat(46), currency: 'NOK', pricing: { type: 'LEGACY', amount: 100 }, interval: { unit: 'MONTH', count: 1 }, vatRate: 2500 }],
    });
    const catalogue = await h.value('catalogue.plans', {});
    expect(catalogue.rejected[0]!.reason).toMatch(/longer than 45/);
    const rejected = await h.invoke('subscription.start', { planId: 'too-long', phone, profileScopes: [] });
    expect(rejected).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/cannot be sold.*45/) } });
    const missing = await h.invoke('subscription.start', { planId: '', phone, profileScopes: [] });
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { planId: 'Choose a plan' } } });
    expect(h.exchanges('POST', '/recurring/v3/agreements')).toHaveLength(0);
  });

  it('explains a sales unit that may not skip the landing page', async () => {
    await h.control('PATCH', '/merchants/123456', { skipLandingPageAllowed: false });
    const result = await h.invoke('subscription.start', { planId: 'kaffeklubben-mnd', phone, profileScopes: [] });
    expect(result).toMatchObject({ ok: false, error: { code: 'SKIP_LANDING_PAGE_NOT_ALLOWED', message: expect.stringMatching(/MSN 123456.*not enabled/) } });
    expect(await h.value('subscription.current', {})).toBeNull();
  });
});

describe('when Vipps will not withdraw a pending request', () => {
  it('keeps watching at the normal pace and lets the expiry decide', async () => {
    await h.control('PATCH', '/settings', { pendingStopAllowed: false });
    const sale = await startSale('kaffeklubben-mnd');
    const after = await h.value('subscription.cancel', { saleId: sale.id });
    expect(after).toMatchObject({ status: 'pending', cancelRequested: true, problem: { code: 'VIPPS_REJECTED' } });
    expect(await h.value('subscription.current', {})).toBeNull();
    for (let i = 0; i < 10; i++) await h.advance(2_000);
    expect(h.exchanges('PATCH', `/recurring/v3/agreements/${sale.agreementId}`)).toHaveLength(1);
    expect(h.exchanges('GET', `/recurring/v3/agreements/${sale.agreementId}`).length).toBeLessThanOrEqual(11);
    await h.advance(10 * 60_000);
    await h.advance(2_000);
    await h.waitForStatus(sale.id, 'expired');
  });
});
