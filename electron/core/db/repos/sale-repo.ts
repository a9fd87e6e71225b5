import type { Database } from 'better-sqlite3';
import { StatementCache } from '../statement-cache';
import { takeReceiptNumber } from './receipt-counter';
import { z } from 'zod';
import { cartLineSchema, cartTotalsSchema, type CartLine, type CartTotals } from '../../../../shared/cart';
import type { PhoneCountry } from '../../../../shared/phone';
import { appErrorSchema, type AppError } from '../../../../shared/result';
import { saleStatusSchema, tenderSchema, type Refund, type Sale, type SaleStatus, type Tender } from '../../../../shared/sale';
import { CorruptRowError, parseJsonColumn, parseRow, parseRows, staffRef } from './row-parsing';
import type { StaffRef } from '../../../../shared/staff';
import { RefundFacts } from '../../reports/refund-facts';

export interface StoredSale extends Sale {
  keys: { create: string; capture: string; cancel: string };
  createAttempts: number;
}

export interface StoredRefund extends Refund {
  saleId: string;
  idempotencyKey: string;
}

export interface NewSale {
  id: string;
  reference: string;
  receiptNumber: string;
  createdAt: number;
  tender: Tender;
  status: SaleStatus;
  lines: CartLine[];
  totals: CartTotals;
  phone: { country: PhoneCountry; msisdn: string } | null;
  keys: { create: string; capture: string; cancel: string };
  cash: { tendered: number; change: number; rounding: number } | null;
  cashier: StaffRef | null;
}

export type SalePatch = Partial<{
  status: SaleStatus;
  qrUrl: string | null;
  expiresAt: number | null;
  pspReference: string | null;
  amounts: Sale['amounts'];
  problem: AppError | null;
  cancelRequested: boolean;
  createAttempts: number;
}>;

const saleRow = z.object({
  id: z.string(),
  reference: z.string(),
  receipt_number: z.string(),
  created_at: z.number().int(),
  updated_at: z.number().int(),
  tender: tenderSchema,
  status: saleStatusSchema,
  lines_json: z.string(),
  totals_json: z.string(),
  phone_country: z.enum(['NO', 'DK', 'FI']).nullable(),
  msisdn: z.string().nullable(),
  create_key: z.string(),
  capture_key: z.string(),
  cancel_key: z.string(),
  qr_url: z.string().nullable(),
  expires_at: z.number().int().nullable(),
  psp_reference: z.string().nullable(),
  authorized: z.number().int(),
  captured: z.number().int(),
  refunded: z.number().int(),
  cancelled: z.number().int(),
  cash_tendered: z.number().int().nullable(),
  cash_change: z.number().int().nullable(),
  cash_rounding: z.number().int(),
  problem_json: z.string().nullable(),
  cancel_requested: z.union([z.literal(0), z.literal(1)]),
  create_attempts: z.number().int(),
  cashier_id: z.string().nullable(),
  cashier_name: z.string().nullable(),
});

const refundRow = z.object({
  id: z.string(),
  sale_id: z.string(),
  amount: z.number().int().positive(),
  idempotency_key: z.string(),
  created_at: z.number().int(),
  status: z.enum(['pending', 'refunded', 'failed']),
  problem_json: z.string().nullable(),
  cashier_id: z.string().nullable(),
  cashier_name: z.string().nullable(),
  approver_id: z.string().nullable(),
  approver_name: z.string().nullable(),
  cash_rounding: z.number().int(),
});

const OPEN = "('requested', 'waiting', 'capturing')";

type NewRefund = { id: string; saleId: string; amount: number; idempotencyKey: string; cashier: StaffRef | null; approvedBy: StaffRef | null; paidOut?: { cashRounding: number } };

/** SQLite access for one-off sales and their refunds. */
export class SaleRepo {
  private readonly sql: StatementCache;
  private readonly refundFacts: RefundFacts;

  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {
    this.sql = new StatementCache(db);
    this.refundFacts = new RefundFacts(db);
  }

