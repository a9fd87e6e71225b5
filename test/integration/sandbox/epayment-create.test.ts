import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectEpaymentProblem, fieldNames, paymentBody, startSandbox, type Harness } from './harness';

describe('ePayment: POST /epayment/v1/payments', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startSandbox();
  });
  afterEach(() => h.close());

  const create = (overrides: Record<string, unknown> = {}) => h.epayment('POST', '/epayment/v1/payments', { body: paymentBody(overrides) });

  describe('per userFlow', () => {
    it('PUSH_MESSAGE: 201 with the reference only — no redirectUrl', async () => {
      const { reference, reply } = await h.createPayment();
      expect(reply.status).toBe(201);
      expect(reply.body).toEqual({ reference });
      const payment = await h.epayment('GET', `/epayment/v1/payments/${reference}`);
      expect(payment.status).toBe(200);
      expect(payment.body.state).toBe('CREATED');
      expect(payment.body).not.toHaveProperty('redirectUrl');
    });

    it('QR with TEXT/TARGETURL: the redirectUrl is this sandbox\'s phone page for the payment', async () => {
      const { reference, reply } = await h.createPayment({ userFlow: 'QR', customer: undefined, qrFormat: { format: 'TEXT/TARGETURL' } });
      expect(Object.keys(reply.body).sort()).toEqual(['redirectUrl', 'reference']);
      expect(reply.body.redirectUrl).toMatch(new RegExp(`^${h.sandbox.url}/phone/payments/[A-Za-z0-9_-]{16,}$`));
      const page = await fetch(reply.body.redirectUrl);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(`data-testid="approve-payment-${reference}"`);
      // GET repeats it.
      expect((await h.epayment('GET', `/epayment/v1/payments/${reference}`)).body.redirectUrl).toBe(reply.body.redirectUrl);
    });

    it('QR by default (IMAGE/SVG+XML): the redirectUrl is an SVG of a QR code, served without auth', async () => {
      const { reply } = await h.createPayment({ userFlow: 'QR', customer: undefined });
      expect(reply.body.redirectUrl).toMatch(new RegExp(`^${h.sandbox.url}/qr-image/v1\\?token=`));
      const image = await fetch(reply.body.redirectUrl);
      expect(image.status).toBe(200);
      expect(image.headers.get('content-type')).toBe('image/svg+xml');
      expect(await image.text()).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    });

    it('QR with IMAGE/PNG: a PNG of the requested size', async () => {
      const { reply } = await h.createPayment({ userFlow: 'QR', customer: undefined, qrFormat: { format: 'IMAGE/PNG', size: 300 } });
      const image = await fetch(reply.body.redirectUrl);
      expect(image.headers.get('content-type')).toBe('image/png');
      const bytes = Buffer.from(await image.arrayBuffer());
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(bytes.readUInt32BE(16)).toBe(300); // IHDR width
    });

    it('WEB_REDIRECT: the redirectUrl is the landing page stand-in; returnUrl is required (4140)', async () => {
      const { reply } = await h.createPayment({ userFlow: 'WEB_REDIRECT', returnUrl: 'https://kassa.example/return' });
      expect(reply.body.redirectUrl).toMatch(/\/phone\/payments\//);
      const missing = await create({ userFlow: 'WEB_REDIRECT' });
      expectEpaymentProblem(missing, 400, 4140);
      expect(fieldNames(missing)).toContain('returnUrl');
    });
  });

  describe('validation (400, fields named, no error code)', () => {
    it.each([
      ['amount missing', { amount: undefined }, 'amount'],
      ['amount.value a string', { amount: { currency: 'NOK', value: '118' } }, 'amount.value'],
      ['amount.value over 65 000 000', { amount: { currency: 'NOK', value: 65_000_001 } }, 'amount.value'],
      ['amount.value negative', { amount: { currency: 'NOK', value: -1 } }, 'amount.value'],
      ['unknown currency', { amount: { currency: 'SEK', value: 11800 } }, 'amount.currency'],
      ['paymentMethod missing', { paymentMethod: undefined }, 'paymentMethod'],
      ['paymentMethod.type unknown', { paymentMethod: { type: 'CASH' } }, 'paymentMethod.type'],
      ['reference missing', { reference: undefined }, 'reference'],
      ['reference too short', { reference: 'abc-123' }, 'reference'],
      ['reference with "_"', { reference: 'kassa_sale_1234' }, 'reference'],
      ['reference of 65 characters', { reference: 'r'.repeat(65) }, 'reference'],
      ['userFlow missing', { userFlow: undefined }, 'userFlow'],
      ['userFlow unknown', { userFlow: 'SMS' }, 'userFlow'],
      ['phone number with +', { customer: { phoneNumber: '+4791234567' } }, 'customer.phoneNumber'],
      ['phone number of 8 digits', { customer: { phoneNumber: '91234567' } }, 'customer.phoneNumber'],
      ['two customer identities', { customer: { phoneNumber: '4791234567', personalQr: 'https://qr.vipps.no/p/4791234567' } }, 'customer'],
      ['an empty customer', { customer: {} }, 'customer'],
      ['customerInteraction unknown', { customerInteraction: 'IN_STORE' }, 'customerInteraction'],
      ['paymentDescription of 2 characters', { paymentDescription: 'ab' }, 'paymentDescription'],
      ['paymentDescription of 101 characters', { paymentDescription: 'x'.repeat(101) }, 'paymentDescription'],
      ['qrFormat without format', { userFlow: 'QR', qrFormat: { size: 200 } }, 'qrFormat.format'],
      ['qrFormat size 50', { userFlow: 'QR', qrFormat: { format: 'IMAGE/PNG', size: 50 } }, 'qrFormat.size'],
      ['receipt without order lines', { receipt: { orderLines: [], bottomLine: { currency: 'NOK' } } }, 'receipt.orderLines'],
      ['an order line without totalTaxAmount', { receipt: { orderLines: [{ name: 'Bolle', id: 'b', totalAmount: 3900, totalAmountExcludingTax: 3391, taxRate: 1500 }], bottomLine: { currency: 'NOK' } } }, 'receipt.orderLines[0].totalTaxAmount'],
      ['an order line without a tax rate', { receipt: { orderLines: [{ name: 'Bolle', id: 'b', totalAmount: 3900, totalAmountExcludingTax: 3391, totalTaxAmount: 509 }], bottomLine: { currency: 'NOK' } } }, 'receipt.orderLines[0].taxRate'],
      ['taxRate over 10000', { receipt: { orderLines: [{ name: 'Bolle', id: 'b', totalAmount: 3900, totalAmountExcludingTax: 0, totalTaxAmount: 3900, taxRate: 10001 }], bottomLine: { currency: 'NOK' } } }, 'receipt.orderLines[0].taxRate'],
      ['bottomLine without currency', { receipt: { orderLines: [{ name: 'Avis', id: 'a', totalAmount: 4000, totalAmountExcludingTax: 4000, totalTaxAmount: 0, taxRate: 0 }], bottomLine: { posId: 'kasse-1' } } }, 'receipt.bottomLine.currency'],
      // The spec's own "example with order lines" sends bottomLine as an array (fact sheet §10.9).
      ['bottomLine as an array', { receipt: { orderLines: [{ name: 'Avis', id: 'a', totalAmount: 4000, totalAmountExcludingTax: 4000, totalTaxAmount: 0, taxRate: 0 }], bottomLine: [{ currency: 'NOK' }] } }, 'receipt.bottomLine'],
    ])('%s → names %s', async (_label, overrides, field) => {
      const reply = await create(overrides);
      expectEpaymentProblem(reply, 400, null);
      expect(fieldNames(reply)).toContain(field);
    });

    it('lists every failing field at once', async () => {
      const reply = await create({ reference: 'x', userFlow: 'FAX', amount: { currency: 'NOK', value: 'ten' } });
      expectEpaymentProblem(reply, 400, null);
      expect(fieldNames(reply)).toEqual(expect.arrayContaining(['reference', 'userFlow', 'amount.value']));
    });

    it('refuses a body that is not JSON (400) or not declared as JSON (415)', async () => {
      const notJson = await h.epayment('POST', '/epayment/v1/payments', { rawBody: '{"amount":', headers: { 'Content-Type': 'application/json' } });
      expectEpaymentProblem(notJson, 400, null);
      const text = await h.epayment('POST', '/epayment/v1/payments', { rawBody: JSON.stringify(paymentBody()), headers: { 'Content-Type': 'text/plain' } });
      expectEpaymentProblem(text, 415, null);
    });
  });

  describe('business rules (coded errors)', () => {
    it('6010 for an amount under the minimum: NOK 100 øre', async () => {
      const reply = await create({ amount: { currency: 'NOK', value: 99 }, receipt: undefined });
      expectEpaymentProblem(reply, 400, 6010);
      expect(reply.body.title).toBe('Amount too small');
      expect((await create({ amount: { currency: 'NOK', value: 100 }, receipt: undefined })).status).toBe(201);
    });

    it('6010 for zero; DKK and EUR sales units take 1 øre / 1 cent', async () => {
      expectEpaymentProblem(await create({ amount: { currency: 'NOK', value: 0 }, receipt: undefined }), 400, 6010);
      for (const [country, currency, phone] of [['DK', 'DKK', '4520123456'], ['FI', 'EUR', '358401234567']] as const) {
        const merchant = { msn: '654321', clientId: 'client-x', clientSecret: 'secret-x', subscriptionKey: 'key-x', skipLandingPageAllowed: true, countryCode: country };
        const h2 = await startSandbox({ merchants: [merchant] });
        try {
          const token = (await h2.raw('POST', '/accesstoken/get', { headers: { client_id: 'client-x', client_secret: 'secret-x', 'Ocp-Apim-Subscription-Key': 'key-x' } })).body.access_token;
          const options = { token, subscriptionKey: 'key-x', msn: '654321' };
          const body = (value: number) => paymentBody({ amount: { currency, value }, receipt: undefined, customer: { phoneNumber: phone } });
          expect((await h2.epayment('POST', '/epayment/v1/payments', { ...options, body: body(1) })).status).toBe(201);
          expectEpaymentProblem(await h2.epayment('POST', '/epayment/v1/payments', { ...options, body: body(0) }), 400, 6010);
          // And a NOK payment is the wrong currency there.
          expectEpaymentProblem(await h2.epayment('POST', '/epayment/v1/payments', { ...options, body: paymentBody({ receipt: undefined }) }), 400, 5040);
        } finally {
          await h2.close();
        }
      }
    });

    it('4040 for an amount with decimals', async () => {
      const reply = await create({ amount: { currency: 'NOK', value: 118.5 } });
      expectEpaymentProblem(reply, 400, 4040);
      expect(fieldNames(reply)).toContain('amount.value');
    });

    it('5040 when the currency is not the sales unit\'s (a Norwegian one takes NOK)', async () => {
      const reply = await create({ amount: { currency: 'EUR', value: 1000 }, receipt: undefined });
      expectEpaymentProblem(reply, 400, 5040);
      expect(reply.body.title).toBe('Invalid currency for merchant');
    });

    it('5080 (HTTP 403) for PUSH_MESSAGE when the sales unit is not approved for it; QR still works', async () => {
      const patched = await h.control('PATCH', '/merchants/123456', { pushMessageAllowed: false });
      expect(patched.body.pushMessageAllowed).toBe(false);
      const reply = await create();
      expectEpaymentProblem(reply, 403, 5080);
      expect(reply.body.title).toMatch(/PUSH_MESSAGE.*not allowed/);
      expect(reply.body.instance).toBe('/v1/payments');
      expect((await create({ userFlow: 'QR', customer: undefined })).status).toBe(201);
      await h.control('PATCH', '/merchants/123456', { pushMessageAllowed: true });
      expect((await create()).status).toBe(201);
    });

    it('4140 when PUSH_MESSAGE has no customer', async () => {
      const reply = await create({ customer: undefined });
      expectEpaymentProblem(reply, 400, 4140);
      expect(fieldNames(reply)).toContain('customer');
    });

    it('4090 for an http:// returnUrl; https and app schemes pass', async () => {
      expectEpaymentProblem(await create({ userFlow: 'WEB_REDIRECT', returnUrl: 'http://kassa.example/return' }), 400, 4090);
      expect((await create({ userFlow: 'WEB_REDIRECT', returnUrl: 'kassa://sale/1' })).status).toBe(201);
    });

    it('accepts a personal QR and pushes to the phone in it; refuses customer tokens (4050)', async () => {
      const { reference } = await h.createPayment({ customer: { personalQr: 'https://qr.vipps.no/28/2/01/031/4798765432?v=1' } });
      expect((await h.control('GET', `/payments/${reference}`)).body.phoneNumber).toBe('4798765432');
      expectEpaymentProblem(await create({ customer: { customerToken: 'ey%382jf8' } }), 400, 4050);
      expectEpaymentProblem(await create({ customer: { personalQr: 'https://qr.vipps.no/p/x' } }), 400, 4060);
    });

    it('refuses CARD (not in the test environment), Express shipping and long-living payments', async () => {
      expectEpaymentProblem(await create({ paymentMethod: { type: 'CARD' } }), 400, 10060);
      expectEpaymentProblem(await create({ shipping: { fixedOptions: [] } }), 400, 5020);
      expectEpaymentProblem(await create({ expiresAt: '2026-11-23T09:00:00Z' }), 400, 5050);
      expectEpaymentProblem(await create({ paymentMethod: { type: 'WALLET', blockedSources: ['COMMERCIAL_CARDS'] } }), 400, 5010);
    });

    it('refuses an unknown profile scope (4080) and oversized metadata (4100)', async () => {
      expectEpaymentProblem(await create({ profile: { scope: 'name shoeSize' } }), 400, 4080);
      expectEpaymentProblem(await create({ metadata: { a: '1', b: '2', c: '3', d: '4', e: '5', f: '6' } }), 400, 4100);
      expect((await create({ metadata: { kasse: '1', kvittering: '1042' } })).status).toBe(201);
    });

    it('409 "Reference … already exists" for a reference the sales unit used before, under a new key', async () => {
      const body = paymentBody();
      expect((await h.epayment('POST', '/epayment/v1/payments', { body, idempotencyKey: 'sale-1' })).status).toBe(201);
      const again = await h.epayment('POST', '/epayment/v1/payments', { body: { ...body, amount: { currency: 'NOK', value: 100 } }, idempotencyKey: 'sale-2' });
      expectEpaymentProblem(again, 409, 4150);
      expect(again.body.title).toBe('Idempotency error');
      expect(again.body.detail).toContain(`Reference \`${body['reference']}\` already exists`);
    });

    it('keeps references per sales unit: another MSN may use the same one', async () => {
      const first = { msn: '123456', clientId: '6f0b3c2a-0d8e-4c8f-9a51-5a1f0e7c2b10', clientSecret: 'training-secret-not-a-real-key', subscriptionKey: 'training-subscription-key', skipLandingPageAllowed: true, countryCode: 'NO' as const };
      const second = { msn: '222222', clientId: 'client-2', clientSecret: 'secret-2', subscriptionKey: 'key-2', skipLandingPageAllowed: true, countryCode: 'NO' as const };
      const h2 = await startSandbox({ merchants: [first, second] });
      try {
        const body = paymentBody();
        expect((await h2.epayment('POST', '/epayment/v1/payments', { body })).status).toBe(201);
        const token = (await h2.raw('POST', '/accesstoken/get', { headers: { client_id: 'client-2', client_secret: 'secret-2', 'Ocp-Apim-Subscription-Key': 'key-2' } })).body.access_token;
        const other = { token, subscriptionKey: 'key-2', msn: '222222' };
        expect((await h2.epayment('POST', '/epayment/v1/payments', { ...other, body })).status).toBe(201);
        // The control API asks which one is meant.
        expect((await h2.control('GET', `/payments/${body['reference']}`)).status).toBe(409);
        expect((await h2.control('GET', `/payments/${body['reference']}?msn=222222`)).body.msn).toBe('222222');
      } finally {
        await h2.close();
      }
    });
  });

  describe('headers', () => {
    it('requires Merchant-Serial-Number (400) and refuses another sales unit\'s (403)', async () => {
      const missing = await h.epayment('POST', '/epayment/v1/payments', { body: paymentBody(), msn: null });
      expectEpaymentProblem(missing, 400, null);
      expect(fieldNames(missing)).toEqual(['Merchant-Serial-Number']);
      const malformed = await h.epayment('GET', '/epayment/v1/payments/kassa-sale-0001', { msn: '12' });
      expectEpaymentProblem(malformed, 400, null);
      const foreign = await h.epayment('POST', '/epayment/v1/payments', { body: paymentBody(), msn: '999999' });
      expectEpaymentProblem(foreign, 403, null);
      expect((await h.control('GET', '/payments')).body.payments).toEqual([]);
    });

    it('requires Idempotency-Key on create (≤ 50 characters)', async () => {
      const none = await h.epayment('POST', '/epayment/v1/payments', { body: paymentBody(), idempotencyKey: null });
      expectEpaymentProblem(none, 400, null);
      expect(fieldNames(none)).toEqual(['Idempotency-Key']);
      expectEpaymentProblem(await h.epayment('POST', '/epayment/v1/payments', { body: paymentBody(), idempotencyKey: 'k'.repeat(51) }), 400, null);
      expect((await h.epayment('POST', '/epayment/v1/payments', { body: paymentBody(), idempotencyKey: 'k'.repeat(50) })).status).toBe(201);
    });

    it('answers 401 without a token (ePayment Problem) and without a subscription key (gateway shape)', async () => {
      const noToken = await h.epayment('GET', '/epayment/v1/payments/kassa-sale-0001', { token: null });
      expectEpaymentProblem(noToken, 401, null);
      const noKey = await h.epayment('GET', '/epayment/v1/payments/kassa-sale-0001', { subscriptionKey: null });
      expect(noKey.status).toBe(401);
      expect(noKey.body.responseInfo.responseCode).toBe(401);
    });

    it('answers 404 with code 5090 for an unknown reference, and an ePayment 404 for an unknown path', async () => {
      const unknown = await h.epayment('GET', '/epayment/v1/payments/kassa-sale-0001');
      expectEpaymentProblem(unknown, 404, 5090);
      expect(unknown.body.detail).toContain('does not exist for MSN 123456');
      expect(unknown.body.instance).toBe('/v1/payments/kassa-sale-0001');
      expectEpaymentProblem(await h.epayment('GET', '/epayment/v2/payments'), 404, null);
    });
  });
});
