import { because } from '../../../shared/reasons';
import type { AppError } from '../../../shared/result';
import type { DeadLetter, OutboxKind, SyncStatus } from '../../../shared/sync';
import { KassaError } from '../../../shared/result';
import { BillingDeliveryError, type BillingClient } from '../billing/billing-client';
import type { OutboxItem, OutboxRepo } from '../db/repos/outbox-repo';
import type { Clock, TimerHandle } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { backoffDelay, type BackoffPolicy } from '../status/poll-schedule';
import { reportSchemas } from './reports';
import { refusalReason } from './refusal-reason';
import { summariseReport } from './report-summary';

/** Retries back off from 2 s to 5 min; the schedule lives in SQLite (next_attempt_at), not in a timer. */
export const deliveryBackoff = { baseMs: 2_000, maxMs: 5 * 60_000 };

export interface SyncWorkerDeps {
  repo: OutboxRepo;
  billing: BillingClient;
  clock: Clock;
  logger: Logger;
  publish: (status: SyncStatus) => void;
  random?: () => number;
  /** Reports sent at the same time (default 16), each from a different sale (order within a sale is strict). */
  concurrency?: number;
  backoff?: BackoffPolicy;
  /** Told what the backend answered to each delivered report (e.g. an agreement's subscriber and account). */
  onDelivered?: (kind: OutboxKind, subjectId: string, answer: unknown) => void;
}

type Outcome = 'delivered' | 'dead' | 'stop';

/**
 * Delivers the outbox to the billing backend. One drain at a time; each round takes the first
 * due item of up to `concurrency` sales. A network error, 5xx or 429 reschedules the item with
 * backoff and jitter (honouring Retry-After) and ends the round: the backend is down, and hammering
 * it helps nobody. Any other 4xx makes a dead letter, kept with its error for a manager. A 401
 * pauses delivery until someone fixes the key and presses "Sync now".
 */
export class SyncWorker {
  private state: SyncStatus['state'] = 'online';
  private problem: AppError | null = null;
  private draining: Promise<void> | null = null;
  private again = false;
  private timer: TimerHandle | null = null;
  private stopped = false;
  private readonly random: () => number;
  private readonly concurrency: number;

  constructor(private readonly deps: SyncWorkerDeps) {
    this.random = deps.random ?? Math.random;
    this.concurrency = deps.concurrency ?? 16;
  }

  /** Something was enqueued, or time came: deliver what is due. */
  kick(): void {
    if (this.stopped || this.state === 'paused') return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain().finally(() => {
      this.draining = null;
      this.publish();
      if (this.again) {
        this.again = false;
        this.kick();
      } else {
        this.wakeWhenDue();
      }
    });
  }

