import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectEpaymentProblem, paymentBody, startSandbox, type Harness } from './harness';

const nok = (value: number) => ({ currency: 'NOK', value });

describe('ePayment: Idempotency-Key', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startSandbox();
  });
  afterEach(() => h.close());

  const count = async () => (await h.control('GET', '/payments')).body.payments.length as number;
  const authorized = async () => {
    const { reference } = await h.createPayment();
    await h.control('POST', `/payments/${reference}/approve`, {});
    return reference;
  };
  const post = (reference: string, operation: string, value: number | null, key: string | null) =>
    h.epayment('POST', `/epayment/v1/payments/${reference}/${operation}`, { ...(value !== null ? { body: { modificationAmount: nok(value) } } : {}), idempotencyKey: key });

  it('replays a create with the same key and body (same response, one payment)', async () => {
    const body = paymentBody({ userFlow: 'QR', customer: undefined });
    const first = await h.epayment('POST', '/epayment/v1/payments', { body, idempotencyKey: 'sale-1' });
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const second = await h.epayment('POST', '/epayment/v1/payments', { rawBody: JSON.stringify(reordered, null, 2), headers: { 'Content-Type': 'application/json' }, idempotencyKey: 'sale-1' });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.text).toBe(first.text);
    expect(await count()).toBe(1);
  });

  it('a create under the same key with a different body: 409 "Reference … already exists" (4150)', async () => {
    const body = paymentBody();
    await h.epayment('POST', '/epayment/v1/payments', { body, idempotencyKey: 'sale-2' });
    const changed = await h.epayment('POST', '/epayment/v1/payments', { body: { ...body, amount: nok(20000) }, idempotencyKey: 'sale-2' });
    expectEpaymentProblem(changed, 409, 4150);
    expect(await count()).toBe(1);
  });

  it('replays a capture (the money moves once)', async () => {
    const reference = await authorized();
    const first = await post(reference, 'capture', 5000, 'cap-1');
    const replay = await post(reference, 'capture', 5000, 'cap-1');
    expect(replay.status).toBe(200);
    expect(replay.text).toBe(first.text);
    expect((await h.epayment('GET', `/epayment/v1/payments/${reference}`)).body.aggregate.capturedAmount.value).toBe(5000);
    // A new key is a new capture.
    expect((await post(reference, 'capture', 5000, 'cap-2')).body.aggregate.capturedAmount.value).toBe(10000);
  });

  it('4010 for a capture retried with the same key and another amount', async () => {
    const reference = await authorized();
    await post(reference, 'capture', 5000, 'cap-1');
    const reply = await post(reference, 'capture', 6000, 'cap-1');
    expectEpaymentProblem(reply, 409, 4010);
    expect(reply.body.title).toBe('Capture idempotency conflict');
  });

  it('4150 for a refund retried with the same key and another amount', async () => {
    const reference = await authorized();
    await post(reference, 'capture', 11800, 'cap-1');
    await post(reference, 'refund', 1000, 'ref-1');
    const replay = await post(reference, 'refund', 1000, 'ref-1');
    expect(replay.status).toBe(200);
    const reply = await post(reference, 'refund', 2000, 'ref-1');
    expectEpaymentProblem(reply, 409, 4150);
    expect(reply.body.title).toBe('Refund idempotency conflict');
    expect((await h.epayment('GET', `/epayment/v1/payments/${reference}`)).body.aggregate.refundedAmount.value).toBe(1000);
  });

  it('4020 for a key already used for another operation or another payment', async () => {
    const reference = await authorized();
    await post(reference, 'capture', 1000, 'used-1');
    const asRefund = await post(reference, 'refund', 1000, 'used-1');
    expectEpaymentProblem(asRefund, 409, 4020);
    expect(asRefund.body.title).toBe('Idempotency error');
    expect(asRefund.body.detail).toContain('Idempotency-Key `used-1` already exists');
    const other = await authorized();
    expectEpaymentProblem(await post(other, 'capture', 1000, 'used-1'), 409, 4020);
    // The create's key, too.
    const { reference: third } = await h.createPayment({}, { idempotencyKey: 'create-key' });
    await h.control('POST', `/payments/${third}/approve`, {});
    expectEpaymentProblem(await post(third, 'capture', 1000, 'create-key'), 409, 4020);
  });

  it('keeps answering a stored 4xx for the same key, even after the cause is gone', async () => {
    const { reference } = await h.createPayment();
    const early = await post(reference, 'capture', 1000, 'cap-early');
    expectEpaymentProblem(early, 400, 6080);
    await h.control('POST', `/payments/${reference}/approve`, {});
    const again = await post(reference, 'capture', 1000, 'cap-early');
    expect(again.status).toBe(400);
    expect(again.text).toBe(early.text);
    expect((await post(reference, 'capture', 1000, 'cap-late')).status).toBe(200);
  });

  it('does not store a 5xx: the retry with the same key is processed', async () => {
    await h.control('POST', '/faults', { kind: 'status', status: 503, method: 'POST', pathPrefix: '/epayment/v1/payments' });
    const body = paymentBody();
    const failed = await h.epayment('POST', '/epayment/v1/payments', { body, idempotencyKey: 'sale-5' });
    expectEpaymentProblem(failed, 503, null);
    expect(await count()).toBe(0);
    expect((await h.epayment('POST', '/epayment/v1/payments', { body, idempotencyKey: 'sale-5' })).status).toBe(201);
  });

  it('a lost answer (process-then-drop): the retry with the same key gets the stored response', async () => {
    const reference = await authorized();
    await h.control('POST', '/faults', { kind: 'process-then-drop', method: 'POST', pathPrefix: `/epayment/v1/payments/${reference}/capture` });
    await expect(post(reference, 'capture', 2000, 'cap-lost')).rejects.toThrow();
    const retry = await post(reference, 'capture', 2000, 'cap-lost');
    expect(retry.body.aggregate.capturedAmount.value).toBe(2000);
  });

  it('cancel: works without a key; with one, a replay returns the stored answer', async () => {
    const reference = await authorized();
    await post(reference, 'capture', 1000, 'cap-1');
    const first = await post(reference, 'cancel', null, 'cancel-1');
    expect(first.body.aggregate.cancelledAmount.value).toBe(10800);
    const replay = await post(reference, 'cancel', null, 'cancel-1');
    expect(replay.text).toBe(first.text);
    expectEpaymentProblem(await h.epayment('POST', `/epayment/v1/payments/${reference}/cancel`, { body: { cancelTransactionOnly: true }, idempotencyKey: 'cancel-1' }), 409, 4020);
    const { reference: other } = await h.createPayment();
    expect((await post(other, 'cancel', null, null)).body.state).toBe('TERMINATED');
  });

  it('requires a key on capture and refund', async () => {
    const reference = await authorized();
    expectEpaymentProblem(await post(reference, 'capture', 1000, null), 400, null);
    expectEpaymentProblem(await post(reference, 'refund', 1000, null), 400, null);
  });

  it('keeps ePayment keys apart from Recurring keys', async () => {
    await h.vipps('POST', '/recurring/v3/agreements', {
      body: { pricing: { type: 'LEGACY', currency: 'NOK', amount: 100 }, merchantRedirectUrl: 'https://kassa.example/r', merchantAgreementUrl: 'https://kassa.example/a', productName: 'Kaffe' },
      idempotencyKey: 'shared-key',
    });
    expect((await h.epayment('POST', '/epayment/v1/payments', { body: paymentBody(), idempotencyKey: 'shared-key' })).status).toBe(201);
  });
});

