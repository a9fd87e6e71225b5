import type { Migration } from './index';

export const migration0030Outbox: Migration = {
  version: 30,
  name: 'outbox of reports to the billing backend',
  up(db) {
    db.exec(`
      -- Every finished sale, agreement and refund becomes an item here in the same transaction as
      -- the row it reports. The item id is its idempotency key; seq orders items; items with the
      -- same ordering_key (one sale) are delivered strictly in seq order. Nothing is ever deleted:
      -- a delivered item keeps its delivery time, a dead one its error, a discarded one its reason.
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('sale', 'agreement', 'refund')),
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

      CREATE INDEX outbox_due ON outbox (next_attempt_at, seq) WHERE status = 'pending';
      CREATE INDEX outbox_queue ON outbox (ordering_key, seq) WHERE status IN ('pending', 'dead');
    `);
  },
};
