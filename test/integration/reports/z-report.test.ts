import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/core/db/open-database';
import { CoreHarness } from '../../support/core-harness';

/**
 * The cash drawer and the end of the day through the real core (real sandbox, fake clock): cash
 * refunds, float and cash in/out, X, the Z's unbroken numbers, its grand total, the cash
 * difference, the unsynced warning, immutability, and the Z reaching the billing backend.
 */
let h: CoreHarness;
afterEach(async () => {
  await h.close();
});

const products = [
  { id: 'mug', name: 'Krus', unitPrice: 10000, currency: 'NOK', vatRate: 2500 },
  { id: 'bread', name: 'Brød', unitPrice: 5000, currency: 'NOK', vatRate: 1500 },
];

async function cashSale(productId = 'mug', tendered = 10000) {
  await h.value('cart.add', { productId });
  return h.value('payment.cash', { tendered });
}

function db() {
  return new BetterSqlite3(join(h.dataDir.path, DATABASE_FILE));
}

describe('cash refunds', () => {
  it('a refund of a cash sale is cash from the drawer: no Vipps call, refunded at once, reported, counted', async () => {
    h = await CoreHarness.start({ signIn: 'manager' });
    await h.control('PUT', '/billing/products', { products });
    const sale = await cashSale();
    const refunded = await h.value('sale.refund', { saleId: sale.id, amount: 4000 });
    expect(refunded.amounts.refunded).toBe(4000);
    expect(refunded.refunds).toEqual([expect.objectContaining({ amount: 4000, status: 'refunded', cashier: { id: expect.any(String), name: 'Kari Nordmann' } })]);
    expect(h.exchanges('POST', '/epayment/')).toHaveLength(0);
    expect(await h.invoke('sale.refund', { saleId: sale.id, amount: 6001 })).toMatchObject({ ok: false, error: { code: 'PAYMENT_REFUSED' } });
    await h.advance(0);
    expect((await h.control('GET', '/billing/refunds')).refunds[0].report).toMatchObject({ amount: 4000, saleId: sale.id });
    const drawer = await h.value('drawer.status', {});
    expect(drawer).toMatchObject({ cashSales: 10000, cashRefunds: 4000, expected: 6000 });
    const day = await h.value('reports.day', {});
    expect(day.totals).toMatchObject({ gross: 10000, refunds: 4000, net: 6000 });
  });

  it('a cashier needs a manager for it, as for any refund', async () => {
    h = await CoreHarness.start({ signIn: 'cashier' });
    await h.control('PUT', '/billing/products', { products });
    const sale = await cashSale();
    expect(await h.invoke('sale.refund', { saleId: sale.id, amount: 1000 })).toMatchObject({ ok: false, error: { code: 'MANAGER_APPROVAL_NEEDED' } });
    expect(await h.invoke('reports.day', {})).toMatchObject({ ok: false, error: { code: 'MANAGER_APPROVAL_NEEDED' } });
  });
});