describe('ePayment: rate limits (per reference, sliding 60 s on the sandbox clock)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startSandbox();
  });
  afterEach(() => h.close());

  it('allows 5 captures per payment per minute, then 429 with Retry-After; other payments and operations have their own windows', async () => {
    const { reference } = await h.createPayment();
    await h.control('POST', `/payments/${reference}/approve`, {});
    const capture = () => h.epayment('POST', `/epayment/v1/payments/${reference}/capture`, { body: { modificationAmount: nok(100) } });
    for (let i = 0; i < 5; i++) {
      expect((await capture()).status).toBe(200);
      h.clock.now += 1000;
    }
    const limited = await capture();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('55');
    expect(limited.body.responseInfo.responseCode).toBe(429);

    expect((await h.epayment('POST', `/epayment/v1/payments/${reference}/refund`, { body: { modificationAmount: nok(100) } })).status).toBe(200);
    const other = await h.createPayment();
    await h.control('POST', `/payments/${other.reference}/approve`, {});
    expect((await h.epayment('POST', `/epayment/v1/payments/${other.reference}/capture`, { body: { modificationAmount: nok(100) } })).status).toBe(200);

    h.clock.now += 55_000;
    expect((await capture()).status).toBe(200);
    expect((await capture()).status).toBe(429);
  });

  it('counts creates per reference: 5 tries of one reference, then 429 (even for replays)', async () => {
    const body = paymentBody();
    for (let i = 0; i < 5; i++) expect((await h.epayment('POST', '/epayment/v1/payments', { body, idempotencyKey: 'same' })).status).toBe(201);
    expect((await h.epayment('POST', '/epayment/v1/payments', { body, idempotencyKey: 'same' })).status).toBe(429);
    expect((await h.createPayment()).reply.status).toBe(201);
  });

  it('allows 120 GETs per payment per minute, and as many event-log reads', async () => {
    const { reference } = await h.createPayment();
    for (let i = 0; i < 120; i++) {
      const reply = await h.epayment('GET', `/epayment/v1/payments/${reference}`);
      if (reply.status !== 200) throw new Error(`call ${i}: ${reply.status}`);
    }
    expect((await h.epayment('GET', `/epayment/v1/payments/${reference}`)).status).toBe(429);
    expect((await h.epayment('GET', `/epayment/v1/payments/${reference}/events`)).status).toBe(200);
    h.clock.now += 60_000;
    expect((await h.epayment('GET', `/epayment/v1/payments/${reference}`)).status).toBe(200);
  });

  it('does not store a 429 under the key, and can be switched off', async () => {
    const { reference } = await h.createPayment();
    await h.control('POST', `/payments/${reference}/approve`, {});
    for (let i = 0; i < 5; i++) await h.epayment('POST', `/epayment/v1/payments/${reference}/capture`, { body: { modificationAmount: nok(100) } });
    const limited = await h.epayment('POST', `/epayment/v1/payments/${reference}/capture`, { body: { modificationAmount: nok(100) }, idempotencyKey: 'after-wait' });
    expect(limited.status).toBe(429);
    await h.control('PATCH', '/settings', { rateLimits: false });
    expect((await h.epayment('POST', `/epayment/v1/payments/${reference}/capture`, { body: { modificationAmount: nok(100) }, idempotencyKey: 'after-wait' })).status).toBe(200);
    for (let i = 0; i < 10; i++) expect((await h.epayment('POST', `/epayment/v1/payments/${reference}/capture`, { body: { modificationAmount: nok(100) } })).status).toBe(200);
  });
});
