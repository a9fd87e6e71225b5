/**
 * Loads the official Vipps MobilePay OpenAPI files (found by spec-dir.ts) for the contract test
 * and hands them to openapi-backend, the validator.
 *
 * Three kinds of change are made to a parsed spec, each kept separate and explicit:
 *
 * 1. ERRATA — places where the official files contradict themselves (§10 of
 *    ../shared/notes/vipps-api.md). Each erratum cites its §10 item, checks that the defect is
 *    still there (so a newer spec file makes it fail loudly instead of silently rewriting a fixed
 *    schema) and changes only what the spec gets wrong. None of them loosens a schema to make
 *    Kassa pass.
 * 2. OpenAPI 3.0 → JSON Schema draft-07 translation that ajv needs: boolean
 *    `exclusiveMinimum`/`exclusiveMaximum` become numbers (or disappear when `false`).
 * 3. An adapter for an openapi-backend limitation: it only compiles response schemas declared
 *    under exactly `application/json`, so a JSON-family media type (`application/problem+json`,
 *    `application/json;charset=UTF-8`) is aliased to `application/json`. The media types the spec
 *    declared are kept in `x-declared-media-types` so the contract test still checks the
 *    Content-Type header against them.
 *
 * The specs' `$ref`s with sibling keywords are not valid OpenAPI 3.0 (siblings of `$ref` are
 * ignored); openapi-backend's quick dereferencer drops them, as 3.0 says. They are listed in
 * `droppedRefSiblings` so nobody mistakes them for validated constraints.
 */
import { readFileSync } from 'node:fs';
import { OpenAPIBackend, ValidationContext, type AjvCustomizer } from 'openapi-backend';
// ajv-formats is present as a dependency of openapi-backend (via openapi-schema-validator); it
// should become a direct devDependency of Kassa.
import addFormats from 'ajv-formats';
import { join } from 'node:path';
import { parse } from 'yaml';
import { specFile, VIPPS_SPECS, type VippsSpecName } from './spec-sources';
import { vippsSpecDir } from './vipps-suites';

export { VIPPS_SPECS, type VippsSpecName };

/** A parsed YAML document: untyped JSON. */
type Json = any;

export interface Erratum {
  id: string;
  spec: VippsSpecName;
  /** The item of §10 in ../shared/notes/vipps-api.md this corrects. */
  cites: string;
  /** What the spec gets wrong and what is changed. */
  what: string;
  /** Applies the fix; throws if the spec no longer has the defect. */
  apply(doc: Json): void;
}

function expectDefect(condition: boolean, erratum: string, message: string): void {
  if (!condition) throw new Error(`erratum ${erratum} no longer applies — ${message}. Has the spec been fixed? Remove or revise the erratum.`);
}

const REF_PRICING_TYPE = '#/components/schemas/PricingTypeV3';

/** Gives each pricing option its own `type` value and keeps the discriminator ajv can use. */
function discriminatePricing(doc: Json, union: string, options: Record<string, string>, id: string): void {
  const schemas = doc.components.schemas;
  expectDefect(schemas[union]?.discriminator?.propertyName === 'type' && !schemas[union].discriminator.mapping, id, `${union} has no plain discriminator`);
  for (const [value, name] of Object.entries(options)) {
    const option = schemas[name];
    expectDefect(option?.properties?.type?.$ref === REF_PRICING_TYPE, id, `${name}.type is no longer the shared PricingTypeV3 enum`);
    expectDefect((option.required as string[]).includes('type'), id, `${name} does not require type`);
    option.properties.type = { type: 'string', description: schemas.PricingTypeV3.description, enum: [value] };
  }
  // ajv's discriminator supports no `mapping`; with one `type` value per option it needs none.
  schemas[union].discriminator = { propertyName: 'type' };
}

