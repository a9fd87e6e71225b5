/**
 * ePayment payments: their state machine, the money on them, and the event log.
 *
 *   CREATED → AUTHORIZED   the customer approved (phone, control API) or force approve
 *   CREATED → ABORTED      the customer rejected ("actively stopped by the user")
 *   CREATED → EXPIRED      10 minutes without an answer (5 to open + 5 to approve; one-time QR too)
 *   CREATED → TERMINATED   the merchant cancelled before authorization; cancelledAmount = amount
 *   AUTHORIZED stays AUTHORIZED through captures, refunds and cancels: those are events and
 *   aggregate amounts, not states (payment_states.md).
 *
 * Money (aggregate): authorized = amount once approved; captures add up to authorized − cancelled
 * (6090 above); a cancel after authorization releases everything not captured (cancelled grows;
 * a fully captured payment → 6040; a capture after it → 6070); refunds add up to captured (6150).
 *
 * There are no timers: `settle()` expires a payment when it is read or written, so a test that
 * moves the sandbox clock sees EXPIRED on its next call (with the event stamped at the expiry).
 *
 * Choices where the docs are silent:
 * - Error codes by state: capture of CREATED → 6080, of TERMINATED → 6070, of ABORTED/EXPIRED →
 *   6200 "Payment cannot be captured"; refund of anything not AUTHORIZED → 6020; cancel of
 *   ABORTED/EXPIRED → 6190 "Payment cannot be cancelled". All HTTP 400 like the docs' 6080 example.
 * - Exceeding amounts always answer 6090 / 6150, also when nothing at all is left (the docs'
 *   6170 "already captured" / 6180 "already refunded" are not used).
 * - A cancel with nothing left to release (already TERMINATED, or already cancelled after
 *   authorization) answers 200 with the unchanged payment and logs no new event: a till that lost
 *   the answer to its first cancel and retries with a new key must not be told it failed.
 * - The event after a merchant cancel before authorization is `TERMINATED` (its webhook is
 *   `epayments.payment.terminated.v1`); after authorization `CANCELLED`, for the released amount.
 * - Idempotency keys in the log: CREATED/AUTHORIZED/ABORTED/EXPIRED carry the create's key (as in
 *   the docs' event-log example); captures, refunds and cancels carry their own, and a cancel sent
 *   without one has none ("idempotencyKey is not always present, for example on CANCELLED").
 * - pspReferences: a UUID for the creation event (as in the docs), 10 digits for every later event.
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { MINUTE, type SandboxClock } from '../clock';
import { currencyByCountry } from '../merchants';
import type { SandboxMerchant } from '../sandbox-api';
import { defaultCustomerPhone, subFor } from '../userinfo/customers';
import type { Consent } from '../recurring/recurring-store';
import type { ScopeWord } from '../recurring/model';
import { coded } from './epayment-problems';
import { phoneInPersonalQr, receiptWarnings } from './create-validation';
import { declineReason, refundFailures } from './test-amounts';
import type { PaymentEventName, PaymentRecord, PaymentState, ValidCreatePayment } from './model';

export const PAYMENT_LIFETIME_MS = 10 * MINUTE;

/** A customer action that does not fit the payment's state (already answered, wrong phone, …). */
export class CustomerActionError extends Error {
  constructor(
    readonly status: 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

export interface ApproveResult {
  payment: PaymentRecord;
  /** The decline reason when the card was declined (a test amount); the payment is still CREATED. */
  declined: string | null;
}

export class PaymentStore {
  private readonly byToken = new Map<string, PaymentRecord>();
  /** `${msn}|${reference}` → token: references are unique per sales unit, not globally. */
  private readonly byReference = new Map<string, string>();

  constructor(
    private readonly clock: SandboxClock,
    /** Shared with Recurring, so GET /vipps-userinfo-api/userinfo/{sub} serves ePayment consents too. */
    private readonly consents: Map<string, Consent>,
  ) {}

  reset(): void {
    this.byToken.clear();
    this.byReference.clear();
  }

  create(merchant: SandboxMerchant, valid: ValidCreatePayment, idempotencyKey: string): PaymentRecord {
    const key = `${merchant.msn}|${valid.reference}`;
    if (this.byReference.has(key)) {
      throw coded(409, 4150, `Reference \`${valid.reference}\` already exists.`);
    }
    const now = this.clock.now();
    const customer = valid.customer;
    const targetPhone = !customer ? null : 'phoneNumber' in customer ? customer.phoneNumber : 'personalQr' in customer ? phoneInPersonalQr(customer.personalQr) : null;
    const payment: PaymentRecord = {
      token: randomBytes(16).toString('base64url'),
      reference: valid.reference,
      msn: merchant.msn,
      countryCode: merchant.countryCode,
      currency: currencyByCountry[merchant.countryCode],
      value: valid.amount.value,
      userFlow: valid.userFlow,
      request: valid,
      targetPhone,
      createdAt: now,
      expiresAt: now + PAYMENT_LIFETIME_MS,
      state: 'CREATED',
      pspReference: randomUUID(),
      createIdempotencyKey: idempotencyKey,
      authorized: 0,
      captured: 0,
      refunded: 0,
      cancelled: 0,
      customerPhone: null,
      sub: null,
      outcome: null,
      declines: [],
      receiptWarnings: receiptWarnings(valid),
      events: [],
    };
    payment.events.push({ name: 'CREATED', pspReference: payment.pspReference, value: payment.value, at: now, idempotencyKey, success: true });
    this.byToken.set(payment.token, payment);
    this.byReference.set(key, payment.token);
    return payment;
  }

  // ---- lookups (always settled to the sandbox clock) ----------------------------------------

  find(msn: string, reference: string): PaymentRecord | undefined {
    const token = this.byReference.get(`${msn}|${reference}`);
    return token === undefined ? undefined : this.findByToken(token);
  }

  /** 404 5090 "Reference not found" for the merchant API. */
  get(msn: string, reference: string): PaymentRecord {
    const payment = this.find(msn, reference);
    if (!payment) throw coded(404, 5090, `The reference \`${reference}\` does not exist for MSN ${msn}.`);
    return payment;
  }

  findByToken(token: string): PaymentRecord | undefined {
    const payment = this.byToken.get(token);
    if (payment) this.settle(payment);
    return payment;
  }

  /** Every payment with this reference (one per sales unit at most), for the control API. */
  withReference(reference: string): PaymentRecord[] {
    return this.list().filter((payment) => payment.reference === reference);
  }

  /** Newest first. */
  list(): PaymentRecord[] {
    const all = [...this.byToken.values()];
    for (const payment of all) this.settle(payment);
    return all.sort((a, b) => b.createdAt - a.createdAt);
  }

  // ---- the customer ------------------------------------------------------------------------

  /**
   * The customer approves in the app (`force: false`: test amounts decline) or the merchant
   * force-approves through the test endpoint (`force: true`: test amounts are ignored, as documented).
   * A PUSH_MESSAGE payment can only be approved on the phone it was sent to.
   */
  approve(payment: PaymentRecord, options: { phoneNumber?: string; force: boolean }): ApproveResult {
    this.requireCreated(payment, 'approve');
    const phone = this.answeringPhone(payment, options.phoneNumber);
    const now = this.clock.now();
    const declined = options.force ? null : declineReason(payment.value, payment.countryCode);
    if (declined) {
      payment.declines.push({ at: now, amount: payment.value, reason: declined, phone });
      this.log(payment, 'AUTHORIZED', payment.value, payment.createIdempotencyKey, false);
      return { payment, declined };
    }
    payment.state = 'AUTHORIZED';
    payment.authorized = payment.value;
    payment.customerPhone = phone;
    payment.outcome = options.force ? 'force-approved' : 'approved';
    if (payment.request.scope.length > 0) {
      payment.sub = subFor(payment.msn, phone);
      const previous = this.consents.get(payment.sub);
      const scopes = new Set<ScopeWord>([...(previous?.scopes ?? []), ...(payment.request.scope as ScopeWord[])]);
      this.consents.set(payment.sub, { sub: payment.sub, msn: payment.msn, phone, countryCode: payment.countryCode, scopes, consentedAt: now });
    }
    this.log(payment, 'AUTHORIZED', payment.value, payment.createIdempotencyKey, true);
    return { payment, declined: null };
  }

  /** The customer rejects ("selecting Cancel or similar") → ABORTED. */
  reject(payment: PaymentRecord, phoneNumber?: string): PaymentRecord {
    this.requireCreated(payment, 'reject');
    payment.customerPhone = this.answeringPhone(payment, phoneNumber);
    payment.state = 'ABORTED';
    payment.outcome = 'rejected';
    this.log(payment, 'ABORTED', payment.value, payment.createIdempotencyKey, true);
    return payment;
  }

  // ---- the merchant's adjustments -----------------------------------------------------------

  capture(payment: PaymentRecord, value: number, idempotencyKey: string): PaymentRecord {
    const cannot = (detail: string) => coded(400, 6200, `Reference \`${payment.reference}\` cannot be captured. ${detail}`);
    if (payment.state === 'CREATED') {
      throw coded(400, 6080, 'The amount you tried to capture is not reserved. The user must accept the payment before capture can be done.');
    }
    if (payment.state === 'TERMINATED') throw coded(400, 6070, 'Cannot capture a payment that has been cancelled. Check the payment event log.');
    if (payment.state !== 'AUTHORIZED') throw cannot(`Invalid state: \`${payment.state}\`.`);
    if (payment.cancelled > 0) throw coded(400, 6070, 'Cannot capture a payment that has been cancelled. Check the payment event log.');
    const capturable = payment.authorized - payment.captured;
    if (value > capturable) {
      throw coded(400, 6090, `The total capture amount exceeds the reserved amount: ${capturable} of ${payment.authorized} is left to capture. Check the payment details.`);
    }
    payment.captured += value;
    this.log(payment, 'CAPTURED', value, idempotencyKey, true);
    return payment;
  }

  refund(payment: PaymentRecord, value: number, idempotencyKey: string): PaymentRecord {
    if (payment.state !== 'AUTHORIZED') {
      throw coded(400, 6020, `Cannot refund a payment that is not reserved (state ${payment.state}). Check the payment event log.`);
    }
    const refundable = payment.captured - payment.refunded;
    if (value > refundable) {
      throw coded(400, 6150, `Cannot refund more than the available amount: ${refundable} of the ${payment.captured} captured can be refunded. Check the payment event log.`);
    }
    const failure = refundFailures[value];
    if (failure) {
      this.log(payment, 'REFUNDED', value, idempotencyKey, false);
      throw coded(400, failure.code, failure.detail);
    }
    payment.refunded += value;
    this.log(payment, 'REFUNDED', value, idempotencyKey, true);
    return payment;
  }

  cancel(payment: PaymentRecord, options: { cancelTransactionOnly: boolean }, idempotencyKey: string | null): PaymentRecord {
    switch (payment.state) {
      case 'CREATED':
        payment.state = 'TERMINATED';
        payment.cancelled = payment.value;
        payment.outcome = 'terminated';
        this.log(payment, 'TERMINATED', payment.value, idempotencyKey, true);
        return payment;
      case 'TERMINATED':
        return payment;
      case 'ABORTED':
      case 'EXPIRED':
        throw coded(400, 6190, `Reference \`${payment.reference}\` cannot be cancelled. Invalid state: \`${payment.state}\`.`);
      case 'AUTHORIZED': {
        if (options.cancelTransactionOnly) {
          throw coded(400, 6060, 'The payment is authorized, and cancelTransactionOnly was set: the reserved amount was not cancelled.');
        }
        const remaining = payment.authorized - payment.captured - payment.cancelled;
        if (payment.cancelled === 0 && remaining === 0) {
          throw coded(400, 6040, 'Cannot cancel a payment that has been captured in full. Refund it instead.');
        }
        if (remaining === 0) return payment;
        payment.cancelled += remaining;
        this.log(payment, 'CANCELLED', remaining, idempotencyKey, true);
        return payment;
      }
    }
  }

  // ---- internals ---------------------------------------------------------------------------

  private settle(payment: PaymentRecord): void {
    if (payment.state === 'CREATED' && this.clock.now() >= payment.expiresAt) {
      payment.state = 'EXPIRED';
      payment.outcome = 'expired';
      payment.events.push({ name: 'EXPIRED', pspReference: pspReference(), value: payment.value, at: payment.expiresAt, idempotencyKey: payment.createIdempotencyKey, success: true });
    }
  }

  private requireCreated(payment: PaymentRecord, action: string): void {
    this.settle(payment);
    if (payment.state !== 'CREATED') {
      const why: Partial<Record<PaymentState, string>> = {
        AUTHORIZED: 'it is already approved',
        ABORTED: 'it was rejected',
        EXPIRED: 'it expired (not answered within 10 minutes)',
        TERMINATED: 'the shop cancelled it',
      };
      throw new CustomerActionError(409, `Cannot ${action} payment ${payment.reference}: ${why[payment.state] ?? payment.state}.`);
    }
  }

  private answeringPhone(payment: PaymentRecord, phoneNumber: string | undefined): string {
    if (payment.userFlow === 'PUSH_MESSAGE' && payment.targetPhone) {
      if (phoneNumber !== undefined && phoneNumber !== payment.targetPhone) {
        throw new CustomerActionError(409, `Payment ${payment.reference} was sent to ${payment.targetPhone}, not to ${phoneNumber}.`);
      }
      return payment.targetPhone;
    }
    return phoneNumber ?? payment.targetPhone ?? defaultCustomerPhone(payment.countryCode);
  }

  private log(payment: PaymentRecord, name: PaymentEventName, value: number, idempotencyKey: string | null, success: boolean): void {
    payment.events.push({ name, pspReference: pspReference(), value, at: this.clock.now(), idempotencyKey, success });
  }
}

/** 10 digits, as the docs' later events show ("1304787731"). */
function pspReference(): string {
  return String(randomInt(1_000_000_000, 10_000_000_000));
}
