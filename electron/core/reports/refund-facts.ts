import type { Database } from 'better-sqlite3';
import { cartTotalsSchema } from '../../../shared/cart';
import type { ReportTender } from '../../../shared/reports';
import type { StaffRef } from '../../../shared/staff';
import { vatIncluded } from '../../../shared/vat';
import { StatementCache } from '../db/statement-cache';
import { splitRefundByRate } from './refund-split';

type Part = { rate: number | null; total: number; vat: number };

/**
 * Money paid back, as the reports count it (refund_parts, migration 0120), written by the
 * repository that records the refund, in the same transaction: a goods refund split over its
 * sale's VAT rates, a refund of an agreement's initial charge at the plan's rate. The day view and
 * the Z then read one index range instead of re-reading and re-splitting every refunded sale.
 * Writing twice is harmless: a refund's parts are written once.
 */
export class RefundFacts {
  private readonly sql: StatementCache;

  constructor(db: Database) {
    this.sql = new StatementCache(db);
  }

  /** A refund of a sale, once it is paid back (status refunded). */
  saleRefunded(refundId: string): void {
    const row = this.sql
      .get(
        `SELECT r.amount, r.refunded_at, r.cashier_id, r.cashier_name, s.tender, s.totals_json
         FROM refunds r JOIN sales s ON s.id = r.sale_id WHERE r.id = ? AND r.status = 'refunded' AND r.refunded_at IS NOT NULL`,
      )
      .get(refundId) as { amount: number; refunded_at: number; cashier_id: string | null; cashier_name: string | null; tender: ReportTender; totals_json: string } | undefined;
    if (!row) return;
    const totals = cartTotalsSchema.safeParse(parseOrNull(row.totals_json));
    const cashier = row.cashier_id !== null ? { id: row.cashier_id, name: row.cashier_name ?? '' } : null;
    this.write(refundId, row.refunded_at, row.tender, cashier, row.amount, splitRefundByRate(row.amount, totals.success ? totals.data.byRate : []));
  }

  /**
   * A refund of an agreement's charge, done at Vipps MobilePay. Only the initial charge of an
   * agreement sold at this till was counted here when it was taken, so only its refund counts
   * here; recurring charges are the billing backend's money.
   */
  chargeRefunded(refund: { id: string; agreementId: string; chargeId: string | null; amount: number | null; by: StaffRef | null }, at: number): void {
    if (refund.chargeId === null || refund.amount === null) return;
    const sale = this.sql
      .get('SELECT initial_charge_vat_rate AS rate FROM subscription_sales WHERE agreement_id = ? AND initial_charge_id = ?')
      .get(refund.agreementId, refund.chargeId) as { rate: number | null } | undefined;
    if (!sale) return;
    const parts = sale.rate === null ? [] : [{ rate: sale.rate, total: refund.amount, vat: vatIncluded(refund.amount, sale.rate) }];
    this.write(refund.id, at, 'agreement', refund.by, refund.amount, parts);
  }

  private write(id: string, at: number, tender: ReportTender, cashier: StaffRef | null, amount: number, parts: Part[]): void {
    // Rates unknown (a sale without a VAT summary, a plan sold before plans had a rate): the refund
    // still counts in the totals, under no rate.
    const rows: Part[] = parts.length > 0 ? parts : [{ rate: null, total: amount, vat: 0 }];
    const insert = this.sql.get(
      `INSERT INTO refund_parts (refund_id, part_no, refunded_at, tender, cashier_id, cashier_name, vat_rate, total, vat)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    );
    rows.forEach((part, i) => insert.run(id, i, at, tender, cashier?.id ?? null, cashier?.name ?? null, part.rate, part.total, part.vat));
  }
}

function parseOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
