import { randomUUID } from 'node:crypto';
import type {
  AgreementOperation,
  AgreementView,
  CancelChargeRequest,
  ChangePlanRequest,
  ChargeView,
  CustomerLookup,
  CustomerQuery,
  LiveAgreement,
  PlanChangePreview,
  RefundChargeRequest,
  ReturningCheck,
  StopAgreementRequest,
  SubscriberView,
} from '../../../shared/agreements';
import type { Plan } from '../../../shared/catalogue';
import { checkPhone, type PhoneInput } from '../../../shared/phone';
import { KassaError, type AppError } from '../../../shared/result';
import { BillingAuthError, BillingUnavailableError, agreementRegisteredSchema, type BillingClient, type BillingSubscriber } from '../billing/billing-client';
import type { CatalogueService } from '../catalogue/catalogue-service';
import type { Intention } from '../intentions/intention-ledger';
import type { ReportSink } from '../outbox/report-sink';
import type { AgreementEventReport } from '../outbox/reports';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { phoneProblemMessage } from '../sales/phone-messages';
import { StepDriver } from '../sales/step-driver';
import { backoffDelay, type PollPolicy } from '../status/poll-schedule';
import type { AgreementPatch, RecurringClient } from '../vipps/recurring-client';
import type { ChargeResponse } from '../vipps/recurring-schemas';
import { cashierErrorFor, VippsApiError } from '../vipps/vipps-errors';
import { AgreementOperationsRepo, publicOperation, type StoredOperation } from './agreement-operations-repo';
import { planChange, planInterval, planPricing, showsPatch, toLive } from './live-agreement';

export interface AgreementServiceDeps {
  repo: AgreementOperationsRepo;
  recurring: RecurringClient;
  billing: BillingClient;
  plans: CatalogueService<Plan>;
  reports: ReportSink;
  clock: Clock;
  logger: Logger;
  tillId: string;
  merchantSerialNumber: string;
  policy: PollPolicy;
  random?: () => number;
  /** How long after a 202 the till first looks whether the change shows (then doubling, up to 30 s). */
  verifyDelayMs?: number;
  /** How long the till follows a 202 before it says "not confirmed yet" and leaves it to the cashier. */
  followForMs?: number;
}

/**
 * Vipps enacts an accepted change within seconds as a rule. Two minutes of checking (six looks at
 * the backoff) is plenty; past that the till stops asking on its own instead of asking forever.
 */
export const DEFAULT_FOLLOW_FOR_MS = 2 * 60_000;

const REFUND_DESCRIPTION = 'Refund at the till';
const REFUNDABLE = new Set(['CHARGED', 'PARTIALLY_REFUNDED', 'PARTIALLY_CAPTURED']);
const CANCELLABLE = new Set(['PENDING', 'DUE', 'RESERVED', 'PARTIALLY_CAPTURED']);

/**
 * The lifecycle of an agreement after its sale: finding the subscriber, changing the plan,
 * stopping, and refunding or cancelling its charges.
 *
 * Every change is an operation row written, with its Idempotency-Key and exact body, before Vipps
 * hears of it (the intention's request id commits in the same transaction). A StepDriver moves it:
 * requested → (PATCH/POST/DELETE) → done, or → accepted on a 202 and then GET until Vipps shows
 * the change. A crash resumes every open row with the same key and body, so a lost answer never
 * becomes a second change. Operations on one agreement run one at a time.
 */
export class AgreementService {
  private readonly driver: StepDriver;
  private readonly random: () => number;
  private readonly checks = new Map<string, number>();

  constructor(private readonly deps: AgreementServiceDeps) {
    this.random = deps.random ?? Math.random;
    this.driver = new StepDriver(deps.clock, (id) => this.step(id));
  }

  resume(): void {
    for (const op of this.deps.repo.listOpen()) this.driver.schedule(op.id, 0);
  }

  idle(): Promise<void> {
    return this.driver.idle();
  }

  stop(): Promise<void> {
    return this.driver.stop();
  }

