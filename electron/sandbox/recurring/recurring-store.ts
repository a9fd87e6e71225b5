/**
 * Agreements, their state machine, and the customer's actions (approve, reject, stop in the app).
 * Charges live in the ChargeBook (charge-book.ts); this store orchestrates both.
 *
 *   PENDING → ACTIVE   the customer approved and the initial charge (if any) was processed
 *   PENDING → STOPPED  the customer rejected; or the merchant withdrew it (see stopByMerchant)
 *   PENDING → EXPIRED  10 minutes without an answer, or the initial charge failed
 *   ACTIVE  → STOPPED  merchant PATCH, or the customer in the app
 *
 * There are no timers. `settle()` brings a record up to the sandbox clock whenever it is read or
 * written (expiry, due charges), so a test that moves the clock sees the result on its next call.
 */
import { randomUUID } from 'node:crypto';
import { DAY, HOUR, MINUTE, type SandboxClock } from '../clock';
import { ChargeBook, processKey, randomToken } from './charge-book';
import { Problem } from '../problems';
import type { SandboxMerchant } from '../sandbox-api';
import { subFor } from '../userinfo/customers';
import type { AgreementRecord, ChargeRecord, FailureReason, ScopeWord, ValidDraft } from './model';
import type { ValidPatch } from './draft-validation';
import type { ValidCreateCharge } from './charge-validation';

export const PENDING_LIFETIME_MS = 10 * MINUTE;
/** Userinfo data can be fetched for 168 hours after consent. */
export const CONSENT_LIFETIME_MS = 168 * HOUR;

export interface Consent {
  sub: string;
  msn: string;
  phone: string;
  countryCode: SandboxMerchant['countryCode'];
  scopes: Set<ScopeWord>;
  consentedAt: number;
}

export interface StoreSettings {
  /** Minimum days between today and a RECURRING charge's due date (spec: 2 in prod / 1 in test; docs 2026: 1). */
  chargeMinLeadDays: number;
}

export interface ApproveOptions {
  phoneNumber?: string;
  /** VARIABLE pricing: the max amount the customer picks; default the suggested one. */
  maxAmount?: number;
}

export class RecurringStore {
  readonly agreements = new Map<string, AgreementRecord>();
  private readonly charges = new ChargeBook();
  readonly consents = new Map<string, Consent>();
  private initialChargeFailures: FailureReason[] = [];
  settings: StoreSettings = { chargeMinLeadDays: 1 };

  constructor(private readonly clock: SandboxClock) {}

  reset(): void {
    this.agreements.clear();
    this.charges.clear();
    this.consents.clear();
    this.deferred.clear();
    this.initialChargeFailures = [];
    this.settings = { chargeMinLeadDays: 1 };
  }

  // ---- control knobs -------------------------------------------------------------------------

  /** The next `count` initial charges processed on approval fail with `reason`. */
  failNextInitialCharges(count: number, reason: FailureReason): void {
    for (let i = 0; i < count; i++) this.initialChargeFailures.push(reason);
  }

  get pendingInitialChargeFailures(): number {
    return this.initialChargeFailures.length;
  }

  // ---- agreements ----------------------------------------------------------------------------

  createDraft(merchant: SandboxMerchant, draft: ValidDraft, idempotencyKey: string): { agreement: AgreementRecord; charge: ChargeRecord | null } {
    const now = this.clock.now();
    const agreement: AgreementRecord = {
      id: this.newAgreementId(),
      uuid: randomUUID(),
      msn: merchant.msn,
      countryCode: merchant.countryCode,
      status: 'PENDING',
      createdAt: now,
      startAt: null,
      stopAt: null,
      draft,
      pricing: { ...draft.pricing },
      interval: draft.interval,
      productName: draft.productName,
      productDescription: draft.productDescription,
      merchantAgreementUrl: draft.merchantAgreementUrl,
      externalId: draft.externalId,
      initialChargeId: null,
      chargeIds: [],
      customerPhone: null,
      sub: null,
      outcome: null,
    };
    let charge: ChargeRecord | null = null;
    if (draft.initialCharge) {
      charge = this.charges.create({
        orderId: draft.initialCharge.orderId,
        orderIdField: 'initialCharge.orderId',
        agreement,
        amount: draft.initialCharge.amount,
        description: draft.initialCharge.description,
        type: 'INITIAL',
        transactionType: draft.initialCharge.transactionType,
        due: now,
        retryDays: 0,
        processingMode: 'SINGLE_ATTEMPT',
        externalId: draft.initialCharge.externalId,
        idempotencyKey,
        now,
      });
      agreement.initialChargeId = charge.id;
    }
    this.agreements.set(agreement.id, agreement);
    return { agreement, charge };
  }

