import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse } from 'yaml';
import { OpenAPIValidator, ValidationContext } from 'openapi-backend';
import { paymentBody, startSandbox, type Harness } from './harness';
import type { RecordedExchange } from '../../../electron/sandbox/sandbox-api';
import { describeWithVippsSpecs, vippsSpecDir } from '../../support/openapi/vipps-suites';

/** One of the official specs, from the folder test/support/openapi/spec-dir.ts finds. */
const readSpec = (file: string) => parse(readFileSync(join(vippsSpecDir(), file), 'utf8'));

function byType(mapping: Record<string, string>) {
  return {
    type: 'object',
    required: ['type'],
    properties: { type: { type: 'string', enum: Object.keys(mapping) } },
    allOf: Object.entries(mapping).map(([type, ref]) => ({
      if: { properties: { type: { const: type } } },
      then: { $ref: `#/components/schemas/${ref}` },
    })),
  };
}

function recurringSpec() {
  const spec = readSpec('recurring-v3.yaml');
  const schemas = spec.components.schemas;
  schemas.PricingResponseV3 = byType({ LEGACY: 'LegacyPricingResponseV3', VARIABLE: 'VariablePricingResponseV3', FLEXIBLE: 'FlexiblePricingResponseV3' });
  schemas.PricingRequestV3 = byType({ LEGACY: 'LegacyPricingRequestV3', VARIABLE: 'VariablePricingRequestV3', FLEXIBLE: 'FlexiblePricingRequestV3' });
  schemas.campaignResponseV3 = byType({ PRICE_CAMPAIGN: 'priceCampaignResponseV3', PERIOD_CAMPAIGN: 'periodCampaignResponseV3', EVENT_CAMPAIGN: 'eventCampaignResponseV3' });
  // `$ref` + `nullable` siblings: OpenAPI 3.0 ignores siblings of $ref. The sandbox omits an absent
  // campaign, so the plain $ref is what is checked.
  schemas.AgreementResponseV3.properties.campaign = { $ref: '#/components/schemas/campaignResponseV3' };
  // OpenAPI 3.0's boolean exclusiveMinimum/Maximum are not JSON Schema draft 7; they are `false` anyway.
  delete schemas.TimePeriod.properties.count.exclusiveMinimum;
  delete schemas.TimePeriod.properties.count.exclusiveMaximum;
  return spec;
}

/**
 * ePayment 1.8.1, with the places where the spec contradicts itself (fact sheet §10) corrected —
 * each change is the smallest that makes the spec agree with itself, never a loosening for the
 * sandbox's sake:
 * - §10.1 `PaymentEvent.required` names `paymentAction`, a property that does not exist (removed in
 *   1.2.1): dropped from `required`, or no event log could ever validate.
 * - §10.2 the capture/cancel/refund 200 (`AdjustResponse`) is declared `application/problem+json`
 *   although it is the success object: re-declared as `application/json`, the media type the
 *   sandbox sends (checked below) and every other success response of the API uses.
 * - §10.3 `Customer` is a oneOf whose options require nothing, so `{phoneNumber}` matches all three:
 *   only request bodies use it, and this test validates responses, so it is left as it is here
 *   (the contract test's errata fix it for requests).
 * - §10.10 getPayment and getPaymentEventLog document only 200, the adjustments no 401/429/500:
 *   those statuses are "undocumented" and skipped, as for Recurring.
 */
function epaymentSpec() {
  const spec = readSpec('epayment-v1.yaml');
  const schemas = spec.components.schemas;
  if (!schemas.PaymentEvent.required.includes('paymentAction')) throw new Error('§10.1 is fixed in the spec: remove this correction');
  schemas.PaymentEvent.required = schemas.PaymentEvent.required.filter((name: string) => name !== 'paymentAction');
  const adjust = spec.components.responses.AdjustResponse;
  if (!adjust.content['application/problem+json']) throw new Error('§10.2 is fixed in the spec: remove this correction');
  adjust.content = { 'application/json': adjust.content['application/problem+json'] };
  return spec;
}

