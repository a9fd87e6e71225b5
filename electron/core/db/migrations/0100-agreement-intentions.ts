import type { Migration } from './index';

export const migration0100AgreementIntentions: Migration = {
  version: 100,
  name: "client_requests for the agreement intentions; outbox kind 'agreement-event'",
  up(db) {
    // SQLite cannot ALTER a CHECK: both tables are rebuilt with every row, as in 0070 and 0080.
    const { high } = db.prepare("SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0) AS high").get() as { high: number };
    db.exec(`
      CREATE TABLE client_requests_new (
        request_id TEXT PRIMARY KEY CHECK (length(request_id) BETWEEN 8 AND 64),
        call TEXT NOT NULL CHECK (call IN ('subscription.start', 'payment.start', 'payment.cash', 'sale.refund', 'drawer.move', 'zreport.close',
          'agreement.changePlan', 'agreement.stop', 'charge.refund', 'charge.cancel')),
        body_hash TEXT NOT NULL CHECK (length(body_hash) = 64),
        subject_id TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
      INSERT INTO client_requests_new (request_id, call, body_hash, subject_id, created_at)
        SELECT request_id, call, body_hash, subject_id, created_at FROM client_requests;
      DROP TABLE client_requests;
      ALTER TABLE client_requests_new RENAME TO client_requests;
      CREATE TRIGGER client_requests_no_update BEFORE UPDATE ON client_requests
        BEGIN SELECT RAISE(ABORT, 'client_requests is append-only'); END;
      CREATE TRIGGER client_requests_no_delete BEFORE DELETE ON client_requests
        BEGIN SELECT RAISE(ABORT, 'client_requests is append-only'); END;

      CREATE TABLE outbox_new (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('sale', 'agreement', 'refund', 'z-report', 'agreement-event')),
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
    db.prepare("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'outbox'").run(high);
    db.prepare("INSERT INTO sqlite_sequence (name, seq) SELECT 'outbox', ? WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'outbox')").run(high);
  },
};