  /** Resolves when the current drain, if any, has finished. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  async syncNow(): Promise<SyncStatus> {
    if (this.state === 'paused') this.setState('online', null);
    this.deps.repo.expedite();
    this.kick();
    await this.idle();
    return this.status();
  }

  async retry(id: string): Promise<SyncStatus> {
    if (!this.deps.repo.revive(id)) throw new KassaError('NOT_FOUND', 'That report is not among the refused ones any more.', undefined, because('REPORT_NOT_REFUSED'));
    this.kick();
    await this.idle();
    return this.status();
  }

  discard(id: string, reason: string): SyncStatus {
    if (!this.deps.repo.discard(id, reason)) throw new KassaError('NOT_FOUND', 'That report is not among the refused ones any more.', undefined, because('REPORT_NOT_REFUSED'));
    this.deps.logger.warn('dead letter discarded', { id, reason });
    this.kick();
    this.publish();
    return this.status();
  }

  deadLetters(): DeadLetter[] {
    return this.deps.repo.deadLetters().map((item) => ({
      id: item.id,
      kind: item.kind,
      subjectId: item.subjectId,
      createdAt: item.createdAt,
      attempts: item.attempts,
      error: item.lastError ?? { code: 'INTERNAL', message: 'Refused without a reason.', reason: 'REFUSED_WITHOUT_REASON' },
      summary: summariseReport(item.kind, item.payload),
    }));
  }

  status(): SyncStatus {
    return { state: this.state, problem: this.problem, ...this.deps.repo.stats() };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) this.deps.clock.clearTimeout(this.timer);
    await this.idle();
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.stopped || this.state === 'paused') return;
      const batch = this.deps.repo.due(this.concurrency);
      if (batch.length === 0) return;
      const outcomes = await Promise.all(batch.map((item) => this.deliver(item)));
      this.deps.repo.markAllDelivered(batch.filter((_, i) => outcomes[i] === 'delivered').map((item) => item.id));
      this.publish();
      if (outcomes.includes('stop')) return;
    }
  }

  private async deliver(item: OutboxItem): Promise<Outcome> {
    const parsed = reportSchemas[item.kind as OutboxKind].safeParse(item.payload);
    if (!parsed.success) {
      // A damaged row is evidence: keep it, with the reason, for a manager.
      this.deps.repo.markDead(item.id, { code: 'INTERNAL', message: `The stored report is damaged and was not sent (${parsed.error.issues[0]?.message ?? 'unreadable'}).`, reason: 'REPORT_DAMAGED' });
      return 'dead';
    }
    try {
      const answer = await this.deps.billing.report(item.kind, item.subjectId, parsed.data, item.id, this.deps.clock.now());
      try {
        this.deps.onDelivered?.(item.kind, item.subjectId, answer);
      } catch (error) {
        // The report reached the backend: what the till keeps of the answer must not undo that.
        this.deps.logger.warn('could not keep the billing answer', { id: item.id, error: String(error) });
      }
      if (this.state !== 'online') this.setState('online', null);
      return 'delivered';
    } catch (error) {
      if (!(error instanceof BillingDeliveryError)) throw error;
      return this.onFailure(item, error);
    }
  }

  private onFailure(item: OutboxItem, error: BillingDeliveryError): Outcome {
    switch (error.kind) {
      case 'retryable':
      case 'rate-limited': {
        const delay = Math.max(error.retryAfterMs ?? 0, backoffDelay(item.attempts + 1, this.deps.backoff ?? deliveryBackoff, this.random));
        this.deps.repo.reschedule(item.id, this.deps.clock.now() + delay, { code: 'BILLING_UNAVAILABLE', message: error.message, reason: 'BILLING_UNREACHABLE' });
        this.setState('offline', {
          code: 'BILLING_UNAVAILABLE',
          message: 'The billing backend cannot be reached. Sales are kept on this till and sent when it answers again.',
          reason: 'BILLING_UNREACHABLE',
        });
        return 'stop';
      }
      case 'auth':
        this.setState('paused', {
          code: 'BILLING_AUTH',
          message: "The billing backend refused this till's API key. Sales are kept on this till; ask the manager to fix the key, then press Sync now.",
          reason: 'BILLING_KEY_REFUSED',
        });
        return 'stop';
      case 'permanent':
        // It answered, so it is reachable: only this report is wrong.
        if (this.state === 'offline') this.setState('online', null);
        this.deps.logger.warn('report refused by the billing backend', { id: item.id, kind: item.kind, status: error.status });
        this.deps.repo.markDead(item.id, { code: 'VALIDATION', message: `The billing backend refused this report: ${error.message}`, ...refusalReason(error.status, error.refusal, error.message) });
        return 'dead';
    }
  }

  private wakeWhenDue(): void {
    if (this.timer) this.deps.clock.clearTimeout(this.timer);
    this.timer = null;
    if (this.stopped || this.state === 'paused') return;
    const at = this.deps.repo.nextAttemptAt();
    if (at === null) return;
    this.timer = this.deps.clock.setTimeout(() => {
      this.timer = null;
      this.kick();
    }, Math.max(0, at - this.deps.clock.now()));
  }

  private setState(state: SyncStatus['state'], problem: AppError | null): void {
    this.state = state;
    this.problem = problem;
  }

  private publish(): void {
    this.deps.publish(this.status());
  }
}