  /** What the billing backend told us when it registered an agreement made here. */
  onAgreementRegistered(answer: unknown, vippsAgreementId: string): void {
    const parsed = agreementRegisteredSchema.safeParse(answer);
    if (!parsed.success) return;
    this.deps.repo.saveRegistration({
      vippsAgreementId: parsed.data.vippsAgreementId ?? vippsAgreementId,
      billingAgreementId: parsed.data.billingAgreementId ?? parsed.data.agreementId,
      subscriberId: parsed.data.subscriberId,
      accountId: parsed.data.accountId,
      registeredAt: parsed.data.registeredAt,
    });
  }

  // ---- finding ---------------------------------------------------------------------------------

  async lookup(query: CustomerQuery): Promise<CustomerLookup> {
    let billingQuery: { phoneNumber: string } | { subscriberId: string } | { agreementId: string };
    let local: Array<{ agreementId: string; planId: string }>;
    if ('phone' in query) {
      const msisdn = this.msisdn(query.phone);
      billingQuery = { phoneNumber: msisdn };
      local = this.deps.repo.localAgreements({ msisdn });
    } else if ('subscriberId' in query) {
      billingQuery = { subscriberId: query.subscriberId };
      local = this.deps.repo.localAgreements({ subscriberId: query.subscriberId });
    } else {
      billingQuery = { agreementId: query.agreementId };
      local = [{ agreementId: query.agreementId, planId: this.deps.repo.saleOf(query.agreementId)?.planId ?? '' }];
    }

    let subscribers: BillingSubscriber[] | null = null;
    try {
      subscribers = await this.deps.billing.lookupSubscribers(billingQuery);
    } catch (error) {
      if (!(error instanceof BillingUnavailableError || error instanceof BillingAuthError)) throw error;
      this.deps.logger.warn('subscriber lookup: billing unavailable', { error: error.message });
    }

    const listed = new Set<string>();
    const views: Array<Promise<unknown>> = [];
    const subscriberViews: SubscriberView[] = (subscribers ?? []).map((s) => {
      const view: SubscriberView = {
        subscriberId: s.subscriberId,
        phoneNumber: s.phoneNumber,
        contact: {
          name: s.contact.name ?? null,
          email: s.contact.email ?? null,
          address: s.contact.address ?? null,
          phoneNumber: s.contact.phoneNumber ?? null,
          birthDate: s.contact.birthDate ?? null,
        },
        accounts: s.accounts.map((a) => ({ accountId: a.accountId })),
        agreements: [],
      };
      for (const account of s.accounts) {
        for (const entry of account.agreements) {
          listed.add(entry.vippsAgreementId);
          const billing = { billingAgreementId: entry.billingAgreementId, accountId: account.accountId, planId: entry.planId ?? null, status: entry.status };
          const index = view.agreements.length;
          view.agreements.push(null as unknown as AgreementView);
          views.push(this.view(entry.vippsAgreementId, billing).then((v) => (view.agreements[index] = v)));
        }
      }
      return view;
    });
    const unlisted: AgreementView[] = [];
    const askedById = 'agreementId' in query;
    for (const mine of local) {
      if (listed.has(mine.agreementId)) continue;
      listed.add(mine.agreementId);
      const index = unlisted.length;
      unlisted.push(null as unknown as AgreementView);
      views.push(
        this.view(mine.agreementId, null).then((v) => (unlisted[index] = v)),
      );
    }
    await Promise.all(views);
    // Asked by an agreement id nobody knows, Vipps included: say so instead of showing an empty card.
    if (askedById && subscriberViews.length === 0 && unlisted[0]?.liveError?.code === 'NOT_FOUND') {
      throw new KassaError('NOT_FOUND', unlisted[0].liveError.message, { agreementId: unlisted[0].liveError.message });
    }
    return { billing: subscribers === null ? 'unavailable' : 'ok', subscribers: subscriberViews, unlisted };
  }

