import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draftBody, expectProblemShape, startSandbox, tokenHeaders, type Harness } from './harness';

describe('Idempotency-Key', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startSandbox();
  });
  afterEach(() => h.close());

  const agreementsCount = async () => (await h.control('GET', '/agreements')).body.agreements.length as number;

  it.each([
    ['missing', null],
    ['empty', ''],
    ['41 characters', 'k'.repeat(41)],
    ['containing /', 'a/b'],
    ['containing #', 'a#b'],
    ['containing ?', 'a?b'],
    ['containing \\', 'a\\b'],
  ])('answers 400 idempotency-key-header when the key is %s', async (_label, key) => {
    const reply = await h.vipps('POST', '/recurring/v3/agreements', { body: draftBody(), idempotencyKey: key });
    expectProblemShape(reply, 400, 'idempotency-key-header');
    expect(await agreementsCount()).toBe(0);
  });

  it('accepts a 40-character key', async () => {
    expect((await h.vipps('POST', '/recurring/v3/agreements', { body: draftBody(), idempotencyKey: 'k'.repeat(40) })).status).toBe(201);
  });

  it('replays the stored response for the same key and body, without creating twice', async () => {
    const first = await h.vipps('POST', '/recurring/v3/agreements', { body: draftBody(), idempotencyKey: 'sale-1' });
    // Same body, different key order and whitespace: still the same request.
    const body = draftBody();
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const second = await h.vipps('POST', '/recurring/v3/agreements', { rawBody: JSON.stringify(reordered, null, 2), headers: { 'Content-Type': 'application/json' }, idempotencyKey: 'sale-1' });
    expect(second.status).toBe(201);
    expect(second.text).toBe(first.text);
    expect(await agreementsCount()).toBe(1);
  });

  it('answers 409 idempotency-conflict for the same key with a different body', async () => {
    await h.vipps('POST', '/recurring/v3/agreements', { body: draftBody(), idempotencyKey: 'sale-2' });
    const reply = await h.vipps('POST', '/recurring/v3/agreements', { body: draftBody({ productName: 'Other' }), idempotencyKey: 'sale-2' });
    expectProblemShape(reply, 409, 'idempotency-conflict');
    expect(await agreementsCount()).toBe(1);
  });

  it('answers 409 for the same key on a different endpoint', async () => {
    const { agreementId } = await h.draft();
    await h.vipps('PATCH', `/recurring/v3/agreements/${agreementId}`, { body: { status: 'STOPPED' }, idempotencyKey: 'k-1' });
    const other = await h.draft();
    const reply = await h.vipps('PATCH', `/recurring/v3/agreements/${other.agreementId}`, { body: { status: 'STOPPED' }, idempotencyKey: 'k-1' });
    expect(reply.status).toBe(409);
  });

  it('keeps returning a stored 4xx for the same key even after the cause is gone', async () => {
    await h.control('PATCH', '/merchants/123456', { skipLandingPageAllowed: false });
    const refused = await h.vipps('POST', '/recurring/v3/agreements', { body: draftBody(), idempotencyKey: 'sale-3' });
    expect(refused.status).toBe(403);
    await h.control('PATCH', '/merchants/123456', { skipLandingPageAllowed: true });
    const again = await h.vipps('POST', '/recurring/v3/agreements', { body: draftBody(), idempotencyKey: 'sale-3' });
    expect(again.status).toBe(403);
    expect(again.text).toBe(refused.text);
    const fresh = await h.vipps('POST', '/recurring/v3/agreements', { body: draftBody(), idempotencyKey: 'sale-4' });
    expect(fresh.status).toBe(201);
  });

  it('does not store a 5xx: the retry with the same key is processed', async () => {
    await h.control('POST', '/faults', { kind: 'status', status: 503, method: 'POST', pathPrefix: '/recurring/v3/agreements' });
    const failed = await h.vipps('POST', '/recurring/v3/agreements', { body: draftBody(), idempotencyKey: 'sale-5' });
    expect(failed.status).toBe(503);
    expect(await agreementsCount()).toBe(0);
    const retried = await h.vipps('POST', '/recurring/v3/agreements', { body: draftBody(), idempotencyKey: 'sale-5' });
    expect(retried.status).toBe(201);
    expect(await agreementsCount()).toBe(1);
  });

  it('replays a PATCH stop as 204 although the agreement is already stopped', async () => {
    const { agreementId } = await h.draft();
    await h.control('POST', `/agreements/${agreementId}/approve`, {});
    const first = await h.vipps('PATCH', `/recurring/v3/agreements/${agreementId}`, { body: { status: 'STOPPED' }, idempotencyKey: 'stop-1' });
    const replay = await h.vipps('PATCH', `/recurring/v3/agreements/${agreementId}`, { body: { status: 'STOPPED' }, idempotencyKey: 'stop-1' });
    expect([first.status, replay.status]).toEqual([204, 204]);
    const newKey = await h.vipps('PATCH', `/recurring/v3/agreements/${agreementId}`, { body: { status: 'STOPPED' }, idempotencyKey: 'stop-2' });
    expectProblemShape(newKey, 400, 'illegal-agreement-update');
  });

  it('keeps keys per sales unit', async () => {
    const second = { msn: '222222', clientId: 'client-2', clientSecret: 'secret-2', subscriptionKey: 'key-2', skipLandingPageAllowed: true, countryCode: 'NO' as const };
    const first = { msn: '123456', clientId: tokenHeaders.client_id, clientSecret: tokenHeaders.client_secret, subscriptionKey: tokenHeaders['Ocp-Apim-Subscription-Key'], skipLandingPageAllowed: true, countryCode: 'NO' as const };
    const h2 = await startSandbox({ merchants: [first, second] });
    try {
      const a = await h2.vipps('POST', '/recurring/v3/agreements', { body: draftBody(), idempotencyKey: 'shared' });
      const token = await h2.raw('POST', '/accesstoken/get', { headers: { client_id: 'client-2', client_secret: 'secret-2', 'Ocp-Apim-Subscription-Key': 'key-2' } });
      const b = await h2.vipps('POST', '/recurring/v3/agreements', { body: draftBody(), idempotencyKey: 'shared', token: token.body.access_token, subscriptionKey: 'key-2' });
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(a.body.agreementId).not.toBe(b.body.agreementId);
      // And one merchant cannot read the other's agreement.
      const foreign = await h2.vipps('GET', `/recurring/v3/agreements/${a.body.agreementId}`, { token: token.body.access_token, subscriptionKey: 'key-2' });
      expect(foreign.status).toBe(404);
    } finally {
      await h2.close();
    }
  });
});
