import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoreHarness } from '../../support/core-harness';
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../../electron/core/db/open-database';
import { trainingCredentials } from '../../../electron/sandbox/training-credentials';

let h: CoreHarness;
const products = [
  { id: 'beans', name: 'Kaffebønner 250 g', unitPrice: 14900, currency: 'NOK', vatRate: 1500 },
  { id: 'mug', name: 'Krus', unitPrice: 19900, currency: 'NOK', vatRate: 2500 },
];

beforeEach(async () => {
  h = await CoreHarness.start();
  await h.control('PUT', '/billing/products', { products });
  // The till has its catalogue before any outage, as a till that has been running would.
  await h.value('products.list', {});
});
afterEach(async () => {
  await h.close();
});

async function cashSale(tendered = 50000) {
  await h.value('cart.add', { productId: 'beans', quantity: 2 });
  await h.value('cart.add', { productId: 'mug' });
  return h.value('payment.cash', { tendered });
}

async function paidByPhone() {
  await h.value('cart.add', { productId: 'mug' });
  const sale = await h.value('payment.start', { method: 'push', phone: { country: 'NO', number: '91234567' } });
  await h.control('POST', `/payments/${sale.reference}/approve`, {});
  await h.advance(5_000);
  return h.value('sale.get', { saleId: sale.id });
}

const recorded = async (kind: 'sales' | 'agreements' | 'refunds') => (await h.control('GET', `/billing/${kind}`))[kind] as any[];

describe('reporting to the billing backend', () => {
  it('reports a cash sale with lines, VAT and tender, once', async () => {
    const sale = await cashSale();
    await h.advance(0);
    const [report] = await recorded('sales');
    expect(report).toMatchObject({ saleId: sale.id, deliveries: 1 });
    expect(report.report).toMatchObject({
      receiptNumber: sale.receiptNumber,
      tillId: 'till-test',
      total: 49700,
      tenders: [{ type: 'CASH', amount: 49700, tendered: 50000, change: 300 }],
    });
    expect(await h.value('sync.status', {})).toMatchObject({ state: 'online', waiting: 0, deadLetters: 0 });
  });

  it('reports a Vipps sale and then its refund, in that order', async () => {
    const sale = await paidByPhone();
    await h.value('sale.refund', { saleId: sale.id, amount: 5000 });
    await h.advance(0);
    const [saleReport] = await recorded('sales');
    expect(saleReport.report.tenders).toEqual([expect.objectContaining({ type: 'VIPPS_MOBILEPAY', reference: sale.reference, capturedAmount: 19900 })]);
    const [refund] = await recorded('refunds');
    expect(refund).toMatchObject({ saleId: sale.id, deliveries: 1, report: { amount: 5000 } });
  });

  it('registers an agreement made in the shop with the shared profile', async () => {
    const sale = await h.value('subscription.start', { planId: 'kaffeklubben-mnd', phone: { country: 'NO', number: '91234567' }, profileScopes: ['name', 'email'] });
    await h.approve(sale.agreementId!);
    await h.advance(5_000);
    const [agreement] = await recorded('agreements');
    expect(agreement).toMatchObject({ agreementId: sale.agreementId, subscriberCreated: true, report: { planId: 'kaffeklubben-mnd', phoneNumber: '4791234567' } });
    expect(agreement.report.subscriber.name).toBeTruthy();
  });
});

