import { randomUUID } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/core/db/open-database';
import type { Sale } from '../../../shared/sale';
import { trainingCredentials } from '../../../electron/sandbox/training-credentials';
import { CoreHarness } from '../../support/core-harness';

/**
 * Every cashier intention that moves money carries a client request id, and happens once however
 * often its request arrives: twice in a row, while the first is still running, or after a restart.
 */
let h: CoreHarness;

const products = [
  { id: 'mug', name: 'Krus', unitPrice: 10000, currency: 'NOK', vatRate: 2500 },
  { id: 'safe', name: 'Safe', unitPrice: 100_000_000, currency: 'NOK', vatRate: 2500 },
  { id: 'overflow', name: 'Overflow', unitPrice: Number.MAX_SAFE_INTEGER, currency: 'NOK', vatRate: 2500 },
];
const phone = { country: 'NO' as const, number: '912 34 567' };

beforeEach(async () => {
  h = await CoreHarness.start();
  await h.control('PUT', '/billing/products', { products });
});
afterEach(async () => {
  await h.close();
});

const exchanges = (method: string, suffix: string) =>
  h.sandbox.exchanges.filter((e) => e.method === method && e.path.startsWith('/epayment/v1/payments') && e.path.endsWith(suffix));
const recorded = async (kind: 'sales' | 'agreements' | 'refunds') => (await h.control('GET', `/billing/${kind}`))[kind] as unknown[];

async function completedSale(): Promise<Sale> {
  await h.value('cart.add', { productId: 'mug' });
  const sale = await h.value('payment.start', { method: 'push', phone });
  await h.control('POST', `/payments/${sale.reference}/approve`, {});
  await h.advance(5_000);
  const done = await h.value('sale.get', { saleId: sale.id });
  expect(done.status).toBe('completed');
  return done;
}

describe('a refund', () => {
  it('sent again while the first is still waiting for Vipps joins it: one refund at Vipps, one report to billing', async () => {
    const sale = await completedSale();
    // Vipps answers slowly, so the cashier's screen gives up and sends the same request again.
    await h.control('POST', '/faults', { kind: 'latency', ms: 300, method: 'POST', pathPrefix: `/epayment/v1/payments/${sale.reference}/refund` });
    const request = { requestId: randomUUID(), saleId: sale.id, amount: 5000 };
    const [first, second] = await Promise.all([h.invoke('sale.refund', request), h.invoke('sale.refund', request)]);

    expect(first).toEqual(second);
    expect(first).toMatchObject({ ok: true, value: { amounts: { refunded: 5000 } } });
    expect(exchanges('POST', '/refund')).toHaveLength(1);
    await h.advance(0);
    expect(await recorded('refunds')).toHaveLength(1);
    expect((await h.control('GET', `/payments/${sale.reference}`)).aggregate.refundedAmount.value).toBe(5000);
  });

  it('sent twice in a row, and again after a restart, refunds once', async () => {
    const sale = await completedSale();
    const request = { requestId: randomUUID(), saleId: sale.id, amount: 5000 };
    const first = await h.value('sale.refund', request);
    const again = await h.value('sale.refund', request);
    await h.crashAndRestart();
    const afterRestart = await h.value('sale.refund', request);

    expect(again.refunds).toEqual(first.refunds);
    expect(afterRestart.refunds).toEqual(first.refunds);
    expect(afterRestart.amounts.refunded).toBe(5000);
    expect(exchanges('POST', '/refund')).toHaveLength(1);
  });

  it('with a new request id is a new refund: the cashier meant it twice', async () => {
    const sale = await completedSale();
    await h.value('sale.refund', { requestId: randomUUID(), saleId: sale.id, amount: 5000 });
    const second = await h.value('sale.refund', { requestId: randomUUID(), saleId: sale.id, amount: 5000 });
    expect(second.amounts.refunded).toBe(10000);
    expect(exchanges('POST', '/refund')).toHaveLength(2);
  });

  it('reusing a request id for another amount is a conflict, and nothing is refunded', async () => {
    const sale = await completedSale();
    const requestId = randomUUID();
    await h.value('sale.refund', { requestId, saleId: sale.id, amount: 2000 });
    const other = await h.invoke('sale.refund', { requestId, saleId: sale.id, amount: 3000 });
    expect(other).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/already used for a different request/) } });
    expect((await h.value('sale.get', { saleId: sale.id })).amounts.refunded).toBe(2000);
  });

  it('without a request id is refused before anything happens', async () => {
    const sale = await completedSale();
    const result = await h.invoke('sale.refund', { requestId: 'not-a-uuid', saleId: sale.id, amount: 5000 });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { requestId: expect.any(String) } } });
    expect(exchanges('POST', '/refund')).toHaveLength(0);
  });

  it('a repeat of a refund Vipps refused gives the same refusal, and asks Vipps nothing more', async () => {
    const sale = await completedSale();
    await h.control('POST', '/faults', { kind: 'status', status: 500, method: 'POST', pathPrefix: `/epayment/v1/payments/${sale.reference}/refund`, count: 1 });
    const request = { requestId: randomUUID(), saleId: sale.id, amount: 5000 };
    const first = await h.value('sale.refund', request);
    expect(first.refunds[0]!.status).toBe('pending');
    expect(await h.value('sale.refund', request)).toEqual(await h.value('sale.get', { saleId: sale.id }));
    await h.advance(60_000);
    expect((await h.value('sale.refund', request)).amounts.refunded).toBe(5000);
    expect(new Set(exchanges('POST', '/refund').map((e) => e.requestHeaders['idempotency-key'])).size).toBe(1);
  });
});

