import { beforeAll, describe, expect, it } from 'vitest';
import { dayView } from '../../../electron/core/reports/day-view';
import { PeriodFiguresQuery } from '../../../electron/core/reports/period-figures';
import type { DayView } from '../../../shared/reports';
import { at, KARI, OLA, plan, ReportFixture } from '../../support/report-fixtures';

// The shop's time zone is the machine's: pin it, so "a day" is Oslo's day (UTC+1 in November).
process.env.TZ = 'Europe/Oslo';

/**
 * Agreements' initial charges in the VAT table, the items and the hour chart, against a
 * hand-computed day (2026-11-23). An initial charge is money taken when the customer approves, at
 * the plan's VAT rate, its VAT rounded half up as one receipt line: VAT = round(total × rate ÷
 * (10 000 + rate)). Only a captured (CHARGED) initial charge counts; a refund of it counts when it
 * is done, at the same rate; a refund of any other charge of the agreement is not the till's money.
 */
const d = (h: number, m = 0, s = 0, ms = 0) => at(2026, 11, 23, h, m, s) + ms;
let f: ReportFixture;
let figures: PeriodFiguresQuery;
let view: DayView;

beforeAll(() => {
  f = new ReportFixture();
  f.sale({ tender: 'cash', lines: [['mug', 1]], createdAt: d(9, 10), cashier: OLA }); // 10 000 @25 % (VAT 2 000)
  f.sale({ tender: 'vipps-push', lines: [['bread', 2]], createdAt: d(9, 40), completedAt: d(9, 41), cashier: KARI }); // 10 000 @15 % (VAT 1 304)
  f.sale({ tender: 'vipps-qr', lines: [['coffee', 1]], createdAt: d(9, 49), completedAt: d(9, 50), cashier: OLA }); // 12 000 @15 % (VAT 1 565)

  // 19 900 at 25 %: VAT 19 900 × 2 500 / 12 500 = 3 980 exactly.
  const gym = f.agreement({ plan: plan('gym', 'Treningssenter', 19_900, 2500), createdAt: d(10, 3), answeredAt: d(10, 5), outcome: 'active', cashier: OLA });
  // 14 900 at 15 %: VAT 14 900 × 1 500 / 11 500 = 1 943.48 → 1 943. Refunded in part later.
  const club = f.agreement({ plan: plan('coffee-club', 'Kaffeklubben', 14_900, 1500), createdAt: d(11, 18), answeredAt: d(11, 20), outcome: 'active', cashier: KARI });
  // No initial charge: the plan counts, no money does.
  f.agreement({ plan: plan('paper', 'Lokalavisa'), createdAt: d(12, 0), answeredAt: d(12, 1), outcome: 'active', cashier: OLA });
  // An initial charge that was never captured (DUE): no money taken, nothing in VAT or hours.
  f.agreement({ plan: plan('flowers', 'Blomster', 49_900), createdAt: d(13, 0), answeredAt: d(13, 2), outcome: 'active', charged: false });

  // 5 000 of the club's initial charge back at 14:30: VAT 5 000 × 1 500 / 11 500 = 652.17 → 652.
  f.chargeRefund(club.agreementId!, 'chr-1', 5_000, d(14, 30), KARI);
  // A refund of a recurring charge of the gym's agreement: the billing backend's money, not the till's.
  f.chargeRefund(gym.agreementId!, 'chr-recurring', 9_000, d(15, 0), KARI);

  figures = new PeriodFiguresQuery(f.db, 'NOK');
  view = dayView(figures, '2026-11-23', d(20));
});

