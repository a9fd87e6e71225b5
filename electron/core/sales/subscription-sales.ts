import { because } from '../../../shared/reasons';
import { randomUUID } from 'node:crypto';
import { checkPhone } from '../../../shared/phone';
import { KassaError, type AppError } from '../../../shared/result';
import {
  isFinalSubscriptionStatus,
  startSubscriptionRequestSchema,
  type StartSubscriptionRequest,
  type SubscriptionSale,
} from '../../../shared/subscription';
import type { CatalogueService } from '../catalogue/catalogue-service';
import type { Plan } from '../../../shared/catalogue';
import type { StoredSubscriptionSale, SubscriptionSalePatch, SubscriptionSaleRepo } from '../db/repos/subscription-sale-repo';
import { toSaleView } from '../db/repos/subscription-sale-repo';
import type { CoreEvents } from '../events';
import type { Logger } from '../platform/logger';
import type { Clock } from '../platform/clock';
import { backoffDelay, nextPollDelay, pollPolicy, type PollOutcome, type PollPolicy } from '../status/poll-schedule';
import { RateGuard } from '../status/rate-guard';
import type { RecurringClient } from '../vipps/recurring-client';
import type { AgreementResponse } from '../vipps/recurring-schemas';
import { fetchSharedProfile } from '../vipps/userinfo-client';
import { cashierErrorFor, VippsApiError } from '../vipps/vipps-errors';
import type { VippsHttpClient } from '../vipps/vipps-http-client';
import { buildDraftAgreement, type AgreementUrls } from './build-draft-agreement';
import { StepDriver } from './step-driver';
import { phoneError } from './phone-messages';
import type { ReportSink } from '../outbox/report-sink';
import { agreementReport } from '../outbox/reports';
import type { Intention } from '../intentions/intention-ledger';
import { startOfLocalDay } from '../reports/local-time';

/** Vipps lets a PENDING agreement wait 10 minutes for the customer before it expires. */
export const AGREEMENT_PENDING_MS = 10 * 60_000;

export interface SubscriptionSalesDeps {
  repo: SubscriptionSaleRepo;
  plans: CatalogueService<Plan>;
  recurring: RecurringClient;
  vipps: VippsHttpClient;
  events: CoreEvents;
  clock: Clock;
  logger: Logger;
  urls: AgreementUrls;
  merchantSerialNumber: string;
  reports: ReportSink;
  tillId: string;
  random?: () => number;
  /** The Vipps polling guideline unless a training run asks for a faster one. */
  policy?: PollPolicy;
  newId?: () => string;
}

/**
 * Subscription sales at the counter: Recurring v3 agreements sent straight to the customer's phone.
 *
 * Every state change is committed to SQLite before the next remote call, and every remote mutation
 * reuses the idempotency key stored with the sale. After a crash, resume() picks every open sale up
 * where the database says it was: a create is replayed with its key (never sent as a new one), a
 * pending agreement is polled again, a reserved initial charge is captured.
 */
export class SubscriptionSales {
  private readonly driver: StepDriver;
  /** Sales whose stop Vipps refused while pending; not asked again on every poll. */
  private readonly stopRefused = new Set<string>();
  private readonly guard: RateGuard;
  private readonly policy: PollPolicy;
  private readonly random: () => number;
  private readonly newId: () => string;

  constructor(private readonly deps: SubscriptionSalesDeps) {
    this.random = deps.random ?? Math.random;
    this.policy = deps.policy ?? pollPolicy;
    this.guard = new RateGuard(this.policy.maxRequestsPerMinute);
    this.newId = deps.newId ?? randomUUID;
    this.driver = new StepDriver(deps.clock, (id) => this.step(id));
  }

  /** Picks up every sale the till had not finished, e.g. after a crash or restart. */
  resume(): void {
    const open = this.deps.repo.listOpen((corrupt) =>
      this.deps.logger.error('damaged sale row skipped at start', { saleId: corrupt.rowId, detail: corrupt.detail }),
    );
    for (const sale of open) this.driver.schedule(sale.id, 0);
  }

  /** Resolves when no step of any sale is running (tests use it instead of waiting on the clock). */
  idle(): Promise<void> {
    return this.driver.idle();
  }

  stop(): Promise<void> {
    return this.driver.stop();
  }

