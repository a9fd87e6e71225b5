import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoreHarness } from '../../support/core-harness';
import { trainingCredentials } from '../../../electron/sandbox/training-credentials';

let h: CoreHarness;
afterEach(async () => {
  await h.close();
});

const phone = { country: 'NO' as const, number: '41234567' };

describe('when the network fails', () => {
  beforeEach(async () => {
    h = await CoreHarness.start();
  });

  it('replays a create whose response was lost with the same key, and never creates twice', async () => {
    await h.control('POST', '/faults', { kind: 'process-then-drop', method: 'POST', pathPrefix: '/recurring/v3/agreements', count: 1 });
    const first = await h.value('subscription.start', { planId: 'kaffeklubben-mnd', phone, profileScopes: [] });
    expect(first.status).toBe('requested');
    expect(first.problem).toMatchObject({ code: 'VIPPS_UNAVAILABLE', message: expect.stringMatching(/Nothing has been charged/) });

    await h.advance(2_000);
    const pending = await h.waitForStatus(first.id, 'pending');
    expect(pending.problem).toBeNull();
    const attempts = h.exchanges('POST', '/recurring/v3/agreements');
    expect(attempts.length).toBeGreaterThanOrEqual(1);
    expect(new Set(attempts.map((a) => a.requestHeaders['idempotency-key'])).size).toBe(1);
    expect(await h.agreementsFor(first.id)).toHaveLength(1);

    await h.approve(pending.agreementId!);
    await h.advance(5_000);
    await h.waitForStatus(first.id, 'active');
  });

  it('keeps polling through server errors and dropped connections', async () => {
    const sale = await h.value('subscription.start', { planId: 'kaffeklubben-mnd', phone, profileScopes: [] });
    await h.control('POST', '/faults', { kind: 'status', status: 503, method: 'GET', pathPrefix: '/recurring/v3/agreements', count: 2 });
    await h.control('POST', '/faults', { kind: 'drop', method: 'GET', pathPrefix: '/recurring/v3/agreements', count: 1 });
    await h.approve(sale.agreementId!);
    for (const ms of [5_000, 4_000, 8_000, 16_000]) await h.advance(ms);
    const done = await h.waitForStatus(sale.id, 'active');
    expect(done.problem).toBeNull();
  });

  it('cancels a sale whose create never got an answer, once Vipps can be reached', async () => {
    await h.control('POST', '/faults', { kind: 'process-then-drop', method: 'POST', pathPrefix: '/recurring/v3/agreements', count: 1 });
    const sale = await h.value('subscription.start', { planId: 'kaffeklubben-mnd', phone, profileScopes: [] });
    const cancelling = await h.value('subscription.cancel', { saleId: sale.id });
    expect(cancelling.status).toBe('cancelled');
    const [agreement] = await h.agreementsFor(sale.id);
    expect(agreement!.status).toBe('STOPPED');
    expect(h.exchanges('POST', '/recurring/v3/agreements').map((e) => e.requestHeaders['idempotency-key'])).toEqual([
      h.exchanges('POST', '/recurring/v3/agreements')[0]!.requestHeaders['idempotency-key'],
      h.exchanges('POST', '/recurring/v3/agreements')[0]!.requestHeaders['idempotency-key'],
    ]);
  });
});

describe('when the till crashes', () => {
  beforeEach(async () => {
    h = await CoreHarness.start();
  });

  it('resumes polling a waiting sale after a restart and finishes it', async () => {
    const sale = await h.value('subscription.start', { planId: 'kaffeklubben-mnd', phone, profileScopes: [] });
    await h.advance(5_000);
    await h.crashAndRestart();
    expect(await h.value('subscription.current', {})).toMatchObject({ id: sale.id, status: 'pending' });
    await h.approve(sale.agreementId!);
    await h.advance(0);
    await h.waitForStatus(sale.id, 'active');
    expect(await h.agreementsFor(sale.id)).toHaveLength(1);
  });

  it('replays the stored create after a crash before Vipps answered', async () => {
    await h.control('POST', '/faults', { kind: 'drop', method: 'POST', pathPrefix: '/recurring/v3/agreements', count: 1 });
    const sale = await h.value('subscription.start', { planId: 'kaffeklubben-mnd', phone, profileScopes: [] });
    expect(sale.status).toBe('requested');
    await h.crashAndRestart();
    await h.advance(0);
    const pending = await h.waitForStatus(sale.id, 'pending');
    expect(await h.agreementsFor(sale.id)).toHaveLength(1);
    expect(pending.agreementId).toBeTruthy();
  });

  it('captures a reserved initial charge exactly once across a crash', async () => {
    const sale = await h.value('subscription.start', { planId: 'blomster-med-vase', phone, profileScopes: [] });
    await h.approve(sale.agreementId!);
    // The capture is processed but its answer never arrives, and the till dies right then.
    await h.control('POST', '/faults', { kind: 'process-then-drop', method: 'POST', pathPrefix: `/recurring/v3/agreements/${sale.agreementId}/charges`, count: 1 });
    await h.advance(5_000);
    expect((await h.value('subscription.get', { saleId: sale.id })).status).toBe('capturing');
    await h.crashAndRestart();
    await h.advance(0);
    const done = await h.waitForStatus(sale.id, 'active');
    expect(done.initialCharge?.status).toBe('CHARGED');
    const captures = h.exchanges('POST', `/recurring/v3/agreements/${sale.agreementId}/charges/`);
    expect(new Set(captures.map((c) => c.requestHeaders['idempotency-key'])).size).toBe(1);
    const [agreement] = await h.control('GET', `/agreements/${sale.agreementId}`).then((a: { charges: unknown[] }) => [a]);
    expect(agreement!.charges).toEqual([expect.objectContaining({ status: 'CHARGED', summary: expect.objectContaining({ captured: 49900 }) })]);
  });
});

