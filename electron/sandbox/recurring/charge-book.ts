/**
 * Charges and their state machine, apart from agreements so each stays readable.
 *
 *   INITIAL:   PENDING → CHARGED (DIRECT_CAPTURE) | RESERVED (RESERVE_CAPTURE) | FAILED | CANCELLED
 *   RECURRING: PENDING → DUE (≤30 days before due) → CHARGED | RESERVED | FAILED
 *   RESERVED → PARTIALLY_CAPTURED → CHARGED (capture); RESERVED → CANCELLED (cancel);
 *   PARTIALLY_CAPTURED → CHARGED (cancel releases the rest); CHARGED → PARTIALLY_REFUNDED | REFUNDED
 *
 * Every transition appends to the charge's `history` (CREATE, RESERVE, CAPTURE, CANCEL, REFUND,
 * FAIL) with the idempotency key that caused it, as ChargeResponseV3 shows it. Transitions the
 * sandbox makes itself (processing on the due date) use a key like Vipps' own
 * ("chr-…-agr_…-ProcessPayment", from the guide's example).
 */
import { randomInt } from 'node:crypto';
import { DAY, HOUR } from '../clock';
import { Problem } from '../problems';
import { currencyByCountry } from '../merchants';
import type { AgreementRecord, ChargeEvent, ChargeRecord, FailureReason } from './model';

/** "PENDING → DUE when the due date is within ~30 days" (fact sheet §3.7). */
const DUE_VISIBILITY_MS = 30 * DAY;
/** Charges are processed on the due date; "primarily 07:00 and 15:00 UTC". */
export const PROCESSING_HOUR_MS = 7 * HOUR;
const CAPTURE_WINDOW_MS = 180 * DAY;
const REFUND_WINDOW_MS = 365 * DAY;

const FAILURE_DESCRIPTIONS: Record<FailureReason, string> = {
  user_action_required: 'User action required',
  charge_amount_too_high: 'Charge amount too high',
  non_technical_error: 'Non-technical error',
  technical_error: 'Technical error',
};

export interface NewCharge {
  /** The merchant's orderId, or undefined to generate one. */
  orderId?: string;
  /** Field name to blame in a 409 when the orderId is taken (`orderId` / `initialCharge.orderId`). */
  orderIdField: string;
  agreement: AgreementRecord;
  amount: number;
  description: string;
  type: ChargeRecord['type'];
  transactionType: ChargeRecord['transactionType'];
  due: number;
  retryDays: number;
  processingMode: ChargeRecord['processingMode'];
  externalId?: string;
  idempotencyKey: string;
  now: number;
}

export class ChargeBook {
  /** Keyed `${msn}:${chargeId}`: an orderId-based charge id is unique per sales unit only. */
  private readonly charges = new Map<string, ChargeRecord>();

  clear(): void {
    this.charges.clear();
  }

  find(msn: string, chargeId: string): ChargeRecord | undefined {
    return this.charges.get(`${msn}:${chargeId}`);
  }

  of(agreement: AgreementRecord): ChargeRecord[] {
    return agreement.chargeIds.map((id) => this.find(agreement.msn, id)).filter((charge): charge is ChargeRecord => charge !== undefined);
  }

  create(input: NewCharge): ChargeRecord {
    const msn = input.agreement.msn;
    const id = input.orderId ?? this.newChargeId(msn);
    if (this.charges.has(`${msn}:${id}`)) {
      throw new Problem(409, 'conflict', `A charge with the id (orderId) "${id}" already exists for this sales unit.`, [{ name: input.orderIdField, reason: 'Already used' }]);
    }
    const charge: ChargeRecord = {
      id,
      agreementId: input.agreement.id,
      msn,
      amount: input.amount,
      currency: currencyByCountry[input.agreement.countryCode],
      description: input.description,
      type: input.type,
      transactionType: input.transactionType,
      status: 'PENDING',
      due: input.due,
      transactionId: String(randomInt(1_000_000_000, 9_999_999_999)),
      externalId: input.externalId,
      retryDays: input.retryDays,
      processingMode: input.processingMode,
      captured: 0,
      refunded: 0,
      cancelled: 0,
      history: [event(input.now, 'CREATE', input.amount, input.idempotencyKey)],
      failureReason: null,
      reservedAt: null,
      capturedAt: null,
    };
    this.charges.set(`${msn}:${id}`, charge);
    input.agreement.chargeIds.push(id);
    return charge;
  }

