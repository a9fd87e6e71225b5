import type { Migration } from './index';

export const migration0090AgreementOperations: Migration = {
  version: 90,
  name: 'agreement operations (plan change, stop, charge refund/cancel) and billing registrations',
  up(db) {
    db.exec(`
      -- One row per change the till makes to an existing agreement. The Idempotency-Key and the
      -- exact body are stored before Vipps hears of it, so a retry after a crash sends the same
      -- request with the same key, and a 202 is followed from here until the agreement shows it.
      CREATE TABLE agreement_operations (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('change-plan', 'stop', 'refund-charge', 'cancel-charge')),
        agreement_id TEXT NOT NULL CHECK (length(agreement_id) BETWEEN 1 AND 64),
        idempotency_key TEXT NOT NULL UNIQUE,
        body_json TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('requested', 'accepted', 'done', 'failed')),
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
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX agreement_operations_open ON agreement_operations (created_at) WHERE status IN ('requested', 'accepted');
      CREATE INDEX agreement_operations_by_agreement ON agreement_operations (agreement_id, created_at);

      -- What the billing backend answered when an agreement made here was registered: its own id,
      -- the subscriber and the account. One per Vipps agreement.
      CREATE TABLE agreement_registrations (
        vipps_agreement_id TEXT PRIMARY KEY,
        billing_agreement_id TEXT NOT NULL,
        subscriber_id TEXT NOT NULL,
        account_id TEXT NOT NULL,
        registered_at TEXT NOT NULL,
        stored_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