  /** The intention's request id and journal entry are stored with the sale, in the transaction that creates it. */
  async start(input: StartSubscriptionRequest, intention: Intention): Promise<SubscriptionSale> {
    const request = startSubscriptionRequestSchema.parse(input);
    const phone = checkPhone(request.phone.country, request.phone.number);
    if (phone.state !== 'valid') throw phoneError(request.phone.country, phone);
    this.assertNoneWaiting();
    const plan = await this.deps.plans.find(request.planId, 'plan');

    // Intent first: the sale and every idempotency key it will ever use are on disk before Vipps
    // hears of it. The one-waiting-sale rule is checked again in the same transaction, because
    // another start may have inserted its sale while this one waited for the catalogue.
    const sale = this.deps.reports.transaction(() => {
      this.assertNoneWaiting();
      const inserted = this.deps.repo.insert({
        id: this.newId(),
        tillId: this.deps.tillId,
        createdAt: this.deps.clock.now(),
        plan,
        phone: { country: request.phone.country, msisdn: phone.msisdn },
        profileScopes: [...new Set(request.profileScopes)],
        keys: { create: randomUUID(), stop: randomUUID(), capture: randomUUID() },
        cashier: intention.by,
      });
      intention.record(inserted.id);
      return inserted;
    });
    this.emit(sale);
    await this.driver.run(sale.id);
    return this.startAnswer(sale.id);
  }

  /** What `start` answered for this sale, as it is now: the answer to a repeat of the same request. */
  startAnswer(saleId: string): SubscriptionSale {
    const sale = this.require(saleId);
    if (sale.status === 'failed' && sale.problem) throw KassaError.from(sale.problem);
    return toSaleView(sale);
  }

  private assertNoneWaiting(): void {
    if (this.current()) throw new KassaError('CONFLICT', 'Another subscription sale is still waiting for its customer. Finish or cancel it first.', undefined, because('SUBSCRIPTION_ALREADY_WAITING'));
  }

  get(saleId: string): SubscriptionSale {
    return toSaleView(this.require(saleId));
  }

  /** This till's sign-ups since local midnight, newest first; a damaged row is logged and left out. */
  today(limit = 200): SubscriptionSale[] {
    const midnight = startOfLocalDay(this.deps.clock.now());
    const rows = this.deps.repo.listSince(midnight, limit, (corrupt) =>
      this.deps.logger.error('damaged sale row left out of the day list', { saleId: corrupt.rowId, detail: corrupt.detail }),
    );
    return rows.map(toSaleView);
  }

  /** The sale the till is waiting on, if any; a sale the cashier already cancelled does not count. */
  current(): SubscriptionSale | null {
    const open = this.deps.repo.listOpen().filter((sale) => !sale.cancelRequested);
    const latest = open.at(-1);
    return latest ? toSaleView(latest) : null;
  }

  /**
   * The cashier gives up on the customer. The wish is stored first; the agreement is then stopped
   * as soon as Vipps can be reached. If the customer approved first, approval wins.
   */
  async cancel(saleId: string): Promise<SubscriptionSale> {
    const sale = this.require(saleId);
    if (isFinalSubscriptionStatus(sale.status) || sale.cancelRequested) return toSaleView(sale);
    this.update(sale.id, { cancelRequested: true });
    await this.driver.run(saleId);
    return toSaleView(this.require(saleId));
  }

  private require(saleId: string): StoredSubscriptionSale {
    const sale = this.deps.repo.get(saleId);
    if (!sale) throw new KassaError('NOT_FOUND', 'That sale does not exist on this till.', undefined, because('SALE_NOT_FOUND'));
    return sale;
  }

  private schedule(saleId: string, delayMs: number): void {
    this.driver.schedule(saleId, delayMs);
  }

  /** One move towards a final state, chosen by what the database says now. */
  private async step(saleId: string): Promise<void> {
    const sale = this.deps.repo.get(saleId);
    if (!sale || isFinalSubscriptionStatus(sale.status)) return;
    try {
      if (sale.status === 'requested') await this.createAgreement(sale);
      else if (sale.status === 'pending') await this.checkAgreement(sale);
      else await this.captureInitialCharge(sale);
    } catch (error) {
      this.onStepFailed(sale, error);
    }
  }

  private async createAgreement(sale: StoredSubscriptionSale): Promise<void> {
    const attempts = sale.createAttempts + 1;
    this.update(sale.id, { createAttempts: attempts });
    const draft = buildDraftAgreement({ ...sale, msisdn: sale.phone.msisdn }, this.deps.urls);
    const created = await this.deps.recurring.createAgreement(draft, sale.keys.create);
    this.driver.succeeded(sale.id);
    this.update(sale.id, {
      status: 'pending',
      agreementId: created.agreementId,
      confirmationUrl: created.vippsConfirmationUrl ?? null,
      expiresAt: this.deps.clock.now() + AGREEMENT_PENDING_MS,
      initialCharge: sale.plan.initialCharge ? { chargeId: created.chargeId ?? null, status: null } : null,
      problem: null,
    });
    // A cashier who cancelled while Vipps was unreachable wants the agreement stopped at once.
    if (sale.cancelRequested) return this.stopAgreement(this.require(sale.id));
    this.schedule(sale.id, nextPollDelay({ kind: 'created' }, this.random, this.policy));
  }

