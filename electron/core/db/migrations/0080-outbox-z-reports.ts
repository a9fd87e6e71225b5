import type { Migration } from './index';

export const migration0080OutboxZReports: Migration = {
  version: 80,
  name: "outbox kind 'z-report'",
  up(db) {
    // SQLite cannot ALTER a CHECK: the outbox is rebuilt with every row, its seq (and so the
    // AUTOINCREMENT high-water mark) and its indexes, inside the migration's transaction.
    const { high } = db.prepare("SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0) AS high").get() as { high: number };
    db.exec(`
      CREATE TABLE outbox_new (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('sale', 'agreement', 'refund', 'z-report')),
        subject_id TEXT NOT NULL,
        ordering_key TEXT NOT NULL,
        payload_json TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'dead', 'discarded')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at INTEGER NOT NULL,
        last_error_json TEXT,
        created_at INTEGER NOT NULL,
        delivered_at INTEGER,
        discarded_reason TEXT,
        UNIQUE (kind, subject_id)
      ) STRICT;
      INSERT INTO outbox_new SELECT seq, id, kind, subject_id, ordering_key, payload_json, status, attempts,
        next_attempt_at, last_error_json, created_at, delivered_at, discarded_reason FROM outbox;
      DROP TABLE outbox;
      ALTER TABLE outbox_new RENAME TO outbox;
      CREATE INDEX outbox_due ON outbox (next_attempt_at, seq) WHERE status = 'pending';
      CREATE INDEX outbox_queue ON outbox (ordering_key, seq) WHERE status IN ('pending', 'dead');
    `);
    // Never hand out a seq the old table already used, even if its last rows were never kept.
    db.prepare("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'outbox'").run(high);
    db.prepare("INSERT INTO sqlite_sequence (name, seq) SELECT 'outbox', ? WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'outbox')").run(high);
  },
};
