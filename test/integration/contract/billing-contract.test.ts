/**
 * The billing contract: every billing request of a scenario and every response the sandbox gave
 * validates against Kassa's own electron/core/billing/billing-api.yaml, with the same
 * openapi-backend machinery as the Vipps contract test (test/support/openapi/, loadSpecFile +
 * createSpecValidator). The document lists its statuses, so no undocumented status is allowed.
 *
 * The scenario drives the sandbox with plain HTTP (the core's outbox is not wired yet) through
 * every operation and every status the document lists. Requests are held to the document too, in
 * both directions: the sandbox refuses with 400 exactly the requests the document rejects — shown
 * on the scenario and on a sweep of mutated reports — with a short, explicit list of places where
 * the sandbox is deliberately stricter than the validator.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedExchange } from '../../../electron/sandbox/sandbox-api';
import { trainingCredentials } from '../../../electron/sandbox/training-credentials';
import { startSandbox, type Harness, type Reply } from '../sandbox/harness';
import { loadSpecFile, type LoadedSpec } from '../../support/openapi/load-vipps-spec';
import { createSpecValidator, formatSummary, summarise, type ContractSummary, type ContractValidator, type ExchangeCheck } from '../../support/openapi/validate-exchange';

const BILLING_SPEC = fileURLToPath(new URL('../../../electron/core/billing/billing-api.yaml', import.meta.url));
const KEY = trainingCredentials.billingApiKey;

let spec: LoadedSpec;
let validator: ContractValidator;
beforeAll(async () => {
  spec = loadSpecFile(BILLING_SPEC, 'billing-api');
  validator = await createSpecValidator([spec]);
});

let ids = 0;
const fresh = (prefix: string) => `${prefix}-${++ids}`;

function sale(overrides: Record<string, unknown> = {}): Record<string, any> {
  return {
    saleId: fresh('sale'),
    receiptNumber: String(1000 + ids),
    tillId: 'kasse-1',
    cashier: null,
    currency: 'NOK',
    total: 18800,
    vat: 2723,
    lines: [
      { productId: 'kaffe-etiopia-250', name: 'Kaffebønner Etiopia 250 g', quantity: 1, unitPrice: 14900, total: 14900, vat: 1943, vatRate: 1500 },
      { productId: 'kaffefilter-4', name: 'Kaffefilter nr. 4', quantity: 1, unitPrice: 3900, total: 3900, vat: 780, vatRate: 2500 },
    ],
    vatSummary: [
      { rate: 2500, base: 3120, vat: 780, total: 3900 },
      { rate: 1500, base: 12957, vat: 1943, total: 14900 },
    ],
    tenders: [{ type: 'VIPPS_MOBILEPAY', amount: 18800, reference: 'kassa-2001', pspReference: '5512345678', capturedAmount: 18800 }],
    createdAt: '2026-11-22T09:00:00.000Z',
    completedAt: '2026-11-22T09:00:30.000Z',
    ...overrides,
  };
}

/** A Danish cash sale of DKK 10.24, paid with 10.00: the 50-øre rounding line is −0.24. */
function roundedCashSale(tender: Record<string, unknown> = {}): Record<string, any> {
  return sale({
    currency: 'DKK',
    total: 1024,
    vat: 205,
    lines: [{ productId: 'gum', name: 'Tyggegummi', quantity: 1, unitPrice: 1024, total: 1024, vat: 205, vatRate: 2500 }],
    vatSummary: [{ rate: 2500, base: 819, vat: 205, total: 1024 }],
    tenders: [{ type: 'CASH', amount: 1024, tendered: 1000, change: 0, rounding: -24, ...tender }],
  });
}