  private async checkAgreement(sale: StoredSubscriptionSale): Promise<void> {
    const agreementId = sale.agreementId!;
    const wait = this.guard.waitFor(agreementId, this.deps.clock.now());
    if (wait > 0) return this.schedule(sale.id, wait);
    this.guard.record(agreementId, this.deps.clock.now());
    const agreement = await this.deps.recurring.getAgreement(agreementId);
    this.driver.succeeded(sale.id);
    if (sale.problem) this.update(sale.id, { problem: null });

    switch (agreement.status) {
      case 'PENDING':
        if (sale.cancelRequested && !this.stopRefused.has(sale.id)) return this.stopAgreement(sale);
        return this.schedule(sale.id, nextPollDelay({ kind: 'unchanged' }, this.random, this.policy));
      case 'ACTIVE':
        return this.onApproved(sale, agreement);
      case 'STOPPED':
        return this.finish(sale, sale.cancelRequested ? 'cancelled' : 'rejected', {
          outcomeReason: sale.cancelRequested ? 'cancelled-by-cashier' : null,
        });
      case 'EXPIRED':
        return this.onExpired(sale);
    }
  }

  private async stopAgreement(sale: StoredSubscriptionSale): Promise<void> {
    try {
      await this.deps.recurring.stopAgreement(sale.agreementId!, sale.keys.stop);
    } catch (error) {
      if (!(error instanceof VippsApiError) || error.retryable) throw error;
      // Refused: the customer may have answered a moment earlier, or Vipps will not withdraw a
      // request that is still pending. Keep watching at the normal pace; the customer's answer, or
      // the expiry, decides. (Asking again with the same key would only replay the refusal.)
      this.stopRefused.add(sale.id);
      this.update(sale.id, {
        problem: {
          code: 'VIPPS_REJECTED',
          message: 'Vipps MobilePay would not withdraw the request. It expires by itself if the customer does not approve it.',
          reason: 'AGREEMENT_NOT_WITHDRAWN',
        },
      });
      return this.schedule(sale.id, nextPollDelay({ kind: 'unchanged' }, this.random, this.policy));
    }
    this.finish(sale, 'cancelled', { outcomeReason: 'cancelled-by-cashier' });
  }

  private async onApproved(sale: StoredSubscriptionSale, agreement: AgreementResponse): Promise<void> {
    const initialCharge = sale.plan.initialCharge;
    if (initialCharge?.transactionType === 'RESERVE_CAPTURE' && sale.initialCharge?.chargeId) {
      // Committed before the capture, so a crash between the two resumes with the capture.
      const capturing = this.update(sale.id, { status: 'capturing', initialCharge: { chargeId: sale.initialCharge.chargeId, status: 'RESERVED' } });
      return this.captureInitialCharge(capturing, agreement);
    }
    let chargeStatus = sale.initialCharge?.status ?? null;
    if (initialCharge && sale.initialCharge?.chargeId) {
      chargeStatus = (await this.deps.recurring.getCharge(agreement.id, sale.initialCharge.chargeId)).status;
    }
    await this.completeActive(sale, agreement, chargeStatus);
  }

  private async captureInitialCharge(sale: StoredSubscriptionSale, knownAgreement?: AgreementResponse): Promise<void> {
    const agreementId = sale.agreementId!;
    const chargeId = sale.initialCharge!.chargeId!;
    let charge = await this.deps.recurring.getCharge(agreementId, chargeId);
    if (charge.status === 'RESERVED') {
      // Always the full initial amount, so every retry sends the same body with the same key.
      await this.deps.recurring.captureCharge(agreementId, chargeId, sale.plan.initialCharge!.amount, sale.keys.capture);
      charge = await this.deps.recurring.getCharge(agreementId, chargeId);
    }
    const agreement = knownAgreement ?? (await this.deps.recurring.getAgreement(agreementId));
    await this.completeActive(sale, agreement, charge.status);
  }

