import { beforeAll, describe, expect, it } from 'vitest';
import { dayView } from '../../../electron/core/reports/day-view';
import { PeriodFiguresQuery } from '../../../electron/core/reports/period-figures';
import { splitRefundByRate } from '../../../electron/core/reports/refund-split';
import type { DayView } from '../../../shared/reports';
import { at, KARI, OLA, plan, ReportFixture } from '../../support/report-fixtures';

// The shop's time zone is the machine's: pin it, so "a day" is Oslo's day (UTC+1 in November).
process.env.TZ = 'Europe/Oslo';

/**
 * The day view's arithmetic against a hand-computed day (2026-11-22). Every number below was
 * worked out by hand from the fixture; the comments show the sums.
 *
 * Rule under test: a sale counts when its money was taken (completed), a refund when it was paid
 * back, an agreement request when it was made and its initial charge when it was approved.
 */
let view: DayView;
let next: DayView;
beforeAll(() => {
  const f = new ReportFixture();
  const d = (h: number, m = 0) => at(2026, 11, 22, h, m);

  const a = f.sale({ tender: 'cash', lines: [['mug', 2], ['bread', 1]], createdAt: d(10, 15), cashier: OLA }); // 25 000: 20 000 @25 % (4 000), 5 000 @15 % (652)
  f.sale({ tender: 'vipps-push', lines: [['book', 1]], createdAt: d(11, 29), completedAt: d(11, 30), cashier: KARI }); // 30 000 @0 %
  const c = f.sale({ tender: 'vipps-qr', lines: [['mug', 1], ['coffee', 1]], createdAt: d(11, 44), completedAt: d(11, 45), cashier: OLA }); // 22 000: 10 000 @25 % (2 000), 12 000 @15 % (1 565)
  const dd = f.sale({ tender: 'cash', lines: [['mug', 1]], createdAt: d(12, 0), cashier: OLA }); // 10 000 @25 %
  f.sale({ tender: 'vipps-push', lines: [['mug', 3]], createdAt: d(13, 0), outcome: 'aborted', cashier: OLA }); // never counts
  f.sale({ tender: 'vipps-qr', lines: [['mug', 3]], createdAt: d(13, 5), completedAt: d(13, 15), outcome: 'expired', cashier: OLA }); // never counts
  f.sale({ tender: 'vipps-push', lines: [['book', 1]], createdAt: d(13, 6), outcome: 'terminated' }); // never counts
  // Created 23:59 yesterday, approved 00:01 today: the money came today, so it is today's (hour 0).
  f.sale({ tender: 'vipps-push', lines: [['mug', 1]], createdAt: at(2026, 11, 21, 23, 59), completedAt: d(0, 1), cashier: OLA });
  // Yesterday's sale, refunded today: the refund is today's.
  const h = f.sale({ tender: 'vipps-push', lines: [['mug', 1]], createdAt: at(2026, 11, 21, 15, 0), completedAt: at(2026, 11, 21, 15, 1), cashier: OLA });
  // Created 23:59 today, approved 00:01 tomorrow: tomorrow's.
  f.sale({ tender: 'vipps-push', lines: [['coffee', 1]], createdAt: d(23, 59), completedAt: at(2026, 11, 23, 0, 1), cashier: OLA });

  f.refund(c.id, 5_500, d(14, 0)); // split 2 500 @25 % (500) + 3 000 @15 % (391)
  f.refund(dd.id, 10_000, d(12, 10)); // cash from the drawer: 10 000 @25 % (2 000)
  f.refund(h.id, 3_000, d(9, 0)); // 3 000 @25 % (600)

  f.agreement({ plan: plan('flowers', 'Blomster', 49_900), createdAt: d(10, 0), answeredAt: d(10, 2), outcome: 'active', cashier: KARI }); // 2 min
  f.agreement({ plan: plan('flowers', 'Blomster', 49_900), createdAt: d(10, 10), answeredAt: d(10, 11), outcome: 'rejected' });
  f.agreement({ plan: plan('flowers', 'Blomster', 49_900), createdAt: d(10, 20), answeredAt: d(10, 30), outcome: 'expired' });
  f.agreement({ plan: plan('coffee-club', 'Kaffeklubben'), createdAt: d(10, 30), answeredAt: d(10, 34), outcome: 'active', cashier: OLA }); // 4 min
  f.agreement({ plan: plan('flowers', 'Blomster', 49_900), createdAt: d(10, 40), answeredAt: d(10, 41), outcome: 'cancelled' });

  const figures = new PeriodFiguresQuery(f.db, 'NOK');
  view = dayView(figures, '2026-11-22', d(20));
  next = dayView(figures, '2026-11-23', d(20));
  void a;
});

