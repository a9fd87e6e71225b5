import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draftBody, expectProblemShape, fieldNames, startSandbox, type Harness } from './harness';

describe('POST /recurring/v3/agreements — validation', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startSandbox();
  });
  afterEach(() => h.close());

  const post = (body: unknown) => h.vipps('POST', '/recurring/v3/agreements', { body });

  it('creates a draft: 201 with agr_ id, uuid, confirmation URL and a null chargeId', async () => {
    const reply = await post(draftBody());
    expect(reply.status).toBe(201);
    expect(reply.body.agreementId).toMatch(/^agr_[A-Za-z0-9]{7}$/);
    expect(reply.body.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(reply.body.vippsConfirmationUrl).toBe(`${h.sandbox.url}/phone/agreements/${reply.body.agreementId}`);
    expect(reply.body.chargeId).toBeNull();
  });

  it('answers isApp with a vippsMT:// deeplink (test app scheme) that carries the phone page', async () => {
    const reply = await post(draftBody({ isApp: true }));
    expect(reply.body.vippsConfirmationUrl).toMatch(/^vippsMT:\/\/recurring\/agreement\?id=agr_/);
    expect(decodeURIComponent(reply.body.vippsConfirmationUrl)).toContain(`${h.sandbox.url}/phone/agreements/${reply.body.agreementId}`);
  });

  it('names every missing required field in extraDetails', async () => {
    const reply = await post({ phoneNumber: '4791234567' });
    expectProblemShape(reply, 400, 'validation-error');
    expect(fieldNames(reply)).toEqual(expect.arrayContaining(['pricing', 'merchantRedirectUrl', 'productName']));
    expect(reply.body.instance).toBe('/recurring/v3/agreements');
  });

  it.each([
    ['productName', { productName: 'x'.repeat(46) }],
    ['productDescription', { productDescription: 'x'.repeat(101) }],
    ['phoneNumber', { phoneNumber: '+47 912 34 567' }],
    ['phoneNumber', { phoneNumber: '1234567890123456' }],
    ['merchantAgreementUrl', { merchantAgreementUrl: 'http://kassa.example/agreements' }],
    ['merchantAgreementUrl', { merchantAgreementUrl: `https://kassa.example/${'a'.repeat(1010)}` }],
    ['merchantRedirectUrl', { merchantRedirectUrl: 'http://kassa.example/return' }],
    ['pricing.currency', { pricing: { type: 'LEGACY', currency: 'EUR', amount: 100 } }],
    ['pricing.amount', { pricing: { type: 'LEGACY', currency: 'NOK', amount: 99.5 } }],
    ['pricing.amount', { pricing: { type: 'LEGACY', currency: 'NOK' } }],
    ['pricing.suggestedMaxAmount', { pricing: { type: 'VARIABLE', currency: 'NOK', amount: 100 } }],
    ['pricing.type', { pricing: { type: 'FREE', currency: 'NOK', amount: 100 } }],
    ['interval.count', { interval: { unit: 'MONTH', count: 32 } }],
    ['interval.unit', { interval: { unit: 'FORTNIGHT', count: 1 } }],
    ['initialCharge.description', { initialCharge: { amount: 100, description: '', transactionType: 'DIRECT_CAPTURE' } }],
    ['initialCharge.description', { initialCharge: { amount: 100, description: 'x'.repeat(101), transactionType: 'DIRECT_CAPTURE' } }],
    ['initialCharge.transactionType', { initialCharge: { amount: 100, description: 'Start' } }],
    ['campaign', { pricing: { type: 'VARIABLE', currency: 'NOK', suggestedMaxAmount: 5000 }, campaign: { type: 'PRICE_CAMPAIGN', price: 100, end: '2027-01-01T00:00:00Z' } }],
    ['campaign.type', { campaign: { type: 'HALF_PRICE', price: 100 } }],
    ['campaign.end', { campaign: { type: 'PRICE_CAMPAIGN', price: 100, end: '2022/02/28T00:00:00Z' } }],
    ['campaign.end', { campaign: { type: 'PRICE_CAMPAIGN', price: 100, end: '2020-01-01T00:00:00Z' } }],
    ['campaign.eventText', { campaign: { type: 'EVENT_CAMPAIGN', price: 100, eventDate: '2026-12-24T00:00:00Z', eventText: 'until the end of the year' } }],
    ['scope', { scope: 'name shoeSize' }],
    ['externalId', { externalId: 'x'.repeat(65) }],
    ['skipLandingPage', { skipLandingPage: 'yes' }],
  ])('rejects a bad %s with a validation-error naming it', async (field, overrides) => {
    const reply = await post(draftBody(overrides));
    expectProblemShape(reply, 400, 'validation-error');
    expect(fieldNames(reply)).toContain(field);
  });

  it('requires phoneNumber when skipLandingPage is true', async () => {
    const { phoneNumber: _omit, ...body } = draftBody();
    const reply = await post(body);
    expectProblemShape(reply, 400, 'validation-error');
    expect(fieldNames(reply)).toEqual(['phoneNumber']);
  });

  it('accepts the documented variants: VARIABLE, FLEXIBLE, campaigns, scope, initial charge with orderId', async () => {
    const variants: Record<string, unknown>[] = [
      { pricing: { type: 'VARIABLE', currency: 'NOK', suggestedMaxAmount: 300000 } },
      { pricing: { type: 'FLEXIBLE', currency: 'NOK' } },
      { campaign: { type: 'PRICE_CAMPAIGN', price: 100, end: '2027-01-01T00:00:00Z' } },
      { campaign: { type: 'PERIOD_CAMPAIGN', price: 100, period: { unit: 'WEEK', count: 4 } } },
      { campaign: { type: 'EVENT_CAMPAIGN', price: 100, eventDate: '2026-12-24T00:00:00Z', eventText: 'until Christmas' } },
      { scope: 'address name email birthDate phoneNumber nin' },
      { initialCharge: { amount: 100, currency: 'NOK', description: 'Start', transactionType: 'DIRECT_CAPTURE', orderId: 'kassa-order-1' } },
      { interval: undefined, skipLandingPage: false, phoneNumber: null },
      { merchantRedirectUrl: 'kassa://sale/done' },
    ];
    for (const overrides of variants) {
      const reply = await post(draftBody(overrides));
      expect(reply.status, JSON.stringify(overrides) + reply.text).toBe(201);
    }
  });

  it('uses orderId as the initial chargeId and refuses a second charge with the same one (409)', async () => {
    const initialCharge = { amount: 100, description: 'Start', transactionType: 'DIRECT_CAPTURE', orderId: 'kassa-order-7' };
    const first = await post(draftBody({ initialCharge }));
    expect(first.body.chargeId).toBe('kassa-order-7');
    const second = await post(draftBody({ initialCharge }));
    expectProblemShape(second, 409, 'conflict');
  });

  it('refuses a suggestedMaxAmount above the NOK 20 000 ceiling', async () => {
    const reply = await post(draftBody({ pricing: { type: 'VARIABLE', currency: 'NOK', suggestedMaxAmount: 2_000_001 } }));
    expectProblemShape(reply, 400, 'invalid-suggested-max-amount');
  });

  it('answers 415 for a non-JSON content type and 400 invalid-json for a broken body', async () => {
    const wrongType = await h.vipps('POST', '/recurring/v3/agreements', { rawBody: JSON.stringify(draftBody()), headers: { 'Content-Type': 'text/plain' } });
    expectProblemShape(wrongType, 415, 'unsupported-media-type');
    const broken = await h.vipps('POST', '/recurring/v3/agreements', { rawBody: '{"pricing":', headers: { 'Content-Type': 'application/json' } });
    expectProblemShape(broken, 400, 'invalid-json');
  });

  it('answers 403 when a sales unit that is not whitelisted asks for skipLandingPage', async () => {
    await h.control('PATCH', '/merchants/123456', { skipLandingPageAllowed: false });
    const reply = await post(draftBody({ skipLandingPage: true }));
    expectProblemShape(reply, 403, 'unsupported-feature');
    expect(fieldNames(reply)).toEqual(['skipLandingPage']);
    // Without skipLandingPage the same sales unit may still draft (landing page flow).
    expect((await post(draftBody({ skipLandingPage: false }))).status).toBe(201);
  });

  it('refuses a currency other than the sales unit\'s market (DK → DKK)', async () => {
    const dk = { msn: '345678', clientId: 'dk-client', clientSecret: 'dk-secret', subscriptionKey: 'dk-key', skipLandingPageAllowed: true, countryCode: 'DK' as const };
    const h2 = await startSandbox({ merchants: [dk] });
    try {
      const token = await h2.raw('POST', '/accesstoken/get', { headers: { client_id: 'dk-client', client_secret: 'dk-secret', 'Ocp-Apim-Subscription-Key': 'dk-key' } });
      const call = (body: unknown) =>
        h2.vipps('POST', '/recurring/v3/agreements', { body, token: token.body.access_token, subscriptionKey: 'dk-key' });
      const nok = await call(draftBody({ phoneNumber: '4520123456' }));
      expect(fieldNames(nok)).toContain('pricing.currency');
      const dkk = await call(draftBody({ phoneNumber: '4520123456', pricing: { type: 'LEGACY', currency: 'DKK', amount: 9900 }, merchantAgreementUrl: undefined }));
      expect(dkk.status).toBe(201);
      const agreement = await h2.vipps('GET', `/recurring/v3/agreements/${dkk.body.agreementId}`, { token: token.body.access_token, subscriptionKey: 'dk-key' });
      expect(agreement.body.countryCode).toBe('DK');
      expect(agreement.body.merchantAgreementUrl).toBe('');
    } finally {
      await h2.close();
    }
  });

  it('answers 404 with a problem for an unknown agreement', async () => {
    const reply = await h.vipps('GET', '/recurring/v3/agreements/agr_nothere');
    expectProblemShape(reply, 404, 'resource-not-found');
  });
});
