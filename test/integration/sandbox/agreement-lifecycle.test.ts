import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectProblemShape, fieldNames, MINUTE, startSandbox, START, type Harness } from './harness';

describe('agreement lifecycle', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startSandbox();
  });
  afterEach(() => h.close());

  const fetchAgreement = async (id: string) => (await h.vipps('GET', `/recurring/v3/agreements/${id}`)).body;

  it('is PENDING after the draft, with the AgreementResponseV3 fields', async () => {
    const { agreementId } = await h.draft({ productDescription: 'Kaffe hver måned', externalId: 'kassa-sale-1', interval: { unit: 'MONTH', count: 2 } });
    const a = await fetchAgreement(agreementId);
    expect(a).toMatchObject({
      id: agreementId,
      status: 'PENDING',
      productName: 'Kaffeklubben',
      productDescription: 'Kaffe hver måned',
      pricing: { type: 'LEGACY', currency: 'NOK', amount: 29900 },
      interval: { unit: 'MONTH', count: 2, text: 'every 2 months' },
      countryCode: 'NO',
      created: '2026-11-22T09:00:00Z',
      start: null,
      stop: null,
      sub: null,
      userinfoUrl: null,
      externalId: 'kassa-sale-1',
      merchantAgreementUrl: 'https://kassa.example/agreements',
      merchantRedirectUrl: 'https://kassa.example/return',
    });
    expect(a.uuid).toMatch(/^[0-9a-f-]{36}$/);
    // No campaign: omitted rather than null (see presenters.ts).
    expect(a).not.toHaveProperty('campaign');
  });

  it('says "every month" for a monthly interval', async () => {
    const { agreementId } = await h.draft();
    expect((await fetchAgreement(agreementId)).interval.text).toBe('every month');
  });

  it('becomes ACTIVE with a start time when the customer approves', async () => {
    const { agreementId } = await h.draft();
    h.clock.now += 30_000;
    const approved = await h.control('POST', `/agreements/${agreementId}/approve`, {});
    expect(approved.body.status).toBe('ACTIVE');
    const a = await fetchAgreement(agreementId);
    expect(a.status).toBe('ACTIVE');
    expect(a.start).toBe('2026-11-22T09:00:30Z');
    expect(a.stop).toBeNull();
  });

  it('becomes STOPPED when the customer rejects', async () => {
    const { agreementId } = await h.draft();
    await h.control('POST', `/agreements/${agreementId}/reject`, {});
    const a = await fetchAgreement(agreementId);
    expect(a.status).toBe('STOPPED');
    expect(a.start).toBeNull();
    expect(a.stop).toBe('2026-11-22T09:00:00Z');
  });

  it('expires after exactly 10 minutes on the sandbox clock, and cannot be approved afterwards', async () => {
    const { agreementId } = await h.draft();
    h.clock.now = START + 10 * MINUTE - 1;
    expect((await fetchAgreement(agreementId)).status).toBe('PENDING');
    h.clock.now = START + 10 * MINUTE;
    expect((await fetchAgreement(agreementId)).status).toBe('EXPIRED');
    const late = await h.control('POST', `/agreements/${agreementId}/approve`, {});
    expect(late.status).toBe(409);
    expect(late.body.error).toMatch(/EXPIRED/);
  });

  it('expires through the control API clock advance too', async () => {
    const { agreementId } = await h.draft();
    const clock = await h.control('POST', '/clock/advance', { ms: 10 * MINUTE });
    expect(clock.body.offsetMs).toBe(10 * MINUTE);
    expect(clock.body.now).toBe(START + 10 * MINUTE);
    expect((await fetchAgreement(agreementId)).status).toBe('EXPIRED');
    expect(h.sandbox.now()).toBe(START + 10 * MINUTE);
  });

  it('is force-accepted by PATCH /accept (test environment endpoint): 204 and ACTIVE', async () => {
    const { agreementId } = await h.draft();
    const reply = await h.vipps('PATCH', `/recurring/v3/agreements/${agreementId}/accept`, { body: { phoneNumber: '4791234567' } });
    expect(reply.status).toBe(204);
    expect(reply.text).toBe('');
    expect((await fetchAgreement(agreementId)).status).toBe('ACTIVE');
    const bad = await h.vipps('PATCH', `/recurring/v3/agreements/${agreementId}/accept`, { body: { phoneNumber: '+47' } });
    expect(fieldNames(bad)).toEqual(['phoneNumber']);
  });

  it('is stopped by PATCH {"status":"STOPPED"}: 204 without body', async () => {
    const { agreementId } = await h.draft();
    await h.control('POST', `/agreements/${agreementId}/approve`, {});
    h.clock.now += MINUTE;
    const reply = await h.vipps('PATCH', `/recurring/v3/agreements/${agreementId}`, { body: { status: 'STOPPED' } });
    expect(reply.status).toBe(204);
    expect(reply.text).toBe('');
    const a = await fetchAgreement(agreementId);
    expect(a.status).toBe('STOPPED');
    expect(a.stop).toBe('2026-11-22T09:01:00Z');
  });

  it('answers 202 for a stop when asyncMutations is switched on', async () => {
    const { agreementId } = await h.draft();
    await h.control('PATCH', '/settings', { asyncMutations: true });
    const reply = await h.vipps('PATCH', `/recurring/v3/agreements/${agreementId}`, { body: { status: 'STOPPED' } });
    expect(reply.status).toBe(202);
    expect((await fetchAgreement(agreementId)).status).toBe('STOPPED');
  });

  it('moves between a RECURRING period and FLEXIBLE by PATCH, and refuses a period with FLEXIBLE', async () => {
    const { agreementId } = await h.draft({ pricing: { type: 'FLEXIBLE', currency: 'NOK' } });
    await h.control('POST', `/agreements/${agreementId}/approve`, {});
    const patch = (body: unknown) => h.vipps('PATCH', `/recurring/v3/agreements/${agreementId}`, { body });
    expect((await patch({ interval: { type: 'FLEXIBLE' } })).status).toBe(204);
    expect((await fetchAgreement(agreementId)).interval).toEqual({ text: 'when used' });
    const both = await patch({ interval: { type: 'FLEXIBLE', period: { unit: 'MONTH', count: 1 } } });
    expectProblemShape(both, 400, 'validation-error');
    expect(fieldNames(both)).toEqual(['interval.period']);
    const noPeriod = await patch({ interval: { type: 'RECURRING' } });
    expect(fieldNames(noPeriod)).toEqual(['interval.period']);
    // FLEXIBLE pricing has no amount to change.
    expect(fieldNames(await patch({ pricing: { amount: 100 } }))).toEqual(['pricing.amount']);
    expect((await patch({ interval: { type: 'RECURRING', period: { unit: 'WEEK', count: 2 } } })).status).toBe(204);
    expect((await fetchAgreement(agreementId)).interval).toMatchObject({ unit: 'WEEK', count: 2 });
  });

  it('in 202 mode shows a PATCH only after patchEnactDelayMs on its clock', async () => {
    const { agreementId } = await h.draft();
    await h.control('POST', `/agreements/${agreementId}/approve`, {});
    expect((await h.control('PATCH', '/settings', { asyncMutations: true, patchEnactDelayMs: 10 * MINUTE })).body).toMatchObject({ patchEnactDelayMs: 10 * MINUTE });
    expect((await h.vipps('PATCH', `/recurring/v3/agreements/${agreementId}`, { body: { productName: 'Kaffeklubben XL' } })).status).toBe(202);
    h.clock.now += 10 * MINUTE - 1;
    expect((await fetchAgreement(agreementId)).productName).toBe('Kaffeklubben');
    h.clock.now += 1;
    expect((await fetchAgreement(agreementId)).productName).toBe('Kaffeklubben XL');
    expect((await h.control('PATCH', '/settings', { patchEnactDelayMs: 0 })).status).toBe(400);
  });

  it('refuses STOPPED together with other fields (400)', async () => {
    const { agreementId } = await h.draft();
    await h.control('POST', `/agreements/${agreementId}/approve`, {});
    const reply = await h.vipps('PATCH', `/recurring/v3/agreements/${agreementId}`, { body: { status: 'STOPPED', productName: 'New' } });
    expectProblemShape(reply, 400, 'validation-error');
    expect(fieldNames(reply)).toEqual(['productName']);
    expect((await fetchAgreement(agreementId)).status).toBe('ACTIVE');
  });

  it('lets the merchant withdraw a PENDING agreement (sandbox choice): STOPPED, gone from the phone', async () => {
    const { agreementId } = await h.draft();
    expect((await h.vipps('PATCH', `/recurring/v3/agreements/${agreementId}`, { body: { status: 'STOPPED' } })).status).toBe(204);
    expect((await fetchAgreement(agreementId)).status).toBe('STOPPED');
    const phone = await h.raw('GET', '/phone/4791234567/requests');
    expect(phone.body.pending).toEqual([]);
  });

  it('updates an ACTIVE agreement and refuses updates while PENDING', async () => {
    const { agreementId } = await h.draft();
    const pending = await h.vipps('PATCH', `/recurring/v3/agreements/${agreementId}`, { body: { productName: 'Kaffeklubben Pluss' } });
    expectProblemShape(pending, 400, 'illegal-agreement-update');
    await h.control('POST', `/agreements/${agreementId}/approve`, {});
    const ok = await h.vipps('PATCH', `/recurring/v3/agreements/${agreementId}`, { body: { productName: 'Kaffeklubben Pluss', pricing: { amount: 34900 } } });
    expect(ok.status).toBe(204);
    const a = await fetchAgreement(agreementId);
    expect(a.productName).toBe('Kaffeklubben Pluss');
    expect(a.pricing.amount).toBe(34900);
    const wrongPricing = await h.vipps('PATCH', `/recurring/v3/agreements/${agreementId}`, { body: { pricing: { suggestedMaxAmount: 100 } } });
    expect(fieldNames(wrongPricing)).toEqual(['pricing.suggestedMaxAmount']);
  });

  it('answers 404 for PATCH on an unknown agreement and for another merchant\'s agreement', async () => {
    expect((await h.vipps('PATCH', '/recurring/v3/agreements/agr_unknown', { body: { status: 'STOPPED' } })).status).toBe(404);
  });

  it('shows VARIABLE maxAmount only once accepted (the suggested amount by default)', async () => {
    const { agreementId } = await h.draft({ pricing: { type: 'VARIABLE', currency: 'NOK', suggestedMaxAmount: 150000 } });
    expect((await fetchAgreement(agreementId)).pricing).toEqual({ type: 'VARIABLE', currency: 'NOK', suggestedMaxAmount: 150000 });
    await h.control('POST', `/agreements/${agreementId}/approve`, {});
    expect((await fetchAgreement(agreementId)).pricing).toEqual({ type: 'VARIABLE', currency: 'NOK', suggestedMaxAmount: 150000, maxAmount: 150000 });
  });

  it('explains a campaign and computes a period campaign\'s end from activation', async () => {
    const { agreementId } = await h.draft({ campaign: { type: 'PERIOD_CAMPAIGN', price: 100, period: { unit: 'MONTH', count: 3 } } });
    await h.control('POST', `/agreements/${agreementId}/approve`, {});
    const { campaign } = await fetchAgreement(agreementId);
    expect(campaign).toMatchObject({ type: 'PERIOD_CAMPAIGN', price: 100, period: { unit: 'MONTH', count: 3 }, end: '2027-02-22T09:00:00Z' });
    expect(campaign.explanation).toBe('1\u00a0kr for 3 months, then 299\u00a0kr every month');

    const event = await h.draft({ campaign: { type: 'EVENT_CAMPAIGN', price: 4900, eventDate: '2026-12-24T00:00:00Z', eventText: 'until Christmas' } });
    const e = (await fetchAgreement(event.agreementId)).campaign;
    expect(e).toEqual({ type: 'EVENT_CAMPAIGN', price: 4900, eventDate: '2026-12-24T00:00:00Z', eventText: 'until Christmas', explanation: '49\u00a0kr until Christmas, then 299\u00a0kr every month' });
  });

  it('returns sub and an absolute userinfoUrl once ACTIVE when scope was asked for', async () => {
    const { agreementId } = await h.draft({ scope: 'name email' });
    expect((await fetchAgreement(agreementId)).sub).toBeNull();
    await h.control('POST', `/agreements/${agreementId}/approve`, {});
    const a = await fetchAgreement(agreementId);
    expect(a.sub).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.userinfoUrl).toBe(`${h.sandbox.url}/vipps-userinfo-api/userinfo/${a.sub}`);
  });

  it('lists only ACTIVE agreements by default, other statuses on request', async () => {
    const active = await h.draft();
    await h.control('POST', `/agreements/${active.agreementId}/approve`, {});
    const pending = await h.draft();
    const list = await h.vipps('GET', '/recurring/v3/agreements');
    expect(list.body.map((a: { id: string }) => a.id)).toEqual([active.agreementId]);
    const pendingList = await h.vipps('GET', '/recurring/v3/agreements?status=PENDING');
    expect(pendingList.body.map((a: { id: string }) => a.id)).toEqual([pending.agreementId]);
  });

  it('lets the customer stop an ACTIVE agreement in the app (control API)', async () => {
    const { agreementId } = await h.draft();
    await h.control('POST', `/agreements/${agreementId}/approve`, {});
    const stopped = await h.control('POST', `/agreements/${agreementId}/stop-by-user`);
    expect(stopped.body).toMatchObject({ status: 'STOPPED', outcome: 'stopped-by-user' });
  });

});
