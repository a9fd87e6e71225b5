import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draftBody, startSandbox, type Harness } from './harness';

describe('fault injection', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startSandbox();
  });
  afterEach(() => h.close());

  const agreementsCount = async () => (await h.control('GET', '/agreements')).body.agreements.length as number;
  const post = (key: string) => h.vipps('POST', '/recurring/v3/agreements', { body: draftBody(), idempotencyKey: key });

  it('delays a matching request by the given latency, then answers normally', async () => {
    await h.token();
    await h.control('POST', '/faults', { kind: 'latency', ms: 150, method: 'GET', pathPrefix: '/recurring/v3/agreements' });
    const started = performance.now();
    const reply = await h.vipps('GET', '/recurring/v3/agreements');
    const elapsed = performance.now() - started;
    expect(reply.status).toBe(200);
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect((await h.control('GET', '/faults')).body.faults).toEqual([]);
  });

  it('answers an injected 5xx without processing, for `count` requests only', async () => {
    const armed = await h.control('POST', '/faults', { kind: 'status', status: 502, method: 'POST', pathPrefix: '/recurring/', count: 2 });
    expect(armed.status).toBe(201);
    const first = await post('f-1');
    const second = await post('f-2');
    expect([first.status, second.status]).toEqual([502, 502]);
    expect(first.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await agreementsCount()).toBe(0);
    expect((await post('f-3')).status).toBe(201);
    expect(h.sandbox.exchanges.filter((x) => x.fault === 'status')).toHaveLength(2);
  });

  it('answers an injected 429 with Retry-After like the gateway, without processing', async () => {
    await h.control('POST', '/faults', { kind: 'rate-limit', retryAfterSeconds: 9, method: 'POST', pathPrefix: '/recurring/' });
    const limited = await post('r-1');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('9');
    expect(limited.body.responseInfo.responseCode).toBe(429);
    expect(await agreementsCount()).toBe(0);
    expect((await post('r-1')).status).toBe(201);
  });

  it('only fires on the matching method and path prefix', async () => {
    await h.control('POST', '/faults', { kind: 'status', status: 500, method: 'GET', pathPrefix: '/billing/' });
    expect((await post('m-1')).status).toBe(201);
    const plans = await h.raw('GET', '/billing/v1/plans', { headers: { Authorization: 'Bearer training-billing-key' } });
    expect(plans.status).toBe(500);
  });

  it('drops the connection without processing the request', async () => {
    await h.token();
    await h.control('POST', '/faults', { kind: 'drop', method: 'POST', pathPrefix: '/recurring/v3/agreements' });
    await expect(post('d-1')).rejects.toThrow();
    expect(await agreementsCount()).toBe(0);
    const retry = await post('d-1');
    expect(retry.status).toBe(201);
    expect(await agreementsCount()).toBe(1);
    const dropped = h.sandbox.exchanges.find((x) => x.fault === 'drop');
    expect(dropped).toMatchObject({ status: 0, responseBody: null, method: 'POST' });
  });

  it('processes the request and then drops the connection; a retry with the same key replays the result', async () => {
    await h.token();
    await h.control('POST', '/faults', { kind: 'process-then-drop', method: 'POST', pathPrefix: '/recurring/v3/agreements' });
    await expect(post('p-1')).rejects.toThrow();
    const list = (await h.control('GET', '/agreements')).body.agreements;
    expect(list).toHaveLength(1);
    const retry = await post('p-1');
    expect(retry.status).toBe(201);
    expect(retry.body.agreementId).toBe(list[0].id);
    expect(await agreementsCount()).toBe(1);
    const recorded = h.sandbox.exchanges.find((x) => x.fault === 'process-then-drop');
    expect(recorded).toMatchObject({ status: 201 });
  });

  it('drops the response of a capture after capturing (the worst case for a till)', async () => {
    const { agreementId, chargeId } = await h.draft({ initialCharge: { amount: 5000, description: 'Vase', transactionType: 'RESERVE_CAPTURE' } });
    await h.control('POST', `/agreements/${agreementId}/approve`, {});
    await h.control('POST', '/faults', { kind: 'process-then-drop', method: 'POST', pathPrefix: `/recurring/v3/agreements/${agreementId}/charges/` });
    const capture = () => h.vipps('POST', `/recurring/v3/agreements/${agreementId}/charges/${chargeId}/capture`, { body: { amount: 5000 }, idempotencyKey: 'cap-drop' });
    await expect(capture()).rejects.toThrow();
    const retried = await capture();
    expect(retried.status).toBe(204);
    const charge = await h.vipps('GET', `/recurring/v3/agreements/${agreementId}/charges/${chargeId}`);
    expect(charge.body).toMatchObject({ status: 'CHARGED', summary: { captured: 5000 } });
  });

  it('never applies faults to the control API, and clears them on request', async () => {
    await h.control('POST', '/faults', { kind: 'drop', pathPrefix: '/' , count: 5 });
    expect((await h.control('GET', '/faults')).status).toBe(200);
    expect((await h.control('DELETE', '/faults')).body.faults).toEqual([]);
    expect((await h.raw('GET', '/phone')).status).toBe(200);
  });

  it('refuses malformed fault definitions', async () => {
    expect((await h.control('POST', '/faults', { kind: 'explode' })).status).toBe(400);
    expect((await h.control('POST', '/faults', { kind: 'status', status: 404 })).status).toBe(400);
    expect((await h.control('POST', '/faults', { kind: 'latency' })).status).toBe(400);
    expect((await h.control('POST', '/faults', { kind: 'drop', count: 0 })).status).toBe(400);
  });
});