  async get(agreementId: string): Promise<AgreementView> {
    const result = await this.lookup({ agreementId });
    const found = [...result.subscribers.flatMap((s) => s.agreements), ...result.unlisted].find((a) => a.agreementId === agreementId);
    if (!found) throw new KassaError('NOT_FOUND', `No agreement ${agreementId} is known.`);
    return found;
  }

  async check(phone: PhoneInput, planId: string): Promise<ReturningCheck> {
    const result = await this.lookup({ phone });
    const all = [...result.subscribers.flatMap((s) => s.agreements), ...result.unlisted];
    const open = all.filter((a) => {
      const status = a.live?.status ?? a.billing?.status;
      return status === 'ACTIVE' || status === 'PENDING';
    });
    if (result.billing === 'unavailable') return { state: 'unchecked', agreements: open };
    if (open.some((a) => a.planId === planId)) return { state: 'same-plan', agreements: open };
    return { state: open.length > 0 ? 'other-plans' : 'clear', agreements: open };
  }

  private async view(agreementId: string, billing: AgreementView['billing']): Promise<AgreementView> {
    let live: LiveAgreement | null = null;
    let liveError: AppError | null = null;
    try {
      live = toLive(await this.deps.recurring.getAgreement(agreementId), this.deps.clock.now());
    } catch (error) {
      liveError = this.vippsProblem(error, agreementId);
    }
    const mine = this.deps.repo.tillKnowledge(agreementId);
    const sale = this.deps.repo.saleOf(agreementId);
    const registration = this.deps.repo.registration(agreementId);
    const planId = mine.planId ?? billing?.planId ?? sale?.planId ?? null;
    const disagreements: string[] = [];
    if (billing && live && billing.status !== live.status) disagreements.push(`status: ${billing.status} in billing, ${live.status} at Vipps MobilePay`);
    if (billing && mine.planId && billing.planId && billing.planId !== mine.planId) disagreements.push(`plan: ${billing.planId} in billing, ${mine.planId} after the change at this till`);
    const last = this.deps.repo.lastFor(agreementId);
    return {
      agreementId,
      billing: billing ?? (registration ? { billingAgreementId: registration.billingAgreementId, accountId: registration.accountId, planId: sale?.planId ?? null, status: 'REGISTERED' } : null),
      live,
      liveError,
      planId,
      disagreements,
      stoppedBy: live?.status === 'STOPPED' ? (mine.stopped || sale?.cancelledByCashier ? 'till' : 'elsewhere') : null,
      lastOperation: last ? publicOperation(last) : null,
    };
  }

  async charges(agreementId: string): Promise<ChargeView[]> {
    let list: ChargeResponse[];
    try {
      list = await this.deps.recurring.listCharges(agreementId);
    } catch (error) {
      const problem = this.vippsProblem(error, agreementId);
      throw new KassaError(problem.code, problem.message, problem.fields);
    }
    return list.map(chargeView).sort((a, b) => (a.due < b.due ? 1 : -1));
  }

  // ---- changing ----------------------------------------------------------------------------------

  async preview(agreementId: string, planId: string): Promise<PlanChangePreview> {
    const live = await this.live(agreementId);
    const plan = await this.deps.plans.find(planId, 'planId');
    const current = this.currentPlanId(agreementId);
    const change = planChange(live, plan, current);
    return {
      agreementId,
      blocked: change.blocked,
      message: change.message,
      from: { productName: live.productName, pricing: live.pricing, interval: live.interval },
      to: { planId: plan.id, productName: plan.name, productDescription: plan.description ?? null, pricing: planPricing(plan), interval: planInterval(plan) },
      appliesFrom: live.nextChargeDate,
      customerSees: change.customerSees,
    };
  }

