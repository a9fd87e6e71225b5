import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoreHarness } from '../../support/core-harness';

let h: CoreHarness;
beforeEach(async () => {
  h = await CoreHarness.start();
});
afterEach(async () => {
  await h.close();
});

const phone = { country: 'NO' as const, number: '912 34 567' };

async function startSale(planId: string, profileScopes: Array<'name' | 'email' | 'address'> = []) {
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