function agreement(overrides: Record<string, unknown> = {}): Record<string, any> {
  return {
    agreementId: fresh('agr'),
    saleId: fresh('subsale'),
    tillId: 'kasse-1',
    cashier: 'Kari',
    planId: 'blomster-med-vase',
    phoneNumber: '4791234567',
    currency: 'NOK',
    subscriber: { name: 'Ola Nordmann', email: 'ola@example.no', address: 'Storgata 1, 0155 Oslo' },
    initialCharge: { chargeId: 'chr-1', amount: 49900, status: 'RESERVED' },
    createdAt: '2026-11-22T09:00:00Z',
    activatedAt: '2026-11-22T09:01:00Z',
    ...overrides,
  };
}

function refund(of: Record<string, any>, overrides: Record<string, unknown> = {}): Record<string, any> {
  return {
    refundId: fresh('ref'),
    saleId: of.saleId,
    tillId: 'kasse-1',
    cashier: null,
    currency: of.currency,
    amount: 5000,
    reference: 'kassa-2001',
    createdAt: '2026-11-22T10:00:00Z',
    refundedAt: '2026-11-22T10:00:01Z',
    ...overrides,
  };
}

function zReport(overrides: Record<string, unknown> = {}): Record<string, any> {
  const number = ++ids;
  return {
    zReportId: `kasse-1-Z${String(number).padStart(6, '0')}`,
    tillId: 'kasse-1',
    number,
    currency: 'NOK',
    periodStart: '2026-11-22T06:00:00Z',
    closedAt: '2026-11-22T18:00:00Z',
    closedBy: 'Kari',
    gross: 18800,
    refunds: 20000,
    rounding: -49,
    net: -1249,
    grandTotal: 50000,
    tenders: [
      { type: 'CASH', count: 1, gross: 18800, refunds: 20000, rounding: -49, net: -1249 },
      { type: 'AGREEMENT_INITIAL_CHARGE', count: 0, gross: 0, refunds: 0, rounding: 0, net: 0 },
    ],
    vatSummary: [{ rate: 2500, base: 15040, vat: 3760, total: 18800, refundBase: 16000, refundVat: 4000, refundTotal: 20000 }],
    cash: { float: 100000, sales: 18800, refunds: 20000, rounding: -49, cashIn: 0, cashOut: 5000, expected: 93751, counted: 93700, difference: -51 },
    agreements: { requested: 2, approved: 1, declined: 1, expired: 0, cancelled: 0, initialChargesAmount: 0 },
    unsyncedAtClose: 0,
    closedWithUnsynced: false,
    ...overrides,
  };
}

type Kind = 'sales' | 'agreements' | 'refunds' | 'z-reports' | 'agreement-events';
const idOf = (kind: Kind, body: Record<string, any>) =>
  String(kind === 'sales' ? body.saleId : kind === 'agreements' ? body.agreementId : kind === 'refunds' ? body.refundId : kind === 'agreement-events' ? body.eventId : body.zReportId);

function agreementEvent(vippsAgreementId: string, overrides: Record<string, unknown> = {}): Record<string, any> {
  return {
    eventId: fresh('evt'),
    vippsAgreementId,
    tillId: 'kasse-1',
    cashier: 'Kari',
    type: 'PLAN_CHANGED',
    planId: 'sykkelservice-aar',
    previousPlanId: 'blomster-med-vase',
    occurredAt: '2026-03-02T10:00:00.000Z',
    ...overrides,
  };
}

function client(h: Harness) {
  const put = (kind: Kind, body: unknown, o: { key?: string | null; id?: string; idempotencyKey?: string; headers?: Record<string, string>; rawBody?: string } = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': o.idempotencyKey ?? `outbox-${++ids}`, ...(o.headers ?? {}) };
    const key = o.key === undefined ? KEY : o.key;
    if (key !== null) headers['authorization'] = `Bearer ${key}`;
    const id = o.id ?? idOf(kind, body as Record<string, any>);
    return h.raw('PUT', `/billing/v1/${kind}/${encodeURIComponent(id)}`, { headers, body: o.rawBody ?? JSON.stringify(body) });
  };
  const get = (list: string, headers: Record<string, string> = { Authorization: `Bearer ${KEY}` }) => h.raw('GET', `/billing/v1/${list}`, { headers });
  return { put, get };
}

