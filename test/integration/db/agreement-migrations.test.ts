import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations/index';

const hash = 'a'.repeat(64);

describe('migrations 0090 and 0100', () => {
  it('0090 keeps one operation per idempotency key, of the known kinds and states', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, MIGRATIONS, 90);
    const insert = db.prepare(
      "INSERT INTO agreement_operations (id, kind, agreement_id, idempotency_key, body_json, status, created_at, updated_at) VALUES (?, ?, 'agr_1', ?, '{}', ?, 1, 1)",
    );
    insert.run('op1', 'change-plan', 'k1', 'requested');
    expect(() => insert.run('op2', 'stop', 'k1', 'requested')).toThrow(/UNIQUE/);
    expect(() => insert.run('op3', 'pause', 'k3', 'requested')).toThrow(/CHECK/);
    expect(() => insert.run('op4', 'stop', 'k4', 'sent')).toThrow(/CHECK/);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM agreement_operations WHERE status IN ('requested', 'accepted') ORDER BY created_at").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/agreement_operations_open/);
    db.close();
  });

  it('0100 keeps every client request and outbox row, and allows the new calls and kind', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, MIGRATIONS, 90);
    db.prepare("INSERT INTO client_requests (request_id, call, body_hash, subject_id, created_at) VALUES ('11111111-1111-4111-8111-111111111111', 'sale.refund', ?, 'r1', 1)").run(hash);
    db.prepare("INSERT INTO outbox (id, kind, subject_id, ordering_key, payload_json, status, next_attempt_at, created_at) VALUES ('o1', 'sale', 's1', 's1', '{}', 'pending', 1, 1)").run();
    migrate(db, MIGRATIONS, 100);
    expect(db.prepare('SELECT count(*) AS n FROM client_requests').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT seq, id FROM outbox').all()).toEqual([{ seq: 1, id: 'o1' }]);
    db.prepare("INSERT INTO client_requests (request_id, call, body_hash, subject_id, created_at) VALUES ('22222222-2222-4222-8222-222222222222', 'agreement.changePlan', ?, 'op1', 1)").run(hash);
    db.prepare("INSERT INTO outbox (id, kind, subject_id, ordering_key, payload_json, status, next_attempt_at, created_at) VALUES ('o2', 'agreement-event', 'op1', 's1', '{}', 'pending', 1, 1)").run();
    expect(db.prepare("SELECT seq FROM outbox WHERE id = 'o2'").get()).toEqual({ seq: 2 });
    expect(() => db.prepare("UPDATE client_requests SET subject_id = 'x'").run()).toThrow(/append-only/);
    db.close();
  });

  it('0130 keeps every operation (an open 202 gets its accepted_at), allows unconfirmed, and adds the sign-up receipt number', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, MIGRATIONS, 110);
    const insert = db.prepare(
      "INSERT INTO agreement_operations (id, kind, agreement_id, idempotency_key, body_json, status, created_at, updated_at) VALUES (?, 'change-plan', 'agr_1', ?, '{}', ?, 1, ?)",
    );
    insert.run('op1', 'k1', 'accepted', 5);
    insert.run('op2', 'k2', 'done', 7);
    migrate(db, MIGRATIONS, 130);
    expect(db.prepare('SELECT id, status, accepted_at FROM agreement_operations ORDER BY id').all()).toEqual([
      { id: 'op1', status: 'accepted', accepted_at: 5 },
      { id: 'op2', status: 'done', accepted_at: null },
    ]);
    db.prepare("UPDATE agreement_operations SET status = 'unconfirmed' WHERE id = 'op1'").run();
    expect(() => db.prepare("UPDATE agreement_operations SET status = 'lost' WHERE id = 'op1'").run()).toThrow(/CHECK/);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM agreement_operations WHERE status IN ('requested', 'accepted') ORDER BY created_at").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/agreement_operations_open/);
    const columns = db.prepare('PRAGMA table_info(subscription_sales)').all() as { name: string }[];
    expect(columns.map((c) => c.name)).toContain('receipt_number');
    db.close();
  });
});