describe('when the billing backend is down', () => {
  it('keeps selling, queues the reports, and delivers them with backoff when it is back', async () => {
    await h.control('PUT', '/billing/offline', { offline: true, retryAfterSeconds: 30 });
    const first = await cashSale();
    const second = await cashSale();
    await h.advance(0);
    const offline = await h.value('sync.status', {});
    expect(offline).toMatchObject({ state: 'offline', waiting: 2, oldestWaitingSince: first.createdAt, problem: { code: 'BILLING_UNAVAILABLE' } });
    expect(await recorded('sales')).toEqual([]);

    // Retry-After is honoured: nothing is sent again for 30 s.
    const before = h.exchanges('PUT', '/billing/v1/sales').length;
    await h.advance(29_000);
    expect(h.exchanges('PUT', '/billing/v1/sales').length).toBe(before);

    await h.control('PUT', '/billing/offline', { offline: false });
    await h.advance(60_000);
    expect((await recorded('sales')).map((s: any) => s.saleId).sort()).toEqual([first.id, second.id].sort());
    expect(await h.value('sync.status', {})).toMatchObject({ state: 'online', waiting: 0 });
  });

  it('survives a restart with reports waiting, and "Sync now" sends them at once', async () => {
    await h.control('PUT', '/billing/offline', { offline: true, retryAfterSeconds: 600 });
    const sale = await cashSale();
    await h.advance(0);
    await h.crashAndRestart();
    await h.control('PUT', '/billing/offline', { offline: false });
    const status = await h.value('sync.now', {});
    expect(status).toMatchObject({ state: 'online', waiting: 0 });
    expect((await recorded('sales')).map((s: any) => s.saleId)).toEqual([sale.id]);
  });

  it('delivers once even when the answer is lost', async () => {
    await h.control('POST', '/faults', { kind: 'process-then-drop', method: 'PUT', pathPrefix: '/billing/v1/sales', count: 1 });
    const sale = await cashSale();
    await h.advance(0);
    expect((await h.value('sync.status', {})).waiting).toBe(1);
    await h.advance(10_000);
    const [report] = await recorded('sales');
    expect(report).toMatchObject({ saleId: sale.id, deliveries: 2 });
    expect(await h.value('sync.status', {})).toMatchObject({ waiting: 0 });
  });
});

describe('refused reports', () => {
  it('pauses on a refused API key and says so, then resumes with Sync now', async () => {
    await h.control('PUT', `/billing/keys/${trainingCredentials.billingApiKey}`, { rejected: true });
    await cashSale();
    await h.advance(0);
    expect(await h.value('sync.status', {})).toMatchObject({ state: 'paused', waiting: 1, problem: { message: expect.stringMatching(/API key/) } });
    await h.advance(10 * 60_000);
    expect(await recorded('sales')).toEqual([]);
    await h.control('PUT', `/billing/keys/${trainingCredentials.billingApiKey}`, { rejected: false });
    expect(await h.value('sync.now', {})).toMatchObject({ state: 'online', waiting: 0 });
  });

  it('keeps a report the backend refuses as a dead letter, held for Retry or Discard-with-reason', async () => {
    await h.control('PUT', '/billing/offline', { offline: true, retryAfterSeconds: 600 });
    const sale = await cashSale();
    await h.advance(0);
    // Someone edits the stored report so its lines no longer add up: the backend will refuse it (422).
    const db = new BetterSqlite3(join(h.dataDir.path, DATABASE_FILE));
    db.prepare("UPDATE outbox SET payload_json = json_set(payload_json, '$.total', 1) WHERE subject_id = ?").run(sale.id);
    db.close();
    await h.control('PUT', '/billing/offline', { offline: false });
    const status = await h.value('sync.now', {});
    expect(status).toMatchObject({ state: 'online', waiting: 0, deadLetters: 1 });
    const [dead] = await h.value('sync.deadLetters', {});
    expect(dead).toMatchObject({ kind: 'sale', subjectId: sale.id, error: { message: expect.stringMatching(/refused this report/) }, summary: { kind: 'sale', reference: sale.receiptNumber, amount: { amount: 1, currency: sale.totals.currency } } });
    // Why, as a code the manager's screen words in its language, with the fields the backend pointed at.
    expect(dead!.error).toMatchObject({ code: 'VALIDATION', reason: 'BILLING_REPORT_NOT_ACCEPTED', params: { fields: expect.stringContaining('total') } });

    // Retry sends it again (still refused), and nothing is ever dropped silently.
    expect(await h.value('sync.retry', { id: dead!.id })).toMatchObject({ deadLetters: 1 });
    expect(await h.invoke('sync.discard', { id: dead!.id, reason: 'no' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await h.value('sync.discard', { id: dead!.id, reason: 'Entered by hand in the back office' })).toMatchObject({ deadLetters: 0 });
    expect(await h.value('sync.deadLetters', {})).toEqual([]);
    expect(await h.invoke('sync.retry', { id: dead!.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