  /** The agreement brought up to date, or undefined when it does not exist for this merchant. */
  findAgreement(id: string, msn?: string): AgreementRecord | undefined {
    const agreement = this.agreements.get(id);
    if (!agreement || (msn !== undefined && agreement.msn !== msn)) return undefined;
    this.settle(agreement);
    return agreement;
  }

  getAgreement(id: string, msn?: string): AgreementRecord {
    const agreement = this.findAgreement(id, msn);
    if (!agreement) throw new Problem(404, 'resource-not-found', `No agreement with id ${id} was found.`, [{ name: 'agreementId', reason: 'Not found' }]);
    return agreement;
  }

  listAgreements(msn?: string): AgreementRecord[] {
    const list = [...this.agreements.values()].filter((agreement) => msn === undefined || agreement.msn === msn);
    for (const agreement of list) this.settle(agreement);
    return list;
  }

  /** The customer approves (phone page, control API, or the test-only force accept). */
  approve(id: string, options: ApproveOptions = {}): AgreementRecord {
    const agreement = this.getAgreement(id);
    this.requirePending(agreement, 'approve');
    const now = this.clock.now();
    const phone = options.phoneNumber ?? agreement.draft.phoneNumber ?? null;
    agreement.customerPhone = phone;

    const initial = this.initialCharge(agreement);
    if (initial) {
      const failure = this.initialChargeFailures.shift();
      if (failure) {
        // "EXPIRED: the user … failed to accept (due to processing an initialCharge)".
        this.charges.fail(initial, failure, now);
        agreement.status = 'EXPIRED';
        agreement.outcome = 'initial-charge-failed';
        return agreement;
      }
      if (initial.transactionType === 'DIRECT_CAPTURE') this.charges.capture(initial, initial.amount, now, processKey(initial));
      else this.charges.reserve(initial, now);
    }

    agreement.status = 'ACTIVE';
    agreement.startAt = now;
    agreement.outcome = 'approved';
    if (agreement.pricing.type === 'VARIABLE') agreement.pricing.maxAmount = options.maxAmount ?? agreement.pricing.suggestedMaxAmount;
    if (agreement.draft.scope.length > 0 && phone) {
      agreement.sub = subFor(agreement.msn, phone);
      const consent = this.consents.get(agreement.sub);
      const scopes = new Set<ScopeWord>([...(consent?.scopes ?? []), ...agreement.draft.scope]);
      this.consents.set(agreement.sub, { sub: agreement.sub, msn: agreement.msn, phone, countryCode: agreement.countryCode, scopes, consentedAt: now });
    }
    return agreement;
  }

  /** The customer rejects: "User declines agreement → Agreement status: STOPPED". */
  reject(id: string, phoneNumber?: string): AgreementRecord {
    const agreement = this.getAgreement(id);
    this.requirePending(agreement, 'reject');
    const now = this.clock.now();
    agreement.customerPhone = phoneNumber ?? agreement.draft.phoneNumber ?? null;
    agreement.status = 'STOPPED';
    agreement.stopAt = now;
    agreement.outcome = 'rejected';
    const initial = this.initialCharge(agreement);
    if (initial) this.charges.cancelRemaining(initial, now, `${initial.id}-rejected`);
    return agreement;
  }

  /**
   * PATCH {"status":"STOPPED"}. From ACTIVE: charges that are PENDING, DUE or RESERVED are cancelled.
   * From PENDING: SANDBOX CHOICE — allowed and the agreement becomes STOPPED (the pending request
   * disappears from the phone). Whether the real API allows it is UNCONFIRMED; its problem type
   * `illegal-agreement-update` ("Might be stopped or pending") hints it may refuse. A POS needs a
   * way to withdraw a request the customer has not answered, so the sandbox lets it.
   * STOPPED or EXPIRED agreements cannot be stopped again (400 illegal-agreement-update).
   * `pendingStopAllowed: false` (control API settings) plays the stricter reading, so a till can
   * be trained and tested against both.
   */
  stopByMerchant(id: string, msn: string, idempotencyKey: string, pendingStopAllowed = true): AgreementRecord {
    const agreement = this.getAgreement(id, msn);
    if (agreement.status === 'PENDING' && !pendingStopAllowed) {
      throw new Problem(400, 'illegal-agreement-update', 'Agreement cannot be updated. Might be stopped or pending.', [{ name: 'status', reason: 'Agreement is PENDING' }]);
    }
    if (agreement.status !== 'ACTIVE' && agreement.status !== 'PENDING') {
      throw new Problem(400, 'illegal-agreement-update', `The agreement is ${agreement.status} and cannot be updated.`, [{ name: 'status', reason: `Agreement is ${agreement.status}` }]);
    }
    const now = this.clock.now();
    agreement.status = 'STOPPED';
    agreement.stopAt = now;
    agreement.outcome = 'stopped-by-merchant';
    for (const charge of this.chargesOf(agreement)) {
      if (charge.status === 'PENDING' || charge.status === 'DUE' || charge.status === 'RESERVED') this.charges.cancelRemaining(charge, now, idempotencyKey);
    }
    return agreement;
  }