  private async completeActive(sale: StoredSubscriptionSale, agreement: AgreementResponse, chargeStatus: string | null): Promise<void> {
    let profile = null;
    let problem: AppError | null = null;
    if (sale.profileScopes.length > 0 && agreement.sub) {
      try {
        profile = await fetchSharedProfile(this.deps.vipps, agreement.sub);
      } catch (error) {
        // The agreement stands without the profile; say so rather than fail the sale.
        this.deps.logger.warn('userinfo fetch failed', { saleId: sale.id, error: String(error) });
        problem = { code: 'VIPPS_UNAVAILABLE', message: "The customer's shared details could not be fetched. The subscription is active.", reason: 'PROFILE_NOT_FETCHED' };
      }
    }
    const initialCharge = sale.initialCharge ? { chargeId: sale.initialCharge.chargeId, status: chargeStatus } : null;
    this.finish(sale, 'active', { initialCharge, profile, problem });
  }

  private async onExpired(sale: StoredSubscriptionSale): Promise<void> {
    let outcomeReason: SubscriptionSale['outcomeReason'] = null;
    let initialCharge = sale.initialCharge;
    if (sale.initialCharge?.chargeId && sale.plan.initialCharge?.transactionType === 'DIRECT_CAPTURE') {
      const charge = await this.deps.recurring.getCharge(sale.agreementId!, sale.initialCharge.chargeId);
      initialCharge = { chargeId: charge.id, status: charge.status };
      if (charge.status === 'FAILED') outcomeReason = 'initial-charge-failed';
    }
    this.finish(sale, 'expired', { outcomeReason, initialCharge });
  }

  private finish(sale: StoredSubscriptionSale, status: 'active' | 'rejected' | 'expired' | 'cancelled', patch: SubscriptionSalePatch = {}): void {
    // An agreement made in the shop is registered with the billing backend, in the same transaction.
    const finished = this.deps.reports.transaction(() => {
      const updated = this.deps.repo.update(sale.id, { problem: null, ...patch, status });
      if (status === 'active') {
        this.deps.reports.report('agreement', updated.agreementId!, updated.id, agreementReport(toSaleView(updated), this.deps.tillId, this.deps.clock.now()));
      }
      return updated;
    });
    this.deps.reports.flush();
    this.emit(finished);
    this.driver.succeeded(sale.id);
    this.stopRefused.delete(sale.id);
    if (sale.agreementId) this.guard.forget(sale.agreementId);
  }

  private onStepFailed(failedSale: StoredSubscriptionSale, error: unknown): void {
    // The step may have moved the sale on (e.g. to capturing) before it failed: judge by the row now.
    const sale = this.deps.repo.get(failedSale.id) ?? failedSale;
    if (!(error instanceof VippsApiError)) {
      this.deps.logger.error('subscription sale step failed', { saleId: sale.id, status: sale.status, error: String(error) });
      const failures = this.driver.failed(sale.id);
      return this.schedule(sale.id, backoffDelay(failures, this.policy.errorBackoff, this.random));
    }
    const problem = cashierErrorFor(error, { merchantSerialNumber: this.deps.merchantSerialNumber });
    if (error.retryable) {
      const failures = this.driver.failed(sale.id);
      const outcome: PollOutcome =
        error.kind === 'rate-limited' ? { kind: 'rate-limited', retryAfterMs: error.retryAfterMs } : { kind: 'failed', consecutiveFailures: failures };
      const delay = sale.status === 'requested' && outcome.kind === 'failed' ? backoffDelay(failures, this.policy.createBackoff, this.random) : nextPollDelay(outcome, this.random, this.policy);
      // Only a sale nobody has heard back about yet needs the cashier to know; polls retry quietly.
      if (sale.status === 'requested' || failures >= 3) this.update(sale.id, { problem });
      return this.schedule(sale.id, delay);
    }
    if (sale.status === 'requested') {
      this.update(sale.id, { status: sale.cancelRequested ? 'cancelled' : 'failed', problem });
      return;
    }
    // A 4xx on a sale Vipps already knows (e.g. a 404 for the agreement) cannot be fixed by retrying soon,
    // but giving up would leave the customer's answer unknown: keep checking, slowly, and show why.
    this.update(sale.id, { problem });
    this.schedule(sale.id, this.policy.errorBackoff.maxMs);
  }

  private update(saleId: string, patch: SubscriptionSalePatch): StoredSubscriptionSale {
    const sale = this.deps.repo.update(saleId, patch);
    this.emit(sale);
    return sale;
  }

  private emit(sale: StoredSubscriptionSale): void {
    this.deps.events.emit('subscription.changed', toSaleView(sale));
  }
}
