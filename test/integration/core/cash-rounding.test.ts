import { afterEach, describe, expect, it } from 'vitest';
import type { Currency } from '../../../shared/money';
import type { PhoneCountry } from '../../../shared/phone';
import { trainingConnection } from '../../../electron/host/training-connection';
import { CoreHarness } from '../../support/core-harness';

/**
 * Cash rounding end to end through the real core, the real sandbox and real SQLite: the cash sale,
 * the customer display, the billing report (accepted by the sandbox's rules), refunds, the drawer
 * and the day's figures, in a shop of each country. Wallet payments are never rounded.
 */
let h: CoreHarness;
afterEach(async () => {
  await h.close();
});

async function shop(country: PhoneCountry, currency: Currency, unitPrice: number) {
  // The shop's own country's training sales unit, which takes its currency.
  h = await CoreHarness.start({
    configure: (config) => ({ ...config, shop: { ...config.shop, country, currency }, vipps: trainingConnection({ url: config.billing.baseUrl!, phonePageUrl: '' }, country).vipps }),
  });
  await h.control('PUT', '/billing/products', { products: [{ id: 'gum', name: 'Gum', unitPrice, currency, vatRate: 2500 }] });
  await h.value('cart.add', { productId: 'gum' });
}

async function delivered() {
  await h.advance(0);
  expect((await h.control('GET', '/billing/rejections')).rejections).toEqual([]);
}