  /** The next receipt number of this till, taken inside the caller's transaction. */
  nextReceiptNumber(tillId: string): string {
    return takeReceiptNumber(this.sql, tillId);
  }

  /** Inserts a sale with the next receipt number, atomically (the number is never lost or reused). */
  insertWithReceiptNumber(tillId: string, build: (receiptNumber: string) => NewSale): StoredSale {
    const insert = this.db.transaction(() => {
      const sale = build(this.nextReceiptNumber(tillId));
      this.sql
        .get(
          `INSERT INTO sales (id, reference, receipt_number, created_at, updated_at, tender, status, currency, total,
             lines_json, totals_json, phone_country, msisdn, create_key, capture_key, cancel_key,
             captured, cash_tendered, cash_change, cash_rounding, cashier_id, cashier_name)
           VALUES (@id, @reference, @receiptNumber, @createdAt, @createdAt, @tender, @status, @currency, @total,
             @lines, @totals, @country, @msisdn, @createKey, @captureKey, @cancelKey, @captured, @tendered, @change,
             @rounding, @cashierId, @cashierName)`,
        )
        .run({
          id: sale.id,
          reference: sale.reference,
          receiptNumber: sale.receiptNumber,
          createdAt: sale.createdAt,
          tender: sale.tender,
          status: sale.status,
          currency: sale.totals.currency,
          total: sale.totals.total,
          lines: JSON.stringify(sale.lines),
          totals: JSON.stringify(sale.totals),
          country: sale.phone?.country ?? null,
          msisdn: sale.phone?.msisdn ?? null,
          createKey: sale.keys.create,
          captureKey: sale.keys.capture,
          cancelKey: sale.keys.cancel,
          // Cash is in the drawer the moment the sale is recorded.
          captured: sale.cash ? sale.totals.total : 0,
          tendered: sale.cash?.tendered ?? null,
          change: sale.cash?.change ?? null,
          rounding: sale.cash?.rounding ?? 0,
          cashierId: sale.cashier?.id ?? null,
          cashierName: sale.cashier?.name ?? null,
        });
      const at = sale.createdAt;
      this.recordEvent(sale.id, sale.status, at, sale.cashier);
      if (sale.status === 'completed') this.recordCompletion(sale.id, sale.lines, at);
      return sale;
    });
    return asStored(insert());
  }

  /** Appends the status to the sale's timeline (sale_events), in the caller's transaction. */
  private recordEvent(saleId: string, status: SaleStatus, at: number, actor: StaffRef | null): void {
    this.sql
      .get("INSERT INTO sale_events (subject_kind, subject_id, at, status, actor_id, actor_name) VALUES ('sale', ?, ?, ?, ?, ?)")
      .run(saleId, at, status, actor?.id ?? null, actor?.name ?? null);
  }

