/**
 * The billing backend's report API (electron/core/billing/billing-api.yaml) as the sandbox plays
 * it: PUT sales / agreements / refunds, idempotent on the path id, with the control API that lets
 * the outbox's tests see what arrived how often, switch the backend off and revoke a till's key.
 * Real HTTP against a real sandbox; nothing sleeps (the latency fault's few ms are the server's).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { START, startSandbox, type Harness, type Reply } from './harness';
import { trainingBillingKeys, trainingCredentials } from '../../../electron/sandbox/training-credentials';
import { bunsAndPaperSale } from '../../support/billing-sale-report';

const KEY = trainingCredentials.billingApiKey;
/** The Danish and Finnish training shops' keys, which the sandbox also knows from the start. */
const otherTrainingKeys = [trainingBillingKeys.DK, trainingBillingKeys.FI].map((key) => ({ key, rejected: false, source: 'options' }));
const PROBLEMS = 'https://billing.example.com/problems/';

let ids = 0;
const fresh = (prefix: string) => `${prefix}-${++ids}-${Math.random().toString(36).slice(2, 8)}`;

/** 2 cinnamon buns (15 %) + a newspaper (0 %) = 118 kr, paid with Vipps MobilePay, under a fresh id. */
const sale = (overrides: Record<string, unknown> = {}) => bunsAndPaperSale({ saleId: fresh('sale'), ...overrides });

function agreement(overrides: Record<string, unknown> = {}): Record<string, any> {
  return {
    agreementId: fresh('agr'),
    saleId: fresh('subsale'),
    tillId: 'kasse-1',
    cashier: null,
    planId: 'kaffeklubben-mnd',
    phoneNumber: '4791234567',
    currency: 'NOK',
    subscriber: { name: 'Kari Nordmann', email: 'kari@example.no', address: 'Storgata 1, 0155 Oslo' },
    initialCharge: null,
    createdAt: '2026-11-22T09:00:00.000Z',
    activatedAt: '2026-11-22T09:01:00.000Z',
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
    reference: 'kassa-1042',
    createdAt: '2026-11-22T10:00:00.000Z',
    refundedAt: '2026-11-22T10:00:02.000Z',
    ...overrides,
  };
}

type Kind = 'sales' | 'agreements' | 'refunds';
const idOf = (kind: Kind, body: Record<string, any>) => (kind === 'sales' ? body.saleId : kind === 'agreements' ? body.agreementId : body.refundId) as string;

interface PutOptions {
  key?: string | null;
  idempotencyKey?: string;
  headers?: Record<string, string>;
  rawBody?: string;
  /** Path id, default the body's own. */
  id?: string;
}

function fieldsOf(reply: Reply): string[] {
  return (reply.body?.errors ?? []).map((e: { field: string }) => e.field);
}

function expectProblem(reply: Reply, status: number, type: string | null): void {
  expect(reply.status, reply.text).toBe(status);
  expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(reply.body).toMatchObject({ status, type: type === null ? 'about:blank' : PROBLEMS + type });
  expect(typeof reply.body.title).toBe('string');
  expect(typeof reply.body.detail).toBe('string');
}