function accessTokenSpec() {
  const spec = readSpec('access-token.yaml');
  delete spec.components.schemas.AuthorizationTokenResponse.properties.access_token.format;
  return spec;
}

/** Ajv as openapi-backend configures it (int32 etc.), plus the string formats the specs use. */
function createAjv() {
  const empty = { openapi: '3.0.0', info: { title: 'formats', version: '1' }, paths: {} };
  const ajv = new OpenAPIValidator({ definition: empty as never, lazyCompileValidators: true }).getAjv(ValidationContext.Response, { strict: false, allErrors: true });
  ajv.addFormat('date-time', (value: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value)));
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  ajv.addFormat('guid', () => true);
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('email', /^[^@\s]+@[^@\s]+$/);
  return ajv;
}

interface SpecDoc {
  id: string;
  spec: any;
}

const pointer = (...parts: string[]) => '#/' + parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

describeWithVippsSpecs('responses validate against the official OpenAPI specs', () => {
  let h: Harness;
  let exchanges: RecordedExchange[];
  const ajv = createAjv();
  // Read in beforeAll, not while collecting, so a clone without the specs still lists these tests.
  let recurring: SpecDoc;
  let accessToken: SpecDoc;
  let epayment: SpecDoc;

  beforeAll(async () => {
    recurring = { id: 'https://specs.invalid/recurring-v3', spec: recurringSpec() };
    accessToken = { id: 'https://specs.invalid/access-token', spec: accessTokenSpec() };
    epayment = { id: 'https://specs.invalid/epayment-v1', spec: epaymentSpec() };
    // Registered whole, so every `#/components/...` $ref resolves inside its own document.
    ajv.addSchema(recurring.spec, recurring.id);
    ajv.addSchema(accessToken.spec, accessToken.id);
    ajv.addSchema(epayment.spec, epayment.id);

    h = await startSandbox();
    const variants: Record<string, unknown>[] = [
      {},
      { productDescription: 'Beskrivelse', externalId: 'ext-1', scope: 'name email address' },
      { pricing: { type: 'VARIABLE', currency: 'NOK', suggestedMaxAmount: 150000 } },
      { pricing: { type: 'FLEXIBLE', currency: 'NOK' }, interval: undefined },
      { campaign: { type: 'PRICE_CAMPAIGN', price: 100, end: '2027-01-01T00:00:00Z' } },
      { campaign: { type: 'PERIOD_CAMPAIGN', price: 100, period: { unit: 'WEEK', count: 4 } } },
      { campaign: { type: 'EVENT_CAMPAIGN', price: 100, eventDate: '2026-12-24T00:00:00Z', eventText: 'until Christmas' } },
      { initialCharge: { amount: 49900, description: 'Vase', transactionType: 'RESERVE_CAPTURE' } },
      { initialCharge: { amount: 19900, description: 'Innmelding', transactionType: 'DIRECT_CAPTURE', orderId: 'order-1', externalId: 'ext-charge' } },
    ];
    const ids: { agreementId: string; chargeId: string | null }[] = [];
    for (const overrides of variants) ids.push(await h.draft(overrides));
    for (const { agreementId } of ids) await h.vipps('GET', `/recurring/v3/agreements/${agreementId}`);
    for (const { agreementId } of ids.slice(0, 5)) await h.control('POST', `/agreements/${agreementId}/approve`, {});
    await h.vipps('PATCH', `/recurring/v3/agreements/${ids[5]!.agreementId}/accept`, { body: { phoneNumber: '4791234567' } });
    await h.vipps('PATCH', `/recurring/v3/agreements/${ids[7]!.agreementId}/accept`, { body: { phoneNumber: '4791234567' } });
    await h.control('POST', '/initial-charge/fail-next', {});
    await h.control('POST', `/agreements/${ids[8]!.agreementId}/approve`, {});
    for (const { agreementId } of ids) await h.vipps('GET', `/recurring/v3/agreements/${agreementId}`);
    for (const status of ['ACTIVE', 'PENDING', 'EXPIRED']) await h.vipps('GET', `/recurring/v3/agreements?status=${status}`);

    const reserved = ids[7]!;
    await h.vipps('GET', `/recurring/v3/agreements/${reserved.agreementId}/charges/${reserved.chargeId}`);
    await h.vipps('POST', `/recurring/v3/agreements/${reserved.agreementId}/charges/${reserved.chargeId}/capture`, { body: { amount: 10000 } });
    await h.vipps('GET', `/recurring/v3/agreements/${reserved.agreementId}/charges/${reserved.chargeId}`);
    await h.vipps('DELETE', `/recurring/v3/agreements/${reserved.agreementId}/charges/${reserved.chargeId}`);
    await h.vipps('GET', `/recurring/v3/agreements/${reserved.agreementId}/charges`);
    await h.vipps('GET', `/recurring/v3/agreements/${ids[8]!.agreementId}/charges`);
    await h.vipps('POST', `/recurring/v3/agreements/${ids[0]!.agreementId}/charges`, {
      body: { amount: 29900, description: 'Desember', transactionType: 'RESERVE_CAPTURE', due: '2026-12-01', retryDays: 3 },
    });
    h.clock.now = Date.UTC(2026, 11, 1, 12);
    await h.vipps('GET', `/recurring/v3/agreements/${ids[0]!.agreementId}/charges`);
    await h.vipps('PATCH', `/recurring/v3/agreements/${ids[0]!.agreementId}`, { body: { status: 'STOPPED' } });
    await h.vipps('GET', `/recurring/v3/agreements/${ids[0]!.agreementId}`);

    // Errors
    await h.vipps('POST', '/recurring/v3/agreements', { body: { productName: 'x'.repeat(50) } });
    await h.vipps('GET', '/recurring/v3/agreements/agr_missing');
    await h.vipps('POST', '/recurring/v3/agreements', { body: {}, idempotencyKey: null });
    await h.control('PATCH', '/merchants/123456', { skipLandingPageAllowed: false });
    await h.draft().catch(() => undefined);

    await epaymentTraffic(h);
    exchanges = h.sandbox.exchanges;
  });
  afterAll(() => h.close());

  /** [] when valid, the errors otherwise, 'undocumented' when the spec lists no such status. */
  function validate(exchange: RecordedExchange): string[] | 'undocumented' {
    const isEpayment = exchange.path.startsWith('/epayment/');
    const doc = exchange.path.startsWith('/accesstoken/') ? accessToken : isEpayment ? epayment : recurring;
    // ePayment's server URL is `…/epayment` and its paths start at `/v1`.
    const path = isEpayment ? exchange.path.slice('/epayment'.length) : exchange.path;
    const method = exchange.method.toLowerCase();
    // Literal path segments win over parameters (e.g. /agreements/charges vs /agreements/{agreementId}).
    const templates = Object.keys(doc.spec.paths).sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0));
    const template = templates.find((t) => doc.spec.paths[t][method] && new RegExp(`^${t.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path));
    if (!template) return [`no operation for ${exchange.method} ${exchange.path}`];
    let response = doc.spec.paths[template][method].responses[String(exchange.status)];
    if (!response) return 'undocumented';
    let responsePointer = pointer('paths', template, method, 'responses', String(exchange.status));
    if (response.$ref) {
      responsePointer = response.$ref;
      response = doc.spec.components.responses[response.$ref.split('/').pop()];
    }
    const contentType = response.content ? Object.keys(response.content)[0] : undefined;
    // 204 "No content" in the recurring spec still declares an empty object schema; a body must be absent.
    if (exchange.status === 204 || !contentType) return exchange.responseBody === null ? [] : ['expected no body'];
    // ePayment: the Content-Type sent must be the one declared (problem+json for errors, json for success).
    const sent = (exchange.responseHeaders['content-type'] ?? '').split(';')[0]!.trim();
    if (isEpayment && sent !== contentType) return [`content-type ${sent}, the spec declares ${contentType}`];
    const validateFn = ajv.getSchema(`${doc.id}${responsePointer}/content/${contentType.replaceAll('/', '~1')}/schema`);
    if (!validateFn) return [`no schema at ${responsePointer}`];
    if (validateFn(exchange.responseBody)) return [];
    return (validateFn.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
  }

  it('covers the interesting operations and statuses', () => {
    const seen = new Set(exchanges.map((x) => `${x.method} ${x.status}`));
    for (const expected of ['POST 200', 'POST 201', 'GET 200', 'PATCH 204', 'POST 204', 'DELETE 204', 'POST 400', 'GET 404', 'POST 403']) {
      expect(seen, expected).toContain(expected);
    }
  });

  it('covers the ePayment operations and their statuses', () => {
    const seen = new Set(exchanges.filter((x) => x.path.startsWith('/epayment/')).map((x) => `${x.method} ${x.path.replace(/\/payments\/[^/]+/, '/payments/{ref}')} ${x.status}`));
    for (const expected of [
      'POST /epayment/v1/payments 201',
      'POST /epayment/v1/payments 400',
      'POST /epayment/v1/payments 403',
      'POST /epayment/v1/payments 409',
      'GET /epayment/v1/payments/{ref} 200',
      'GET /epayment/v1/payments/{ref}/events 200',
      'POST /epayment/v1/payments/{ref}/capture 200',
      'POST /epayment/v1/payments/{ref}/capture 400',
      'POST /epayment/v1/payments/{ref}/capture 404',
      'POST /epayment/v1/payments/{ref}/capture 409',
      'POST /epayment/v1/payments/{ref}/refund 200',
      'POST /epayment/v1/payments/{ref}/refund 400',
      'POST /epayment/v1/payments/{ref}/cancel 200',
      'POST /epayment/v1/payments/{ref}/cancel 400',
      'POST /epayment/v1/test/payments/{ref}/approve 200',
    ]) {
      expect(seen, expected).toContain(expected);
    }
  });

  it('every documented response matches its schema', () => {
    const failures: string[] = [];
    let validated = 0;
    for (const exchange of exchanges) {
      if (!['/recurring/', '/accesstoken/', '/epayment/'].some((prefix) => exchange.path.startsWith(prefix))) continue;
      const result = validate(exchange);
      if (result === 'undocumented') continue;
      validated++;
      if (result.length > 0) failures.push(`${exchange.method} ${exchange.path} ${exchange.status}: ${result.join('; ')} — ${JSON.stringify(exchange.responseBody)}`);
    }
    expect(failures).toEqual([]);
    expect(validated).toBeGreaterThan(30);
    expect(exchanges.filter((x) => x.path.startsWith('/epayment/') && validate(x) !== 'undocumented').length).toBeGreaterThan(40);
  });

  it('would catch a broken response (the validator is not a no-op)', () => {
    const agreement = exchanges.find((x) => x.method === 'GET' && /^\/recurring\/v3\/agreements\/agr_[^/]+$/.test(x.path) && x.status === 200)!;
    const broken = { ...agreement, responseBody: { ...(agreement.responseBody as object), countryCode: 'SE', created: 'yesterday' } };
    expect(validate(broken)).not.toEqual([]);
    const token = exchanges.find((x) => x.path === '/accesstoken/get' && x.status === 200)!;
    expect(validate({ ...token, responseBody: { ...(token.responseBody as object), expires_in: 3600 } })).not.toEqual([]);

    const payment = exchanges.find((x) => x.method === 'GET' && /^\/epayment\/v1\/payments\/[^/]+$/.test(x.path) && x.status === 200)!;
    expect(validate(payment)).toEqual([]);
    expect(validate({ ...payment, responseBody: { ...(payment.responseBody as object), state: 'CAPTURED' } })).not.toEqual([]);
    const { aggregate, ...withoutAggregate } = payment.responseBody as { aggregate: unknown };
    expect(aggregate).toBeDefined();
    expect(validate({ ...payment, responseBody: withoutAggregate })).not.toEqual([]);
    const problem = exchanges.find((x) => x.path === '/epayment/v1/payments' && x.status === 400)!;
    const { traceId, ...withoutTrace } = problem.responseBody as { traceId: unknown };
    expect(traceId).toBeDefined();
    expect(validate({ ...problem, responseBody: withoutTrace })).not.toEqual([]);
    const capture = exchanges.find((x) => x.path.endsWith('/capture') && x.status === 200)!;
    expect(validate({ ...capture, responseHeaders: { ...capture.responseHeaders, 'content-type': 'application/problem+json' } })).not.toEqual([]);
    const events = exchanges.find((x) => x.path.endsWith('/events') && x.status === 200)!;
    expect(validate({ ...events, responseBody: [{ ...(events.responseBody as object[])[0], name: 'RESERVED' }] })).not.toEqual([]);
  });
});

/** ePayment traffic for the checks above: every operation, the flows, the states, typical errors. */
async function epaymentTraffic(h: Harness): Promise<void> {
  const payments = '/epayment/v1/payments';
  const nok = (value: number) => ({ currency: 'NOK', value });
  const adjust = (reference: string, operation: string, value?: number, idempotencyKey?: string) =>
    h.epayment('POST', `${payments}/${reference}/${operation}`, { ...(value !== undefined ? { body: { modificationAmount: nok(value) } } : {}), ...(idempotencyKey ? { idempotencyKey } : {}) });

  const push = await h.createPayment({ profile: { scope: 'name' }, metadata: { kasse: '1' } });
  const qrText = await h.createPayment({ userFlow: 'QR', customer: undefined, qrFormat: { format: 'TEXT/TARGETURL' } });
  const qrSvg = await h.createPayment({ userFlow: 'QR', customer: undefined });
  const web = await h.createPayment({ userFlow: 'WEB_REDIRECT', returnUrl: 'https://kassa.example/return' });
  const rejected = await h.createPayment();
  const expiring = await h.createPayment();
  for (const { reference } of [push, qrText, qrSvg, web, rejected, expiring]) await h.epayment('GET', `${payments}/${reference}`);

  await h.control('POST', `/payments/${push.reference}/approve`, {});
  await h.epayment('POST', `/epayment/v1/test/payments/${qrText.reference}/approve`, { body: { customer: { phoneNumber: '4798765432' } } });
  await h.control('POST', `/payments/${rejected.reference}/reject`, {});
  await adjust(push.reference, 'capture', 5000, 'cap-1');
  await adjust(push.reference, 'capture', 5000, 'cap-1'); // replay
  await adjust(push.reference, 'capture', 6000, 'cap-1'); // 409 4010
  await adjust(push.reference, 'refund', 1000);
  await adjust(push.reference, 'refund', 123); // test amount: 400 5100
  await adjust(push.reference, 'refund', 99_999); // 400 6150
  await adjust(push.reference, 'cancel');
  await adjust(qrText.reference, 'capture', 11800);
  await adjust(qrText.reference, 'cancel'); // 400 6040
  await adjust(qrSvg.reference, 'cancel'); // TERMINATED
  await adjust(web.reference, 'capture', 100); // 400 6080
  await adjust('kassa-unknown-0001', 'capture', 100); // 404 5090
  h.clock.now += 10 * 60_000;
  for (const { reference } of [push, qrText, qrSvg, web, rejected, expiring]) {
    await h.epayment('GET', `${payments}/${reference}`);
    await h.epayment('GET', `${payments}/${reference}/events`);
  }

  // Errors on create: validation, 6010, 5080, duplicate reference.
  await h.epayment('POST', payments, { body: paymentBody({ reference: 'x', amount: { currency: 'NOK', value: 'ten' } }) });
  await h.epayment('POST', payments, { body: paymentBody({ amount: nok(50), receipt: undefined }) });
  await h.epayment('POST', payments, { body: paymentBody({ reference: push.reference }) });
  await h.control('PATCH', '/merchants/123456', { pushMessageAllowed: false });
  await h.epayment('POST', payments, { body: paymentBody() });
}
