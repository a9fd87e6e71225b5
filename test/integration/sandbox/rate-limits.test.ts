import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Harness } from './harness';

describe('rate limits (sliding 60 s windows on the sandbox clock)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startSandbox();
  });
  afterEach(() => h.close());

  it('allows 5 UpdateAgreement calls per agreement per minute, then 429 with Retry-After', async () => {
    const { agreementId } = await h.draft();
    await h.control('POST', `/agreements/${agreementId}/approve`, {});
    const patch = () => h.vipps('PATCH', `/recurring/v3/agreements/${agreementId}`, { body: { productDescription: 'x' } });
    for (let i = 0; i < 5; i++) {
      expect((await patch()).status).toBe(204);
      h.clock.now += 1000;
    }
    const limited = await patch();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('55');
    expect(limited.body.result.message).toMatch(/Rate limit/);
    expect(limited.body.responseInfo.responseCode).toBe(429);

    // Another agreement has its own window.
    const other = await h.draft();
    await h.control('POST', `/agreements/${other.agreementId}/approve`, {});
    expect((await h.vipps('PATCH', `/recurring/v3/agreements/${other.agreementId}`, { body: { productDescription: 'y' } })).status).toBe(204);

    // When the oldest call leaves the window, one more is allowed.
    h.clock.now += 55_000;
    expect((await patch()).status).toBe(204);
    expect((await patch()).status).toBe(429);
  });

  it('allows 120 FetchAgreement calls per agreement per minute', async () => {
    const { agreementId } = await h.draft();
    for (let i = 0; i < 120; i++) {
      const reply = await h.vipps('GET', `/recurring/v3/agreements/${agreementId}`);
      if (reply.status !== 200) throw new Error(`call ${i}: ${reply.status}`);
    }
    const limited = await h.vipps('GET', `/recurring/v3/agreements/${agreementId}`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    h.clock.now += 60_000;
    expect((await h.vipps('GET', `/recurring/v3/agreements/${agreementId}`)).status).toBe(200);
  });

  it('allows 10 FetchCharge calls per charge and 10 ListCharges per agreement', async () => {
    const { agreementId, chargeId } = await h.draft({ initialCharge: { amount: 100, description: 'Start', transactionType: 'RESERVE_CAPTURE' } });
    for (let i = 0; i < 10; i++) expect((await h.vipps('GET', `/recurring/v3/agreements/${agreementId}/charges/${chargeId}`)).status).toBe(200);
    expect((await h.vipps('GET', `/recurring/v3/agreements/${agreementId}/charges/${chargeId}`)).status).toBe(429);
    for (let i = 0; i < 10; i++) expect((await h.vipps('GET', `/recurring/v3/agreements/${agreementId}/charges`)).status).toBe(200);
    expect((await h.vipps('GET', `/recurring/v3/agreements/${agreementId}/charges`)).status).toBe(429);
  });

  it('allows 5 captures per charge per minute', async () => {
    const { agreementId, chargeId } = await h.draft({ initialCharge: { amount: 1000, description: 'Start', transactionType: 'RESERVE_CAPTURE' } });
    await h.control('POST', `/agreements/${agreementId}/approve`, {});
    const capture = () => h.vipps('POST', `/recurring/v3/agreements/${agreementId}/charges/${chargeId}/capture`, { body: { amount: 100 } });
    for (let i = 0; i < 5; i++) expect((await capture()).status).toBe(204);
    expect((await capture()).status).toBe(429);
  });

  it('does not store a 429 under the idempotency key: the same key works after the wait', async () => {
    const { agreementId } = await h.draft();
    await h.control('POST', `/agreements/${agreementId}/approve`, {});
    for (let i = 0; i < 5; i++) await h.vipps('PATCH', `/recurring/v3/agreements/${agreementId}`, { body: { productDescription: `v${i}` } });
    const limited = await h.vipps('PATCH', `/recurring/v3/agreements/${agreementId}`, { body: { status: 'STOPPED' }, idempotencyKey: 'stop-x' });
    expect(limited.status).toBe(429);
    h.clock.now += 60_000;
    expect((await h.vipps('PATCH', `/recurring/v3/agreements/${agreementId}`, { body: { status: 'STOPPED' }, idempotencyKey: 'stop-x' })).status).toBe(204);
  });

  it('can be switched off through the control API', async () => {
    const { agreementId } = await h.draft();
    await h.control('PATCH', '/settings', { rateLimits: false });
    for (let i = 0; i < 130; i++) {
      const reply = await h.vipps('GET', `/recurring/v3/agreements/${agreementId}`);
      if (reply.status !== 200) throw new Error(`call ${i}: ${reply.status}`);
    }
  });
});