describe('the day view of 2026-11-22', () => {
  it('totals: gross, refunds, net', () => {
    // goods 25 000 + 30 000 + 22 000 + 10 000 + 10 000 (00:01) = 97 000; + initial charge 49 900 = 146 900
    // refunds 5 500 + 10 000 + 3 000 = 18 500
    expect(view.totals).toEqual({ gross: 146_900, refunds: 18_500, rounding: 0, net: 128_400, sales: 6, refundCount: 3 });
  });

  it('by tender, with agreements\' initial charges as their own tender', () => {
    expect(view.byTender).toEqual([
      { tender: 'vipps-push', count: 2, gross: 40_000, refunds: 3_000, rounding: 0, net: 37_000 },
      { tender: 'vipps-qr', count: 1, gross: 22_000, refunds: 5_500, rounding: 0, net: 16_500 },
      { tender: 'cash', count: 2, gross: 35_000, refunds: 10_000, rounding: 0, net: 25_000 },
      { tender: 'agreement', count: 1, gross: 49_900, refunds: 0, rounding: 0, net: 49_900 },
    ]);
  });

  it('by VAT rate: base and VAT sold, and refunds split over the refunded sale\'s rates', () => {
    expect(view.byVat).toEqual([
      // goods 20 000 + 10 000 + 10 000 + 10 000 (VAT 4 000 + 2 000 × 3) and the initial charge of
      // Blomster at the plan's 25 %, 49 900 (VAT 49 900 × 2 500 / 12 500 = 9 980);
      // refunds 2 500 + 10 000 + 3 000 (VAT 500 + 2 000 + 600)
      { rate: 2500, total: 99_900, vat: 19_980, base: 79_920, refundTotal: 15_500, refundVat: 3_100, refundBase: 12_400 },
      // 5 000 + 12 000; VAT 652 + 1 565; refund 3 000 (VAT 391)
      { rate: 1500, total: 17_000, vat: 2_217, base: 14_783, refundTotal: 3_000, refundVat: 391, refundBase: 2_609 },
      { rate: 0, total: 30_000, vat: 0, base: 30_000, refundTotal: 0, refundVat: 0, refundBase: 0 },
    ]);
  });

  it('by product and plan', () => {
    expect(view.byItem).toEqual([
      { kind: 'product', id: 'mug', name: 'Krus', quantity: 5, total: 50_000 },
      { kind: 'plan', id: 'flowers', name: 'Blomster', quantity: 1, total: 49_900 },
      { kind: 'product', id: 'book', name: 'Bok', quantity: 1, total: 30_000 },
      { kind: 'product', id: 'coffee', name: 'Kaffe', quantity: 1, total: 12_000 },
      { kind: 'product', id: 'bread', name: 'Brød', quantity: 1, total: 5_000 },
      { kind: 'plan', id: 'coffee-club', name: 'Kaffeklubben', quantity: 1, total: 0 },
    ]);
  });

  it('by cashier: what each sold, less what each refunded', () => {
    expect(view.byCashier).toEqual([
      { cashier: OLA, count: 4, gross: 67_000, refunds: 0, net: 67_000 },
      { cashier: KARI, count: 2, gross: 79_900, refunds: 18_500, net: 61_400 },
    ]);
  });

  it('by hour: 24 local hours, the sale approved at 00:01 in hour 0, the initial charge in the hour it was approved', () => {
    expect(view.byHour).toHaveLength(24);
    const busy = view.byHour.filter((h) => h.count > 0).map(({ hour, count, gross }) => ({ hour, count, gross }));
    expect(busy).toEqual([
      { hour: 0, count: 1, gross: 10_000 },
      { hour: 10, count: 2, gross: 74_900 }, // 25 000 sold at 10:15 + 49 900 initial charge approved at 10:02
      { hour: 11, count: 2, gross: 52_000 },
      { hour: 12, count: 1, gross: 10_000 },
    ]);
    expect(view.byHour.map((h) => h.hour)).toEqual(Array.from({ length: 24 }, (_, i) => i));
  });

  it('agreements: requested, outcomes, approval rate, median time to approve, initial charges', () => {
    expect(view.agreements).toEqual({
      requested: 5,
      approved: 2,
      declined: 1,
      expired: 1,
      cancelled: 1,
      failed: 0,
      waiting: 0,
      approvalRate: 0.5, // 2 of the 4 the customer answered (a cashier's cancel is no answer)
      medianApprovalMs: 180_000, // 2 and 4 minutes
      initialCharges: { count: 1, amount: 49_900 },
    });
  });

  it('the next day has the sale created at 23:59 and completed at 00:01, and nothing of today', () => {
    expect(next.totals).toEqual({ gross: 12_000, refunds: 0, rounding: 0, net: 12_000, sales: 1, refundCount: 0 });
  });
});