export const ERRATA: readonly Erratum[] = [
  {
    id: 'recurring-pricing-type',
    spec: 'recurring-v3',
    cites: '§10.4',
    what:
      'PricingRequestV3/PricingResponseV3 are oneOf + discriminator `type`, but the discriminator values (LEGACY, VARIABLE, FLEXIBLE) ' +
      'name no schema and every option accepts all three values, so a LEGACY price matches LEGACY and FLEXIBLE and fails oneOf. ' +
      'Each option now accepts only its own `type` value (the mapping the discriminator means); nothing else changes.',
    apply(doc) {
      discriminatePricing(doc, 'PricingRequestV3', { LEGACY: 'LegacyPricingRequestV3', VARIABLE: 'VariablePricingRequestV3', FLEXIBLE: 'FlexiblePricingRequestV3' }, this.id);
      discriminatePricing(doc, 'PricingResponseV3', { LEGACY: 'LegacyPricingResponseV3', VARIABLE: 'VariablePricingResponseV3', FLEXIBLE: 'FlexiblePricingResponseV3' }, this.id);
    },
  },
  {
    id: 'recurring-campaign-response-type',
    spec: 'recurring-v3',
    cites: '§10.5',
    what:
      'campaignResponseV3 is a oneOf whose options all accept every campaign `type`, so a price campaign matches two options and a ' +
      'period campaign three, failing oneOf. Each option now accepts only the `type` its title names.',
    apply(doc) {
      const schemas = doc.components.schemas;
      const options: Record<string, string> = {
        priceCampaignResponseV3: 'PRICE_CAMPAIGN',
        periodCampaignResponseV3: 'PERIOD_CAMPAIGN',
        eventCampaignResponseV3: 'EVENT_CAMPAIGN',
        legacyCampaignResponseV3: 'LEGACY_CAMPAIGN',
      };
      expectDefect(schemas.campaignResponseV3?.oneOf?.length === 4, this.id, 'campaignResponseV3 is no longer a 4-way oneOf');
      for (const [name, value] of Object.entries(options)) {
        const type = schemas[name]?.properties?.type;
        expectDefect(Array.isArray(type?.enum) && type.enum.length > 1 && type.enum.includes(value), this.id, `${name}.type no longer lists several campaign types`);
        type.enum = [value];
      }
    },
  },
  {
    id: 'recurring-charge-transaction-id-null',
    spec: 'recurring-v3',
    cites: '§10.6',
    what: 'ChargeResponseV3.transactionId is required and non-null, yet documented as "Contains null until the status has reached DUE". It is made nullable (still required, same pattern).',
    apply(doc) {
      const schema = doc.components.schemas.ChargeResponseV3;
      const property = schema.properties.transactionId;
      expectDefect(/null until/i.test(property.description) && property.nullable !== true, this.id, 'transactionId is already nullable or no longer documented as null');
      property.nullable = true;
    },
  },
  {
    id: 'access-token-not-base64',
    spec: 'access-token',
    cites: '§10.8',
    what: '`access_token` is declared `format: byte` (base64), but it is a JWT (base64url segments joined by dots), which that format rejects. The format is removed; the field stays a required string.',
    apply(doc) {
      for (const name of ['AuthorizationTokenResponse', 'TokenResponse']) {
        const property = doc.components.schemas[name].properties.access_token;
        expectDefect(property.format === 'byte', this.id, `${name}.access_token is no longer format: byte`);
        delete property.format;
      }
    },
  },
  {
    id: 'epayment-event-required',
    spec: 'epayment-v1',
    cites: '§10.1',
    what: 'PaymentEvent.required names `paymentAction`, a property the schema does not have (removed in 1.2.1). Only that name is dropped from `required`.',
    apply(doc) {
      const schema = doc.components.schemas.PaymentEvent;
      expectDefect(schema.required.includes('paymentAction') && !schema.properties.paymentAction, this.id, 'PaymentEvent.required no longer names a missing paymentAction');
      schema.required = schema.required.filter((name: string) => name !== 'paymentAction');
    },
  },
  {
    id: 'epayment-adjust-content-type',
    spec: 'epayment-v1',
    cites: '§10.2',
    what: 'The 200 responses of capture/cancel/refund (AdjustResponse) are declared as `application/problem+json` although the body is the success object ModificationResponse. Declared as `application/json` instead; the schema is unchanged.',
    apply(doc) {
      const response = doc.components.responses.AdjustResponse;
      const content = response.content;
      expectDefect(Object.keys(content).join() === 'application/problem+json', this.id, 'AdjustResponse is no longer declared as problem+json only');
      response.content = { 'application/json': content['application/problem+json'] };
    },
  },
  {
    id: 'epayment-customer-one-of',
    spec: 'epayment-v1',
    cites: '§10.3',
    what:
      'Customer is oneOf phone number / personal QR / customer token, but no option requires its property, so `{phoneNumber}` ' +
      'matches all three and fails oneOf (and `{}` would pass nothing). Inside Customer, each option now requires its own property.',
    apply(doc) {
      const customer = doc.components.schemas.Customer;
      const own: Record<string, string> = { CustomerPhoneNumber: 'phoneNumber', PersonalQrCode: 'personalQr', CustomerToken: 'customerToken' };
      expectDefect(customer.oneOf?.length === 3, this.id, 'Customer is no longer a 3-way oneOf');
      customer.oneOf = customer.oneOf.map((option: Json) => {
        const name = String(option.$ref).split('/').pop()!;
        const property = own[name];
        expectDefect(property !== undefined && !doc.components.schemas[name].required, this.id, `${name} already requires a property`);
        return { allOf: [option, { required: [property] }] };
      });
    },
  },
];

