import { describe, expect, it } from 'vitest';
import { agreementResponseSchema, chargeResponseSchema, draftAgreementResponseSchema } from '../../electron/core/vipps/recurring-schemas';
import { toSharedProfile, userinfoSchema } from '../../electron/core/vipps/userinfo-client';
import { cashierErrorFor, VippsApiError } from '../../electron/core/vipps/vipps-errors';
import { subscriptionSaleSchema } from '../../shared/subscription';
import { resultSchema } from '../../shared/result';

describe('Recurring response schemas', () => {
  it('read the guide’s agreement example and tolerate fields Vipps adds later', () => {
    const agreement = agreementResponseSchema.parse({
      id: 'agr_ADbq4JK', created: '2018-08-22T12:59:56Z', start: '2018-08-22T13:00:00Z', stop: null, status: 'ACTIVE',
      productName: 'Premier League subscription', pricing: { type: 'LEGACY', amount: 49900, currency: 'NOK' },
      interval: { unit: 'MONTH', count: 2, text: 'every 2 months' }, campaign: null, merchantAgreementUrl: 'https://www.merchant.no/subscriptions/1234/',
      uuid: '6080c099-d7f2-43ef-a82b-2991ccc3a239', countryCode: 'NO', somethingNew: { nested: true },
    });
    expect(agreement.status).toBe('ACTIVE');
  });

  it('refuse an agreement status Kassa would not know how to act on', () => {
    expect(agreementResponseSchema.safeParse({ id: 'agr_1', status: 'APPROVED', productName: 'x' }).success).toBe(false);
  });

  it('read a draft response with and without an initial charge', () => {
    expect(draftAgreementResponseSchema.parse({ agreementId: 'agr_5kSeqz', uuid: 'u', vippsConfirmationUrl: 'https://api.vipps.no/v2/register/U6JUjQXq8HQmmV', chargeId: null }).chargeId).toBeNull();
    expect(draftAgreementResponseSchema.safeParse({ uuid: 'u' }).success).toBe(false);
  });

  it('read a charge and insist on its money being whole minor units', () => {
    const charge = { id: 'chr-1', agreementId: 'agr_1', amount: 49900, status: 'RESERVED', type: 'INITIAL', transactionType: 'RESERVE_CAPTURE', summary: { captured: 0, refunded: 0, cancelled: 0 } };
    expect(chargeResponseSchema.parse(charge).status).toBe('RESERVED');
    expect(chargeResponseSchema.safeParse({ ...charge, amount: 499.0001 }).success).toBe(false);
  });
});

describe('userinfo', () => {
  it('keeps what the customer shared and drops an all-empty address', () => {
    const base = { sub: 's', name: 'Kari Nordmann', email: 'kari@example.no' };
    expect(toSharedProfile(userinfoSchema.parse({ ...base, address: { street_address: 'Storgata 1', postal_code: '0155', region: 'Oslo', country: 'NO' } }))).toEqual({
      name: 'Kari Nordmann', email: 'kari@example.no', address: 'Storgata 1, 0155 Oslo, NO',
    });
    expect(toSharedProfile(userinfoSchema.parse({ ...base, address: { street_address: '', postal_code: '', region: '', country: '' } })).address).toBeUndefined();
  });
});

describe('cashier messages for Vipps failures', () => {
  const context = { merchantSerialNumber: '123456' };
  it.each([
    [new VippsApiError('network', 'create agreement', null, null), 'VIPPS_UNAVAILABLE', /Nothing has been charged/],
    [new VippsApiError('server', 'create agreement', 502, null), 'VIPPS_UNAVAILABLE', /cannot be reached/],
    [new VippsApiError('forbidden', 'create agreement', 403, { title: 'Forbidden' }), 'SKIP_LANDING_PAGE_NOT_ALLOWED', /MSN 123456/],
    [new VippsApiError('auth', 'create agreement', 401, null), 'VIPPS_AUTH', /API keys/],
    [new VippsApiError('rate-limited', 'get agreement', 429, null, 5000), 'RATE_LIMITED', /slow down/],
    [new VippsApiError('client', 'create agreement', 400, { title: 'Bad Request', detail: 'Currency not allowed' }), 'VIPPS_REJECTED', /Currency not allowed/],
  ])('%s -> %s', (error, code, message) => {
    const appError = cashierErrorFor(error, context);
    expect(appError.code).toBe(code);
    expect(appError.message).toMatch(message);
  });

  it('puts a phone number Vipps refused on the phone field', () => {
    const error = new VippsApiError('client', 'create agreement', 400, { extraDetails: [{ name: 'phoneNumber', reason: 'must match ^\\d{8,15}$' }] });
    expect(cashierErrorFor(error, context)).toMatchObject({ code: 'VALIDATION', fields: { phone: expect.stringContaining('did not accept') } });
  });
});

describe('contract schemas', () => {
  it('refuse a sale view with a float amount or an unknown status', () => {
    const schema = resultSchema(subscriptionSaleSchema);
    expect(schema.safeParse({ ok: false, error: { code: 'NOPE', message: 'x' } }).success).toBe(false);
    expect(subscriptionSaleSchema.safeParse({ status: 'approved' }).success).toBe(false);
  });
});