  async changePlan(request: ChangePlanRequest, intention: Intention): Promise<AgreementOperation> {
    const live = await this.live(request.agreementId);
    const plan = await this.deps.plans.find(request.planId, 'planId');
    const current = this.currentPlanId(request.agreementId);
    const change = planChange(live, plan, current);
    if (change.blocked === 'NOT_ACTIVE') throw new KassaError('AGREEMENT_NOT_ACTIVE', change.message!, { agreementId: change.message! });
    if (change.blocked) throw new KassaError('VALIDATION', change.message!, { planId: change.message! });
    return this.begin(
      { kind: 'change-plan', agreementId: request.agreementId, body: change.patch, planId: plan.id, previousPlanId: current, currency: live.pricing.currency },
      intention,
    );
  }

  async stopAgreement(request: StopAgreementRequest, intention: Intention): Promise<AgreementOperation> {
    const live = await this.live(request.agreementId);
    if (live.status !== 'ACTIVE') {
      const message =
        live.status === 'STOPPED'
          ? `Agreement ${request.agreementId} is already stopped${this.deps.repo.tillKnowledge(request.agreementId).stopped ? ' (at this till)' : ' (by the customer in the app, or elsewhere)'}.`
          : `Agreement ${request.agreementId} is ${live.status}; only an ACTIVE agreement can be stopped here.`;
      throw new KassaError('AGREEMENT_NOT_ACTIVE', message, { agreementId: message });
    }
    return this.begin({ kind: 'stop', agreementId: request.agreementId, body: { status: 'STOPPED' }, reason: request.reason, planId: this.currentPlanId(request.agreementId) }, intention);
  }

  async refundCharge(request: RefundChargeRequest, intention: Intention): Promise<AgreementOperation> {
    const charge = await this.charge(request.agreementId, request.chargeId);
    const view = chargeView(charge);
    if (view.currency !== request.currency) {
      throw new KassaError('VALIDATION', `Charge ${charge.id} was paid in ${view.currency}, not ${request.currency}; a refund is in the charge's currency.`, { currency: `must be ${view.currency}` });
    }
    if (!REFUNDABLE.has(charge.status) && charge.status !== 'REFUNDED') {
      throw new KassaError('VALIDATION', `Charge ${charge.id} is ${charge.status}: only a charged or captured charge can be refunded.${CANCELLABLE.has(charge.status) ? ' Cancel it instead.' : ''}`, { chargeId: charge.status });
    }
    if (request.amount > view.refundable) {
      const message = `At most ${view.refundable} (minor units) of charge ${charge.id} can be refunded: it was charged ${view.captured} and ${view.refunded} is already refunded.`;
      throw new KassaError('VALIDATION', message, { amount: message });
    }
    return this.begin(
      {
        kind: 'refund-charge',
        agreementId: request.agreementId,
        chargeId: charge.id,
        amount: request.amount,
        currency: view.currency,
        body: { amount: request.amount, description: REFUND_DESCRIPTION },
        planId: this.currentPlanId(request.agreementId),
      },
      intention,
    );
  }

  async cancelCharge(request: CancelChargeRequest, intention: Intention): Promise<AgreementOperation> {
    const charge = await this.charge(request.agreementId, request.chargeId);
    if (!CANCELLABLE.has(charge.status)) {
      throw new KassaError('VALIDATION', `Charge ${charge.id} is ${charge.status}: only a pending, due or reserved charge can be cancelled.${REFUNDABLE.has(charge.status) ? ' Refund it instead.' : ''}`, {
        chargeId: charge.status,
      });
    }
    const left = charge.amount - (charge.summary?.captured ?? 0) - (charge.summary?.cancelled ?? 0);
    return this.begin(
      { kind: 'cancel-charge', agreementId: request.agreementId, chargeId: charge.id, amount: left > 0 ? left : null, currency: chargeView(charge).currency, body: null, planId: this.currentPlanId(request.agreementId) },
      intention,
    );
  }

  operation(id: string): AgreementOperation {
    const op = this.deps.repo.get(id);
    if (!op) throw new KassaError('NOT_FOUND', 'That change is not known on this till.');
    return publicOperation(op);
  }

