import type { Migration } from './index';

export const migration0020OneOffSales: Migration = {
  version: 20,
  name: 'one-off sales (ePayment and cash), refunds, receipt numbers',
  up(db) {
    db.exec(`
      -- One row per sale of goods. Lines and totals are frozen copies of the cart at the moment of
      -- sale. Every idempotency key the sale can need is minted with the row.
      CREATE TABLE sales (
        id TEXT PRIMARY KEY,
        reference TEXT NOT NULL UNIQUE CHECK (length(reference) BETWEEN 8 AND 64 AND reference NOT GLOB '*[^a-zA-Z0-9-]*'),
        receipt_number TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        tender TEXT NOT NULL CHECK (tender IN ('vipps-push', 'vipps-qr', 'cash')),
        status TEXT NOT NULL CHECK (status IN
          ('requested', 'waiting', 'capturing', 'completed', 'aborted', 'expired', 'terminated', 'released', 'failed')),
        currency TEXT NOT NULL CHECK (currency IN ('NOK', 'DKK', 'EUR')),
        total INTEGER NOT NULL CHECK (total > 0),
        lines_json TEXT NOT NULL,
        totals_json TEXT NOT NULL,
        phone_country TEXT CHECK (phone_country IN ('NO', 'DK', 'FI')),
        msisdn TEXT CHECK (msisdn GLOB '[0-9]*'),
        create_key TEXT NOT NULL UNIQUE,
        capture_key TEXT NOT NULL UNIQUE,
        cancel_key TEXT NOT NULL UNIQUE,
        qr_url TEXT,
        expires_at INTEGER,
        psp_reference TEXT,
        authorized INTEGER NOT NULL DEFAULT 0 CHECK (authorized >= 0),
        captured INTEGER NOT NULL DEFAULT 0 CHECK (captured >= 0),
        refunded INTEGER NOT NULL DEFAULT 0 CHECK (refunded >= 0 AND refunded <= captured),
        cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled >= 0),
        cash_tendered INTEGER CHECK (cash_tendered IS NULL OR cash_tendered >= total),
        cash_change INTEGER CHECK (cash_change IS NULL OR cash_change = cash_tendered - total),
        problem_json TEXT,
        cancel_requested INTEGER NOT NULL DEFAULT 0 CHECK (cancel_requested IN (0, 1)),
        create_attempts INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE INDEX sales_open ON sales (created_at) WHERE status IN ('requested', 'waiting', 'capturing');
      CREATE INDEX sales_by_time ON sales (created_at);

      -- A refund is stored with its idempotency key before Vipps hears of it, so a retry after a
      -- crash or a lost answer refunds once.
      CREATE TABLE refunds (
        id TEXT PRIMARY KEY,
        sale_id TEXT NOT NULL REFERENCES sales (id),
        amount INTEGER NOT NULL CHECK (amount > 0),
        idempotency_key TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'refunded', 'failed')),
        problem_json TEXT
      ) STRICT;

      CREATE INDEX refunds_by_sale ON refunds (sale_id, created_at);
      CREATE INDEX refunds_pending ON refunds (created_at) WHERE status = 'pending';

      -- Receipt numbers run without gaps per till.
      CREATE TABLE receipt_counter (
        till_id TEXT PRIMARY KEY,
        last INTEGER NOT NULL CHECK (last >= 0)
      ) STRICT;
    `);
  },
};