  /** The moment the money was taken, and the sold lines the day's reports add up. */
  private recordCompletion(saleId: string, lines: CartLine[], at: number): void {
    this.sql.get('UPDATE sales SET completed_at = ? WHERE id = ?').run(at, saleId);
    const insert = this.sql.get(
      'INSERT INTO sold_lines (sale_id, line_no, completed_at, product_id, name, vat_rate, quantity, total, vat) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    lines.forEach((line, i) => insert.run(saleId, i, at, line.productId, line.name, line.vatRate, line.quantity, line.total, line.vat));
  }

  get(id: string): StoredSale | null {
    const row = this.sql.get('SELECT * FROM sales WHERE id = ?').get(id);
    return row ? this.toSale(row) : null;
  }

  listOpen(onCorrupt: (error: CorruptRowError) => void = () => undefined): StoredSale[] {
    return this.parseAll(this.sql.get(`SELECT * FROM sales WHERE status IN ${OPEN} ORDER BY created_at`).all(), onCorrupt);
  }

  listSince(since: number, limit: number, onCorrupt: (error: CorruptRowError) => void = () => undefined): StoredSale[] {
    return this.parseAll(this.sql.get('SELECT * FROM sales WHERE created_at >= ? ORDER BY created_at DESC LIMIT ?').all(since, limit), onCorrupt);
  }

  /**
   * One change to a sale. A change of status also appends it to the sale's timeline, and a
   * completion records its time and sold lines, all in one transaction with the change.
   */
  update(id: string, patch: SalePatch): StoredSale {
    return this.db.transaction(() => {
      const before = patch.status === undefined ? undefined : (this.sql.get('SELECT status, lines_json FROM sales WHERE id = ?').get(id) as { status: SaleStatus; lines_json: string } | undefined);
      const updated = this.applyPatch(id, patch);
      if (before && patch.status !== undefined && before.status !== patch.status) {
        this.recordEvent(id, patch.status, updated.updatedAt, null);
        if (patch.status === 'completed') this.recordCompletion(id, updated.lines, updated.updatedAt);
      }
      return patch.status === 'completed' ? this.get(id)! : updated;
    })();
  }

  private applyPatch(id: string, patch: SalePatch): StoredSale {
    const columns: Record<string, unknown> = { updated_at: this.now() };
    if (patch.status !== undefined) columns.status = patch.status;
    if (patch.qrUrl !== undefined) columns.qr_url = patch.qrUrl;
    if (patch.expiresAt !== undefined) columns.expires_at = patch.expiresAt;
    if (patch.pspReference !== undefined) columns.psp_reference = patch.pspReference;
    if (patch.amounts !== undefined) {
      columns.authorized = patch.amounts.authorized;
      columns.captured = patch.amounts.captured;
      columns.refunded = patch.amounts.refunded;
      columns.cancelled = patch.amounts.cancelled;
    }
    if (patch.problem !== undefined) columns.problem_json = patch.problem ? JSON.stringify(patch.problem) : null;
    if (patch.cancelRequested !== undefined) columns.cancel_requested = patch.cancelRequested ? 1 : 0;
    if (patch.createAttempts !== undefined) columns.create_attempts = patch.createAttempts;
    const assignments = Object.keys(columns).map((column) => `${column} = @${column}`);
    const result = this.sql.get(`UPDATE sales SET ${assignments.join(', ')} WHERE id = @id`).run({ ...columns, id });
    if (result.changes !== 1) throw new Error(`Sale ${id} does not exist`);
    return this.get(id)!;
  }

  /**
   * A refund, pending until Vipps confirms it; `paidOut` for cash handed back from the drawer,
   * which is refunded the moment it is recorded (and so counted in the reports' refunds at once), with its rounding line.
   */
  insertRefund(refund: NewRefund): StoredRefund {
    this.db.transaction(() => this.writeRefund(refund))();
    return this.getRefund(refund.id)!;
  }

  private writeRefund(refund: NewRefund): void {
    const at = this.now();
    this.sql
      .get(
        `INSERT INTO refunds (id, sale_id, amount, idempotency_key, created_at, updated_at, status, refunded_at, cashier_id, cashier_name, approver_id, approver_name, cash_rounding)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        refund.id,
        refund.saleId,
        refund.amount,
        refund.idempotencyKey,
        at,
        at,
        refund.paidOut ? 'refunded' : 'pending',
        refund.paidOut ? at : null,
        refund.cashier?.id ?? null,
        refund.cashier?.name ?? null,
        refund.approvedBy?.id ?? null,
        refund.approvedBy?.name ?? null,
        refund.paidOut?.cashRounding ?? 0,
      );
    if (refund.paidOut) this.refundFacts.saleRefunded(refund.id);
  }

  getRefund(id: string): StoredRefund | null {
    const row = this.sql.get('SELECT * FROM refunds WHERE id = ?').get(id);
    return row ? toRefund(row) : null;
  }

  /** A refund's new status; once paid back, its parts per VAT rate are written for the reports in the same transaction. */
  updateRefund(id: string, patch: { status: StoredRefund['status']; problem: AppError | null }): void {
    this.db.transaction(() => {
      this.sql
        .get(
          "UPDATE refunds SET status = ?, problem_json = ?, updated_at = ?, refunded_at = CASE WHEN ? = 'refunded' THEN COALESCE(refunded_at, ?) ELSE refunded_at END WHERE id = ?",
        )
        .run(patch.status, patch.problem ? JSON.stringify(patch.problem) : null, this.now(), patch.status, this.now(), id);
      if (patch.status === 'refunded') this.refundFacts.saleRefunded(id);
    })();
  }

  pendingRefunds(): StoredRefund[] {
    return this.sql.get("SELECT * FROM refunds WHERE status = 'pending' ORDER BY created_at").all().map(toRefund);
  }

  private refundsOf(saleId: string): StoredRefund[] {
    return this.sql.get('SELECT * FROM refunds WHERE sale_id = ? ORDER BY created_at').all(saleId).map(toRefund);
  }

  private parseAll(rows: unknown[], onCorrupt: (error: CorruptRowError) => void): StoredSale[] {
    return parseRows(rows, (raw) => this.toSale(raw), onCorrupt);
  }

  private toSale(raw: unknown): StoredSale {
    const row = parseRow('sales', raw, saleRow);
    return {
      id: row.id,
      reference: row.reference,
      receiptNumber: row.receipt_number,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      tender: row.tender,
      status: row.status,
      lines: parseJsonColumn('sales', row.id, 'lines_json', row.lines_json, z.array(cartLineSchema)),
      totals: parseJsonColumn('sales', row.id, 'totals_json', row.totals_json, cartTotalsSchema),
      phone: row.phone_country && row.msisdn ? { country: row.phone_country, msisdn: row.msisdn } : null,
      qrUrl: row.qr_url,
      expiresAt: row.expires_at,
      pspReference: row.psp_reference,
      amounts: { authorized: row.authorized, captured: row.captured, refunded: row.refunded, cancelled: row.cancelled },
      cash: row.cash_tendered !== null && row.cash_change !== null ? { tendered: row.cash_tendered, change: row.cash_change, rounding: row.cash_rounding } : null,
      refunds: this.refundsOf(row.id).map(toRefundView),
      problem: row.problem_json === null ? null : parseJsonColumn('sales', row.id, 'problem_json', row.problem_json, appErrorSchema),
      cancelRequested: row.cancel_requested === 1,
      keys: { create: row.create_key, capture: row.capture_key, cancel: row.cancel_key },
      createAttempts: row.create_attempts,
      cashier: staffRef(row.cashier_id, row.cashier_name),
    };
  }
}

/** The row a new sale becomes, without reading it back: the hot path of every sale at the till. */
function asStored(sale: NewSale): StoredSale {
  return {
    ...sale,
    updatedAt: sale.createdAt,
    qrUrl: null,
    expiresAt: null,
    pspReference: null,
    amounts: { authorized: 0, captured: sale.cash ? sale.totals.total : 0, refunded: 0, cancelled: 0 },
    refunds: [],
    problem: null,
    cancelRequested: false,
    createAttempts: 0,
  };
}

function toRefund(raw: unknown): StoredRefund {
  const row = parseRow('refunds', raw, refundRow);
  return {
    id: row.id,
    saleId: row.sale_id,
    amount: row.amount,
    idempotencyKey: row.idempotency_key,
    createdAt: row.created_at,
    status: row.status,
    problem: row.problem_json === null ? null : parseJsonColumn('refunds', row.id, 'problem_json', row.problem_json, appErrorSchema),
    cashier: staffRef(row.cashier_id, row.cashier_name),
    approvedBy: staffRef(row.approver_id, row.approver_name),
    cashRounding: row.cash_rounding,
  };
}

function toRefundView(refund: StoredRefund): Refund {
  const { saleId: _sale, idempotencyKey: _key, ...view } = refund;
  return view;
}

/** The view the renderer gets: everything but the idempotency keys. */
export function toPublicSale(sale: StoredSale): Sale {
  const { keys: _keys, createAttempts: _attempts, ...view } = sale;
  return view;
}
