import { because } from '../../../shared/reasons';
import { randomUUID } from 'node:crypto';
import { checkPhone } from '../../../shared/phone';
import { KassaError, type AppError } from '../../../shared/result';
import {
  EPAYMENT_MAX_AMOUNT,
  isFinalSaleStatus,
  type Sale,
  type SaleStatus,
  type CashPaymentRequest,
  type RefundRequest,
  type StartPaymentRequest,
} from '../../../shared/sale';
import { cashCeiling } from '../../../shared/cash';
import { cashRefundRounding, roundCash } from '../../../shared/cash-rounding';
import type { PhoneCountry } from '../../../shared/phone';
import type { Intention } from '../intentions/intention-ledger';
import { minorUnitsToDecimal, type Currency } from '../../../shared/money';
import type { NewSale, SalePatch, SaleRepo, StoredSale } from '../db/repos/sale-repo';
import { toPublicSale } from '../db/repos/sale-repo';
import type { CoreEvents } from '../events';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { backoffDelay, nextPollDelay, pollPolicy, type PollOutcome, type PollPolicy } from '../status/poll-schedule';
import { RateGuard } from '../status/rate-guard';
import type { EpaymentClient } from '../vipps/epayment-client';
import { aggregateAmounts, type GetPaymentResponse, type ModificationResponse } from '../vipps/epayment-schemas';
import { cashierErrorFor, VippsApiError } from '../vipps/vipps-errors';
import { buildPaymentRequest, paymentReference } from './build-payment-request';
import type { CartService } from './cart-service';
import { phoneError } from './phone-messages';
import { StepDriver } from './step-driver';
import type { ReportSink } from '../outbox/report-sink';
import { refundReport, saleReport } from '../outbox/reports';
import { startOfLocalDay } from '../reports/local-time';

/** A customer has 10 minutes (5 to open, 5 to approve) before an ePayment expires. */
export const PAYMENT_TIMEOUT_MS = 10 * 60_000;

/** The smallest amounts ePayment accepts (error 6010 below them). */
const MINIMUM_AMOUNT: Record<Currency, number> = { NOK: 100, DKK: 1, EUR: 1 };

export interface PaymentSalesDeps {
  repo: SaleRepo;
  cart: CartService;
  epayment: EpaymentClient;
  events: CoreEvents;
  clock: Clock;
  logger: Logger;
  tillId: string;
  shopName: string;
  merchantSerialNumber: string;
  reports: ReportSink;
  /** The most (major units) a cash tender may exceed the total by. */
  cashMaxOverTotal: number;
  /** The shop's country: its cash is rounded to its smallest coin (shared/cash-rounding.ts). */
  country: PhoneCountry;
  random?: () => number;
  /** The Vipps polling guideline unless a training run asks for a faster one. */
  policy?: PollPolicy;
}

/**
 * One-off sales of goods: ePayment by push or QR, and cash.
 *
 * As with subscriptions, the sale row and every idempotency key it can use (create, capture,
 * cancel) are committed before Vipps hears of it, each state change is committed before the next
 * call, and resume() drives every unfinished sale on after a crash: a create is replayed with its
 * key, a waiting payment is polled, an authorized one is captured, a pending refund is retried.
 * Kassa never cancels on its own: only the cashier does, or the customer's 10 minutes run out.
 */
export class PaymentSales {
  private readonly sales: StepDriver;
  private readonly refunds: StepDriver;
  private readonly guard: RateGuard;
  private readonly policy: PollPolicy;
  private readonly random: () => number;

  constructor(private readonly deps: PaymentSalesDeps) {
    this.random = deps.random ?? Math.random;
    this.policy = deps.policy ?? pollPolicy;
    this.guard = new RateGuard(this.policy.maxRequestsPerMinute);
    this.sales = new StepDriver(deps.clock, (id) => this.step(id));
    this.refunds = new StepDriver(deps.clock, (id) => this.refundStep(id));
    deps.cart.lockWhile(() => (this.current() ? 'A payment for this cart is waiting. Finish or cancel it first.' : null));
  }