/** Violations about the request vs about the response (the validator words each with its side). */
const requestViolations = (check: ExchangeCheck) => check.violations.filter((v) => /\] request/.test(v));
const responseViolations = (check: ExchangeCheck) => check.violations.filter((v) => !/\] request/.test(v));

/**
 * The sandbox's own 429 (the rate-limit fault) is what the billing backend answers: validate it as
 * the API's answer. Other faults shaped no API answer and stay unchecked on the response side.
 */
const asAnswered = (x: RecordedExchange): RecordedExchange => (x.fault === 'rate-limit' ? { ...x, fault: undefined } : x);

describe('Kassa ↔ sandbox billing traffic against billing-api.yaml', () => {
  let h: Harness;
  let checks: ExchangeCheck[];
  let summary: ContractSummary;

  beforeAll(async () => {
    h = await startSandbox();
    const { put, get } = client(h);
    const expectStatus = async (reply: Promise<Reply>, status: number) => {
      const r = await reply;
      if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${r.text}`);
      return r;
    };

    // Catalogue: 200, 304, 401.
    for (const list of ['plans', 'products'] as const) {
      const first = await expectStatus(get(list), 200);
      await expectStatus(get(list, { Authorization: `Bearer ${KEY}`, 'If-None-Match': first.headers.get('etag')! }), 304);
      await expectStatus(get(list, {}), 401);
    }

    // Sales: 201, 200, 409, 400, 422, 401; a cash sale and a split one.
    const paid = sale();
    await expectStatus(put('sales', paid), 201);
    await expectStatus(put('sales', paid), 200);
    await expectStatus(put('sales', { ...paid, cashier: 'Per' }), 409);
    await expectStatus(put('sales', sale({ total: '188.00' })), 400);
    await expectStatus(put('sales', sale(), { rawBody: '{"saleId":' }), 400);
    await expectStatus(put('sales', sale(), { headers: { 'content-type': 'text/plain' } }), 400);
    await expectStatus(put('sales', sale(), { rawBody: '' }), 400);
    await expectStatus(put('sales', sale(), { idempotencyKey: 'k'.repeat(65) }), 400);
    await expectStatus(put('sales', sale(), { id: 'not/an id' }), 400);
    await expectStatus(put('sales', sale({ tenders: [{ type: 'VIPPS_MOBILEPAY', amount: 10000 }] })), 422);
    await expectStatus(put('sales', sale(), { key: null }), 401);
    await expectStatus(put('sales', sale(), { key: 'wrong' }), 401);
    await expectStatus(put('sales', sale({ cashier: undefined, tenders: [{ type: 'CASH', amount: 18800, tendered: 20000, change: 1200 }] })), 201);
    await expectStatus(
      put('sales', sale({ tenders: [{ type: 'CASH', amount: 8800, tendered: 10000, change: 1200 }, { type: 'VIPPS_MOBILEPAY', amount: 10000, reference: 'kassa-2009' }] })),
      201,
    );

    // Cash rounding: the rounded cash sale and its refunds (201); a wrong rounding, change counted
    // from the unrounded total, a rounded wallet payment or a rounded refund of one (422).
    const rounded = roundedCashSale();
    await expectStatus(put('sales', rounded), 201);
    await expectStatus(put('sales', roundedCashSale({ rounding: -23, tendered: 1001 })), 422);
    await expectStatus(put('sales', roundedCashSale({ tendered: 2000, change: 976 })), 422);
    await expectStatus(put('sales', roundedCashSale({ type: 'VIPPS_MOBILEPAY', tendered: undefined, change: undefined, reference: 'kassa-2010' })), 422);
    await expectStatus(put('refunds', refund(rounded, { amount: 337, rounding: 13, reference: undefined })), 201);
    await expectStatus(put('refunds', refund(rounded, { amount: 687, rounding: -37, reference: undefined })), 201);
    await expectStatus(put('refunds', refund(paid, { amount: 337, rounding: 13 })), 422);
    await expectStatus(put('refunds', refund(paid, { amount: 337, rounding: 0.5 })), 400);

    // Receipts, as a customer's phone opens them (no key): the recorded sale, and an id with none.
    const receipt = await expectStatus(h.raw('GET', `/billing/v1/receipts/${paid.saleId}`, { headers: {} }), 200);
    expect(receipt.text).toContain(paid.receiptNumber);
    // In the language the kiosk put in the QR, else the phone's.
    await expectStatus(h.raw('GET', `/billing/v1/receipts/${paid.saleId}?lang=fi`, { headers: { 'accept-language': 'nb-NO' } }), 200);
    await expectStatus(h.raw('GET', `/billing/v1/receipts/${paid.saleId}`, { headers: { 'accept-language': 'da-DK,da;q=0.9' } }), 200);
    await expectStatus(h.raw('GET', '/billing/v1/receipts/00000000-0000-4000-8000-000000000000', { headers: {} }), 404);
    await expectStatus(h.raw('GET', '/billing/v1/receipts/00000000-0000-4000-8000-000000000000?lang=nb', { headers: {} }), 404);

    // Refunds: 404 before the sale, then 201, 200, 409, 422, 400, 401.
    const later = sale();
    const early = refund(later);
    await expectStatus(put('refunds', early), 404);
    await expectStatus(put('sales', later), 201);
    await expectStatus(put('refunds', early), 201);
    await expectStatus(put('refunds', early), 200);
    await expectStatus(put('refunds', { ...early, amount: 6000 }), 409);
    await expectStatus(put('refunds', refund(later, { amount: 18800 })), 422);
    await expectStatus(put('refunds', refund(later, { amount: 1.5 })), 400);
    await expectStatus(put('refunds', refund(later), { key: null }), 401);
    const { reference: _, ...withoutReference } = refund(later, { amount: 13800 });
    await expectStatus(put('refunds', withoutReference), 201);

    // Agreements: a new subscriber (201), the same phone again (201, updated), replay 200, 409, 400, 422, 401.
    const first = agreement();
    await expectStatus(put('agreements', first), 201);
    await expectStatus(put('agreements', agreement({ subscriber: { email: 'ola.nordmann@example.no' }, initialCharge: null, cashier: null })), 201);
    await expectStatus(put('agreements', agreement({ phoneNumber: '4540123456', currency: 'DKK', subscriber: undefined, initialCharge: undefined })), 201);
    await expectStatus(put('agreements', first), 200);
    await expectStatus(put('agreements', { ...first, planId: 'kaffeklubben-mnd' }), 409);
    await expectStatus(put('agreements', agreement({ phoneNumber: '+4791234567' })), 400);
    await expectStatus(put('agreements', agreement(), { id: 'agr-someone-else' }), 422);
    await expectStatus(put('agreements', agreement(), { key: 'wrong' }), 401);

    // Subscribers: by phone, by agreement id, by id; 400 for a bad query, 404 for an unknown id, 401.
    await expectStatus(get(`subscribers?phoneNumber=${first.phoneNumber}`), 200);
    await expectStatus(get('subscribers?phoneNumber=4700000000'), 200);
    await expectStatus(get(`subscribers?agreementId=${first.agreementId}`), 200);
    await expectStatus(get('subscribers?phoneNumber=%2B47'), 400);
    await expectStatus(get('subscribers?phoneNumber=4791234567', {}), 401);
    const found = JSON.parse((await expectStatus(get(`subscribers?phoneNumber=${first.phoneNumber}`), 200)).text);
    await expectStatus(get(`subscribers/${found.subscribers[0].subscriberId}`), 200);
    await expectStatus(get('subscribers/SUB-999999'), 404);
    await expectStatus(get('subscribers/SUB-000001', {}), 401);

    // Agreement events: 201, 200, 409, 404 (not registered), 400, 422 (ids differ), 401.
    const change = agreementEvent(first.agreementId);
    await expectStatus(put('agreement-events', change), 201);
    await expectStatus(put('agreement-events', change), 200);
    await expectStatus(put('agreement-events', { ...change, planId: 'kaffeklubben-mnd' }), 409);
    await expectStatus(put('agreement-events', agreementEvent('agr_unknown')), 404);
    await expectStatus(put('agreement-events', agreementEvent(first.agreementId, { type: 'PAUSED' })), 400);
    await expectStatus(put('agreement-events', agreementEvent(first.agreementId), { id: 'evt-other' }), 422);
    await expectStatus(put('agreement-events', agreementEvent(first.agreementId), { key: null }), 401);
    await expectStatus(put('agreement-events', agreementEvent(first.agreementId, { type: 'STOPPED', reason: 'Moving', planId: undefined, previousPlanId: undefined })), 201);

    // Z-reports: 201, 200, 409, 400 (a negative gross), 422 (ids differ), 401.
    const closed = zReport();
    await expectStatus(put('z-reports', closed), 201);
    await expectStatus(put('z-reports', closed), 200);
    await expectStatus(put('z-reports', { ...closed, net: 0 }), 409);
    await expectStatus(put('z-reports', zReport({ gross: -1 })), 400);
    await expectStatus(put('z-reports', zReport(), { id: 'kasse-1-Z999999' }), 422);
    await expectStatus(put('z-reports', zReport(), { key: null }), 401);

    // 429 (the rate-limit fault) and an injected 503 on every operation; a dropped answer; a lost answer replayed.
    await h.control('POST', '/faults', { kind: 'rate-limit', retryAfterSeconds: 2, pathPrefix: '/billing/', count: 9 });
    await expectStatus(get('subscribers?phoneNumber=4791234567'), 429);
    await expectStatus(get('subscribers/SUB-000001'), 429);
    await expectStatus(put('agreement-events', agreementEvent(first.agreementId)), 429);
    await expectStatus(get('plans'), 429);
    await expectStatus(get('products'), 429);
    await expectStatus(put('sales', sale()), 429);
    await expectStatus(put('agreements', agreement()), 429);
    await expectStatus(put('refunds', refund(paid)), 429);
    await expectStatus(put('z-reports', zReport()), 429);
    await h.control('POST', '/faults', { kind: 'status', status: 503, method: 'PUT', pathPrefix: '/billing/v1/sales/' });
    await expectStatus(put('sales', sale()), 503);
    const lost = sale();
    await h.control('POST', '/faults', { kind: 'process-then-drop', method: 'PUT', pathPrefix: '/billing/v1/sales/' });
    await expect(put('sales', lost)).rejects.toThrow();
    await expectStatus(put('sales', lost), 200);

    // The offline switch: 503 + Retry-After on every operation.
    await h.control('PUT', '/billing/offline', { offline: true, retryAfterSeconds: 15 });
    await expectStatus(get('plans'), 503);
    await expectStatus(get('products'), 503);
    await expectStatus(put('sales', sale()), 503);
    await expectStatus(put('agreements', agreement()), 503);
    await expectStatus(put('refunds', refund(paid)), 503);
    await expectStatus(put('z-reports', zReport()), 503);
    await expectStatus(get('subscribers?phoneNumber=4791234567'), 503);
    await expectStatus(get('subscribers/SUB-000001'), 503);
    await expectStatus(put('agreement-events', agreementEvent(first.agreementId)), 503);
    await h.control('PUT', '/billing/offline', { offline: false });

    checks = h.sandbox.exchanges.map((x) => validator.check(asAnswered(x)));
    summary = summarise(checks);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('matched every billing exchange to an operation of the document', () => {
    // Its violation count includes the requests the sandbox refused with 400 (and the 401 without a
    // key): those are meant to break the document, see the next tests.
    console.log(formatSummary(summary, 'Billing contract'));
    expect(checks.length).toBeGreaterThanOrEqual(50);
    expect(checks.filter((c) => c.skipped).map((c) => `${c.exchange.method} ${c.exchange.path}`)).toEqual([]);
  });

  it('has zero violations in every response', () => {
    expect(checks.flatMap(responseViolations)).toEqual([]);
    expect(summary.undocumented).toEqual([]);
  });

  it('refuses with 400 exactly the requests the document rejects; every other request conforms', () => {
    for (const check of checks) {
      const { status, requestHeaders } = check.exchange;
      const found = requestViolations(check);
      const label = `${check.exchange.method} ${check.exchange.path} → ${status}`;
      if (status === 400) expect(found, label).not.toEqual([]);
      else if (status === 401 && !requestHeaders['authorization']) expect(found, label).toEqual([`${label} [billing-api ${check.operation!.split(' ')[1]}] request does not meet the security requirement (tillApiKey)`]);
      else expect(found, label).toEqual([]);
    }
  });

  it('exercised every operation with every status the document lists', () => {
    const documented: string[] = [];
    for (const pathItem of Object.values(spec.document.paths) as any[]) {
      for (const operation of Object.values(pathItem) as any[]) {
        for (const status of Object.keys(operation.responses)) documented.push(`billing-api ${operation.operationId} ${status}`);
      }
    }
    expect(Object.keys(summary.validated).sort()).toEqual(documented.sort());
  });

  it('checked the request but not the response of exchanges an injected fault shaped', () => {
    const shaped = checks.filter((c) => c.exchange.fault === 'status' || c.exchange.fault === 'process-then-drop');
    expect(shaped.map((c) => c.exchange.fault)).toEqual(['status', 'process-then-drop']);
    for (const check of shaped) {
      expect(check.violations).toEqual([]);
      expect(check.unchecked).toEqual([`response: shaped by an injected fault (${check.exchange.fault}), not the API's answer`]);
    }
  });
});