  /**
   * The cashier's "check again" on a change the till stopped following: one look at Vipps. Shown:
   * done (and reported). Not yet: still unconfirmed. Any other state is answered as it is.
   */
  async recheck(id: string): Promise<AgreementOperation> {
    const op = this.deps.repo.get(id);
    if (!op) throw new KassaError('NOT_FOUND', 'That change is not known on this till.');
    if (op.status !== 'unconfirmed') return publicOperation(op);
    let shown: boolean;
    try {
      shown = await this.shows(op);
    } catch (error) {
      throw KassaError.from(this.vippsProblem(error, op.agreementId));
    }
    if (shown) this.finish(op);
    else this.deps.repo.update(op.id, {});
    return publicOperation(this.deps.repo.get(id)!);
  }

  /** The answer to a repeat of the intention: the operation as it is now (a failure as the error it was). */
  answer(id: string): AgreementOperation {
    const op = this.deps.repo.get(id);
    if (!op) throw new KassaError('NOT_FOUND', 'That change is not known on this till.');
    if (op.status === 'failed' && op.problem) throw new KassaError(op.problem.code, op.problem.message, op.problem.fields);
    return publicOperation(op);
  }

  private msisdn(phone: PhoneInput): string {
    const check = checkPhone(phone.country, phone.number);
    if (check.state !== 'valid') {
      const message = phoneProblemMessage(phone.country, check);
      throw new KassaError('VALIDATION', message, { phone: message });
    }
    return check.msisdn;
  }

  private currentPlanId(agreementId: string): string | null {
    return this.deps.repo.tillKnowledge(agreementId).planId ?? this.deps.repo.saleOf(agreementId)?.planId ?? null;
  }

  private async begin(
    op: { kind: StoredOperation['kind']; agreementId: string; body: unknown; planId?: string | null; previousPlanId?: string | null; reason?: string; chargeId?: string; amount?: number | null; currency?: string | null },
    intention: Intention,
  ): Promise<AgreementOperation> {
    // Intent first: the row, its key, its body and the request id commit together. One open
    // change per agreement, checked inside the same transaction so two tills' worth of clicks
    // cannot both pass.
    const stored = this.deps.reports.transaction(() => {
      const open = this.deps.repo.openFor(op.agreementId);
      if (open) {
        throw new KassaError('CONFLICT', `Another change of agreement ${op.agreementId} (${open.kind}) is still being made. Wait for it to finish, then try again.`);
      }
      const inserted = this.deps.repo.insert({ id: randomUUID(), idempotencyKey: randomUUID(), by: intention.by, approvedBy: intention.approvedBy, ...op });
      intention.record(inserted.id);
      return inserted;
    });
    await this.driver.run(stored.id);
    return this.answer(stored.id);
  }

  private async live(agreementId: string): Promise<LiveAgreement> {
    try {
      return toLive(await this.deps.recurring.getAgreement(agreementId), this.deps.clock.now());
    } catch (error) {
      const problem = this.vippsProblem(error, agreementId);
      throw new KassaError(problem.code, problem.message, problem.fields);
    }
  }

  private async charge(agreementId: string, chargeId: string): Promise<ChargeResponse> {
    try {
      return await this.deps.recurring.getCharge(agreementId, chargeId);
    } catch (error) {
      if (error instanceof VippsApiError && error.kind === 'not-found') {
        const message = `No charge ${chargeId} on agreement ${agreementId} at Vipps MobilePay.`;
        throw new KassaError('NOT_FOUND', message, { chargeId: message });
      }
      const problem = this.vippsProblem(error, agreementId);
      throw new KassaError(problem.code, problem.message, problem.fields);
    }
  }

  private vippsProblem(error: unknown, agreementId: string): AppError {
    if (!(error instanceof VippsApiError)) throw error;
    if (error.kind === 'not-found') {
      const message = `No agreement ${agreementId} at Vipps MobilePay. Check the id.`;
      return { code: 'NOT_FOUND', message, fields: { agreementId: message } };
    }
    return cashierErrorFor(error, { merchantSerialNumber: this.deps.merchantSerialNumber });
  }

  // ---- the steps ---------------------------------------------------------------------------------