describe('closing the day', () => {
  it('expected cash = float + cash sales − cash refunds + in − out; the Z shows counted and the difference', async () => {
    h = await CoreHarness.start();
    await h.control('PUT', '/billing/products', { products });
    await h.value('drawer.move', { kind: 'float', amount: 100_000, reason: 'Opening float' });
    const first = await cashSale('mug', 20000);
    await cashSale('bread', 5000);
    await h.value('sale.refund', { saleId: first.id, amount: 2500 });
    await h.value('drawer.move', { kind: 'in', amount: 10_000, reason: 'Change from the bank' });
    const drawer = await h.value('drawer.move', { kind: 'out', amount: 3_000, reason: 'Flowers for the shop' });
    // 100 000 + (10 000 + 5 000) − 2 500 + 10 000 − 3 000
    expect(drawer).toMatchObject({ float: 100_000, cashSales: 15_000, cashRefunds: 2_500, cashIn: 10_000, cashOut: 3_000, expected: 119_500 });
    await h.advance(0);

    const x = await h.value('zreport.x', {});
    expect(x).toMatchObject({ type: 'X', number: null, drawer: { expected: 119_500 }, totals: { net: 12_500 }, grandTotal: 12_500 });
    expect(await h.value('zreport.list', {})).toEqual([]);

    await h.advance(60_000);
    const z = await h.value('zreport.close', { count: { denominations: [{ value: 100_000, count: 1 }, { value: 10_000, count: 1 }, { value: 5_000, count: 1 }, { value: 2_000, count: 2 }] } });
    // counted 119 000: 500 missing
    expect(z).toMatchObject({ type: 'Z', number: 1, counted: { total: 119_000 }, cashDifference: -500, grandTotalBefore: 0, grandTotal: 12_500 });
    expect(z.byVat.map((v) => v.rate)).toEqual([2500, 1500]);
  });

  it('numbers Z-reports without gaps, the grand total only grows, and a refund after the close is the next period\'s', async () => {
    h = await CoreHarness.start();
    await h.control('PUT', '/billing/products', { products });
    const sale = await cashSale();
    await h.advance(1_000);
    const z1 = await h.value('zreport.close', { count: { total: 10_000 } });
    expect(z1).toMatchObject({ number: 1, totals: { net: 10_000 }, grandTotal: 10_000, cashDifference: 0 });

    await h.advance(1_000);
    await h.value('sale.refund', { saleId: sale.id, amount: 3_000 });
    await cashSale('bread', 5000);
    await h.advance(1_000);
    const z2 = await h.value('zreport.close', { count: { total: 2_000 } });
    // This period: 5 000 sold, 3 000 refunded (of the sale closed in Z 1): net 2 000
    expect(z2).toMatchObject({ number: 2, totals: { gross: 5_000, refunds: 3_000, net: 2_000 }, grandTotalBefore: 10_000, grandTotal: 12_000 });
    expect(z2.from).toBe(z1.to);
    // Z 1 is as it was.
    expect(await h.value('zreport.get', { number: 1 })).toEqual(z1);
    await h.advance(1_000);
    const empty = await h.value('zreport.close', { count: { total: 0 } });
    expect(empty).toMatchObject({ number: 3, totals: { net: 0 }, grandTotal: 12_000 });
    expect((await h.value('zreport.list', {})).map((z) => z.number)).toEqual([3, 2, 1]);
  });

  it('the same close request twice makes one Z-report', async () => {
    h = await CoreHarness.start();
    const requestId = randomUUID();
    const first = await h.value('zreport.close', { requestId, count: { total: 0 } });
    const again = await h.value('zreport.close', { requestId, count: { total: 0 } });
    expect(again).toEqual(first);
    expect(await h.value('zreport.list', {})).toHaveLength(1);
  });

  it('with reports waiting to sync, closing warns and needs confirmation, which is journalled', async () => {
    h = await CoreHarness.start();
    await h.control('PUT', '/billing/products', { products });
    await h.value('products.list', {});
    await h.control('PUT', '/billing/offline', { offline: true });
    await cashSale();
    await h.advance(0);
    const refused = await h.invoke('zreport.close', { count: { total: 10_000 } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'SYNC_PENDING', fields: { confirmUnsynced: '1' } } });
    expect(await h.value('zreport.list', {})).toEqual([]);
    const z = await h.value('zreport.close', { count: { total: 10_000 }, confirmUnsynced: true });
    expect(z).toMatchObject({ number: 1, unsynced: 1, confirmUnsynced: true });
    const journal = await h.value('audit.list', { filter: { action: 'zreport.close' } });
    expect(journal.items[0]).toMatchObject({ subjectId: z.id, actor: { name: 'Kari Nordmann' }, after: { confirmUnsynced: true } });
  });

  it('sends the Z-report to the billing backend through the outbox', async () => {
    h = await CoreHarness.start();
    await h.control('PUT', '/billing/products', { products });
    await cashSale();
    await h.advance(0);
    const z = await h.value('zreport.close', { count: { total: 9_900 } });
    await h.advance(0);
    const { zReports } = await h.control('GET', '/billing/z-reports');
    expect(zReports).toHaveLength(1);
    expect(zReports[0]).toMatchObject({ zReportId: z.id, number: 1, report: { net: 10_000, grandTotal: 10_000, cash: { expected: 10_000, counted: 9_900, difference: -100 } } });
    expect((await h.value('sync.status', {})).waiting).toBe(0);
  });

  it('is immutable: SQLite refuses to change, delete or skip a Z-report', async () => {
    h = await CoreHarness.start();
    await h.value('zreport.close', { count: { total: 0 } });
    const conn = db();
    try {
      expect(() => conn.prepare('UPDATE z_reports SET net = 1').run()).toThrow(/immutable/);
      expect(() => conn.prepare('DELETE FROM z_reports').run()).toThrow(/immutable/);
      const insert = conn.prepare(
        `INSERT INTO z_reports (till_id, number, id, period_start, closed_at, currency, net, grand_total, expected_cash, counted_cash, cash_difference, unsynced, report_json)
         VALUES ('till-test', ?, ?, 0, 1, 'NOK', ?, ?, 0, 0, 0, 0, '{}')`,
      );
      expect(() => insert.run(3, 'gap', 0, 0)).toThrow(/without gaps/);
      expect(() => insert.run(2, 'bad-total', 100, 50)).toThrow(/grand total/);
      expect(() => conn.prepare("UPDATE cash_movements SET amount = 1").run()).not.toThrow(); // no rows: the trigger fires per row
    } finally {
      conn.close();
    }
  });
});

