import type { Database } from 'better-sqlite3';
import { StatementCache } from '../statement-cache';
import { z } from 'zod';
import { appErrorSchema, type AppError } from '../../../../shared/result';
import { outboxKindSchema, type OutboxKind } from '../../../../shared/sync';

export interface OutboxItem {
  seq: number;
  id: string;
  kind: OutboxKind;
  subjectId: string;
  orderingKey: string;
  /** Parsed JSON, still to be checked against the report's schema by whoever reads it. */
  payload: unknown;
  status: 'pending' | 'delivered' | 'dead' | 'discarded';
  attempts: number;
  nextAttemptAt: number;
  lastError: AppError | null;
  createdAt: number;
}

const row = z.object({
  seq: z.number().int(),
  id: z.string(),
  kind: outboxKindSchema,
  subject_id: z.string(),
  ordering_key: z.string(),
  payload_json: z.string(),
  status: z.enum(['pending', 'delivered', 'dead', 'discarded']),
  attempts: z.number().int(),
  next_attempt_at: z.number().int(),
  last_error_json: z.string().nullable(),
  created_at: z.number().int(),
});

/**
 * The durable outbox. `enqueue` must run inside the caller's transaction, together with the row
 * it reports: that is the whole point. Items of one ordering key are handed out strictly in order;
 * a dead item holds back the items behind it until it is retried or discarded.
 */
export class OutboxRepo {
  private readonly sql: StatementCache;

  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {
    this.sql = new StatementCache(db);
  }

  enqueue(item: { id: string; kind: OutboxKind; subjectId: string; orderingKey: string; payload: unknown }): void {
    if (!this.db.inTransaction) throw new Error('An outbox item must be written in the same transaction as the row it reports');
    const at = this.now();
    this.sql
      .get(
        `INSERT INTO outbox (id, kind, subject_id, ordering_key, payload_json, status, next_attempt_at, created_at)
         VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)`,
      )
      .run(item.id, item.kind, item.subjectId, item.orderingKey, JSON.stringify(item.payload), at, at);
  }

  /** Items that may be delivered now: due, and first in their ordering key's queue. */
  due(limit: number): OutboxItem[] {
    return this.sql
      .get(
        `SELECT o.* FROM outbox o
         WHERE o.status = 'pending' AND o.next_attempt_at <= ?
           AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.ordering_key = o.ordering_key AND p.seq < o.seq AND p.status IN ('pending', 'dead'))
         ORDER BY o.seq LIMIT ?`,
      )
      .all(this.now(), limit)
      .map(toItem);
  }

  /**
   * When the next deliverable item becomes due, or null. Items held back behind a dead letter do
   * not count: waking up for them would only find them blocked again.
   */
  nextAttemptAt(): number | null {
    const found = this.sql
      .get(
        `SELECT min(o.next_attempt_at) AS at FROM outbox o
         WHERE o.status = 'pending'
           AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.ordering_key = o.ordering_key AND p.seq < o.seq AND p.status IN ('pending', 'dead'))`,
      )
      .get() as { at: number | null };
    return found.at;
  }

  get(id: string): OutboxItem | null {
    const found = this.sql.get('SELECT * FROM outbox WHERE id = ?').get(id);
    return found ? toItem(found) : null;
  }

  markDelivered(id: string): void {
    this.markAllDelivered([id]);
  }

  /** One commit for a round of deliveries. Losing it in a crash only means idempotent re-sends. */
  markAllDelivered(ids: readonly string[]): void {
    const mark = this.sql.get("UPDATE outbox SET status = 'delivered', delivered_at = ?, last_error_json = NULL WHERE id = ? AND status = 'pending'");
    const at = this.now();
    this.db.transaction(() => ids.forEach((id) => mark.run(at, id)))();
  }

  reschedule(id: string, nextAttemptAt: number, error: AppError): void {
    this.sql
      .get("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error_json = ? WHERE id = ? AND status = 'pending'")
      .run(nextAttemptAt, JSON.stringify(error), id);
  }

  markDead(id: string, error: AppError): void {
    this.sql
      .get("UPDATE outbox SET status = 'dead', attempts = attempts + 1, last_error_json = ? WHERE id = ? AND status = 'pending'")
      .run(JSON.stringify(error), id);
  }

  /** A dead letter back in the queue, due now. */
  revive(id: string): boolean {
    return this.sql.get("UPDATE outbox SET status = 'pending', next_attempt_at = ? WHERE id = ? AND status = 'dead'").run(this.now(), id).changes === 1;
  }

  discard(id: string, reason: string): boolean {
    return this.sql.get("UPDATE outbox SET status = 'discarded', discarded_reason = ? WHERE id = ? AND status = 'dead'").run(reason, id).changes === 1;
  }

  /** Everything pending becomes due now (the cashier pressed "Sync now"). */
  expedite(): void {
    this.sql.get("UPDATE outbox SET next_attempt_at = ? WHERE status = 'pending' AND next_attempt_at > ?").run(this.now(), this.now());
  }

  deadLetters(): OutboxItem[] {
    return this.sql.get("SELECT * FROM outbox WHERE status = 'dead' ORDER BY seq").all().map(toItem);
  }

  stats(): { waiting: number; oldestWaitingSince: number | null; lastDeliveredAt: number | null; deadLetters: number } {
    const waiting = this.sql.get("SELECT count(*) AS n, min(created_at) AS oldest FROM outbox WHERE status = 'pending'").get() as { n: number; oldest: number | null };
    const dead = this.sql.get("SELECT count(*) AS n FROM outbox WHERE status = 'dead'").get() as { n: number };
    const delivered = this.sql.get("SELECT max(delivered_at) AS at FROM outbox WHERE status = 'delivered'").get() as { at: number | null };
    return { waiting: waiting.n, oldestWaitingSince: waiting.oldest, lastDeliveredAt: delivered.at, deadLetters: dead.n };
  }
}

function toItem(raw: unknown): OutboxItem {
  const parsed = row.parse(raw);
  let payload: unknown;
  try {
    payload = JSON.parse(parsed.payload_json);
  } catch {
    payload = undefined;
  }
  return {
    seq: parsed.seq,
    id: parsed.id,
    kind: parsed.kind,
    subjectId: parsed.subject_id,
    orderingKey: parsed.ordering_key,
    payload,
    status: parsed.status,
    attempts: parsed.attempts,
    nextAttemptAt: parsed.next_attempt_at,
    lastError: parsed.last_error_json ? appErrorSchema.parse(JSON.parse(parsed.last_error_json)) : null,
    createdAt: parsed.created_at,
  };
}