  private async step(id: string): Promise<void> {
    const op = this.deps.repo.get(id);
    if (!op || op.status === 'done' || op.status === 'failed') return;
    try {
      if (op.status === 'requested') await this.send(op);
      else await this.verify(op);
    } catch (error) {
      await this.onStepFailed(op, error);
    }
  }

  private async send(op: StoredOperation): Promise<void> {
    this.deps.repo.update(op.id, { attempts: op.attempts + 1 });
    let status: 202 | 204;
    switch (op.kind) {
      case 'change-plan':
        status = await this.deps.recurring.updateAgreement(op.agreementId, op.body as AgreementPatch, op.idempotencyKey);
        break;
      case 'stop':
        await this.deps.recurring.stopAgreement(op.agreementId, op.idempotencyKey);
        status = 204;
        break;
      case 'refund-charge':
        await this.deps.recurring.refundCharge(op.agreementId, op.chargeId!, op.body as { amount: number; description: string }, op.idempotencyKey);
        status = 204;
        break;
      case 'cancel-charge':
        status = await this.deps.recurring.cancelCharge(op.agreementId, op.chargeId!, op.idempotencyKey);
        break;
    }
    this.driver.succeeded(op.id);
    if (status === 204 && op.kind !== 'stop') return this.finish(op);
    // 202: accepted, not enacted yet. A stop is always checked: it is final and must be seen.
    this.deps.repo.update(op.id, { status: 'accepted', problem: null, acceptedAt: op.acceptedAt ?? this.deps.clock.now() });
    return this.verify(this.deps.repo.get(op.id)!);
  }

  /** Whether Vipps shows the operation carried out. */
  private async shows(op: StoredOperation): Promise<boolean> {
    if (op.kind === 'cancel-charge') {
      const charge = await this.deps.recurring.getCharge(op.agreementId, op.chargeId!);
      // Cancelled, or CHARGED when a partly captured charge had its rest cancelled.
      return !CANCELLABLE.has(charge.status);
    }
    const live = toLive(await this.deps.recurring.getAgreement(op.agreementId), this.deps.clock.now());
    return op.kind === 'stop' ? live.status === 'STOPPED' : showsPatch(live, op.body as AgreementPatch);
  }

  private async verify(op: StoredOperation): Promise<void> {
    if (await this.shows(op)) return this.finish(op);
    // Bounded: past the deadline (counted from the 202, so a restart does not reset it) the till
    // stops asking and says so; the cashier checks again when the customer or Vipps says it is done.
    const deadline = (op.acceptedAt ?? op.updatedAt) + (this.deps.followForMs ?? DEFAULT_FOLLOW_FOR_MS);
    if (this.deps.clock.now() >= deadline) {
      this.deps.repo.update(op.id, { status: 'unconfirmed', problem: null });
      this.checks.delete(op.id);
      this.driver.succeeded(op.id);
      return;
    }
    const checks = (this.checks.get(op.id) ?? 0) + 1;
    this.checks.set(op.id, checks);
    if (checks >= 3) this.deps.repo.update(op.id, { problem: { code: 'VIPPS_UNAVAILABLE', message: 'Vipps MobilePay accepted the change but does not show it yet. The till keeps checking.' } });
    const base = this.deps.verifyDelayMs ?? 1_000;
    this.driver.schedule(op.id, Math.min(30_000, base * 2 ** Math.min(checks - 1, 5)));
  }

  private finish(op: StoredOperation): void {
    const now = this.deps.clock.now();
    this.deps.reports.transaction(() => {
      this.deps.repo.update(op.id, { status: 'done', problem: null });
      const sale = this.deps.repo.saleOf(op.agreementId);
      this.deps.reports.report('agreement-event', op.id, sale?.saleId ?? op.agreementId, this.eventReport(op, now));
    });
    this.deps.reports.flush();
    this.checks.delete(op.id);
    this.driver.succeeded(op.id);
  }