describe('the sandbox refuses exactly what the document refuses (mutation sweep)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSandbox({ recordExchanges: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  type Mutation = { name: string; apply: (root: any) => void };

  /** Every single change to a valid report that a broken till might make, one at a time. */
  function mutations(value: unknown, path: string[] = [], inArray = false): Mutation[] {
    const out: Mutation[] = [];
    const parent = (root: any) => path.slice(0, -1).reduce((node, key) => node[key], root);
    const key = path[path.length - 1]!;
    const name = path.join('.');
    const set = (label: string, replacement: unknown) => out.push({ name: `${name} = ${label}`, apply: (root) => void (parent(root)[key] = structuredClone(replacement)) });
    if (path.length > 0) {
      if (!inArray) out.push({ name: `${name} removed`, apply: (root) => void delete parent(root)[key] });
      set('null', null);
      set('true', true);
      if (typeof value === 'number') for (const n of [1.5, -1, 0, 10001, 2 ** 31, '1']) set(JSON.stringify(n), n);
      if (typeof value === 'string') for (const text of ['', 'bad id!', 'x'.repeat(65), '2026-11-22', '4791234567']) set(text.length > 20 ? '"x × 65"' : JSON.stringify(text), text);
      if (Array.isArray(value)) set('[]', []);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) set('{}', {});
    }
    if (Array.isArray(value)) value.forEach((item, i) => out.push(...mutations(item, [...path, String(i)], true)));
    else if (typeof value === 'object' && value !== null) for (const [child, item] of Object.entries(value)) out.push(...mutations(item, [...path, child]));
    return out;
  }

  it.each(['sales', 'agreements', 'refunds'] as const)('%s', async (kind) => {
    const { put } = client(h);
    const paid = sale();
    expect((await put('sales', paid)).status).toBe(201);
    // A split tender, so the sweep covers every Tender field (cash's tendered/change too).
    const split = [
      { type: 'CASH', amount: 8800, tendered: 10000, change: 1200, rounding: 0 },
      { type: 'VIPPS_MOBILEPAY', amount: 10000, reference: 'kassa-2001', pspReference: '5512345678', capturedAmount: 10000 },
    ];
    const template = kind === 'sales' ? sale({ tenders: split }) : kind === 'agreements' ? agreement() : refund(paid, { amount: 1 });
    const idField = kind === 'sales' ? 'saleId' : kind === 'agreements' ? 'agreementId' : 'refundId';
    const disagreements: string[] = [];
    const seen = new Set<number>();
    const all = mutations(template);
    for (const mutation of all) {
      const body = structuredClone(template);
      const id = fresh('m');
      body[idField] = id;
      mutation.apply(body);
      const reply = await put(kind, body, { id });
      seen.add(reply.status);
      const check = validator.check(h.sandbox.exchanges.at(-1)!);
      const rejects = requestViolations(check);
      if ((reply.status === 400) !== rejects.length > 0) disagreements.push(`${mutation.name}: sandbox ${reply.status}, document ${rejects.length > 0 ? `rejects (${rejects.join('; ')})` : 'accepts'}`);
      expect(responseViolations(check), mutation.name).toEqual([]);
    }
    expect(disagreements).toEqual([]);
    // The sweep reached both sides of the line, and the business rules behind it.
    expect(all.length).toBeGreaterThan(60);
    expect([...seen].filter((status) => [400, 201, 422].includes(status)).sort()).toEqual([201, 400, 422]);
  });

  it('is stricter than the validator only where listed', async () => {
    const { put } = client(h);
    const stricter: Array<[string, Record<string, unknown>]> = [
      // RFC 3339 needs a zone, a "T" and "+hh:mm"; ajv-formats 2.1.1 lets these through.
      ['a date-time without a zone', { completedAt: '2026-11-22T09:00:30' }],
      ['a date-time with a space for T', { completedAt: '2026-11-22 09:00:30Z' }],
      ['a zone offset without a colon', { completedAt: '2026-11-22T10:00:30+0100' }],
    ];
    for (const [name, overrides] of stricter) {
      const reply = await put('sales', sale({ ...overrides }));
      expect(reply.status, name).toBe(400);
      expect(requestViolations(validator.check(h.sandbox.exchanges.at(-1)!)), name).toEqual([]);
    }
  });
});

