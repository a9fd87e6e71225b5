import type { Database } from 'better-sqlite3';
import { cartTotalsSchema } from '../../../shared/cart';
import type { Currency } from '../../../shared/money';
import type { AgreementStats, PeriodFigures, ReportTender } from '../../../shared/reports';
import { reportTenders } from '../../../shared/reports';
import type { StaffRef } from '../../../shared/staff';
import { StatementCache } from '../db/statement-cache';
import { staffRef } from '../db/repos/row-parsing';
import { splitRefundByRate } from './refund-split';
import { AGREEMENTS_APPROVED, AGREEMENTS_REQUESTED, CASH_SALES_ROUNDING, REFUNDS_IN_WINDOW, SALES_BY_TENDER_CASHIER_HOUR, SOLD_LINES_BY_PRODUCT_AND_RATE } from './report-sql';

type SalesRow = { tender: ReportTender; cashier_id: string | null; cashier_name: string | null; bucket: number; n: number; gross: number };
type LineRow = { product_id: string; name: string; vat_rate: number; quantity: number; total: number; vat: number };
type RefundRow = { amount: number; cash_rounding: number; cashier_id: string | null; cashier_name: string | null; tender: ReportTender; totals_json: string };
type ApprovedRow = {
  waited: number;
  initial_charge_amount: number | null;
  initial_charge_status: string | null;
  cashier_id: string | null;
  cashier_name: string | null;
  plan_id: string | null;
  plan_name: string | null;
};

/** What an agreement's initial charge must say to count as money taken. */
const CAPTURED_CHARGE = 'CHARGED';

export interface FiguresWithHours extends PeriodFigures {
  /** Sales per hour bucket since `from` (bucket k starts at from + k hours). */
  buckets: Map<number, { count: number; gross: number }>;
  /** Cash figures for the drawer: the goods' totals and the rounding that made them cash. */
  cash: { sales: number; refunds: number; rounding: number };
}

/**
 * The figures of any window of time: a calendar day for the day view, the period since the last
 * Z for the X- and Z-reports. Five grouped queries, each answered from an index; the few rows they
 * return are added up here.
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
    const sales = this.sql.get(SALES_BY_TENDER_CASHIER_HOUR).all(window) as SalesRow[];
    const lines = this.sql.get(SOLD_LINES_BY_PRODUCT_AND_RATE).all(window) as LineRow[];
    const refunds = this.sql.get(REFUNDS_IN_WINDOW).all(window) as RefundRow[];
    const { rounding: salesRounding } = this.sql.get(CASH_SALES_ROUNDING).get(window) as { rounding: number };
    const requested = this.sql.get(AGREEMENTS_REQUESTED).all(window) as Array<{ status: string; n: number }>;
    const approved = this.sql.get(AGREEMENTS_APPROVED).all(window) as ApprovedRow[];

    const tenders = new Map<ReportTender, { count: number; gross: number; refunds: number; rounding: number }>(reportTenders.map((t) => [t, { count: 0, gross: 0, refunds: 0, rounding: 0 }]));
    // Only cash is rounded: what the sales took beyond their totals, less what refunds handed back beyond theirs.
    tenders.get('cash')!.rounding = salesRounding;
    const cashiers = new Map<string, { cashier: StaffRef | null; count: number; gross: number; refunds: number }>();
    const cashierRow = (id: string | null, name: string | null) => {
      const key = id ?? '';
      let row = cashiers.get(key);
      if (!row) cashiers.set(key, (row = { cashier: staffRef(id, name), count: 0, gross: 0, refunds: 0 }));
      return row;
    };
    const buckets = new Map<number, { count: number; gross: number }>();

    for (const row of sales) {
      const tender = tenders.get(row.tender)!;
      tender.count += row.n;
      tender.gross += row.gross;
      const cashier = cashierRow(row.cashier_id, row.cashier_name);
      cashier.count += row.n;
      cashier.gross += row.gross;
      const bucket = buckets.get(row.bucket) ?? { count: 0, gross: 0 };
      bucket.count += row.n;
      bucket.gross += row.gross;
      buckets.set(row.bucket, bucket);
    }

    const items = new Map<string, { kind: 'product' | 'plan'; id: string; name: string; quantity: number; total: number }>();
    const rates = new Map<number, { rate: number; base: number; vat: number; total: number; refundBase: number; refundVat: number; refundTotal: number }>();
    const rateRow = (rate: number) => {
      let row = rates.get(rate);
      if (!row) rates.set(rate, (row = { rate, base: 0, vat: 0, total: 0, refundBase: 0, refundVat: 0, refundTotal: 0 }));
      return row;
    };
    for (const line of lines) {
      const key = `product:${line.product_id}`;
      const item = items.get(key) ?? { kind: 'product' as const, id: line.product_id, name: line.name, quantity: 0, total: 0 };
      item.quantity += line.quantity;
      item.total += line.total;
      items.set(key, item);
      const rate = rateRow(line.vat_rate);
      rate.total += line.total;
      rate.vat += line.vat;
      rate.base += line.total - line.vat;
    }

    let refundTotal = 0;
    for (const refund of refunds) {
      refundTotal += refund.amount;
      tenders.get(refund.tender)!.refunds += refund.amount;
      tenders.get(refund.tender)!.rounding -= refund.cash_rounding;
      cashierRow(refund.cashier_id, refund.cashier_name).refunds += refund.amount;
      const totals = cartTotalsSchema.safeParse(safeJson(refund.totals_json));
      for (const part of splitRefundByRate(refund.amount, totals.success ? totals.data.byRate : [])) {
        const rate = rateRow(part.rate);
        rate.refundTotal += part.total;
        rate.refundVat += part.vat;
        rate.refundBase += part.total - part.vat;
      }
    }

    const agreements = agreementStats(requested, approved);
    const agreementTender = tenders.get('agreement')!;
    for (const row of approved) {
      const charged = row.initial_charge_status === CAPTURED_CHARGE ? (row.initial_charge_amount ?? 0) : 0;
      const key = `plan:${row.plan_id ?? '?'}`;
      const item = items.get(key) ?? { kind: 'plan' as const, id: row.plan_id ?? '?', name: row.plan_name ?? '?', quantity: 0, total: 0 };
      item.quantity += 1;
      item.total += charged;
      items.set(key, item);
      if (charged === 0) continue;
      agreementTender.count += 1;
      agreementTender.gross += charged;
      const cashier = cashierRow(row.cashier_id, row.cashier_name);
      cashier.count += 1;
      cashier.gross += charged;
    }

    const gross = [...tenders.values()].reduce((sum, t) => sum + t.gross, 0);
    const count = [...tenders.values()].reduce((sum, t) => sum + t.count, 0);
    const cash = tenders.get('cash')!;
    return {
      currency: this.currency,
      from,
      to,
      totals: { gross, refunds: refundTotal, rounding: cash.rounding, net: gross - refundTotal + cash.rounding, sales: count, refundCount: refunds.length },
      byTender: [...tenders].map(([tender, t]) => ({ tender, ...t, net: t.gross - t.refunds + t.rounding })),
      byVat: [...rates.values()].sort((a, b) => b.rate - a.rate),
      byItem: [...items.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name)),
      byCashier: [...cashiers.values()].map((c) => ({ ...c, net: c.gross - c.refunds })).sort((a, b) => b.net - a.net),
      agreements,
      buckets,
      cash: { sales: cash.gross, refunds: cash.refunds, rounding: cash.rounding },
    };
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

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export const periodFiguresOnly = (figures: FiguresWithHours): PeriodFigures => {
  const { buckets: _buckets, cash: _cash, ...rest } = figures;
  return rest;
};