describe('initial charges of agreements in the day view of 2026-11-23', () => {
  it('totals: goods 32 000 + initial charges 34 800; the refunded part of one', () => {
    expect(view.totals).toEqual({ gross: 66_800, refunds: 5_000, rounding: 0, net: 61_800, sales: 5, refundCount: 1 });
  });

  it('by tender: the initial charges and their refund under "agreement"', () => {
    expect(view.byTender).toEqual([
      { tender: 'vipps-push', count: 1, gross: 10_000, refunds: 0, rounding: 0, net: 10_000 },
      { tender: 'vipps-qr', count: 1, gross: 12_000, refunds: 0, rounding: 0, net: 12_000 },
      { tender: 'cash', count: 1, gross: 10_000, refunds: 0, rounding: 0, net: 10_000 },
      { tender: 'agreement', count: 2, gross: 34_800, refunds: 5_000, rounding: 0, net: 29_800 },
    ]);
  });

  it('by VAT rate: the initial charges at their plans\' rates beside the goods, the refund at the charge\'s rate', () => {
    expect(view.byVat).toEqual([
      // mug 10 000 (VAT 2 000) + gym 19 900 (VAT 3 980)
      { rate: 2500, total: 29_900, vat: 5_980, base: 23_920, refundTotal: 0, refundVat: 0, refundBase: 0 },
      // bread 10 000 (1 304) + coffee 12 000 (1 565) + club 14 900 (1 943); refund 5 000 (652)
      { rate: 1500, total: 36_900, vat: 4_812, base: 32_088, refundTotal: 5_000, refundVat: 652, refundBase: 4_348 },
    ]);
  });

  it('by product and plan: each approved plan once, with what its initial charge took', () => {
    expect(view.byItem).toEqual([
      { kind: 'plan', id: 'gym', name: 'Treningssenter', quantity: 1, total: 19_900 },
      { kind: 'plan', id: 'coffee-club', name: 'Kaffeklubben', quantity: 1, total: 14_900 },
      { kind: 'product', id: 'coffee', name: 'Kaffe', quantity: 1, total: 12_000 },
      { kind: 'product', id: 'bread', name: 'Brød', quantity: 2, total: 10_000 },
      { kind: 'product', id: 'mug', name: 'Krus', quantity: 1, total: 10_000 },
      { kind: 'plan', id: 'flowers', name: 'Blomster', quantity: 1, total: 0 },
      { kind: 'plan', id: 'paper', name: 'Lokalavisa', quantity: 1, total: 0 },
    ]);
  });

  it('by cashier: who sold the agreement took its initial charge; who refunded it paid it back', () => {
    expect(view.byCashier).toEqual([
      { cashier: OLA, count: 3, gross: 41_900, refunds: 0, net: 41_900 },
      { cashier: KARI, count: 2, gross: 24_900, refunds: 5_000, net: 19_900 },
    ]);
  });

  it('by hour: an initial charge in the hour its agreement was approved; no bar for an agreement without money taken', () => {
    const busy = view.byHour.filter((h) => h.count > 0).map(({ hour, count, gross }) => ({ hour, count, gross }));
    expect(busy).toEqual([
      { hour: 9, count: 3, gross: 32_000 },
      { hour: 10, count: 1, gross: 19_900 },
      { hour: 11, count: 1, gross: 14_900 },
    ]);
  });

  it('agreements: four approved, two initial charges taken', () => {
    expect(view.agreements).toMatchObject({ requested: 4, approved: 4, initialCharges: { count: 2, amount: 34_800 } });
  });
});

describe('a period that starts and ends inside quarter hours (an X or Z)', () => {
  it('adds the edge minutes from the rows to the whole quarter hours from the roll-ups', () => {
    // [09:40:30, 10:05:00.001): bread (09:41, edge), coffee (09:50, a whole quarter hour), gym's charge (10:05:00, edge).
    const period = figures.figures(d(9, 40, 30), d(10, 5, 0, 1));
    expect(period.totals).toEqual({ gross: 41_900, refunds: 0, rounding: 0, net: 41_900, sales: 3, refundCount: 0 });
    expect(period.byVat).toEqual([
      { rate: 2500, total: 19_900, vat: 3_980, base: 15_920, refundTotal: 0, refundVat: 0, refundBase: 0 },
      { rate: 1500, total: 22_000, vat: 2_869, base: 19_131, refundTotal: 0, refundVat: 0, refundBase: 0 },
    ]);
  });

  it('a window shorter than a quarter hour is read from the rows alone, to the millisecond', () => {
    expect(figures.figures(d(9, 50), d(9, 50, 0, 1)).totals).toMatchObject({ gross: 12_000, sales: 1 });
    expect(figures.figures(d(9, 50, 0, 1), d(9, 59)).totals).toMatchObject({ gross: 0, sales: 0 });
  });

  it('a refund of an initial charge belongs to the period it was done in', () => {
    expect(figures.figures(d(14, 0), d(14, 30)).totals.refunds).toBe(0);
    expect(figures.figures(d(14, 30), d(14, 30, 0, 1)).byVat).toEqual([{ rate: 1500, total: 0, vat: 0, base: 0, refundTotal: 5_000, refundVat: 652, refundBase: 4_348 }]);
  });
});