  /** The customer stops the agreement in the app: RESERVED charges are left for the merchant. */
  stopByUser(id: string): AgreementRecord {
    const agreement = this.getAgreement(id);
    if (agreement.status !== 'ACTIVE') throw new Problem(400, 'illegal-agreement-update', `Only an ACTIVE agreement can be stopped by the customer (it is ${agreement.status}).`);
    const now = this.clock.now();
    agreement.status = 'STOPPED';
    agreement.stopAt = now;
    agreement.outcome = 'stopped-by-user';
    for (const charge of this.chargesOf(agreement)) {
      if (charge.status === 'PENDING' || charge.status === 'DUE') this.charges.cancelRemaining(charge, now, `${charge.id}-stopped-by-user`);
    }
    return agreement;
  }

  /**
   * PATCH with changes. Checked at once (400 for what can never apply); enacted at once, or — when
   * `enactAfterMs` is given (the 202 "accepted, not enacted yet" mode) — that long later on the
   * sandbox clock, so a GET in between still shows the old agreement.
   */
  update(id: string, msn: string, patch: Extract<ValidPatch, { kind: 'update' }>, enactAfterMs = 0): AgreementRecord {
    const agreement = this.getAgreement(id, msn);
    if (agreement.status !== 'ACTIVE') {
      throw new Problem(400, 'illegal-agreement-update', `The agreement is ${agreement.status} and cannot be updated. Might be stopped or pending.`);
    }
    if (patch.pricing?.amount !== undefined && agreement.pricing.type !== 'LEGACY') {
      throw new Problem(400, 'validation-error', 'pricing.amount can only be updated on LEGACY agreements.', [{ name: 'pricing.amount', reason: `Agreement pricing is ${agreement.pricing.type}` }]);
    }
    if (patch.pricing?.suggestedMaxAmount !== undefined && agreement.pricing.type !== 'VARIABLE') {
      throw new Problem(400, 'validation-error', 'pricing.suggestedMaxAmount can only be updated on VARIABLE agreements.', [
        { name: 'pricing.suggestedMaxAmount', reason: `Agreement pricing is ${agreement.pricing.type}` },
      ]);
    }
    if (enactAfterMs > 0) {
      this.deferred.set(agreement.id, { at: this.clock.now() + enactAfterMs, patch });
      return agreement;
    }
    return this.enact(agreement, patch);
  }

  private readonly deferred = new Map<string, { at: number; patch: Extract<ValidPatch, { kind: 'update' }> }>();

  private enact(agreement: AgreementRecord, patch: Extract<ValidPatch, { kind: 'update' }>): AgreementRecord {
    if (patch.productName !== undefined) agreement.productName = patch.productName;
    if (patch.productDescription !== undefined) agreement.productDescription = patch.productDescription;
    if (patch.merchantAgreementUrl !== undefined) agreement.merchantAgreementUrl = patch.merchantAgreementUrl;
    if (patch.externalId !== undefined) agreement.externalId = patch.externalId;
    if (patch.pricing?.amount !== undefined && agreement.pricing.type === 'LEGACY') agreement.pricing.amount = patch.pricing.amount;
    if (patch.pricing?.suggestedMaxAmount !== undefined && agreement.pricing.type === 'VARIABLE') agreement.pricing.suggestedMaxAmount = patch.pricing.suggestedMaxAmount;
    if (patch.interval) agreement.interval = patch.interval.type === 'RECURRING' ? patch.interval.period : undefined;
    return agreement;
  }

  // ---- charges -------------------------------------------------------------------------------

  chargesOf(agreement: AgreementRecord): ChargeRecord[] {
    return this.charges.of(agreement);
  }

  getCharge(agreementId: string, chargeId: string, msn: string): ChargeRecord {
    const agreement = this.getAgreement(agreementId, msn);
    const charge = this.charges.find(msn, chargeId);
    if (!charge || charge.agreementId !== agreement.id) {
      throw new Problem(404, 'resource-not-found', `No charge with id ${chargeId} was found on agreement ${agreementId}.`, [{ name: 'chargeId', reason: 'Not found' }]);
    }
    return charge;
  }

  getChargeById(chargeId: string, msn: string): ChargeRecord {
    const charge = this.charges.find(msn, chargeId);
    if (!charge) throw new Problem(404, 'resource-not-found', `No charge with id ${chargeId} was found.`, [{ name: 'chargeId', reason: 'Not found' }]);
    this.settle(this.agreements.get(charge.agreementId)!);
    return charge;
  }

