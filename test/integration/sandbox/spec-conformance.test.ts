import { readFileSync } from 'node:fs';
import { VIPPS_OPENAPI_DIR } from '../../support/vipps-spec-dir';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { OpenAPIValidator, ValidationContext } from 'openapi-backend';
import { startSandbox, type Harness } from './harness';
import type { RecordedExchange } from '../../../electron/sandbox/sandbox-api';

// The official specs live with the shared reference material; CI can point elsewhere.
const SPEC_DIR = VIPPS_OPENAPI_DIR;

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
  const spec = parse(readFileSync(`${SPEC_DIR}/recurring-v3.yaml`, 'utf8'));
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

function accessTokenSpec() {
  const spec = parse(readFileSync(`${SPEC_DIR}/access-token.yaml`, 'utf8'));
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
  return ajv;
}

interface SpecDoc {
  id: string;
  spec: any;
}

const pointer = (...parts: string[]) => '#/' + parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

describe('responses validate against the official OpenAPI specs', () => {
  let h: Harness;
  let exchanges: RecordedExchange[];
  const ajv = createAjv();
  const recurring: SpecDoc = { id: 'https://specs.invalid/recurring-v3', spec: recurringSpec() };
  const accessToken: SpecDoc = { id: 'https://specs.invalid/access-token', spec: accessTokenSpec() };
  // Registered whole, so every `#/components/...` $ref resolves inside its own document.
  ajv.addSchema(recurring.spec, recurring.id);
  ajv.addSchema(accessToken.spec, accessToken.id);

  beforeAll(async () => {
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
    exchanges = h.sandbox.exchanges;
  });
  afterAll(() => h.close());

  /** [] when valid, the errors otherwise, 'undocumented' when the spec lists no such status. */
  function validate(exchange: RecordedExchange): string[] | 'undocumented' {
    const doc = exchange.path.startsWith('/accesstoken/') ? accessToken : recurring;
    const method = exchange.method.toLowerCase();
    // Literal path segments win over parameters (e.g. /agreements/charges vs /agreements/{agreementId}).
    const templates = Object.keys(doc.spec.paths).sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0));
    const template = templates.find((t) => doc.spec.paths[t][method] && new RegExp(`^${t.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(exchange.path));
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

  it('every documented response matches its schema', () => {
    const failures: string[] = [];
    let validated = 0;
    for (const exchange of exchanges) {
      if (!exchange.path.startsWith('/recurring/') && !exchange.path.startsWith('/accesstoken/')) continue;
      const result = validate(exchange);
      if (result === 'undocumented') continue;
      validated++;
      if (result.length > 0) failures.push(`${exchange.method} ${exchange.path} ${exchange.status}: ${result.join('; ')} — ${JSON.stringify(exchange.responseBody)}`);
    }
    expect(failures).toEqual([]);
    expect(validated).toBeGreaterThan(30);
  });

  it('would catch a broken response (the validator is not a no-op)', () => {
    const agreement = exchanges.find((x) => x.method === 'GET' && /^\/recurring\/v3\/agreements\/agr_[^/]+$/.test(x.path) && x.status === 200)!;
    const broken = { ...agreement, responseBody: { ...(agreement.responseBody as object), countryCode: 'SE', created: 'yesterday' } };
    expect(validate(broken)).not.toEqual([]);
    const token = exchanges.find((x) => x.path === '/accesstoken/get' && x.status === 200)!;
    expect(validate({ ...token, responseBody: { ...(token.responseBody as object), expires_in: 3600 } })).not.toEqual([]);
  });
});