describe('a day that leaves summer time', () => {
  it('has 25 hours, with 02 twice', () => {
    const f = new ReportFixture();
    const figures = new PeriodFiguresQuery(f.db, 'NOK');
    const day = dayView(figures, '2026-10-25', at(2026, 10, 26));
    expect(day.byHour).toHaveLength(25);
    expect(day.byHour.map((h) => h.hour).slice(0, 5)).toEqual([0, 1, 2, 2, 3]);
  });
});

describe('splitting a refund over VAT rates', () => {
  it('adds up to the refund exactly, largest remainder first', () => {
    const parts = splitRefundByRate(1_000, [{ rate: 2500, total: 3_333 }, { rate: 1500, total: 3_333 }, { rate: 0, total: 3_334 }]);
    expect(parts.reduce((s, p) => s + p.total, 0)).toBe(1_000);
    expect(parts).toEqual([
      { rate: 2500, total: 333, vat: 67 },
      { rate: 1500, total: 333, vat: 43 },
      { rate: 0, total: 334, vat: 0 },
    ]);
  });

  it('works with amounts whose products pass 2^53', () => {
    const parts = splitRefundByRate(999_999_999, [{ rate: 2500, total: 999_999_999 }, { rate: 1500, total: 1 }]);
    expect(parts.reduce((s, p) => s + p.total, 0)).toBe(999_999_999);
  });
});

describe('cash rounding in the day (Norway: whole kroner)', () => {
  it('is its own line: in the cash tender and the net, not in the VAT table', () => {
    const f = new ReportFixture();
    const d = (h: number, m = 0) => at(2026, 11, 24, h, m);
    const sale = f.sale({ tender: 'cash', lines: [['gum', 2]], createdAt: d(9) }); // 20.98 taken as 21.00: +2
    f.sale({ tender: 'vipps-qr', lines: [['gum', 1]], createdAt: d(9, 5), completedAt: d(9, 6) }); // 10.49, never rounded
    f.refund(sale.id, 1_049, d(10)); // -10.49 handed back as -10.00: rounding -(-49) counted in the day
    const figures = new PeriodFiguresQuery(f.db, 'NOK').figures(d(0), d(24));

    // cash: 2 100 taken, 1 000 handed back = 1 100 = 2 098 − 1 049 + 51
    expect(figures.byTender.find((t) => t.tender === 'cash')).toEqual({ tender: 'cash', count: 1, gross: 2_098, refunds: 1_049, rounding: 51, net: 1_100 });
    expect(figures.byTender.find((t) => t.tender === 'vipps-qr')).toMatchObject({ gross: 1_049, rounding: 0, net: 1_049 });
    expect(figures.totals).toMatchObject({ gross: 3_147, refunds: 1_049, rounding: 51, net: 2_149 });
    expect(figures.cash).toEqual({ sales: 2_098, refunds: 1_049, rounding: 51 });
    expect(figures.byVat.map((v) => v.total - v.refundTotal)).toEqual([2_098]);
  });
});