  createCharge(agreementId: string, merchant: SandboxMerchant, request: ValidCreateCharge, idempotencyKey: string): ChargeRecord {
    const agreement = this.getAgreement(agreementId, merchant.msn);
    const now = this.clock.now();
    if (agreement.status !== 'ACTIVE') {
      throw new Problem(400, 'charge-creation-failed', `Charges can only be created on ACTIVE agreements (this one is ${agreement.status}).`);
    }
    if (request.type === 'UNSCHEDULED' && !merchant.unscheduledChargesAllowed) {
      throw new Problem(400, 'unsupported-feature', "Cannot create a charge with type 'UNSCHEDULED': the sales unit is not allow-listed for it.", [{ name: 'type', reason: 'Not enabled' }]);
    }
    if (request.due !== undefined) {
      const today = startOfUtcDay(now);
      if (request.due < today + this.settings.chargeMinLeadDays * DAY) {
        throw new Problem(400, 'charge-due-too-soon', `Charge due date must be at least ${this.settings.chargeMinLeadDays} day(s) in the future.`, [{ name: 'due', reason: 'Too soon' }]);
      }
      if (request.due > today + 2 * 365 * DAY) {
        throw new Problem(400, 'charge-due-in-too-long', 'Charge due date must be a maximum of 2 years in the future.', [{ name: 'due', reason: 'Too far ahead' }]);
      }
    }
    this.charges.checkAmount(agreement, request.amount);
    const charge = this.charges.create({
      orderId: request.orderId,
      orderIdField: 'orderId',
      agreement,
      amount: request.amount,
      description: request.description,
      type: request.type,
      transactionType: request.transactionType,
      due: request.due ?? now,
      retryDays: request.retryDays,
      processingMode: request.processingMode,
      externalId: request.externalId,
      idempotencyKey,
      now,
    });
    // UNSCHEDULED charges are "processed asynchronously right after creation".
    if (request.type === 'UNSCHEDULED') this.charges.process(charge, agreement, now);
    else this.charges.settle(charge, agreement, now);
    return charge;
  }

  captureCharge(agreementId: string, chargeId: string, msn: string, amount: number, idempotencyKey: string): ChargeRecord {
    const charge = this.getCharge(agreementId, chargeId, msn);
    this.charges.captureReserved(charge, amount, this.clock.now(), idempotencyKey);
    return charge;
  }

  cancelCharge(agreementId: string, chargeId: string, msn: string, idempotencyKey: string): ChargeRecord {
    const charge = this.getCharge(agreementId, chargeId, msn);
    this.charges.cancel(charge, this.clock.now(), idempotencyKey);
    return charge;
  }

  refundCharge(agreementId: string, chargeId: string, msn: string, amount: number, idempotencyKey: string): ChargeRecord {
    const charge = this.getCharge(agreementId, chargeId, msn);
    this.charges.refund(charge, amount, this.clock.now(), idempotencyKey);
    return charge;
  }

  // ---- internals -----------------------------------------------------------------------------

  private requirePending(agreement: AgreementRecord, action: string): void {
    if (agreement.status !== 'PENDING') {
      throw new Problem(400, 'operation-failed', `Cannot ${action} agreement ${agreement.id}: it is ${agreement.status}, not PENDING.`, [{ name: 'agreementId', reason: `Agreement is ${agreement.status}` }]);
    }
  }

  private initialCharge(agreement: AgreementRecord): ChargeRecord | undefined {
    return agreement.initialChargeId ? this.charges.find(agreement.msn, agreement.initialChargeId) : undefined;
  }

  /** Brings an agreement and its charges up to the current sandbox time. */
  settle(agreement: AgreementRecord): void {
    const now = this.clock.now();
    const waiting = this.deferred.get(agreement.id);
    if (waiting && now >= waiting.at) {
      this.deferred.delete(agreement.id);
      // A change accepted while ACTIVE is dropped if the agreement stopped in the meantime.
      if (agreement.status === 'ACTIVE') this.enact(agreement, waiting.patch);
    }
    const expiresAt = agreement.createdAt + PENDING_LIFETIME_MS;
    if (agreement.status === 'PENDING' && now >= expiresAt) {
      agreement.status = 'EXPIRED';
      agreement.outcome = 'expired';
      const initial = this.initialCharge(agreement);
      if (initial) this.charges.cancelRemaining(initial, expiresAt, `${initial.id}-expired`);
    }
    if (agreement.status !== 'ACTIVE') return;
    for (const charge of this.chargesOf(agreement)) this.charges.settle(charge, agreement, now);
  }

  /** "agr_" + 7 characters, like the documented examples (agr_ADbq4JK). */
  private newAgreementId(): string {
    for (;;) {
      const id = `agr_${randomToken(7)}`;
      if (!this.agreements.has(id)) return id;
    }
  }
}

function startOfUtcDay(ms: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}