  resume(): void {
    const skip = (corrupt: { rowId: string; detail: string }) =>
      this.deps.logger.error('damaged sale row skipped at start', { saleId: corrupt.rowId, detail: corrupt.detail });
    for (const sale of this.deps.repo.listOpen(skip)) this.sales.schedule(sale.id, 0);
    for (const refund of this.deps.repo.pendingRefunds()) this.refunds.schedule(refund.id, 0);
  }

  async idle(): Promise<void> {
    await Promise.all([this.sales.idle(), this.refunds.idle()]);
  }

  async stop(): Promise<void> {
    await Promise.all([this.sales.stop(), this.refunds.stop()]);
  }

  /** The intention's request id and journal entry are stored with the sale, in the transaction that creates it. */
  async start(request: StartPaymentRequest, intention: Intention): Promise<Sale> {
    const cart = this.sellableCart();
    let phone: { country: 'NO' | 'DK' | 'FI'; msisdn: string } | null = null;
    if (request.method === 'push') {
      const check = checkPhone(request.phone.country, request.phone.number);
      if (check.state !== 'valid') throw phoneError(request.phone.country, check);
      phone = { country: request.phone.country, msisdn: check.msisdn };
    }
    if (cart.totals.total < MINIMUM_AMOUNT[cart.totals.currency]) {
      throw new KassaError('VALIDATION', 'Vipps MobilePay needs at least 1.00 kr for a payment. Take this one in cash.', undefined, because('AMOUNT_BELOW_MINIMUM', { minAmount: MINIMUM_AMOUNT[cart.totals.currency], currency: cart.totals.currency }));
    }
    if (cart.totals.total > EPAYMENT_MAX_AMOUNT) {
      throw new KassaError('VALIDATION', 'This is more than Vipps MobilePay accepts in one payment. Split the sale.', undefined, because('AMOUNT_ABOVE_MAXIMUM', { maxAmount: EPAYMENT_MAX_AMOUNT, currency: cart.totals.currency }));
    }
    this.assertNoneWaiting();

    const sale = this.insertSale(intention, (receiptNumber) => ({
      id: randomUUID(),
      reference: paymentReference(receiptNumber),
      receiptNumber,
      createdAt: this.deps.clock.now(),
      tender: request.method === 'push' ? 'vipps-push' : 'vipps-qr',
      status: 'requested',
      lines: cart.lines,
      totals: cart.totals,
      phone,
      keys: { create: randomUUID(), capture: randomUUID(), cancel: randomUUID() },
      cash: null,
      cashier: intention.by,
    }));
    this.emit(sale);
    await this.sales.run(sale.id);
    return this.startAnswer(sale.id);
  }

  /**
   * What `start` or `cash` answered for this sale, as it is now: the answer to a repeat of the
   * same request. A payment Vipps refused outright is the same refusal again.
   */
  startAnswer(saleId: string): Sale {
    const sale = this.require(saleId);
    if (sale.status === 'failed' && sale.problem) throw KassaError.from(sale.problem);
    return toPublicSale(sale);
  }

  /**
   * A cash sale. Cash is paid in the country's smallest coin: the amount due is the total rounded
   * (roundCash), tendered and change are counted from it, and the rounding is its own line on the
   * sale. Wallet payments (start) are never rounded.
   */
  cash(request: CashPaymentRequest, intention: Intention): Sale {
    const { tendered } = request;
    const cart = this.sellableCart();
    this.assertNoneWaiting();
    const due = roundCash(cart.totals.total, cart.totals.currency, this.deps.country);
    if (tendered < due.rounded) {
      throw new KassaError('VALIDATION', 'The amount tendered is less than the total.', { tendered: 'Less than the total.' }, because('CASH_TOO_LITTLE', { totalAmount: due.rounded, currency: due.currency }));
    }
    const ceiling = cashCeiling(due.rounded, due.currency, this.deps.cashMaxOverTotal);
    if (tendered > ceiling) {
      const most = `${minorUnitsToDecimal(ceiling)} ${due.currency}`;
      throw new KassaError('VALIDATION', `The amount tendered is more than ${most}. Check the amount typed.`, { tendered: `At most ${most}.` }, because('CASH_TOO_MUCH', { maxAmount: ceiling, currency: due.currency }));
    }
    // The sale, the request id and the report to the billing backend are one transaction.
    const sale = this.deps.reports.transaction(() => {
      const recorded = this.insertCashSale(intention, cart, { tendered, change: tendered - due.rounded, rounding: due.rounding });
      this.deps.reports.report('sale', recorded.id, recorded.id, saleReport(toPublicSale(recorded), this.deps.tillId, recorded.createdAt));
      return recorded;
    });
    this.deps.reports.flush();
    this.deps.cart.clearAfterSale();
    this.emit(sale);
    return toPublicSale(sale);
  }

