import type { Migration } from './index';

export const migration0010InitialSchema: Migration = {
  version: 10,
  name: 'initial schema: catalogue cache and subscription sales',
  up(db) {
    db.exec(`
      CREATE TABLE catalogue_cache (
        kind TEXT PRIMARY KEY,
        etag TEXT,
        body TEXT NOT NULL,
        fetched_at INTEGER NOT NULL
      ) STRICT;

      -- One row per subscription sale. The idempotency keys for every remote mutation the sale can
      -- make are minted with the row, so they are on disk before the first attempt of any of them.
      CREATE TABLE subscription_sales (
        id TEXT PRIMARY KEY,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        plan_json TEXT NOT NULL,
        phone_country TEXT NOT NULL CHECK (phone_country IN ('NO', 'DK', 'FI')),
        msisdn TEXT NOT NULL CHECK (msisdn GLOB '[0-9]*' AND length(msisdn) BETWEEN 9 AND 15),
        profile_scopes TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN
          ('requested', 'pending', 'capturing', 'active', 'rejected', 'expired', 'cancelled', 'failed')),
        create_key TEXT NOT NULL UNIQUE,
        stop_key TEXT NOT NULL UNIQUE,
        capture_key TEXT NOT NULL UNIQUE,
        agreement_id TEXT UNIQUE,
        confirmation_url TEXT,
        expires_at INTEGER,
        initial_charge_id TEXT,
        initial_charge_status TEXT,
        profile_json TEXT,
        problem_json TEXT,
        outcome_reason TEXT,
        cancel_requested INTEGER NOT NULL DEFAULT 0 CHECK (cancel_requested IN (0, 1)),
        create_attempts INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE INDEX subscription_sales_open ON subscription_sales (created_at)
        WHERE status IN ('requested', 'pending', 'capturing');
    `);
  },
};