  private eventReport(op: StoredOperation, now: number): AgreementEventReport {
    const type = ({ 'change-plan': 'PLAN_CHANGED', stop: 'STOPPED', 'refund-charge': 'CHARGE_REFUNDED', 'cancel-charge': 'CHARGE_CANCELLED' } as const)[op.kind];
    return {
      eventId: op.id,
      vippsAgreementId: op.agreementId,
      tillId: this.deps.tillId,
      cashier: op.by?.name ?? null,
      approvedBy: op.approvedBy?.name ?? null,
      type,
      ...(op.planId ? { planId: op.planId } : {}),
      ...(op.previousPlanId ? { previousPlanId: op.previousPlanId } : {}),
      ...(op.reason ? { reason: op.reason } : {}),
      ...(op.chargeId ? { chargeId: op.chargeId } : {}),
      ...(op.amount ? { amount: op.amount } : {}),
      ...(op.currency === 'NOK' || op.currency === 'DKK' || op.currency === 'EUR' ? { currency: op.currency } : {}),
      occurredAt: new Date(now).toISOString(),
    };
  }

  private async onStepFailed(failed: StoredOperation, error: unknown): Promise<void> {
    const op = this.deps.repo.get(failed.id) ?? failed;
    if (!(error instanceof VippsApiError)) {
      this.deps.logger.error('agreement operation step failed', { operationId: op.id, error: String(error) });
      const failures = this.driver.failed(op.id);
      return this.driver.schedule(op.id, backoffDelay(failures, this.deps.policy.errorBackoff, this.random));
    }
    if (error.retryable) {
      // The request may or may not have been carried out: the same key and body go again.
      const failures = this.driver.failed(op.id);
      const delay = Math.max(error.retryAfterMs ?? 0, backoffDelay(failures, this.deps.policy.errorBackoff, this.random));
      this.deps.repo.update(op.id, { problem: cashierErrorFor(error, { merchantSerialNumber: this.deps.merchantSerialNumber }) });
      return this.driver.schedule(op.id, delay);
    }
    // Refused for good. Say why in the cashier's words: most often the agreement changed under us
    // (the customer stopped it in the app while the cashier was choosing).
    let problem = cashierErrorFor(error, { merchantSerialNumber: this.deps.merchantSerialNumber });
    if (op.kind === 'change-plan' || op.kind === 'stop') {
      try {
        const live = toLive(await this.deps.recurring.getAgreement(op.agreementId), this.deps.clock.now());
        if (live.status !== 'ACTIVE') {
          const message = `Agreement ${op.agreementId} is ${live.status}${live.status === 'STOPPED' ? ' — the customer (or someone else) stopped it' : ''}, so it could not be ${op.kind === 'stop' ? 'stopped' : 'changed'}. A stopped agreement can never be changed; offer a new agreement.`;
          problem = { code: 'AGREEMENT_NOT_ACTIVE', message, fields: { agreementId: message } };
        }
      } catch {
        // Keep Vipps' own refusal.
      }
    } else if (error.kind === 'not-found') {
      problem = { code: 'NOT_FOUND', message: `Vipps MobilePay does not know charge ${op.chargeId} on agreement ${op.agreementId}.` };
    }
    this.deps.repo.update(op.id, { status: 'failed', problem });
    this.driver.succeeded(op.id);
  }
}

function chargeView(charge: ChargeResponse): ChargeView {
  const captured = charge.summary?.captured ?? (charge.status === 'CHARGED' ? charge.amount : 0);
  const refunded = charge.summary?.refunded ?? 0;
  return {
    id: charge.id,
    amount: charge.amount,
    currency: charge.currency ?? 'NOK',
    description: charge.description ?? '',
    due: charge.due ?? '',
    status: charge.status,
    type: charge.type,
    transactionType: charge.transactionType,
    failureReason: charge.failureReason ?? null,
    captured,
    refunded,
    cancelled: charge.summary?.cancelled ?? 0,
    refundable: REFUNDABLE.has(charge.status) ? Math.max(0, captured - refunded) : 0,
    cancellable: CANCELLABLE.has(charge.status),
  };
}