  /** A sale with the next receipt number and the request id that asked for it, in one transaction. */
  private insertSale(intention: Intention, build: (receiptNumber: string) => NewSale): StoredSale {
    return this.deps.reports.transaction(() => {
      const sale = this.deps.repo.insertWithReceiptNumber(this.deps.tillId, build);
      intention.record(sale.id);
      return sale;
    });
  }

  private assertNoneWaiting(): void {
    if (this.current()) throw new KassaError('CONFLICT', 'A payment is already waiting for a customer. Finish or cancel it first.', undefined, because('PAYMENT_ALREADY_WAITING'));
  }

  private insertCashSale(intention: Intention, cart: ReturnType<CartService['get']>, cash: NonNullable<NewSale['cash']>): StoredSale {
    return this.insertSale(intention, (receiptNumber) => ({
      id: randomUUID(),
      reference: paymentReference(receiptNumber),
      receiptNumber,
      createdAt: this.deps.clock.now(),
      tender: 'cash',
      status: 'completed',
      lines: cart.lines,
      totals: cart.totals,
      phone: null,
      keys: { create: randomUUID(), capture: randomUUID(), cancel: randomUUID() },
      cash,
      cashier: intention.by,
    }));
  }

  get(saleId: string): Sale {
    return toPublicSale(this.require(saleId));
  }

  /** The Vipps payment this till is waiting on, if any: one customer at a time. */
  current(): Sale | null {
    const waiting = this.deps.repo.listOpen().filter((sale) => !sale.cancelRequested).at(-1);
    return waiting ? toPublicSale(waiting) : null;
  }

  /** This till's sales since local midnight, newest first. */
  today(limit = 200): Sale[] {
    const midnight = startOfLocalDay(this.deps.clock.now());
    return this.deps.repo.listSince(midnight, limit).map(toPublicSale);
  }

  async cancel(saleId: string): Promise<Sale> {
    const sale = this.require(saleId);
    if (isFinalSaleStatus(sale.status) || sale.cancelRequested) return toPublicSale(sale);
    this.update(sale.id, { cancelRequested: true });
    await this.sales.run(saleId);
    return toPublicSale(this.require(saleId));
  }

  async refund(request: RefundRequest, intention: Intention): Promise<Sale> {
    const { saleId, amount } = request;
    const sale = this.require(saleId);
    if (sale.status !== 'completed') throw new KassaError('VALIDATION', 'Only a completed sale can be refunded.', undefined, because('REFUND_ONLY_COMPLETED'));
    if (sale.tender === 'cash') return this.cashRefund(sale, amount, intention);
    const pending = sale.refunds.filter((r) => r.status === 'pending').reduce((sum, r) => sum + r.amount, 0);
    const refundable = sale.amounts.captured - sale.amounts.refunded - pending;
    if (amount > refundable) {
      const most = `${minorUnitsToDecimal(refundable)} ${sale.totals.currency}`;
      throw new KassaError('PAYMENT_REFUSED', `At most ${most} can be refunded on this sale.`, { amount: `At most ${most}.` }, because('REFUND_TOO_MUCH', { maxAmount: refundable, currency: sale.totals.currency }));
    }
    // The refund, its key, the request id and the journal entry are on disk before Vipps hears of it.
    const refund = this.deps.reports.transaction(() => {
      const inserted = this.deps.repo.insertRefund({
        id: randomUUID(),
        saleId,
        amount,
        idempotencyKey: randomUUID(),
        cashier: intention.by,
        approvedBy: intention.approvedBy,
      });
      intention.record(inserted.id);
      return inserted;
    });
    this.emit(this.require(saleId));
    await this.refunds.run(refund.id);
    return this.refundAnswer(refund.id);
  }