  // ---- merchant operations (with the API's refusals) ----------------------------------------

  captureReserved(charge: ChargeRecord, amount: number, now: number, idempotencyKey: string): void {
    if (charge.transactionType !== 'RESERVE_CAPTURE') {
      throw new Problem(400, 'charge-capture-failed', 'Only charges with transactionType RESERVE_CAPTURE can be captured.', [{ name: 'chargeId', reason: 'DIRECT_CAPTURE charge' }]);
    }
    if (charge.status !== 'RESERVED' && charge.status !== 'PARTIALLY_CAPTURED') {
      throw new Problem(400, 'charge-capture-failed', `The charge is ${charge.status}; only RESERVED or PARTIALLY_CAPTURED charges can be captured.`, [{ name: 'chargeId', reason: `Charge is ${charge.status}` }]);
    }
    if (charge.reservedAt !== null && now - charge.reservedAt > CAPTURE_WINDOW_MS) {
      throw new Problem(400, 'charge-capture-failed', 'The reservation is older than 180 days and can no longer be captured.');
    }
    const remaining = charge.amount - charge.captured - charge.cancelled;
    if (amount > remaining) {
      throw new Problem(400, 'charge-capture-failed', `Cannot capture ${amount}: only ${remaining} remains reserved.`, [{ name: 'amount', reason: `At most ${remaining}` }]);
    }
    this.capture(charge, amount, now, idempotencyKey);
  }

  /** DELETE: PENDING/DUE/RESERVED → CANCELLED; PARTIALLY_CAPTURED → CHARGED (rest released). */
  cancel(charge: ChargeRecord, now: number, idempotencyKey: string): void {
    if (!['PENDING', 'DUE', 'RESERVED', 'PARTIALLY_CAPTURED'].includes(charge.status)) {
      throw new Problem(400, 'cancel-charge-failed', `The charge is ${charge.status}; only PENDING, DUE, RESERVED or PARTIALLY_CAPTURED charges can be cancelled.`, [
        { name: 'chargeId', reason: `Charge is ${charge.status}` },
      ]);
    }
    this.cancelRemaining(charge, now, idempotencyKey);
  }

  refund(charge: ChargeRecord, amount: number, now: number, idempotencyKey: string): void {
    const refundable = charge.captured - charge.refunded;
    if (refundable <= 0) {
      throw new Problem(400, 'operation-failed', `The charge is ${charge.status} and has nothing captured to refund.`, [{ name: 'chargeId', reason: `Charge is ${charge.status}` }]);
    }
    if (charge.capturedAt !== null && now - charge.capturedAt > REFUND_WINDOW_MS) {
      throw new Problem(400, 'operation-failed', 'Refunds are allowed up to 365 days after the capture.');
    }
    if (amount > refundable) {
      throw new Problem(400, 'operation-failed', `Cannot refund ${amount}: only ${refundable} can be refunded.`, [{ name: 'amount', reason: `At most ${refundable}` }]);
    }
    charge.refunded += amount;
    charge.history.push(event(now, 'REFUND', amount, idempotencyKey));
    charge.status = charge.refunded >= charge.captured ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
  }

  /** LEGACY: at most 5× the agreement price (checked per charge, not summed per interval). VARIABLE: max(suggested, customer's max). */
  checkAmount(agreement: AgreementRecord, amount: number): void {
    const pricing = agreement.pricing;
    if (pricing.type === 'LEGACY' && amount > pricing.amount * 5) {
      throw new Problem(400, 'charge-amount-too-high', `The amount may be at most 5 times the agreement price (${pricing.amount * 5}).`, [{ name: 'amount', reason: 'Too high' }]);
    }
    if (pricing.type === 'VARIABLE') {
      const ceiling = Math.max(pricing.suggestedMaxAmount, pricing.maxAmount ?? 0);
      if (amount > ceiling) throw new Problem(400, 'charge-amount-too-high', `The amount may be at most ${ceiling}.`, [{ name: 'amount', reason: 'Too high' }]);
    }
  }