describe('the billing validator is not a no-op', () => {
  let h: Harness;
  const recorded: Record<string, RecordedExchange> = {};

  beforeAll(async () => {
    h = await startSandbox();
    const { put, get } = client(h);
    const paid = sale();
    await put('sales', paid);
    const x = () => h.sandbox.exchanges.at(-1)!;
    recorded.sale = x();
    await put('agreements', agreement());
    recorded.agreement = x();
    await put('refunds', refund(paid));
    recorded.refund = x();
    await put('sales', { ...paid, cashier: 'Per' });
    recorded.conflict = x();
    await get('plans');
    recorded.plans = x();
    await h.control('PUT', '/billing/offline', { offline: true });
    await get('products');
    recorded.offline = x();
    for (const exchange of Object.values(recorded)) expect(validator.validateExchange(exchange)).toEqual([]);
  });
  afterAll(async () => {
    await h?.close();
  });

  const withRequest = (x: RecordedExchange, requestBody: unknown): RecordedExchange => ({ ...x, requestBody });
  const withResponse = (x: RecordedExchange, responseBody: unknown): RecordedExchange => ({ ...x, responseBody });
  const without = (object: unknown, key: string) => Object.fromEntries(Object.entries(object as object).filter(([k]) => k !== key));

  it.each([
    ['a decimal amount', (r: typeof recorded) => withRequest(r.sale!, { ...(r.sale!.requestBody as object), total: 188.5 }), /request body \/total must be integer/],
    ['a sale without tenders', (r: typeof recorded) => withRequest(r.sale!, without(r.sale!.requestBody, 'tenders')), /request body \/tenders is missing \(required\)/],
    ['a currency the API does not have', (r: typeof recorded) => withRequest(r.refund!, { ...(r.refund!.requestBody as object), currency: 'SEK' }), /request body \/currency must be equal to one of the allowed values/],
    ['a phone number with a plus', (r: typeof recorded) => withRequest(r.agreement!, { ...(r.agreement!.requestBody as object), phoneNumber: '+4791234567' }), /request body \/phoneNumber must match pattern/],
    ['no Authorization header', (r: typeof recorded) => ({ ...r.sale!, requestHeaders: without(r.sale!.requestHeaders, 'authorization') as Record<string, string> }), /security requirement \(tillApiKey\)/],
    ['an Idempotency-Key over 64 characters', (r: typeof recorded) => ({ ...r.sale!, requestHeaders: { ...r.sale!.requestHeaders, 'idempotency-key': 'k'.repeat(65) } }), /idempotency-key must NOT have more than 64 characters/],
    ['a sale id with a slash-free but illegal character', (r: typeof recorded) => ({ ...r.sale!, path: '/billing/v1/sales/sale%201' }), /request path parameter \/saleId must match pattern/],
    ['a body sent as text/plain', (r: typeof recorded) => ({ ...r.sale!, requestHeaders: { ...r.sale!.requestHeaders, 'content-type': 'text/plain' } }), /request Content-Type text\/plain is not one the spec declares/],
  ])('fails a broken request: %s', (_name, make, expected) => {
    expect(validator.validateExchange(make(recorded)).join('\n')).toMatch(expected);
  });

  it.each([
    ['a recorded sale without billingSaleId', (r: typeof recorded) => withResponse(r.sale!, without(r.sale!.responseBody, 'billingSaleId')), /response body \/billingSaleId is missing \(required\)/],
    ['recordedAt that is not a date-time', (r: typeof recorded) => withResponse(r.refund!, { ...(r.refund!.responseBody as object), recordedAt: '22.11.2026' }), /response body \/recordedAt must match format "date-time"/],
    ['subscriberCreated as text', (r: typeof recorded) => withResponse(r.agreement!, { ...(r.agreement!.responseBody as object), subscriberCreated: 'true' }), /response body \/subscriberCreated must be boolean/],
    ['a 409 without a title', (r: typeof recorded) => withResponse(r.conflict!, without(r.conflict!.responseBody, 'title')), /response body \/title is missing \(required\)/],
    ['a 409 as plain application/json', (r: typeof recorded) => ({ ...r.conflict!, responseHeaders: { ...r.conflict!.responseHeaders, 'content-type': 'application/json' } }), /response Content-Type application\/json is not one the spec declares for 409/],
    ['a 503 whose status is text', (r: typeof recorded) => withResponse(r.offline!, { ...(r.offline!.responseBody as object), status: '503' }), /response body \/status must be integer/],
    ['validation errors without a field', (r: typeof recorded) => ({ ...r.conflict!, status: 400, responseBody: { type: 'about:blank', title: 'Bad Request', status: 400, errors: [{ message: 'x' }] } }), /response body \/errors\/0\/field is missing/],
    ['a status the operation does not list', (r: typeof recorded) => ({ ...r.sale!, status: 404 }), /response status 404 is not documented for this operation \(documented: 200, 201, 400, 401, 409, 422, 429, 503\)$/],
    ['a 500', (r: typeof recorded) => ({ ...r.plans!, status: 500, responseHeaders: { 'content-type': 'application/problem+json' } }), /response status 500 is not documented/],
    ['a plan list without plans', (r: typeof recorded) => withResponse(r.plans!, { products: [] }), /response body \/plans is missing \(required\)/],
  ])('fails a broken response: %s', (_name, make, expected) => {
    expect(validator.validateExchange(make(recorded)).join('\n')).toMatch(expected);
  });
});