describe('the sales list and a sale\'s timeline', () => {
  it('pages with a total count, filters and searches, and shows who did what when', async () => {
    h = await CoreHarness.start();
    await h.control('PUT', '/billing/products', { products });
    const sales = [];
    for (let i = 0; i < 5; i++) {
      sales.push(await cashSale());
      await h.advance(1_000);
    }
    await h.value('sale.refund', { saleId: sales[0]!.id, amount: 1_000 });
    const page1 = await h.value('reports.entries', { page: 1, pageSize: 2, filter: {} });
    expect(page1).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(page1.items.map((e) => e.id)).toEqual([sales[4]!.id, sales[3]!.id]);
    const page3 = await h.value('reports.entries', { page: 3, pageSize: 2, filter: {} });
    expect(page3.items.map((e) => e.id)).toEqual([sales[0]!.id]);
    expect(page3.items[0]).toMatchObject({ kind: 'sale', tender: 'cash', amount: 10_000, refunded: 1_000, description: 'Krus', cashier: { name: 'Kari Nordmann' } });

    const receipt = sales[2]!.receiptNumber;
    expect((await h.value('reports.entries', { filter: { search: receipt } })).items.map((e) => e.id)).toEqual([sales[2]!.id]);
    expect((await h.value('reports.entries', { filter: { tender: 'vipps-qr' } })).total).toBe(0);
    expect((await h.value('reports.entries', { filter: { tender: 'cash', status: 'completed' } })).total).toBe(5);
    expect((await h.value('reports.entries', { filter: { search: '%' } })).total).toBe(0);

    const detail = await h.value('reports.entry', { kind: 'sale', id: sales[0]!.id });
    expect(detail.timeline.map((t) => [t.kind, t.code])).toEqual([
      ['status', 'completed'],
      ['journal', 'payment.cash'],
      ['journal', 'sale.refund'],
      ['refund', 'refunded'],
    ]);
    expect(detail.timeline[1]!.actor).toMatchObject({ name: 'Kari Nordmann' });
  });
});

describe('exports', () => {
  it('the sales list as CSV with a BOM and major units, and each export journalled', async () => {
    h = await CoreHarness.start();
    await h.control('PUT', '/billing/products', { products: [{ ...products[0], name: '=HYPERLINK("x")' }] });
    await cashSale();
    await h.advance(0);
    const file = await h.value('export.entries', { format: 'csv', filter: {} });
    expect(file.mimeType).toBe('text/csv;charset=utf-8');
    expect(file.filename).toMatch(/^kassa-till-test-sales-\d{8}-\d{4}\.csv$/);
    expect(file.content.startsWith('\uFEFFkind,id,created')).toBe(true);
    expect(file.content).toContain(',100.00,0.00,NOK,Kari Nordmann,,"\'=HYPERLINK(""x"")"\r\n');
    const json = JSON.parse((await h.value('export.entries', { format: 'json', filter: {} })).content);
    expect(json.entries[0]).toMatchObject({ amount: '100.00', currency: 'NOK' });
    const z = await h.value('zreport.close', { count: { total: 10_000 } });
    const zFile = await h.value('export.zReport', { number: z.number!, format: 'csv' });
    expect(zFile.content).toContain('totals,net,,100.00,NOK');
    const audit = await h.value('export.audit', { format: 'csv', filter: {} });
    expect(audit.content).toContain('report.exported');
    expect((await h.value('audit.list', { filter: { action: 'report.exported' } })).total).toBe(4);
  });
});