describe('credentials', () => {
  it('fetches one token for many concurrent calls and refreshes it before it expires', async () => {
    // The cashier stays signed in across the hour this test lets pass.
    h = await CoreHarness.start({ configure: (config) => ({ ...config, idleSignOutMinutes: 120 }) });
    const sale = await h.value('subscription.start', { planId: 'kaffeklubben-mnd', phone, profileScopes: ['name'] });
    expect(h.exchanges('POST', '/accesstoken/get')).toHaveLength(1);
    for (let i = 0; i < 20; i++) await h.advance(i === 0 ? 5_000 : 2_000);
    await h.approve(sale.agreementId!);
    await h.advance(2_000);
    await h.waitForStatus(sale.id, 'active');
    expect(h.exchanges('POST', '/accesstoken/get')).toHaveLength(1);
    // Test tokens live one hour: Kassa refreshes shortly before it runs out, never waiting for a 401.
    await h.advance(56 * 60_000);
    await h.value('subscription.start', { planId: 'kaffeklubben-mnd', phone, profileScopes: [] });
    expect(h.exchanges('POST', '/accesstoken/get')).toHaveLength(2);
    expect(h.sandbox.exchanges.filter((e) => e.status === 401)).toHaveLength(0);
  });

  it('refreshes once and retries when Vipps says the token is no longer valid', async () => {
    h = await CoreHarness.start();
    const sale = await h.value('subscription.start', { planId: 'kaffeklubben-mnd', phone, profileScopes: [] });
    // The sandbox's clock jumps past the token's life while Kassa still trusts it.
    await h.control('POST', '/clock/advance', { ms: 61 * 60_000 });
    await h.advance(5_000);
    expect(h.sandbox.exchanges.filter((e) => e.status === 401)).toHaveLength(1);
    expect(h.exchanges('POST', '/accesstoken/get')).toHaveLength(2);
    expect((await h.value('subscription.get', { saleId: sale.id })).status).toBe('expired');
  });

  it('says the keys are wrong without ever showing or logging the secret', async () => {
    h = await CoreHarness.start({ configure: (c) => ({ ...c, vipps: { ...c.vipps, clientSecret: 'wrong-super-secret-value' } }) });
    const result = await h.invoke('subscription.start', { planId: 'kaffeklubben-mnd', phone, profileScopes: [] });
    expect(result).toMatchObject({ ok: false, error: { code: 'VIPPS_AUTH' } });
    const everything = JSON.stringify(result) + h.logger.lines.join('\n');
    expect(everything).not.toContain('wrong-super-secret-value');
    expect(everything).not.toContain(trainingCredentials.subscriptionKey);
  });
});

describe('catalogue', () => {
  beforeEach(async () => {
    h = await CoreHarness.start();
  });

  it('serves the saved copy when the billing backend is down', async () => {
    const live = await h.value('catalogue.plans', {});
    expect(live.source).toBe('live');
    expect(live.plans.length).toBeGreaterThanOrEqual(5);
    expect(live.plans.map((p) => p.pricing.type)).toContain('VARIABLE');
    await h.control('POST', '/faults', { kind: 'status', status: 503, method: 'GET', pathPrefix: '/billing', count: 5 });
    const cached = await h.value('catalogue.plans', {});
    expect(cached).toMatchObject({ source: 'cache', fetchedAt: live.fetchedAt });
    expect(cached.plans).toEqual(live.plans);
  });

  it('asks the billing backend with If-None-Match and accepts a 304', async () => {
    await h.value('catalogue.plans', {});
    const again = await h.value('catalogue.plans', {});
    expect(again.source).toBe('live');
    const [, second] = h.exchanges('GET', '/billing/v1/plans');
    expect(second?.status).toBe(304);
  });

  it('says so when there is neither a backend nor a saved copy', async () => {
    await h.control('POST', '/faults', { kind: 'drop', method: 'GET', pathPrefix: '/billing', count: 1 });
    const result = await h.invoke('catalogue.plans', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'BILLING_UNAVAILABLE' } });
  });
});

describe('rate limits', () => {
  it('waits as long as Retry-After says on a 429, then carries on', async () => {
    h = await CoreHarness.start();
    const sale = await h.value('subscription.start', { planId: 'kaffeklubben-mnd', phone, profileScopes: [] });
    await h.control('POST', '/faults', { kind: 'rate-limit', retryAfterSeconds: 7, method: 'GET', pathPrefix: '/recurring/v3/agreements', count: 1 });
    await h.advance(5_000);
    const polls = () => h.exchanges('GET', `/recurring/v3/agreements/${sale.agreementId}`);
    expect(polls().map((e) => e.status)).toEqual([429]);
    await h.approve(sale.agreementId!);
    await h.advance(6_999);
    expect(polls()).toHaveLength(1);
    await h.advance(1);
    expect(polls().map((e) => e.status)).toEqual([429, 200]);
    await h.waitForStatus(sale.id, 'active');
  });
});