describe('a cash sale', () => {
  it('sent again returns the sale it recorded, not "the cart is empty", also after a restart', async () => {
    await h.value('cart.add', { productId: 'mug' });
    const request = { requestId: randomUUID(), tendered: 20000 };
    const first = await h.value('payment.cash', request);
    expect(await h.value('payment.cash', request)).toEqual(first);
    await h.crashAndRestart();
    expect(await h.value('payment.cash', request)).toEqual(first);
    expect(await h.value('sales.list', {})).toHaveLength(1);
    await h.advance(0);
    expect(await recorded('sales')).toHaveLength(1);
  });

  it('refuses a tendered amount far above the total, naming the most it takes', async () => {
    await h.value('cart.add', { productId: 'mug' });
    const absurd = await h.invoke('payment.cash', { tendered: Number.MAX_SAFE_INTEGER });
    expect(absurd).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('10100.00 NOK'), fields: { tendered: expect.any(String) } } });
    const most = await h.invoke('payment.cash', { tendered: 10000 + 1_000_000 });
    expect(most).toMatchObject({ ok: true, value: { cash: { change: 1_000_000 } } });
  });

  it('takes the limit from the shop\'s settings', async () => {
    await h.close();
    h = await CoreHarness.start({ configure: (config) => ({ ...config, cashMaxOverTotal: 500 }) });
    await h.control('PUT', '/billing/products', { products });
    await h.value('cart.add', { productId: 'mug' });
    expect(await h.invoke('payment.cash', { tendered: 10000 + 50_001 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await h.value('app.info', {})).cashMaxOverTotal).toBe(500);
  });
});

