import type { Database } from 'better-sqlite3';
import type { Currency } from '../../../shared/money';
import type { AgreementStats, PeriodFigures, ReportTender } from '../../../shared/reports';
import { reportTenders } from '../../../shared/reports';
import type { StaffRef } from '../../../shared/staff';
import { vatIncluded } from '../../../shared/vat';
import { StatementCache } from '../db/statement-cache';
import { staffRef } from '../db/repos/row-parsing';
import { AGREEMENTS_APPROVED, AGREEMENTS_REQUESTED, CASH_REFUNDS_ROUNDING, CASH_SALES_ROUNDING, REFUNDS_IN_WINDOW, SALES_BY_TENDER_CASHIER_HOUR, SOLD_LINES_BY_PRODUCT_AND_RATE } from './report-sql';
import { splitWindow } from './report-rollups';

type SalesRow = { tender: ReportTender; cashier_id: string | null; cashier_name: string | null; bucket: number; n: number; gross: number };
type LineRow = { product_id: string; name: string; vat_rate: number; quantity: number; total: number; vat: number };
type RefundRow = { tender: ReportTender; cashier_id: string | null; cashier_name: string | null; vat_rate: number | null; n: number; total: number; vat: number };
type ApprovedRow = {
  waited: number;
  bucket: number;
  initial_charge_amount: number | null;
  initial_charge_status: string | null;
  vat_rate: number | null;
  cashier_id: string | null;
  cashier_name: string | null;
  plan_id: string | null;
  plan_name: string | null;
};

/** What an agreement's initial charge must say to count as money taken. */
const CAPTURED_CHARGE = 'CHARGED';

export interface FiguresWithHours extends PeriodFigures {
  /**
   * Money taken per hour bucket since `from` (bucket k starts at from + k hours): goods sales and
   * agreements' captured initial charges, refunds not subtracted. Exact for a window that starts on
   * a quarter hour, as every local day does (the day view); the X and Z do not use them.
   */
  buckets: Map<number, { count: number; gross: number }>;
  /** Cash figures for the drawer: the goods' totals and the rounding that made them cash. */
  cash: { sales: number; refunds: number; rounding: number };
}

/**
 * The figures of any window of time: a calendar day for the day view, the period since the last
 * Z for the X- and Z-reports. Five grouped queries, each answered from an index or a quarter-hour
 * roll-up; the few hundred rows they return are added up here.
 */
export class PeriodFiguresQuery {
  private readonly sql: StatementCache;

  constructor(
    db: Database,
    private readonly currency: Currency,
  ) {
    this.sql = new StatementCache(db);
  }

  figures(from: number, to: number): FiguresWithHours {
    const window = { from, to };
    const split = { ...window, ...splitWindow(from, to) };
    const tally = new Tally();
    for (const row of this.sql.get(SALES_BY_TENDER_CASHIER_HOUR).all(split) as SalesRow[]) tally.sales(row);
    for (const row of this.sql.get(SOLD_LINES_BY_PRODUCT_AND_RATE).all(split) as LineRow[]) tally.lines(row);
    for (const row of this.sql.get(REFUNDS_IN_WINDOW).all(window) as RefundRow[]) tally.refunds(row);
    const approved = this.sql.get(AGREEMENTS_APPROVED).all(window) as ApprovedRow[];
    for (const row of approved) tally.agreement(row);
    const requested = this.sql.get(AGREEMENTS_REQUESTED).all(window) as Array<{ status: string; n: number }>;

    const tenders = [...tally.tenders.values()];
    const gross = tenders.reduce((sum, t) => sum + t.gross, 0);
    const count = tenders.reduce((sum, t) => sum + t.count, 0);
    const refunds = tenders.reduce((sum, t) => sum + t.refunds, 0);
    const cash = tally.tenders.get('cash')!;
    // Only cash is rounded: what the cash sales took beyond their totals, less what refunds of cash handed back beyond theirs.
    const rounding = (this.sql.get(CASH_SALES_ROUNDING).get(window) as { rounding: number }).rounding - (this.sql.get(CASH_REFUNDS_ROUNDING).get(window) as { rounding: number }).rounding;
    return {
      currency: this.currency,
      from,
      to,
      totals: { gross, refunds, rounding, net: gross - refunds + rounding, sales: count, refundCount: tally.refundCount },
      byTender: [...tally.tenders].map(([tender, t]) => {
        const tenderRounding = tender === 'cash' ? rounding : 0;
        return { tender, count: t.count, gross: t.gross, refunds: t.refunds, rounding: tenderRounding, net: t.gross - t.refunds + tenderRounding };
      }),
      byVat: [...tally.rates.values()].sort((a, b) => b.rate - a.rate),
      byItem: [...tally.items.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name)),
      byCashier: [...tally.cashiers.values()].map((c) => ({ ...c, net: c.gross - c.refunds })).sort((a, b) => b.net - a.net),
      agreements: agreementStats(requested, approved),
      buckets: tally.buckets,
      cash: { sales: cash.gross, refunds: cash.refunds, rounding },
    };
  }
}

type Money = { count: number; gross: number; refunds: number };
type RateRow = { rate: number; base: number; vat: number; total: number; refundBase: number; refundVat: number; refundTotal: number };
type ItemRow = { kind: 'product' | 'plan'; id: string; name: string; quantity: number; total: number };

