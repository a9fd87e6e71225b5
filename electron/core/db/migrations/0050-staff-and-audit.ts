import type { Migration } from './index';

export const migration0050StaffAndAudit: Migration = {
  version: 50,
  name: 'staff with PINs, the audit log, and who made each sale and refund',
  up(db) {
    db.exec(`
      -- Cashiers and managers. The PIN is kept only as an scrypt hash with its own salt
      -- (pin_hash holds both, self-describing). Five wrong PINs lock the member for a time that
      -- grows with each lockout (lockouts), until a right PIN resets both counters.
      CREATE TABLE staff (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
        role TEXT NOT NULL CHECK (role IN ('cashier', 'manager')),
        pin_hash TEXT NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
        lockouts INTEGER NOT NULL DEFAULT 0 CHECK (lockouts >= 0),
        locked_until INTEGER,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at INTEGER NOT NULL
      ) STRICT;

      -- The electronic journal: every money movement and every sign-in or manager action, who
      -- (and, for an approval, which manager), when, on which till, what, before and after.
      -- Append-only: no code path updates or deletes a row, and the triggers refuse it anyway.
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        till_id TEXT NOT NULL,
        action TEXT NOT NULL,
        actor_id TEXT,
        actor_name TEXT,
        approver_id TEXT,
        approver_name TEXT,
        subject_id TEXT,
        before_json TEXT,
        after_json TEXT
      ) STRICT;
      CREATE INDEX audit_log_by_time ON audit_log (at);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

      -- Who sold, and who refunded (and which manager approved it). Older rows have none.
      ALTER TABLE sales ADD COLUMN cashier_id TEXT;
      ALTER TABLE sales ADD COLUMN cashier_name TEXT;
      ALTER TABLE subscription_sales ADD COLUMN cashier_id TEXT;
      ALTER TABLE subscription_sales ADD COLUMN cashier_name TEXT;
      ALTER TABLE refunds ADD COLUMN cashier_id TEXT;
      ALTER TABLE refunds ADD COLUMN cashier_name TEXT;
      ALTER TABLE refunds ADD COLUMN approver_id TEXT;
      ALTER TABLE refunds ADD COLUMN approver_name TEXT;
    `);
  },
};