  /**
   * A refund of a cash sale is cash handed back from the drawer: no Vipps call, refunded the moment
   * it is recorded, counted out of the drawer and the day, and reported to billing like any refund,
   * all in one transaction with its request id and journal entry.
   *
   * `amount` is the goods refunded (at most what is left of the sale's total, so VAT splits as on
   * any refund); the cash handed back is rounded as a negative amount by cashRefundRounding, which
   * settles the sale's refunds as a whole: a full refund hands back exactly the cash the sale took.
   */
  private cashRefund(sale: StoredSale, amount: number, intention: Intention): Sale {
    const refundable = sale.amounts.captured - sale.amounts.refunded;
    if (amount > refundable) {
      const most = `${minorUnitsToDecimal(refundable)} ${sale.totals.currency}`;
      throw new KassaError('PAYMENT_REFUSED', `At most ${most} can be refunded on this sale.`, { amount: `At most ${most}.` }, because('REFUND_TOO_MUCH', { maxAmount: refundable, currency: sale.totals.currency }));
    }
    const after = this.deps.reports.transaction(() => {
      const { rounding } = cashRefundRounding(sale.amounts.refunded, amount, sale.totals.currency, this.deps.country);
      const refund = this.deps.repo.insertRefund({ id: randomUUID(), saleId: sale.id, amount, idempotencyKey: randomUUID(), cashier: intention.by, approvedBy: intention.approvedBy, paidOut: { cashRounding: rounding } });
      const updated = this.deps.repo.update(sale.id, { amounts: { ...sale.amounts, refunded: sale.amounts.refunded + amount } });
      this.deps.reports.report('refund', refund.id, sale.id, refundReport(refund, toPublicSale(updated), this.deps.tillId, refund.createdAt));
      intention.record(refund.id);
      return updated;
    });
    this.deps.reports.flush();
    this.emit(after);
    return toPublicSale(after);
  }

  /** What `refund` answered, as it is now: the answer to a repeat of the same refund request. */
  refundAnswer(refundId: string): Sale {
    const refund = this.deps.repo.getRefund(refundId);
    if (!refund) throw new KassaError('NOT_FOUND', 'That refund does not exist on this till.', undefined, because('REFUND_NOT_FOUND'));
    if (refund.status === 'failed' && refund.problem) throw KassaError.from(refund.problem);
    return toPublicSale(this.require(refund.saleId));
  }

  private sellableCart() {
    const cart = this.deps.cart.get();
    if (cart.lines.length === 0) throw new KassaError('VALIDATION', 'The cart is empty. Scan or pick the goods first.', undefined, because('CART_EMPTY'));
    return cart;
  }

  private require(saleId: string): StoredSale {
    const sale = this.deps.repo.get(saleId);
    if (!sale) throw new KassaError('NOT_FOUND', 'That sale does not exist on this till.', undefined, because('SALE_NOT_FOUND'));
    return sale;
  }

  private async step(saleId: string): Promise<void> {
    const sale = this.deps.repo.get(saleId);
    if (!sale || isFinalSaleStatus(sale.status)) return;
    try {
      if (sale.status === 'requested') await this.create(sale);
      else if (sale.status === 'waiting') await this.check(sale);
      else await this.capture(sale);
    } catch (error) {
      this.onStepFailed(sale, error);
    }
  }

  private async create(sale: StoredSale): Promise<void> {
    this.update(sale.id, { createAttempts: sale.createAttempts + 1 });
    const body = buildPaymentRequest(sale, { tillId: this.deps.tillId, shopName: this.deps.shopName });
    const created = await this.deps.epayment.create(body, sale.keys.create);
    this.sales.succeeded(sale.id);
    const waiting = this.update(sale.id, {
      status: 'waiting',
      qrUrl: sale.tender === 'vipps-qr' ? (created.redirectUrl ?? null) : null,
      expiresAt: this.deps.clock.now() + PAYMENT_TIMEOUT_MS,
      problem: null,
    });
    if (waiting.cancelRequested) return this.cancelAtVipps(waiting);
    this.sales.schedule(sale.id, nextPollDelay({ kind: 'created' }, this.random, this.policy));
  }