/**
 * One pass over the rows of the five queries, each row feeding every figure it belongs to. The
 * same key may arrive in several rows (a roll-up and the edge minutes, or a name that changed):
 * everything is added, nothing is assigned.
 */
class Tally {
  readonly tenders = new Map<ReportTender, Money>(reportTenders.map((t) => [t, { count: 0, gross: 0, refunds: 0 }]));
  readonly cashiers = new Map<string, Money & { cashier: StaffRef | null }>();
  readonly buckets = new Map<number, { count: number; gross: number }>();
  readonly items = new Map<string, ItemRow>();
  readonly rates = new Map<number, RateRow>();
  refundCount = 0;

  sales(row: SalesRow): void {
    this.taken(row.tender, row.cashier_id, row.cashier_name, row.bucket, row.n, row.gross);
  }

  lines(row: LineRow): void {
    this.item('product', row.product_id, row.name, row.quantity, row.total);
    this.sold(row.vat_rate, row.total, row.vat);
  }

  refunds(row: RefundRow): void {
    this.refundCount += row.n;
    this.tenders.get(row.tender)!.refunds += row.total;
    this.cashier(row.cashier_id, row.cashier_name).refunds += row.total;
    if (row.vat_rate === null) return;
    const rate = this.rate(row.vat_rate);
    rate.refundTotal += row.total;
    rate.refundVat += row.vat;
    rate.refundBase += row.total - row.vat;
  }

  /**
   * An approved agreement: its plan counts once; its initial charge, when captured, is money taken
   * at the moment of approval, with its VAT at the plan's rate (one line, rounded as a receipt line).
   * A charge sold before plans had a VAT rate counts in the totals under no rate.
   */
  agreement(row: ApprovedRow): void {
    const charged = row.initial_charge_status === CAPTURED_CHARGE ? (row.initial_charge_amount ?? 0) : 0;
    this.item('plan', row.plan_id ?? '?', row.plan_name ?? '?', 1, charged);
    if (charged === 0) return;
    this.taken('agreement', row.cashier_id, row.cashier_name, row.bucket, 1, charged);
    if (row.vat_rate !== null) this.sold(row.vat_rate, charged, vatIncluded(charged, row.vat_rate));
  }

  private taken(tender: ReportTender, cashierId: string | null, cashierName: string | null, bucket: number, count: number, gross: number): void {
    const byTender = this.tenders.get(tender)!;
    byTender.count += count;
    byTender.gross += gross;
    const byCashier = this.cashier(cashierId, cashierName);
    byCashier.count += count;
    byCashier.gross += gross;
    const byHour = this.buckets.get(bucket) ?? { count: 0, gross: 0 };
    byHour.count += count;
    byHour.gross += gross;
    this.buckets.set(bucket, byHour);
  }

  private sold(vatRate: number, total: number, vat: number): void {
    const rate = this.rate(vatRate);
    rate.total += total;
    rate.vat += vat;
    rate.base += total - vat;
  }

  private item(kind: ItemRow['kind'], id: string, name: string, quantity: number, total: number): void {
    const key = `${kind}:${id}`;
    const item = this.items.get(key) ?? { kind, id, name, quantity: 0, total: 0 };
    item.quantity += quantity;
    item.total += total;
    this.items.set(key, item);
  }

  private cashier(id: string | null, name: string | null): Money & { cashier: StaffRef | null } {
    const key = id ?? '';
    let row = this.cashiers.get(key);
    if (!row) this.cashiers.set(key, (row = { cashier: staffRef(id, name), count: 0, gross: 0, refunds: 0 }));
    return row;
  }

  private rate(rate: number): RateRow {
    let row = this.rates.get(rate);
    if (!row) this.rates.set(rate, (row = { rate, base: 0, vat: 0, total: 0, refundBase: 0, refundVat: 0, refundTotal: 0 }));
    return row;
  }
}

function agreementStats(requested: Array<{ status: string; n: number }>, approved: ApprovedRow[]): AgreementStats {
  const by = (status: string) => requested.filter((r) => r.status === status).reduce((sum, r) => sum + r.n, 0);
  const stats = {
    requested: requested.reduce((sum, r) => sum + r.n, 0),
    approved: by('active'),
    declined: by('rejected'),
    expired: by('expired'),
    cancelled: by('cancelled'),
    failed: by('failed'),
    waiting: by('requested') + by('pending') + by('capturing'),
  };
  const answered = stats.approved + stats.declined + stats.expired;
  const waits = approved.map((row) => row.waited).sort((a, b) => a - b);
  const charged = approved.filter((row) => row.initial_charge_status === CAPTURED_CHARGE && row.initial_charge_amount);
  return {
    ...stats,
    approvalRate: answered === 0 ? null : stats.approved / answered,
    medianApprovalMs: median(waits),
    initialCharges: { count: charged.length, amount: charged.reduce((sum, row) => sum + row.initial_charge_amount!, 0) },
  };
}

/** The middle value; for an even count the lower middle rounded down with the upper (integer ms). */
export function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : Math.floor((sorted[mid - 1]! + sorted[mid]!) / 2);
}

export const periodFiguresOnly = (figures: FiguresWithHours): PeriodFigures => {
  const { buckets: _buckets, cash: _cash, ...rest } = figures;
  return rest;
};
