import type { Migration } from './index';

export const migration0040ClientRequests: Migration = {
  version: 40,
  name: 'client request ids of cashier intentions',
  up(db) {
    db.exec(`
      -- One row per cashier intention that moved money or made an agreement, written in the same
      -- transaction as the row it created (subject_id: a sale, a subscription sale or a refund).
      -- The primary key is the renderer's request id, so a retry of the same intention finds what
      -- the first attempt made instead of making it again. body_hash tells a true retry from a
      -- different request that reuses the id by mistake. Rows are never updated or deleted.
      CREATE TABLE client_requests (
        request_id TEXT PRIMARY KEY CHECK (length(request_id) BETWEEN 8 AND 64),
        call TEXT NOT NULL CHECK (call IN ('subscription.start', 'payment.start', 'payment.cash', 'sale.refund')),
        body_hash TEXT NOT NULL CHECK (length(body_hash) = 64),
        subject_id TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TRIGGER client_requests_no_update BEFORE UPDATE ON client_requests
        BEGIN SELECT RAISE(ABORT, 'client_requests is append-only'); END;
      CREATE TRIGGER client_requests_no_delete BEFORE DELETE ON client_requests
        BEGIN SELECT RAISE(ABORT, 'client_requests is append-only'); END;
    `);
  },
};