  private async check(sale: StoredSale): Promise<void> {
    const wait = this.guard.waitFor(sale.reference, this.deps.clock.now());
    if (wait > 0) return this.sales.schedule(sale.id, wait);
    this.guard.record(sale.reference, this.deps.clock.now());
    const payment = await this.deps.epayment.get(sale.reference);
    this.sales.succeeded(sale.id);
    const current = this.record(sale, payment, sale.problem && sale.status === 'waiting' ? { problem: null } : {});
    switch (payment.state) {
      case 'CREATED':
        if (current.cancelRequested) return this.cancelAtVipps(current);
        return this.sales.schedule(sale.id, nextPollDelay({ kind: 'unchanged' }, this.random, this.policy));
      case 'AUTHORIZED':
        return this.onAuthorized(current, payment);
      case 'ABORTED':
        return this.finish(current, 'aborted');
      case 'EXPIRED':
        return this.finish(current, 'expired');
      case 'TERMINATED':
        return this.finish(current, 'terminated');
    }
  }

  private async onAuthorized(sale: StoredSale, payment: GetPaymentResponse | ModificationResponse): Promise<void> {
    const { captured, cancelled } = aggregateAmounts(payment.aggregate);
    if (captured >= sale.totals.total) return this.finish(sale, 'completed');
    if (cancelled > 0) return this.finish(sale, 'released');
    if (sale.cancelRequested) return this.cancelAtVipps(sale);
    // Committed before the capture, so a crash in between resumes with the capture.
    const capturing = sale.status === 'capturing' ? sale : this.update(sale.id, { status: 'capturing' });
    const result = await this.deps.epayment.capture(sale.reference, { currency: sale.totals.currency, value: sale.totals.total }, sale.keys.capture);
    this.sales.succeeded(sale.id);
    this.finish(this.record(capturing, result), 'completed');
  }

  private async capture(sale: StoredSale): Promise<void> {
    // Ask first: the capture may have gone through before a crash or a lost answer.
    const payment = await this.deps.epayment.get(sale.reference);
    return this.onAuthorized(this.record(sale, payment), payment);
  }

  private async cancelAtVipps(sale: StoredSale): Promise<void> {
    const result = await this.deps.epayment.cancel(sale.reference, sale.keys.cancel);
    this.sales.succeeded(sale.id);
    const after = this.record(sale, result);
    if (result.state === 'TERMINATED') return this.finish(after, 'terminated');
    if (result.state === 'AUTHORIZED') return this.onAuthorized(after, result);
    this.sales.schedule(sale.id, 0);
  }

  private record(sale: StoredSale, payment: GetPaymentResponse | ModificationResponse, extra: SalePatch = {}): StoredSale {
    return this.update(sale.id, { amounts: aggregateAmounts(payment.aggregate), pspReference: payment.pspReference, ...extra });
  }

  private finish(sale: StoredSale, status: Exclude<SaleStatus, 'requested' | 'waiting' | 'capturing'>): void {
    if (status === 'completed') this.deps.cart.clearAfterSale();
    const finished = this.deps.reports.transaction(() => {
      const updated = this.deps.repo.update(sale.id, { status, problem: null });
      if (status === 'completed') this.deps.reports.report('sale', updated.id, updated.id, saleReport(toPublicSale(updated), this.deps.tillId, this.deps.clock.now()));
      return updated;
    });
    this.deps.reports.flush();
    this.emit(finished);
    this.sales.succeeded(sale.id);
    this.guard.forget(sale.reference);
  }

