import { randomUUID } from 'node:crypto';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import type { Plan } from '../../shared/catalogue';
import type { Tender } from '../../shared/sale';
import type { StaffRef } from '../../shared/staff';
import { migrate } from '../../electron/core/db/migrate';
import { SaleRepo } from '../../electron/core/db/repos/sale-repo';
import { SubscriptionSaleRepo } from '../../electron/core/db/repos/subscription-sale-repo';
import { AgreementOperationsRepo } from '../../electron/core/agreements/agreement-operations-repo';
import { cartOf, lineFor } from '../../electron/core/sales/cart-math';
import { cashRefundRounding, roundCash } from '../../shared/cash-rounding';

export const OLA: StaffRef = { id: 'staff-ola', name: 'Ola Nordmann' };
export const KARI: StaffRef = { id: 'staff-kari', name: 'Kari Nordmann' };

export const goods = {
  mug: { id: 'mug', name: 'Krus', unitPrice: 10000, currency: 'NOK', vatRate: 2500 },
  bread: { id: 'bread', name: 'Brød', unitPrice: 5000, currency: 'NOK', vatRate: 1500 },
  coffee: { id: 'coffee', name: 'Kaffe', unitPrice: 12000, currency: 'NOK', vatRate: 1500 },
  book: { id: 'book', name: 'Bok', unitPrice: 30000, currency: 'NOK', vatRate: 0 },
  /** Priced in øre: paid in cash it is rounded (10.49 -> 10.00, 2 of them 20.98 -> 21.00). */
  gum: { id: 'gum', name: 'Tyggis', unitPrice: 1049, currency: 'NOK', vatRate: 1500 },
} as const;
export type GoodsId = keyof typeof goods;

/** A monthly NOK plan; `vatRate` is its initial charge's VAT rate (25 % unless said). */
export function plan(id: string, name: string, initialCharge?: number, vatRate = 2500): Plan {
  return {
    id,
    name,
    currency: 'NOK',
    pricing: { type: 'LEGACY', amount: 29900 },
    interval: { unit: 'MONTH', count: 1 },
    vatRate,
    ...(initialCharge ? { initialCharge: { amount: initialCharge, description: 'Start', transactionType: 'DIRECT_CAPTURE' as const } } : {}),
  };
}

/** Local time in the process's time zone: at(2026, 11, 22, 10, 15). */
export const at = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => new Date(y, mo - 1, d, h, mi, s).getTime();

/**
 * Sales, refunds and agreements written through the real repositories at chosen moments, so the
 * report arithmetic is checked against rows exactly as the flows write them (completion times,
 * sold lines, refund times, approval times).
 */
export class ReportFixture {
  time = 0;
  readonly db: Database;
  readonly sales: SaleRepo;
  readonly agreements: SubscriptionSaleRepo;
  readonly operations: AgreementOperationsRepo;

  constructor(db?: Database) {
    this.db = db ?? new BetterSqlite3(':memory:');
    migrate(this.db);
    this.sales = new SaleRepo(this.db, () => this.time);
    this.agreements = new SubscriptionSaleRepo(this.db, () => this.time);
    this.operations = new AgreementOperationsRepo(this.db, () => this.time);
  }

