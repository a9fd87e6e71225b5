import type { Migration } from './index';

export const migration0130SignupGaps: Migration = {
  version: 130,
  name: "agreement operations may end 'unconfirmed' (a 202 followed past its deadline); subscription sales get a receipt number",
  up(db) {
    // SQLite cannot ALTER a CHECK: the operations table is rebuilt with every row, as in 0100.
    db.exec(`
      CREATE TABLE agreement_operations_new (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('change-plan', 'stop', 'refund-charge', 'cancel-charge')),
        agreement_id TEXT NOT NULL CHECK (length(agreement_id) BETWEEN 1 AND 64),
        idempotency_key TEXT NOT NULL UNIQUE,
        body_json TEXT NOT NULL,
        -- unconfirmed: Vipps answered 202, the till followed it until its deadline and the change
        -- did not show; the till stops asking on its own, the cashier can check again.
        status TEXT NOT NULL CHECK (status IN ('requested', 'accepted', 'unconfirmed', 'done', 'failed')),
        plan_id TEXT,
        previous_plan_id TEXT,
        reason TEXT,
        charge_id TEXT,
        amount INTEGER CHECK (amount IS NULL OR amount > 0),
        currency TEXT CHECK (currency IS NULL OR currency IN ('NOK', 'DKK', 'EUR')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        problem_json TEXT,
        actor_id TEXT,
        actor_name TEXT,
        approver_id TEXT,
        approver_name TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        -- When Vipps first answered 202: the follow's deadline is counted from here, across restarts.
        accepted_at INTEGER
      ) STRICT;
      INSERT INTO agreement_operations_new (id, kind, agreement_id, idempotency_key, body_json, status, plan_id, previous_plan_id,
          reason, charge_id, amount, currency, attempts, problem_json, actor_id, actor_name, approver_id, approver_name, created_at, updated_at,
          accepted_at)
        SELECT id, kind, agreement_id, idempotency_key, body_json, status, plan_id, previous_plan_id, reason, charge_id, amount, currency,
          attempts, problem_json, actor_id, actor_name, approver_id, approver_name, created_at, updated_at,
          CASE WHEN status = 'accepted' THEN updated_at END
        FROM agreement_operations;
      DROP TABLE agreement_operations;
      ALTER TABLE agreement_operations_new RENAME TO agreement_operations;
      CREATE INDEX agreement_operations_open ON agreement_operations (created_at) WHERE status IN ('requested', 'accepted');
      CREATE INDEX agreement_operations_by_agreement ON agreement_operations (agreement_id, created_at);

      -- The till's receipt number of a sign-up, from the same counter as goods sales: the initial
      -- charge's externalId (Vipps' settlement reports) and the number on the customer's receipt.
      -- NULL on sales made before this migration.
      ALTER TABLE subscription_sales ADD COLUMN receipt_number TEXT;
      CREATE UNIQUE INDEX subscription_sales_receipt ON subscription_sales (receipt_number) WHERE receipt_number IS NOT NULL;
    `);
  },
};