/** Visits every object in the document except example values (which hold data, not schemas). */
function walk(node: Json, visit: (node: Json, path: string) => void, path = '#'): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, visit, `${path}/${i}`));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  visit(node, path);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'examples' || key === 'x-examples') continue;
    walk(value, visit, `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`);
  }
}

/** OpenAPI 3.0 boolean exclusive bounds → JSON Schema draft-07 numbers (true: the bound; false: none). */
function normaliseExclusiveBounds(doc: Json): void {
  walk(doc, (node) => {
    for (const [exclusive, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
      if (typeof node[exclusive] !== 'boolean') continue;
      if (node[exclusive] && typeof node[bound] === 'number') {
        node[exclusive] = node[bound];
        delete node[bound];
      } else {
        delete node[exclusive];
      }
    }
  });
}

const isJsonMediaType = (mediaType: string) => /^application\/(?:[\w.-]+\+)?json$/i.test(baseMediaType(mediaType));
export const baseMediaType = (mediaType: string) => mediaType.split(';')[0]!.trim().toLowerCase();

/** See point 3 of the header comment. Covers shared `components/responses` and inline responses. */
function aliasJsonResponses(doc: Json): void {
  const responses: Json[] = [...Object.values(doc.components?.responses ?? {})];
  for (const pathItem of Object.values(doc.paths ?? {}) as Json[]) {
    for (const operation of Object.values(pathItem)) {
      if (operation && typeof operation === 'object' && 'responses' in (operation as Json)) {
        responses.push(...Object.values((operation as Json).responses));
      }
    }
  }
  for (const response of responses) {
    if (!response?.content || response.$ref) continue;
    const declared = Object.keys(response.content);
    response['x-declared-media-types'] = declared;
    if (response.content['application/json']) continue;
    const json = declared.find(isJsonMediaType);
    if (json) response.content['application/json'] = response.content[json];
  }
}

function refSiblings(doc: Json): string[] {
  const found: string[] = [];
  walk(doc, (node, path) => {
    if (typeof node.$ref === 'string' && Object.keys(node).length > 1) {
      found.push(`${path}: ${Object.keys(node).filter((k) => k !== '$ref').join(', ')} beside $ref ${node.$ref}`);
    }
  });
  return found;
}

export interface LoadedSpec {
  /** A Vipps spec's name (VippsSpecName), or the name given to loadSpecFile. */
  name: string;
  /** The document after errata and translation, before dereferencing. */
  document: Json;
  /** The path of the first server URL: `/epayment` for ePayment, `/` for Recurring. */
  apiRoot: string;
  errata: Erratum[];
  droppedRefSiblings: string[];
  /** The `format` values its schemas use. */
  formats: string[];
}

export function loadVippsSpec(name: VippsSpecName, options: { errata?: readonly Erratum[] } = {}): LoadedSpec {
  const document = parse(readFileSync(join(vippsSpecDir(), specFile(name)), 'utf8'));
  const errata = (options.errata ?? ERRATA).filter((erratum) => erratum.spec === name);
  for (const erratum of errata) erratum.apply(document);
  return prepareSpec(name, document, errata);
}

/**
 * Any other OpenAPI 3.0 file (Kassa's own electron/core/billing/billing-api.yaml): the same
 * translation (2) and adapter (3) as the Vipps files, and no errata. Hand the result to
 * createVippsApi, or to createSpecValidator in validate-exchange.ts.
 */
export function loadSpecFile(file: string, name: string): LoadedSpec {
  return prepareSpec(name, parse(readFileSync(file, 'utf8')), []);
}

function prepareSpec(name: string, document: Json, errata: Erratum[]): LoadedSpec {
  normaliseExclusiveBounds(document);
  aliasJsonResponses(document);
  const server = document.servers?.[0]?.url as string | undefined;
  const apiRoot = server ? new URL(server).pathname.replace(/\/$/, '') || '/' : '/';
  return { name, document, apiRoot, errata, droppedRefSiblings: refSiblings(document), formats: formatsUsed(document) };
}

/** `guid`, used by the access-token spec, is not a JSON Schema format; it means a UUID of any version. */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every string value of a `format` keyword in the document's schemas. */
function formatsUsed(doc: Json): string[] {
  const found = new Set<string>();
  walk(doc, (node) => {
    if (typeof node.format === 'string' && (typeof node.type === 'string' || node.enum || node.pattern)) found.add(node.format);
  });
  return [...found].sort();
}

/**
 * ajv as openapi-backend builds it (OpenAPI int32/int64/byte/… formats), plus the standard string
 * formats from ajv-formats (date-time, uri, uuid, email, …) and `guid`. A format the spec uses
 * that none of these define is, as OpenAPI 3.0 allows, an annotation only: it is registered as
 * always valid and listed in `ignoredFormats` (ePayment uses `format` as free text, e.g.
 * "IATA 3-digit accounting code (PAX)"). Any other ajv warning is an error.
 */
function customizer(spec: LoadedSpec, ignored: Set<string>): AjvCustomizer {
  return (ajv) => {
    addFormats(ajv);
    ajv.addFormat('guid', GUID);
    for (const format of spec.formats) {
      if (ajv.formats[format]) continue;
      ajv.addFormat(format, true);
      ignored.add(format);
    }
    return ajv;
  };
}

const ajvLogger = {
  log: () => undefined,
  warn: (...args: unknown[]) => {
    throw new Error(`ajv: ${args.join(' ')}`);
  },
  error: (...args: unknown[]) => {
    throw new Error(`ajv: ${args.join(' ')}`);
  },
};

export interface VippsApi {
  spec: LoadedSpec;
  api: OpenAPIBackend;
  /** Formats its schemas use that nothing defines, so they are not checked. */
  ignoredFormats: string[];
}

/**
 * An initialised openapi-backend for one spec. `quick: true`: the definition is not validated
 * (the official files are not strictly valid OpenAPI 3.0, and a failed validation leaves
 * openapi-backend routing nothing) and is dereferenced synchronously. ajv runs with
 * `discriminator: true` (the pricing discriminator is enforced, see the erratum), `allErrors`, and
 * a logger that turns any warning into an error.
 */
export async function createVippsApi(spec: LoadedSpec): Promise<VippsApi> {
  const ignored = new Set<string>();
  const api = new OpenAPIBackend({
    definition: spec.document,
    apiRoot: spec.apiRoot,
    quick: true,
    strict: true,
    ajvOpts: { strict: false, allErrors: true, discriminator: true, logger: ajvLogger },
    customizeAjv: customizer(spec, ignored),
  });
  await api.init();
  api.validator.getAjv(ValidationContext.Response); // fills `ignored`
  return { spec, api, ignoredFormats: [...ignored].sort() };
}
