import type { Migration } from './index';

export const migration0060ReportFacts: Migration = {
  version: 60,
  name: 'report facts: when money moved, sold lines, sale events, report indexes',
  up(db) {
    db.exec(`
      -- A sale counts on the day its money was taken (completed_at), a refund on the day it was paid
      -- back (refunded_at), an agreement's initial charge on the day the customer approved
      -- (approved_at). One rule for every report: the moment the money moved. Older rows get the
      -- best time they kept (updated_at of a finished row).
      ALTER TABLE sales ADD COLUMN completed_at INTEGER;
      UPDATE sales SET completed_at = updated_at WHERE status = 'completed';
      ALTER TABLE refunds ADD COLUMN refunded_at INTEGER;
      UPDATE refunds SET refunded_at = updated_at WHERE status = 'refunded';
      ALTER TABLE subscription_sales ADD COLUMN approved_at INTEGER;
      UPDATE subscription_sales SET approved_at = updated_at WHERE status = 'active';
      -- Kept as a column so the day's initial charges are a sum, not a JSON walk of every plan.
      ALTER TABLE subscription_sales ADD COLUMN initial_charge_amount INTEGER;
      UPDATE subscription_sales SET initial_charge_amount = json_extract(plan_json, '$.initialCharge.amount');

      -- The lines of completed sales, one row per line, written in the transaction that completes
      -- the sale. A day's VAT per rate and sales per product are then one index range scan instead
      -- of parsing every sale's lines_json.
      CREATE TABLE sold_lines (
        sale_id TEXT NOT NULL REFERENCES sales (id),
        line_no INTEGER NOT NULL CHECK (line_no >= 0),
        completed_at INTEGER NOT NULL,
        product_id TEXT NOT NULL,
        name TEXT NOT NULL,
        vat_rate INTEGER NOT NULL CHECK (vat_rate BETWEEN 0 AND 10000),
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        total INTEGER NOT NULL,
        vat INTEGER NOT NULL,
        PRIMARY KEY (sale_id, line_no)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO sold_lines (sale_id, line_no, completed_at, product_id, name, vat_rate, quantity, total, vat)
        SELECT s.id, l.key, s.completed_at, json_extract(l.value, '$.productId'), json_extract(l.value, '$.name'),
               json_extract(l.value, '$.vatRate'), json_extract(l.value, '$.quantity'), json_extract(l.value, '$.total'),
               json_extract(l.value, '$.vat')
        FROM sales s, json_each(s.lines_json) l WHERE s.status = 'completed';
      CREATE INDEX sold_lines_by_time ON sold_lines (completed_at, product_id, vat_rate, name, quantity, total, vat);

      -- Every status a sale or agreement went through, when, and who asked for it when someone did.
      -- Written in the same transaction as the status change. Append-only, like the journal.
      CREATE TABLE sale_events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        subject_kind TEXT NOT NULL CHECK (subject_kind IN ('sale', 'agreement')),
        subject_id TEXT NOT NULL,
        at INTEGER NOT NULL,
        status TEXT NOT NULL,
        actor_id TEXT,
        actor_name TEXT
      ) STRICT;
      CREATE INDEX sale_events_by_subject ON sale_events (subject_id, seq);
      CREATE TRIGGER sale_events_no_update BEFORE UPDATE ON sale_events
        BEGIN SELECT RAISE(ABORT, 'sale_events is append-only'); END;
      CREATE TRIGGER sale_events_no_delete BEFORE DELETE ON sale_events
        BEGIN SELECT RAISE(ABORT, 'sale_events is append-only'); END;

      -- The day view's hot queries (their EXPLAIN QUERY PLAN is tested beside the SQL).
      CREATE INDEX sales_completed ON sales (completed_at, tender, cashier_id, cashier_name, total) WHERE status = 'completed';
      CREATE INDEX refunds_by_refunded_at ON refunds (refunded_at) WHERE status = 'refunded';
      CREATE INDEX subscription_sales_by_time ON subscription_sales (created_at, status, cashier_id);
      -- The sales list filters a time range by tender, status and cashier: answered from the index
      -- alone, so its total count does not read 100 000 rows of a busy day.
      CREATE INDEX sales_list ON sales (created_at, tender, status, cashier_id);
      CREATE INDEX subscription_sales_approved ON subscription_sales (approved_at) WHERE approved_at IS NOT NULL;
      CREATE INDEX audit_log_by_subject ON audit_log (subject_id);
    `);
  },
};
