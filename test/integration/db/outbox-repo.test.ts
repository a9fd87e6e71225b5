import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open-database';
import { OutboxRepo } from '../../../electron/core/db/repos/outbox-repo';
import { makeTempDir } from '../../support/temp-dir';

let dir: ReturnType<typeof makeTempDir>;
let db: Database;
let now = 1_000;
let repo: OutboxRepo;

beforeEach(() => {
  dir = makeTempDir();
  db = openDatabase(dir.path);
  now = 1_000;
  repo = new OutboxRepo(db, () => now);
});
afterEach(() => {
  db.close();
  dir.cleanup();
});

const enqueue = (id: string, orderingKey: string, kind: 'sale' | 'refund' = 'sale') =>
  db.transaction(() => repo.enqueue({ id, kind, subjectId: `${kind}-${id}`, orderingKey, payload: { id } }))();

describe('the outbox', () => {
  it('refuses an item written outside a transaction', () => {
    expect(() => repo.enqueue({ id: 'x', kind: 'sale', subjectId: 's', orderingKey: 's', payload: {} })).toThrow(/same transaction/);
  });

  it('hands out only the first item of each sale, in order', () => {
    enqueue('a1', 'A');
    enqueue('b1', 'B');
    enqueue('a2', 'A', 'refund');
    expect(repo.due(10).map((i) => i.id)).toEqual(['a1', 'b1']);
    repo.markDelivered('a1');
    expect(repo.due(10).map((i) => i.id)).toEqual(['b1', 'a2']);
  });

  it('lets a dead letter hold back the rest of its sale, and not wake anyone for them', () => {
    enqueue('a1', 'A');
    enqueue('a2', 'A', 'refund');
    repo.markDead('a1', { code: 'VALIDATION', message: 'refused' });
    expect(repo.due(10)).toEqual([]);
    expect(repo.nextAttemptAt()).toBeNull();
    expect(repo.stats()).toMatchObject({ waiting: 1, deadLetters: 1 });
    expect(repo.discard('a1', 'sold twice by mistake')).toBe(true);
    expect(repo.due(10).map((i) => i.id)).toEqual(['a2']);
  });

  it('keeps the retry schedule in SQLite', () => {
    enqueue('a1', 'A');
    repo.reschedule('a1', 61_000, { code: 'BILLING_UNAVAILABLE', message: 'down' });
    expect(repo.due(10)).toEqual([]);
    expect(repo.nextAttemptAt()).toBe(61_000);
    now = 61_000;
    expect(repo.due(10)[0]).toMatchObject({ id: 'a1', attempts: 1, lastError: { code: 'BILLING_UNAVAILABLE' } });
    repo.reschedule('a1', 999_000, { code: 'BILLING_UNAVAILABLE', message: 'down' });
    repo.expedite();
    expect(repo.due(10).map((i) => i.id)).toEqual(['a1']);
  });

  it('never deletes: delivered, dead and discarded items stay as evidence', () => {
    enqueue('a1', 'A');
    enqueue('b1', 'B');
    repo.markDelivered('a1');
    repo.markDead('b1', { code: 'VALIDATION', message: 'no' });
    repo.discard('b1', 'duplicate of a1');
    expect(db.prepare('SELECT id, status, discarded_reason FROM outbox ORDER BY seq').all()).toEqual([
      { id: 'a1', status: 'delivered', discarded_reason: null },
      { id: 'b1', status: 'discarded', discarded_reason: 'duplicate of a1' },
    ]);
  });

  it('uses its indexes for the hot query', () => {
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT o.* FROM outbox o WHERE o.status = 'pending' AND o.next_attempt_at <= 1
         AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.ordering_key = o.ordering_key AND p.seq < o.seq AND p.status IN ('pending', 'dead'))
         ORDER BY o.seq LIMIT 8`,
      )
      .all() as { detail: string }[];
    const text = plan.map((p) => p.detail).join(' | ');
    expect(text).toMatch(/outbox_queue/);
  });
});