describe('a cash sale is paid in the country’s smallest coin', () => {
  it.each([
    ['DK', 'DKK', 1024, 1000, -24],
    ['DK', 'DKK', 1025, 1050, 25],
    ['FI', 'EUR', 1002, 1000, -2],
    ['FI', 'EUR', 1003, 1005, 2],
    ['NO', 'NOK', 1049, 1000, -49],
    ['NO', 'NOK', 1050, 1100, 50],
  ] as const)('%s %s: a total of %i is paid with %i (rounding %i)', async (country, currency, total, due, rounding) => {
    await shop(country, currency, total);
    const refused = await h.invoke('payment.cash', { tendered: due - 1 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', reason: 'CASH_TOO_LITTLE', params: { totalAmount: due } } });

    const sale = await h.value('payment.cash', { tendered: due });
    expect(sale).toMatchObject({ totals: { total }, cash: { tendered: due, change: 0, rounding } });
    expect(await h.value('display.get', {})).toMatchObject({ phase: 'paid', change: 0, rounding });

    await delivered();
    const [reported] = (await h.control('GET', '/billing/sales')).sales;
    expect(reported.report.tenders).toEqual([{ type: 'CASH', amount: total, tendered: due, change: 0, rounding }]);
    expect(reported.rounding).toBe(rounding);

    expect(await h.value('drawer.status', {})).toMatchObject({ cashSales: total, cashRounding: rounding, expected: due });
    const day = await h.value('reports.day', {});
    expect(day.totals).toMatchObject({ gross: total, refunds: 0, rounding, net: due });
    expect(day.byTender.find((t) => t.tender === 'cash')).toMatchObject({ gross: total, rounding, net: due });
    // Rounding is not a sale of anything: the VAT table holds the goods only.
    expect(day.byVat.reduce((sum, row) => sum + row.total, 0)).toBe(total);
  });

  it('counts the change from the rounded amount, and the Z counts the cash actually taken', async () => {
    await shop('FI', 'EUR', 1003);
    const sale = await h.value('payment.cash', { tendered: 2000 });
    expect(sale.cash).toEqual({ tendered: 2000, change: 995, rounding: 2 });
    await delivered();

    const z = await h.value('zreport.close', { count: { total: 1005 } });
    expect(z).toMatchObject({ totals: { gross: 1003, rounding: 2, net: 1005 }, drawer: { cashSales: 1003, cashRounding: 2, expected: 1005 }, cashDifference: 0, grandTotal: 1005 });
    const file = await h.value('export.zReport', { number: z.number!, format: 'csv' });
    expect(file.content).toContain('totals,cash rounding,,0.02,EUR');
    expect(file.content).toContain('cash,rounding,,0.02,EUR');
    await delivered();
    const [reported] = (await h.control('GET', '/billing/z-reports')).zReports;
    expect(reported.report).toMatchObject({ gross: 1003, rounding: 2, net: 1005, cash: { sales: 1003, rounding: 2, expected: 1005, difference: 0 } });
    expect(reported.report.tenders).toContainEqual({ type: 'CASH', count: 1, gross: 1003, refunds: 0, rounding: 2, net: 1005 });
  });
});

describe('refunds of a cash sale', () => {
  it('round the cash handed back as a negative amount, and in full hand back exactly what the sale took', async () => {
    await shop('DK', 'DKK', 1024);
    const sale = await h.value('payment.cash', { tendered: 1000 });
    // DKK -3.37 is handed back as -3.50 ...
    const first = await h.value('sale.refund', { saleId: sale.id, amount: 337 });
    expect(first.refunds).toEqual([expect.objectContaining({ amount: 337, cashRounding: 13 })]);
    // ... and the rest (6.87) as what the whole rounds to (10.00) less the 3.50 already handed back.
    const second = await h.value('sale.refund', { saleId: sale.id, amount: 687 });
    expect(second.refunds.map((r) => r.amount + r.cashRounding)).toEqual([350, 650]);
    expect(second.amounts.refunded).toBe(1024);

    await delivered();
    const refunds = (await h.control('GET', '/billing/refunds')).refunds.map((r: { report: unknown }) => r.report);
    expect(refunds).toEqual([expect.objectContaining({ amount: 337, rounding: 13 }), expect.objectContaining({ amount: 687, rounding: -37 })]);

    const drawer = await h.value('drawer.status', {});
    expect(drawer).toMatchObject({ cashSales: 1024, cashRefunds: 1024, cashRounding: 0, expected: 0 });
    const day = await h.value('reports.day', {});
    expect(day.totals).toMatchObject({ gross: 1024, refunds: 1024, rounding: 0, net: 0 });
  });
});

describe('a wallet payment', () => {
  it.each(['push', 'qr'] as const)('is never rounded (%s), in a shop that rounds cash', async (method) => {
    await shop('DK', 'DKK', 1024);
    const started = await h.value('payment.start', method === 'push' ? { method, phone: { country: 'DK', number: '20123456' } } : { method });
    await h.control('POST', `/payments/${started.reference}/approve`, {});
    await h.advance(5_000);
    await h.core.idle();
    const sale = await h.value('sale.get', { saleId: started.id });
    expect(sale).toMatchObject({ status: 'completed', cash: null, amounts: { captured: 1024 } });
    const captures = h.exchanges('POST', '/epayment/v1/payments').filter((e) => e.path.endsWith('/capture'));
    expect(captures.map((e) => e.requestBody)).toEqual([{ modificationAmount: { currency: 'DKK', value: 1024 } }]);
    expect(await h.value('display.get', {})).toMatchObject({ phase: 'paid', rounding: null });

    const refunded = await h.value('sale.refund', { saleId: sale.id, amount: 337 });
    await h.advance(0);
    await h.core.idle();
    const after = await h.value('sale.get', { saleId: refunded.id });
    expect(after.refunds).toEqual([expect.objectContaining({ amount: 337, cashRounding: 0 })]);

    await delivered();
    const [reported] = (await h.control('GET', '/billing/sales')).sales;
    expect(reported.report.tenders).toEqual([expect.objectContaining({ type: 'VIPPS_MOBILEPAY', amount: 1024 })]);
    expect(reported.report.tenders[0]).not.toHaveProperty('rounding');
    expect((await h.control('GET', '/billing/refunds')).refunds[0].report).not.toHaveProperty('rounding');
    const day = await h.value('reports.day', {});
    expect(day.totals).toMatchObject({ gross: 1024, refunds: 337, rounding: 0, net: 687 });
  });
});