describe('starting a payment', () => {
  it('twice with one request id, at once, sends one payment to the customer', async () => {
    await h.value('cart.add', { productId: 'mug' });
    const request = { requestId: randomUUID(), method: 'push' as const, phone };
    const [first, second] = await Promise.all([h.invoke('payment.start', request), h.invoke('payment.start', request)]);
    expect(first).toEqual(second);
    expect(exchanges('POST', '/payments')).toHaveLength(1);
  });

  it('with different request ids at once lets one wait and refuses the others', async () => {
    await h.value('cart.add', { productId: 'mug' });
    const results = await Promise.all([1, 2, 3].map(() => h.invoke('payment.start', { method: 'push', phone })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['CONFLICT', 'CONFLICT']);
    expect(exchanges('POST', '/payments')).toHaveLength(1);
  });

  it('a repeat of a payment Vipps refused is the same refusal, and asks Vipps nothing more', async () => {
    await h.control('PATCH', `/merchants/${trainingCredentials.merchantSerialNumber}`, { pushMessageAllowed: false });
    await h.value('cart.add', { productId: 'mug' });
    const request = { requestId: randomUUID(), method: 'push' as const, phone };
    const first = await h.invoke('payment.start', request);
    expect(first).toMatchObject({ ok: false, error: { code: 'PUSH_NOT_ALLOWED' } });
    expect(await h.invoke('payment.start', request)).toEqual(first);
    expect(exchanges('POST', '/payments')).toHaveLength(1);
  });
});

describe('starting a subscription sale', () => {
  it('three times at once, while the plan list is slow, leaves one sale waiting and one agreement at Vipps', async () => {
    await h.control('POST', '/faults', { kind: 'latency', ms: 600, method: 'GET', pathPrefix: '/billing/v1/plans', count: 3 });
    const start = () => h.invoke('subscription.start', { planId: 'kaffeklubben-mnd', phone, profileScopes: [] });
    const results = await Promise.all([start(), start(), start()]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['CONFLICT', 'CONFLICT']);
    expect(h.exchanges('POST', '/recurring/v3/agreements')).toHaveLength(1);
  });

  it('twice with one request id joins the first: one push to the customer', async () => {
    const request = { requestId: randomUUID(), planId: 'kaffeklubben-mnd', phone, profileScopes: [] };
    const [first, second] = await Promise.all([h.invoke('subscription.start', request), h.invoke('subscription.start', request)]);
    expect(first).toEqual(second);
    await h.crashAndRestart();
    const afterRestart = await h.invoke('subscription.start', request);
    expect(afterRestart.ok && first.ok && afterRestart.value.id).toBe(first.ok && first.value.id);
    expect(h.exchanges('POST', '/recurring/v3/agreements')).toHaveLength(1);
  });
});

describe('the record of request ids', () => {
  it('is append-only: SQLite refuses to change or delete a row', async () => {
    await h.value('cart.add', { productId: 'mug' });
    await h.value('payment.cash', { tendered: 10000 });
    const db = new BetterSqlite3(join(h.dataDir.path, DATABASE_FILE));
    try {
      expect(db.prepare('SELECT count(*) AS n FROM client_requests').get()).toEqual({ n: 1 });
      expect(() => db.prepare("UPDATE client_requests SET subject_id = 'x'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM client_requests').run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });
});

describe('prices and totals stay in range', () => {
  it('refuses a catalogue price past the highest a till takes, naming the product', async () => {
    const catalogue = await h.value('products.list', {});
    expect(catalogue.products.map((p) => p.id)).toEqual(['mug', 'safe']);
    expect(catalogue.rejected).toEqual([expect.objectContaining({ id: 'overflow', reason: expect.stringMatching(/unitPrice .*at most/) })]);
  });

  it('refuses a cart total past 10 000 000.00, naming the product and the most', async () => {
    await h.value('cart.add', { productId: 'safe', quantity: 10 });
    const tooMuch = await h.invoke('cart.add', { productId: 'safe' });
    expect(tooMuch).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/11 × Safe .*10000000\.00 NOK/) } });
    expect((await h.value('cart.get', {})).totals.total).toBe(1_000_000_000);
  });
});

describe('requests that do not fit the contract', () => {
  it('name the field that is wrong', async () => {
    const result = await h.invoke('cart.add', { productId: 'mug', quantity: '2' } as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/^quantity: /), fields: { quantity: expect.any(String) } } });
  });
});
