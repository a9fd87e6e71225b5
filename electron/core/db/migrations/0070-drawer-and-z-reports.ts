import type { Migration } from './index';

export const migration0070DrawerAndZReports: Migration = {
  version: 70,
  name: 'cash drawer movements, Z-reports, and the new intentions in client_requests',
  up(db) {
    db.exec(`
      -- Cash put into or taken out of the drawer outside a sale: the opening float, cash in, cash
      -- out, each with its reason and who did it. Append-only: a mistake is corrected by another
      -- movement, so the drawer's history stays what happened.
      CREATE TABLE cash_movements (
        id TEXT PRIMARY KEY,
        at INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('float', 'in', 'out')),
        amount INTEGER NOT NULL CHECK (amount > 0),
        currency TEXT NOT NULL CHECK (currency IN ('NOK', 'DKK', 'EUR')),
        reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
        actor_id TEXT,
        actor_name TEXT,
        approver_id TEXT,
        approver_name TEXT
      ) STRICT;
      CREATE INDEX cash_movements_by_time ON cash_movements (at);
      CREATE TRIGGER cash_movements_no_update BEFORE UPDATE ON cash_movements
        BEGIN SELECT RAISE(ABORT, 'cash_movements is append-only'); END;
      CREATE TRIGGER cash_movements_no_delete BEFORE DELETE ON cash_movements
        BEGIN SELECT RAISE(ABORT, 'cash_movements is append-only'); END;

      -- End-of-day reports. Numbered per till without gaps, each holding the grand total of every
      -- Z before it plus its own net; immutable once written. The database holds all three rules
      -- itself, so no code path (or a hand with sqlite3) can break the sequence unnoticed.
      CREATE TABLE z_reports (
        till_id TEXT NOT NULL,
        number INTEGER NOT NULL CHECK (number >= 1),
        id TEXT NOT NULL UNIQUE,
        period_start INTEGER NOT NULL,
        closed_at INTEGER NOT NULL CHECK (closed_at >= period_start),
        currency TEXT NOT NULL CHECK (currency IN ('NOK', 'DKK', 'EUR')),
        net INTEGER NOT NULL,
        grand_total INTEGER NOT NULL,
        expected_cash INTEGER NOT NULL,
        counted_cash INTEGER NOT NULL,
        cash_difference INTEGER NOT NULL CHECK (cash_difference = counted_cash - expected_cash),
        unsynced INTEGER NOT NULL CHECK (unsynced >= 0),
        closed_by_id TEXT,
        closed_by_name TEXT,
        report_json TEXT NOT NULL,
        PRIMARY KEY (till_id, number)
      ) STRICT;
      CREATE TRIGGER z_reports_unbroken BEFORE INSERT ON z_reports
        WHEN NEW.number <> COALESCE((SELECT max(number) FROM z_reports WHERE till_id = NEW.till_id), 0) + 1
        BEGIN SELECT RAISE(ABORT, 'Z-reports are numbered without gaps'); END;
      CREATE TRIGGER z_reports_grand_total BEFORE INSERT ON z_reports
        WHEN NEW.grand_total <> COALESCE((SELECT grand_total FROM z_reports WHERE till_id = NEW.till_id ORDER BY number DESC LIMIT 1), 0) + NEW.net
        BEGIN SELECT RAISE(ABORT, 'the grand total is the previous grand total plus this net'); END;
      CREATE TRIGGER z_reports_no_update BEFORE UPDATE ON z_reports
        BEGIN SELECT RAISE(ABORT, 'z_reports is immutable'); END;
      CREATE TRIGGER z_reports_no_delete BEFORE DELETE ON z_reports
        BEGIN SELECT RAISE(ABORT, 'z_reports is immutable'); END;

      -- client_requests gets the drawer and closing intentions. SQLite cannot change a CHECK, so
      -- the table is rebuilt in this transaction with every row (its triggers go with the old table
      -- and are made again).
      CREATE TABLE client_requests_new (
        request_id TEXT PRIMARY KEY CHECK (length(request_id) BETWEEN 8 AND 64),
        call TEXT NOT NULL CHECK (call IN ('subscription.start', 'payment.start', 'payment.cash', 'sale.refund', 'drawer.move', 'zreport.close')),
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
    `);
  },
};