  // ---- time and the sandbox's own processing --------------------------------------------------

  /** Brings a recurring charge up to `now`: visible (DUE) ≤30 days ahead, processed on its due date. */
  settle(charge: ChargeRecord, agreement: AgreementRecord, now: number): void {
    if (charge.type === 'INITIAL') return;
    if (charge.status === 'PENDING' && charge.due - now <= DUE_VISIBILITY_MS) charge.status = 'DUE';
    if (charge.status === 'DUE' && now >= charge.due + PROCESSING_HOUR_MS) this.process(charge, agreement, now);
  }

  /** Processes a due (or unscheduled) charge: reserve or capture, or hold/fail it when over the VARIABLE max. */
  process(charge: ChargeRecord, agreement: AgreementRecord, now: number): void {
    const at = charge.type === 'UNSCHEDULED' ? now : Math.min(now, charge.due + PROCESSING_HOUR_MS);
    if (agreement.pricing.type === 'VARIABLE' && charge.amount > (agreement.pricing.maxAmount ?? agreement.pricing.suggestedMaxAmount)) {
      // Over the customer's max but under suggestedMaxAmount: stays DUE while the customer is asked
      // to raise their max, and fails when the retry days run out.
      charge.status = 'DUE';
      if (charge.type === 'UNSCHEDULED' || now >= charge.due + PROCESSING_HOUR_MS + charge.retryDays * DAY) this.fail(charge, 'charge_amount_too_high', now);
      return;
    }
    if (charge.transactionType === 'DIRECT_CAPTURE') this.capture(charge, charge.amount, at, processKey(charge));
    else this.reserve(charge, at);
  }

  reserve(charge: ChargeRecord, at: number): void {
    charge.status = 'RESERVED';
    charge.reservedAt = at;
    charge.history.push(event(at, 'RESERVE', charge.amount, processKey(charge)));
  }

  capture(charge: ChargeRecord, amount: number, at: number, idempotencyKey: string): void {
    charge.captured += amount;
    charge.capturedAt = at;
    charge.history.push(event(at, 'CAPTURE', amount, idempotencyKey));
    charge.status = charge.captured + charge.cancelled >= charge.amount ? 'CHARGED' : 'PARTIALLY_CAPTURED';
  }

  cancelRemaining(charge: ChargeRecord, at: number, idempotencyKey: string): void {
    const remaining = charge.amount - charge.captured - charge.cancelled;
    charge.cancelled += remaining;
    charge.history.push(event(at, 'CANCEL', remaining, idempotencyKey));
    // "If you cancel a charge that is PARTIALLY_CAPTURED … the charge status will be set to CHARGED."
    charge.status = charge.captured > 0 ? 'CHARGED' : 'CANCELLED';
  }

  fail(charge: ChargeRecord, reason: FailureReason, at: number): void {
    charge.status = 'FAILED';
    charge.failureReason = reason;
    charge.failureDescription = FAILURE_DESCRIPTIONS[reason];
    charge.history.push({ ...event(at, 'FAIL', charge.amount, processKey(charge)), success: false });
  }

  /**
   * "chr-" + 10 characters = 14: within the spec's 15-character `ChargeResponseV3.id` and the
   * `^[a-zA-Z0-9-]{1,64}$` pattern of `DraftAgreementResponseV3.chargeId` (no "_", fact sheet §10.7).
   */
  private newChargeId(msn: string): string {
    for (;;) {
      const id = `chr-${randomToken(10)}`;
      if (!this.charges.has(`${msn}:${id}`)) return id;
    }
  }
}

export function processKey(charge: ChargeRecord): string {
  return `${charge.id}-${charge.agreementId}-ProcessPayment`;
}

function event(occurred: number, kind: ChargeEvent['event'], amount: number, idempotencyKey: string): ChargeEvent {
  return { occurred, event: kind, amount, idempotencyKey, success: true };
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

export function randomToken(length: number): string {
  let token = '';
  for (let i = 0; i < length; i++) token += ALPHABET[randomInt(ALPHABET.length)];
  return token;
}