  /** A sale made at `createdAt`; completed at `completedAt` (cash: at once), or left in `outcome`. */
  sale(options: { tender: Tender; lines: Array<[GoodsId, number]>; createdAt: number; completedAt?: number; outcome?: 'aborted' | 'expired' | 'terminated' | 'failed'; cashier?: StaffRef; phone?: string }) {
    const cart = cartOf(options.lines.map(([id, quantity]) => lineFor(goods[id], quantity)), 'NOK');
    this.time = options.createdAt;
    const cash = options.tender === 'cash';
    const sale = this.sales.insertWithReceiptNumber('till-1', (receiptNumber) => ({
      id: randomUUID(),
      reference: `kassa-${receiptNumber}`,
      receiptNumber,
      createdAt: options.createdAt,
      tender: options.tender,
      status: cash ? 'completed' : 'requested',
      lines: cart.lines,
      totals: cart.totals,
      phone: options.phone ? { country: 'NO', msisdn: options.phone } : null,
      keys: { create: randomUUID(), capture: randomUUID(), cancel: randomUUID() },
      // Cash as the flow takes it (PaymentSales.cash): the rounded total, handed over exactly.
      cash: cash ? (({ rounded, rounding }) => ({ tendered: rounded, change: 0, rounding }))(roundCash(cart.totals.total, 'NOK', 'NO')) : null,
      cashier: options.cashier ?? null,
    }));
    if (cash) return sale;
    this.sales.update(sale.id, { status: 'waiting' });
    this.time = options.completedAt ?? options.createdAt + 60_000;
    if (options.outcome) return this.sales.update(sale.id, { status: options.outcome });
    const total = cart.totals.total;
    this.sales.update(sale.id, { status: 'capturing', amounts: { authorized: total, captured: 0, refunded: 0, cancelled: 0 } });
    return this.sales.update(sale.id, { status: 'completed', amounts: { authorized: total, captured: total, refunded: 0, cancelled: 0 } });
  }

  /** A refund made (and, for Vipps, confirmed) at `refundedAt`. */
  refund(saleId: string, amount: number, refundedAt: number, by: StaffRef | null = KARI) {
    this.time = refundedAt;
    const sale = this.sales.get(saleId)!;
    const cash = sale.tender === 'cash';
    const paidOut = cash ? { cashRounding: cashRefundRounding(sale.amounts.refunded, amount, 'NOK', 'NO').rounding } : undefined;
    const refund = this.sales.insertRefund({ id: randomUUID(), saleId, amount, idempotencyKey: randomUUID(), cashier: by, approvedBy: by, paidOut });
    if (!cash) this.sales.updateRefund(refund.id, { status: 'refunded', problem: null });
    this.sales.update(saleId, { amounts: { ...sale.amounts, refunded: sale.amounts.refunded + amount } });
    return refund;
  }

  /** An agreement requested at `createdAt` and answered at `answeredAt`. */
  agreement(options: { plan: Plan; createdAt: number; answeredAt: number; outcome: 'active' | 'rejected' | 'expired' | 'cancelled'; cashier?: StaffRef; charged?: boolean }) {
    this.time = options.createdAt;
    const sale = this.agreements.insert({
      id: randomUUID(),
      tillId: 'till-test',
      createdAt: options.createdAt,
      plan: options.plan,
      phone: { country: 'NO', msisdn: '4791234567' },
      profileScopes: [],
      keys: { create: randomUUID(), stop: randomUUID(), capture: randomUUID() },
      cashier: options.cashier ?? null,
    });
    this.agreements.update(sale.id, { status: 'pending', agreementId: `agr_${sale.id.slice(0, 8)}` });
    this.time = options.answeredAt;
    const initialCharge = options.plan.initialCharge ? { chargeId: 'chr-1', status: options.charged === false ? 'DUE' : 'CHARGED' } : null;
    return this.agreements.update(sale.id, { status: options.outcome, ...(options.outcome === 'active' ? { initialCharge } : {}) });
  }

  /** A refund of one of an agreement's charges, sent to Vipps and done at `doneAt` (as AgreementService stores it). */
  chargeRefund(agreementId: string, chargeId: string, amount: number, doneAt: number, by: StaffRef | null = KARI) {
    this.time = doneAt;
    const op = this.operations.insert({
      id: randomUUID(),
      kind: 'refund-charge',
      agreementId,
      idempotencyKey: randomUUID(),
      body: { amount, description: 'Refund at the till' },
      chargeId,
      amount,
      currency: 'NOK',
      by,
      approvedBy: by,
    });
    return this.operations.update(op.id, { status: 'done' });
  }
}