  private onStepFailed(failedSale: StoredSale, error: unknown): void {
    // The step may have moved the sale on (e.g. to capturing) before it failed: judge by the row now.
    const sale = this.deps.repo.get(failedSale.id) ?? failedSale;
    if (!(error instanceof VippsApiError)) {
      this.deps.logger.error('sale step failed', { saleId: sale.id, status: sale.status, error: String(error) });
      return this.sales.schedule(sale.id, backoffDelay(this.sales.failed(sale.id), this.policy.errorBackoff, this.random));
    }
    const problem = this.problemFor(sale, error);
    if (error.retryable || error.errorCode === '6250') {
      const failures = this.sales.failed(sale.id);
      const outcome: PollOutcome =
        error.kind === 'rate-limited' ? { kind: 'rate-limited', retryAfterMs: error.retryAfterMs } : { kind: 'failed', consecutiveFailures: failures };
      const delay = sale.status === 'requested' && outcome.kind === 'failed' ? backoffDelay(failures, this.policy.createBackoff, this.random) : nextPollDelay(outcome, this.random, this.policy);
      if (sale.status !== 'waiting' || failures >= 3) this.update(sale.id, { problem });
      return this.sales.schedule(sale.id, delay);
    }
    if (sale.status === 'requested') {
      this.update(sale.id, { status: sale.cancelRequested ? 'terminated' : 'failed', problem });
      return;
    }
    // Vipps refused a capture or a cancel on a payment it knows. Nothing is given up: look again
    // slowly (an already-captured payment then completes), and show why meanwhile.
    this.update(sale.id, { problem });
    this.sales.schedule(sale.id, sale.cancelRequested && error.errorCode === '6040' ? 0 : this.policy.errorBackoff.maxMs);
  }

  private problemFor(sale: StoredSale, error: VippsApiError): AppError {
    const problem = cashierErrorFor(error, { merchantSerialNumber: this.deps.merchantSerialNumber });
    if (sale.status === 'capturing' && error.retryable) {
      return { code: problem.code, message: 'The customer has approved; Vipps MobilePay has not confirmed the capture yet and Kassa keeps trying. The goods may go.', reason: 'CAPTURE_PENDING' };
    }
    return problem;
  }

  private async refundStep(refundId: string): Promise<void> {
    const refund = this.deps.repo.getRefund(refundId);
    if (!refund || refund.status !== 'pending') return;
    const sale = this.require(refund.saleId);
    try {
      const result = await this.deps.epayment.refund(sale.reference, { currency: sale.totals.currency, value: refund.amount }, refund.idempotencyKey);
      this.refunds.succeeded(refundId);
      const after = this.deps.reports.transaction(() => {
        this.deps.repo.updateRefund(refundId, { status: 'refunded', problem: null });
        const updated = this.deps.repo.update(sale.id, { amounts: aggregateAmounts(result.aggregate), pspReference: result.pspReference });
        // Ordered behind the sale's own report: the backend must know the sale before its refund.
        this.deps.reports.report('refund', refund.id, sale.id, refundReport(refund, toPublicSale(updated), this.deps.tillId, this.deps.clock.now()));
        return updated;
      });
      this.deps.reports.flush();
      this.emit(after);
    } catch (error) {
      if (!(error instanceof VippsApiError)) {
        this.deps.logger.error('refund step failed', { refundId, error: String(error) });
        return this.refunds.schedule(refundId, backoffDelay(this.refunds.failed(refundId), this.policy.errorBackoff, this.random));
      }
      const problem = cashierErrorFor(error, { merchantSerialNumber: this.deps.merchantSerialNumber });
      if (error.retryable) {
        const failures = this.refunds.failed(refundId);
        this.deps.repo.updateRefund(refundId, { status: 'pending', problem });
        this.emit(this.require(sale.id));
        return this.refunds.schedule(refundId, backoffDelay(failures, this.policy.errorBackoff, this.random));
      }
      this.deps.repo.updateRefund(refundId, { status: 'failed', problem });
      this.emit(this.require(sale.id));
    }
  }

  private update(saleId: string, patch: SalePatch): StoredSale {
    const sale = this.deps.repo.update(saleId, patch);
    this.emit(sale);
    return sale;
  }

  private emit(sale: StoredSale): void {
    this.deps.events.emit('sale.changed', toPublicSale(sale));
  }
}