describe('billing reports: PUT /billing/v1/{sales,agreements,refunds}/{id}', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startSandbox();
  });
  afterEach(() => h.close());

  const put = (kind: Kind, body: unknown, o: PutOptions = {}): Promise<Reply> => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(o.headers ?? {}) };
    const key = o.key === undefined ? KEY : o.key;
    if (key !== null) headers['authorization'] = `Bearer ${key}`;
    if (o.idempotencyKey !== undefined) headers['idempotency-key'] = o.idempotencyKey;
    const id = o.id ?? idOf(kind, body as Record<string, any>);
    return h.raw('PUT', `/billing/v1/${kind}/${encodeURIComponent(id)}`, { headers, body: o.rawBody ?? JSON.stringify(body) });
  };
  const listed = async (what: 'sales' | 'agreements' | 'refunds' | 'subscribers' | 'rejections') => (await h.control('GET', `/billing/${what}`)).body[what] as any[];

  describe('authentication', () => {
    it.each(['sales', 'agreements', 'refunds'] as const)('%s: 401 problem without a key, with an unknown key, and with a lower-case scheme it passes', async (kind) => {
      const body = kind === 'sales' ? sale() : kind === 'agreements' ? agreement() : refund(sale());
      const none = await put(kind, body, { key: null });
      expectProblem(none, 401, null);
      expect(none.body.title).toBe('Unauthorized');
      expect(none.headers.get('www-authenticate')).toBe('Bearer realm="billing"');
      expectProblem(await put(kind, body, { key: 'someone-elses-key' }), 401, null);
      expect(await listed(kind)).toEqual([]);
      // RFC 9110: the scheme is case-insensitive.
      const lower = await put(kind, body, { key: null, headers: { authorization: `bearer ${KEY}` } });
      expect(lower.status).not.toBe(401);
    });

    it("accepts another till's key added through the control API, and rejects a revoked key everywhere", async () => {
      const other = 'till-2-key';
      expect((await put('sales', sale(), { key: other })).status).toBe(401);
      expect((await h.control('PUT', `/billing/keys/${other}`, {})).body).toEqual({ key: other, rejected: false, source: 'control' });
      expect((await put('sales', sale(), { key: other })).status).toBe(201);

      const revoked = await h.control('PUT', `/billing/keys/${KEY}`, { rejected: true });
      expect(revoked.body).toEqual({ key: KEY, rejected: true, source: 'options' });
      const refused = await put('sales', sale());
      expectProblem(refused, 401, null);
      expect(refused.body.detail).toMatch(/revoked/);
      expect((await h.raw('GET', '/billing/v1/plans', { headers: { Authorization: `Bearer ${KEY}` } })).status).toBe(401);
      expect((await put('sales', sale(), { key: other })).status).toBe(201);
      expect((await h.control('GET', '/billing/keys')).body.keys).toEqual([
        { key: KEY, rejected: true, source: 'options' },
        ...otherTrainingKeys,
        { key: other, rejected: false, source: 'control' },
      ]);

      await h.control('PUT', `/billing/keys/${KEY}`, { rejected: false });
      expect((await put('sales', sale())).status).toBe(201);
      expect((await h.control('PUT', `/billing/keys/${KEY}`, { rejected: 'yes' })).status).toBe(400);
      expect((await h.control('PUT', '/billing/keys/two%20words', {})).status).toBe(400);
    });

    it('uses the key the sandbox was started with', async () => {
      const own = await startSandbox({ billingApiKey: 'shop-42-key' });
      try {
        const body = JSON.stringify(sale());
        const headers = (key: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${key}` });
        const id = JSON.parse(body).saleId;
        expect((await own.raw('PUT', `/billing/v1/sales/${id}`, { headers: headers(KEY), body })).status).toBe(401);
        expect((await own.raw('PUT', `/billing/v1/sales/${id}`, { headers: headers('shop-42-key'), body })).status).toBe(201);
      } finally {
        await own.close();
      }
    });
  });

  describe('sales', () => {
    it('records a sale: 201 the first time, 200 with the very same body on a replay, counted as deliveries', async () => {
      const body = sale();
      const first = await put('sales', body, { idempotencyKey: 'outbox-1' });
      expect(first.status).toBe(201);
      expect(first.headers.get('content-type')).toMatch(/^application\/json/);
      expect(first.body).toEqual({ saleId: body.saleId, billingSaleId: 'BS-000001', recordedAt: new Date(h.clock.now).toISOString() });

      h.clock.now += 60_000;
      const replay = await put('sales', body, { idempotencyKey: 'outbox-1-retry' });
      expect(replay.status).toBe(200);
      expect(replay.text).toBe(first.text);
      // The same report with its keys in another order and other whitespace is the same report.
      const reordered = Object.fromEntries(Object.entries(body).reverse());
      const third = await put('sales', reordered, { rawBody: JSON.stringify(reordered, null, 2) });
      expect(third.status).toBe(200);
      expect(third.text).toBe(first.text);

      const [recorded, ...others] = await listed('sales');
      expect(others).toEqual([]);
      expect(recorded).toMatchObject({ saleId: body.saleId, billingSaleId: 'BS-000001', deliveries: 3, conflicts: 0, refunded: 0, left: 11800, report: body });
      expect(recorded.deliveryLog).toEqual([
        { receivedAt: new Date(START).toISOString(), status: 201, idempotencyKey: 'outbox-1' },
        { receivedAt: new Date(START + 60_000).toISOString(), status: 200, idempotencyKey: 'outbox-1-retry' },
        { receivedAt: new Date(START + 60_000).toISOString(), status: 200, idempotencyKey: null },
      ]);
      expect((await h.control('GET', `/billing/sales/${body.saleId}`)).body).toEqual(recorded);
      expect((await h.control('GET', '/billing/sales/nope')).status).toBe(404);
    });

    it('refuses the same id with another body (409), changes nothing, and still replays the original', async () => {
      const body = sale();
      const first = await put('sales', body);
      const changed = await put('sales', { ...body, receiptNumber: '1043' }, { idempotencyKey: 'k-409' });
      expectProblem(changed, 409, 'report-conflict');
      expect(changed.body.instance).toBe(`/billing/v1/sales/${body.saleId}`);
      expect(changed.body.detail).toMatch(/different body/);
      const again = await put('sales', body);
      expect(again.status).toBe(200);
      expect(again.text).toBe(first.text);
      const [recorded] = await listed('sales');
      expect(recorded).toMatchObject({ deliveries: 2, conflicts: 1, report: { receiptNumber: '1042' } });
      expect(await listed('rejections')).toEqual([
        { kind: 'sale', id: body.saleId, status: 409, receivedAt: expect.any(String), detail: changed.body.detail, errors: [], idempotencyKey: 'k-409' },
      ]);
    });

    it('accepts cash, and cash + Vipps MobilePay split tenders that add up', async () => {
      const cash = sale({ tenders: [{ type: 'CASH', amount: 11800, tendered: 20000, change: 8200 }] });
      expect((await put('sales', cash)).status).toBe(201);
      const split = sale({
        tenders: [
          { type: 'CASH', amount: 1800, tendered: 2000, change: 200 },
          { type: 'VIPPS_MOBILEPAY', amount: 10000, reference: 'kassa-1044', capturedAmount: 10000 },
        ],
      });
      expect((await put('sales', split)).status).toBe(201);
      // The document allows an empty VAT summary and a missing cashier.
      const { cashier: _, ...noCashier } = sale({ vatSummary: [] });
      expect((await put('sales', noCashier)).status).toBe(201);
      expect((await listed('sales')).map((s) => s.billingSaleId)).toEqual(['BS-000001', 'BS-000002', 'BS-000003']);
    });

    it('answers 400 listing every field that breaks the schema, and keeps nothing', async () => {
      const body = sale({ total: 118.5, vat: '1017', currency: 'SEK', lines: [], tenders: [{ type: 'CARD', amount: 11800 }], createdAt: '22.11.2026 09:00', completedAt: '2026-11-22T09:00:41' });
      delete body.receiptNumber;
      const reply = await put('sales', body);
      expectProblem(reply, 400, 'validation-error');
      expect(reply.body.instance).toBe(`/billing/v1/sales/${body.saleId}`);
      expect(reply.body.errors).toEqual([
        { field: 'receiptNumber', message: 'is required' },
        { field: 'currency', message: 'must be one of NOK, DKK, EUR' },
        { field: 'total', message: 'must be a whole number of minor units (øre, cents), never a decimal or a string' },
        { field: 'vat', message: 'must be a whole number of minor units (øre, cents), never a decimal or a string' },
        { field: 'lines', message: 'must have at least 1 item' },
        { field: 'tenders[0].type', message: 'must be one of VIPPS_MOBILEPAY, CASH' },
        { field: 'createdAt', message: 'must be an RFC 3339 date-time, e.g. 2026-11-22T09:00:00Z' },
        { field: 'completedAt', message: 'must be an RFC 3339 date-time, e.g. 2026-11-22T09:00:00Z' },
      ]);
      expect(await listed('sales')).toEqual([]);
      // Not stored under the id: the corrected report is accepted with 201.
      expect((await put('sales', sale({ saleId: body.saleId }))).status).toBe(201);
    });

    it.each([
      ['a line quantity of 0 and a VAT rate over 100 %', { lines: [{ productId: 'p', name: 'P', quantity: 0, unitPrice: 100, total: 100, vat: 0, vatRate: 10001 }] }, ['lines[0].quantity', 'lines[0].vatRate']],
      ['an amount beyond what a double holds exactly', { total: 2 ** 60 }, ['total']],
      ['null where no null is allowed, and a nullable cashier that is a number', { tillId: null, cashier: 7 }, ['tillId', 'cashier']],
      ['a tender without its amount', { tenders: [{ type: 'CASH' }] }, ['tenders[0].amount']],
      ['a VAT summary entry with a text rate', { vatSummary: [{ rate: '15%', base: 1, vat: 1, total: 2 }] }, ['vatSummary[0].rate']],
    ])('400 for %s', async (_name, overrides, fields) => {
      const reply = await put('sales', sale(overrides));
      expectProblem(reply, 400, 'validation-error');
      expect(fieldsOf(reply)).toEqual(fields);
    });

    it('400 for a bad path id, a long Idempotency-Key, no JSON, another Content-Type, or no body', async () => {
      const body = sale();
      const badId = await put('sales', { ...body, saleId: 'bad id!' }, { idempotencyKey: 'x'.repeat(65) });
      expectProblem(badId, 400, 'validation-error');
      expect(fieldsOf(badId)).toEqual(['Idempotency-Key', '{saleId}', 'saleId']);
      expect(fieldsOf(await put('sales', body, { id: 'x'.repeat(65) }))).toEqual(['{saleId}']);
      expect((await put('sales', body, { rawBody: '{"saleId": ' })).body.errors).toEqual([{ field: '(body)', message: expect.stringMatching(/^is not valid JSON/) }]);
      expect((await put('sales', body, { rawBody: '[]' })).body.errors).toEqual([{ field: '(body)', message: 'must be an object' }]);
      expect((await put('sales', body, { headers: { 'content-type': 'text/plain' } })).body.errors).toEqual([{ field: 'Content-Type', message: 'must be application/json, not text/plain' }]);
      expect((await put('sales', body, { rawBody: '' })).body.errors).toEqual([{ field: '(body)', message: 'is required: a SaleReport as JSON' }]);
      expect((await put('sales', body, { headers: { 'content-type': 'application/json; charset=utf-8' } })).status).toBe(201);
    });

    it('answers 422 when the sale does not add up, naming each field', async () => {
      const lines = sale().lines;
      const cases: Array<[Record<string, unknown>, string[]]> = [
        [{ total: 11900, tenders: [{ type: 'VIPPS_MOBILEPAY', amount: 11900 }] }, ['total']],
        [{ vat: 1000 }, ['vat']],
        [{ tenders: [{ type: 'VIPPS_MOBILEPAY', amount: 11000 }] }, ['tenders']],
        [{ tenders: [{ type: 'CASH', amount: 1800, tendered: 2000, change: 200 }, { type: 'VIPPS_MOBILEPAY', amount: 9000 }] }, ['tenders']],
        [{ tenders: [{ type: 'CASH', amount: 11800, tendered: 20000, change: 8000 }] }, ['tenders[0].change']],
        [{ vatSummary: [{ rate: 1500, base: 6783, vat: 1017, total: 7800 }] }, ['vatSummary']],
        [{ vatSummary: [{ rate: 1500, base: 6700, vat: 1017, total: 7800 }, { rate: 0, base: 4000, vat: 0, total: 4000 }] }, ['vatSummary[0].total']],
        [{ vatSummary: [{ rate: 1500, base: 6783, vat: 1017, total: 7800 }, { rate: 0, base: 4000, vat: 0, total: 4000 }, { rate: 0, base: 0, vat: 0, total: 0 }] }, ['vatSummary[2].rate']],
        [{ lines: [{ ...lines[0], vat: 9000 }, lines[1]], vat: 9000, vatSummary: [] }, ['lines[0].vat']],
      ];
      // Negative amounts break the document's schema (MinorUnits minimum 0): 400, not 422.
      const negative = await put('sales', sale({ total: -100, vat: 0, lines: [{ ...lines[1], unitPrice: -100, total: -100 }], vatSummary: [], tenders: [{ type: 'CASH', amount: -100 }] }));
      expect(negative.status).toBe(400);
      for (const [overrides, fields] of cases) {
        const reply = await put('sales', sale(overrides));
        expectProblem(reply, 422, 'unprocessable-report');
        expect(fieldsOf(reply), JSON.stringify(overrides)).toEqual(fields);
      }
      const body = sale();
      const mismatch = await put('sales', body, { id: 'another-sale' });
      expectProblem(mismatch, 422, 'unprocessable-report');
      expect(mismatch.body.errors).toEqual([{ field: 'saleId', message: 'must equal the saleId in the path (another-sale)' }]);
      expect(await listed('sales')).toEqual([]);
      expect((await listed('rejections')).map((r) => r.status)).toEqual([400, ...cases.map(() => 422), 422]);
    });
  });

  describe('refunds', () => {
    it('answers 404 for a refund of a sale not reported yet, and 201 once the sale is there', async () => {
      const paid = sale();
      const early = refund(paid);
      const notYet = await put('refunds', early);
      expectProblem(notYet, 404, 'unknown-sale');
      expect(notYet.body.errors).toEqual([{ field: 'saleId', message: 'is not a sale this backend has recorded' }]);
      expect((await put('sales', paid)).status).toBe(201);
      const recorded = await put('refunds', early);
      expect(recorded.status).toBe(201);
      expect(recorded.body).toEqual({ refundId: early.refundId, saleId: paid.saleId, recordedAt: expect.any(String) });
      expect((await listed('refunds'))[0]).toMatchObject({ refundId: early.refundId, saleId: paid.saleId, deliveries: 1, report: early });
      expect((await h.control('GET', `/billing/refunds/${early.refundId}`)).body.deliveries).toBe(1);
    });

    it('allows refunds up to what is left of the sale; a replay of the last one still gets 200', async () => {
      const paid = sale();
      await put('sales', paid);
      const first = refund(paid, { amount: 5000 });
      const rest = refund(paid, { amount: 6800 });
      expect((await put('refunds', first)).status).toBe(201);
      const restReply = await put('refunds', rest);
      expect(restReply.status).toBe(201);
      const oneMore = await put('refunds', refund(paid, { amount: 1 }));
      expectProblem(oneMore, 422, 'unprocessable-report');
      expect(oneMore.body.errors).toEqual([{ field: 'amount', message: `is more than what is left of sale ${paid.saleId} (0 of 11800)` }]);
      const replay = await put('refunds', rest);
      expect(replay.status).toBe(200);
      expect(replay.text).toBe(restReply.text);
      expect((await h.control('GET', `/billing/sales/${paid.saleId}`)).body).toMatchObject({ refundIds: [first.refundId, rest.refundId], refunded: 11800, left: 0 });
      expect((await listed('refunds')).map((r) => r.deliveries)).toEqual([1, 2]);
    });

    it('refuses a refund over the sale, of 0, in another currency, with another reference, or under another id (422)', async () => {
      const paid = sale();
      await put('sales', paid);
      const cases: Array<[Record<string, unknown>, string[]]> = [
        [{ amount: 11801 }, ['amount']],
        [{ currency: 'EUR' }, ['currency']],
        [{ reference: 'kassa-9999' }, ['reference']],
      ];
      for (const [overrides, fields] of cases) {
        const reply = await put('refunds', refund(paid, overrides));
        expectProblem(reply, 422, 'unprocessable-report');
        expect(fieldsOf(reply), JSON.stringify(overrides)).toEqual(fields);
      }
      expect(fieldsOf(await put('refunds', refund(paid), { id: 'other-refund' }))).toEqual(['refundId']);
      // A refund without a reference is fine (the document makes it optional).
      const { reference: _, ...noReference } = refund(paid);
      expect((await put('refunds', noReference)).status).toBe(201);
      expect(await listed('refunds')).toHaveLength(1);
    });

    it('answers 400 for a refund that breaks the schema, and 409 for a changed one', async () => {
      const paid = sale();
      await put('sales', paid);
      const bad = await put('refunds', { ...refund(paid), amount: '50.00', saleId: '' , refundedAt: 'now' });
      expectProblem(bad, 400, 'validation-error');
      expect(fieldsOf(bad)).toEqual(['saleId', 'amount', 'refundedAt']);
      const body = refund(paid);
      expect((await put('refunds', body)).status).toBe(201);
      expectProblem(await put('refunds', { ...body, amount: 4000 }), 409, 'report-conflict');
      expect((await h.control('GET', `/billing/sales/${paid.saleId}`)).body.left).toBe(6800);
    });
  });

  describe('agreements and the subscriber registry', () => {
    it('creates a subscriber and an account for a new phone number, from the shared profile', async () => {
      const body = agreement({ initialCharge: { chargeId: 'chr-1', amount: 49900, status: 'CHARGED' } });
      const reply = await put('agreements', body, { idempotencyKey: 'outbox-7' });
      expect(reply.status).toBe(201);
      expect(reply.body).toEqual({
        agreementId: body.agreementId,
        vippsAgreementId: body.agreementId,
        billingAgreementId: 'BA-000001',
        subscriberId: 'SUB-000001',
        accountId: 'ACC-000001',
        subscriberCreated: true,
        registeredAt: expect.any(String),
      });
      expect(await listed('subscribers')).toEqual([
        {
          subscriberId: 'SUB-000001',
          accountId: 'ACC-000001',
          phoneNumber: '4791234567',
          contact: { name: 'Kari Nordmann', email: 'kari@example.no', address: 'Storgata 1, 0155 Oslo' },
          createdAt: reply.body.registeredAt,
          updatedAt: reply.body.registeredAt,
          agreementIds: [body.agreementId],
          contactChanges: [],
        },
      ]);
      expect((await listed('agreements'))[0]).toMatchObject({ ...reply.body, deliveries: 1, conflicts: 0, report: body, deliveryLog: [{ status: 201, idempotencyKey: 'outbox-7' }] });
    });

    it('reuses the subscriber and account of a known phone number and updates its primary contact', async () => {
      const first = await put('agreements', agreement());
      h.clock.now += 86_400_000;
      const second = agreement({ planId: 'blomster-med-vase', subscriber: { name: 'Kari Nordmann Hansen', email: '  ', address: 'Kirkeveien 2, 0368 Oslo' } });
      const reply = await put('agreements', second);
      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject({ subscriberId: first.body.subscriberId, accountId: first.body.accountId, subscriberCreated: false });
      // No profile at all: nothing about the contact changes.
      const third = await put('agreements', agreement({ subscriber: undefined }));
      expect(third.body).toMatchObject({ subscriberId: first.body.subscriberId, subscriberCreated: false });

      const [subscriber, ...others] = await listed('subscribers');
      expect(others).toEqual([]);
      expect(subscriber.contact).toEqual({ name: 'Kari Nordmann Hansen', email: 'kari@example.no', address: 'Kirkeveien 2, 0368 Oslo' });
      expect(subscriber.agreementIds).toHaveLength(3);
      expect(subscriber.updatedAt).toBe(reply.body.registeredAt);
      expect(subscriber.contactChanges).toEqual([
        {
          at: reply.body.registeredAt,
          agreementId: second.agreementId,
          changes: { name: { from: 'Kari Nordmann', to: 'Kari Nordmann Hansen' }, address: { from: 'Storgata 1, 0155 Oslo', to: 'Kirkeveien 2, 0368 Oslo' } },
        },
      ]);
      // The replay of the first agreement answers as the first time: subscriberCreated stays true.
      const replayBody = (await h.control('GET', `/billing/agreements/${first.body.agreementId}`)).body.report;
      const replay = await put('agreements', replayBody);
      expect(replay.status).toBe(200);
      expect(replay.text).toBe(first.text);
    });

    it('creates a subscriber without a profile; a later profile fills it in; other numbers are other subscribers', async () => {
      const bare = await put('agreements', agreement({ phoneNumber: '4798765432', subscriber: undefined }));
      expect(bare.body).toMatchObject({ subscriberId: 'SUB-000001', subscriberCreated: true });
      const partial = await put('agreements', agreement({ phoneNumber: '4798765432', subscriber: { email: 'ola@example.no' } }));
      expect(partial.body).toMatchObject({ subscriberId: 'SUB-000001', subscriberCreated: false });
      const other = await put('agreements', agreement({ phoneNumber: '4540123456', currency: 'DKK' }));
      expect(other.body).toMatchObject({ subscriberId: 'SUB-000002', accountId: 'ACC-000002', subscriberCreated: true });
      const byPhone = (await h.control('GET', '/billing/subscribers?phone=4798765432')).body.subscribers;
      expect(byPhone.map((s: any) => s.contact)).toEqual([{ name: null, email: 'ola@example.no', address: null }]);
      expect((await h.control('GET', '/billing/subscribers?phone=4700000000')).body.subscribers).toEqual([]);
      expect((await h.control('GET', '/billing/subscribers/SUB-000002')).body.phoneNumber).toBe('4540123456');
      expect((await h.control('GET', '/billing/subscribers/SUB-999999')).status).toBe(404);
    });

    it('validates agreements: 400 for the schema, 422 for an id mismatch or a negative charge, 409 for a changed one', async () => {
      const bad = await put('agreements', agreement({ phoneNumber: '+47 912 34 567', saleId: 'not an id', initialCharge: { chargeId: 'c' }, subscriber: { name: 42 } }));
      expectProblem(bad, 400, 'validation-error');
      expect(fieldsOf(bad)).toEqual(['saleId', 'phoneNumber', 'subscriber.name', 'initialCharge.amount', 'initialCharge.status']);
      expect(fieldsOf(await put('agreements', agreement(), { id: 'a'.repeat(37) }))).toEqual(['{agreementId}']);
      expect(fieldsOf(await put('agreements', agreement(), { id: 'agr-other' }))).toEqual(['agreementId']);
      expect(fieldsOf(await put('agreements', agreement({ initialCharge: { chargeId: 'c', amount: -1, status: 'CHARGED' } })))).toEqual(['initialCharge.amount']);
      const body = agreement();
      expect((await put('agreements', body)).status).toBe(201);
      expectProblem(await put('agreements', { ...body, planId: 'sykkelservice-aar' }), 409, 'report-conflict');
      expect((await listed('agreements'))[0]).toMatchObject({ deliveries: 1, conflicts: 1 });
      expect((await listed('subscribers'))[0].agreementIds).toEqual([body.agreementId]);
    });
  });

  describe('offline switch', () => {
    it('answers 503 + Retry-After for every billing request, before authentication, and processes nothing', async () => {
      expect((await h.control('GET', '/billing/offline')).body).toEqual({ offline: false, retryAfterSeconds: 30 });
      expect((await h.control('PUT', '/billing/offline', { offline: true, retryAfterSeconds: 7 })).body).toEqual({ offline: true, retryAfterSeconds: 7 });
      const body = sale();
      for (const reply of [
        await put('sales', body),
        await put('agreements', agreement()),
        await put('refunds', refund(body)),
        await put('sales', body, { key: null }),
        await h.raw('GET', '/billing/v1/plans', { headers: { Authorization: `Bearer ${KEY}` } }),
        await h.raw('GET', '/billing/v1/products'),
      ]) {
        expectProblem(reply, 503, null);
        expect(reply.headers.get('retry-after')).toBe('7');
        expect(reply.body.title).toBe('Service Unavailable');
      }
      expect(await listed('sales')).toEqual([]);
      expect(await listed('rejections')).toEqual([]);

      await h.control('PUT', '/billing/offline', { offline: false });
      expect((await put('sales', body)).status).toBe(201);
      expect((await listed('sales'))[0].deliveries).toBe(1);
      expect((await h.control('PUT', '/billing/offline', { offline: 'yes' })).status).toBe(400);
      expect((await h.control('PUT', '/billing/offline', { offline: true, retryAfterSeconds: 1.5 })).status).toBe(400);
      expect((await h.control('PUT', '/billing/offline', { offline: true })).body).toEqual({ offline: true, retryAfterSeconds: 30 });
    });
  });

  describe('faults on the report paths', () => {
    it('drop: nothing is recorded; the retry is the first delivery', async () => {
      const body = sale();
      await h.control('POST', '/faults', { kind: 'drop', method: 'PUT', pathPrefix: '/billing/v1/sales/' });
      await expect(put('sales', body)).rejects.toThrow();
      expect(await listed('sales')).toEqual([]);
      const retry = await put('sales', body);
      expect(retry.status).toBe(201);
      expect((await listed('sales'))[0].deliveries).toBe(1);
    });

    it('process-then-drop: the report is stored; the retry gets 200 with the body the lost answer had', async () => {
      const body = sale();
      await h.control('POST', '/faults', { kind: 'process-then-drop', method: 'PUT', pathPrefix: '/billing/v1/sales/' });
      await expect(put('sales', body, { idempotencyKey: 'item-1' })).rejects.toThrow();
      const [stored] = await listed('sales');
      expect(stored).toMatchObject({ saleId: body.saleId, deliveries: 1 });
      const lost = h.sandbox.exchanges.find((x) => x.fault === 'process-then-drop')!;
      expect(lost.status).toBe(201);

      const retry = await put('sales', body, { idempotencyKey: 'item-1' });
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual(lost.responseBody);
      expect((await listed('sales'))[0]).toMatchObject({ deliveries: 2, deliveryLog: [{ status: 201, idempotencyKey: 'item-1' }, { status: 200, idempotencyKey: 'item-1' }] });
    });

    it('process-then-drop on an agreement and a refund: replays answer as the first time', async () => {
      const paid = sale();
      await put('sales', paid);
      await h.control('POST', '/faults', { kind: 'process-then-drop', method: 'PUT', pathPrefix: '/billing/v1/', count: 2 });
      const body = agreement();
      const back = refund(paid, { amount: 11800 });
      await expect(put('agreements', body)).rejects.toThrow();
      await expect(put('refunds', back)).rejects.toThrow();
      const replayed = await put('agreements', body);
      expect(replayed.status).toBe(200);
      expect(replayed.body.subscriberCreated).toBe(true);
      expect((await put('refunds', back)).status).toBe(200);
      expect((await listed('refunds'))[0].deliveries).toBe(2);
      expect((await listed('subscribers'))[0].agreementIds).toEqual([body.agreementId]);
    });

    it('status and rate-limit: answered without processing, 429 as a problem with Retry-After', async () => {
      const body = sale();
      await h.control('POST', '/faults', { kind: 'status', status: 503, method: 'PUT', pathPrefix: '/billing/' });
      expect((await put('sales', body)).status).toBe(503);
      await h.control('POST', '/faults', { kind: 'rate-limit', retryAfterSeconds: 4, method: 'PUT', pathPrefix: '/billing/' });
      const limited = await put('sales', body);
      expectProblem(limited, 429, null);
      expect(limited.headers.get('retry-after')).toBe('4');
      expect(limited.body.title).toBe('Too Many Requests');
      expect(await listed('sales')).toEqual([]);
      expect((await put('sales', body)).status).toBe(201);
      expect((await listed('sales'))[0].deliveries).toBe(1);
    });

    it('latency: the report is answered normally after the delay', async () => {
      await h.control('POST', '/faults', { kind: 'latency', ms: 20, method: 'PUT', pathPrefix: '/billing/v1/sales/' });
      expect((await put('sales', sale())).status).toBe(201);
      expect(h.sandbox.exchanges.filter((x) => x.fault === 'latency')).toHaveLength(1);
    });
  });

  it('records every billing exchange with its request and response', async () => {
    const body = sale();
    await put('sales', body, { idempotencyKey: 'rec-1' });
    await put('sales', body);
    const recorded = h.sandbox.exchanges.filter((x) => x.path.startsWith('/billing/v1/sales/'));
    expect(recorded.map((x) => [x.method, x.status])).toEqual([
      ['PUT', 201],
      ['PUT', 200],
    ]);
    expect(recorded[0]).toMatchObject({ requestBody: body, requestHeaders: { 'idempotency-key': 'rec-1', authorization: `Bearer ${KEY}` }, responseBody: { saleId: body.saleId } });
    expect((await h.control('GET', '/exchanges?pathPrefix=/billing/')).body.exchanges).toHaveLength(2);
  });

  it('POST /_control/reset forgets reports, subscribers, rejections, the offline switch and added or revoked keys', async () => {
    const paid = sale();
    await put('sales', paid);
    await put('refunds', refund(paid));
    await put('agreements', agreement());
    await put('sales', { ...paid, total: 1 });
    await h.control('PUT', '/billing/keys/till-9', {});
    await h.control('PUT', `/billing/keys/${KEY}`, { rejected: true });
    await h.control('PUT', '/billing/offline', { offline: true });
    expect((await h.control('POST', '/reset')).status).toBe(200);
    for (const what of ['sales', 'agreements', 'refunds', 'subscribers', 'rejections'] as const) expect(await listed(what), what).toEqual([]);
    expect((await h.control('GET', '/billing/offline')).body).toEqual({ offline: false, retryAfterSeconds: 30 });
    expect((await h.control('GET', '/billing/keys')).body.keys).toEqual([{ key: KEY, rejected: false, source: 'options' }, ...otherTrainingKeys]);
    // Numbering starts again, and the same ids are new again.
    expect((await put('sales', paid)).body.billingSaleId).toBe('BS-000001');
    expect((await put('agreements', agreement())).body.subscriberId).toBe('SUB-000001');
  });

  it('lists the billing endpoints in GET /_control', async () => {
    const endpoints = (await h.control('GET', '')).body.endpoints as string[];
    for (const path of ['sales', 'agreements', 'refunds', 'subscribers[?phone=]', 'rejections', 'offline', 'keys']) {
      expect(endpoints).toContain(`GET /_control/billing/${path}`);
    }
  });
});
