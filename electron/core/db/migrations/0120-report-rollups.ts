import { RefundFacts } from '../../reports/refund-facts';
import { salesRollup, soldLinesRollup } from '../../reports/report-rollups';
import { rollupBackfill, rollupTriggers } from '../rollup-triggers';
import type { Migration } from './index';

export const migration0120ReportRollups: Migration = {
  version: 120,
  name: 'report roll-ups per quarter hour, refund parts per VAT rate, the VAT rate of initial charges',
  up(db) {
    db.exec(`
      -- The VAT rate of the plan, kept with the agreement's initial charge so the reports can put
      -- its VAT under the right rate. Plans sold before plans had one keep NULL: such a charge counts
      -- in the totals but under no rate (nothing is guessed).
      ALTER TABLE subscription_sales ADD COLUMN initial_charge_vat_rate INTEGER
        CHECK (initial_charge_vat_rate IS NULL OR initial_charge_vat_rate BETWEEN 0 AND 10000);
      UPDATE subscription_sales SET initial_charge_vat_rate = json_extract(plan_json, '$.vatRate')
        WHERE json_type(plan_json, '$.initialCharge') = 'object'
          AND json_type(plan_json, '$.vatRate') = 'integer' AND json_extract(plan_json, '$.vatRate') BETWEEN 0 AND 10000;

      -- Sales and sold lines summed per quarter hour (see reports/report-rollups.ts), kept equal to
      -- their rows by triggers in the transaction of every write.
      CREATE TABLE sales_by_slot (
        slot INTEGER NOT NULL,
        tender TEXT NOT NULL,
        cashier_id TEXT NOT NULL,
        cashier_name TEXT NOT NULL,
        row_count INTEGER NOT NULL,
        gross INTEGER NOT NULL,
        PRIMARY KEY (slot, tender, cashier_id, cashier_name)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE sold_lines_by_slot (
        slot INTEGER NOT NULL,
        product_id TEXT NOT NULL,
        name TEXT NOT NULL,
        vat_rate INTEGER NOT NULL,
        row_count INTEGER NOT NULL,
        quantity INTEGER NOT NULL,
        total INTEGER NOT NULL,
        vat INTEGER NOT NULL,
        PRIMARY KEY (slot, product_id, name, vat_rate)
      ) STRICT, WITHOUT ROWID;
      ${rollupBackfill(salesRollup)}
      ${rollupBackfill(soldLinesRollup)}
      ${rollupTriggers(salesRollup)}
      ${rollupTriggers(soldLinesRollup)}

      -- Money paid back, split over the VAT rates it is refunded at, written when it is paid back:
      -- a goods refund over its sale's rates (largest remainder), a refund of an agreement's initial
      -- charge at the plan's rate. Part 0 of each refund carries its count. A refund whose rates are
      -- unknown is one part with no rate. Append-only, like the money it records.
      CREATE TABLE refund_parts (
        refund_id TEXT NOT NULL,
        part_no INTEGER NOT NULL CHECK (part_no >= 0),
        refunded_at INTEGER NOT NULL,
        tender TEXT NOT NULL CHECK (tender IN ('vipps-push', 'vipps-qr', 'cash', 'agreement')),
        cashier_id TEXT,
        cashier_name TEXT,
        vat_rate INTEGER CHECK (vat_rate IS NULL OR vat_rate BETWEEN 0 AND 10000),
        total INTEGER NOT NULL CHECK (total >= 0),
        vat INTEGER NOT NULL,
        PRIMARY KEY (refund_id, part_no)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX refund_parts_by_time ON refund_parts (refunded_at, tender, cashier_id, cashier_name, vat_rate, part_no, total, vat);
      CREATE TRIGGER refund_parts_no_update BEFORE UPDATE ON refund_parts
        BEGIN SELECT RAISE(ABORT, 'refund_parts is append-only'); END;
      CREATE TRIGGER refund_parts_no_delete BEFORE DELETE ON refund_parts
        BEGIN SELECT RAISE(ABORT, 'refund_parts is append-only'); END;
    `);
    backfillRefundParts(db);
  },
};

type Db = Parameters<Migration['up']>[0];

/**
 * The refunds paid back before this migration, written as the till writes them from now on (the
 * same RefundFacts, so an old refund and a new one are split alike).
 */
function backfillRefundParts(db: Db): void {
  const facts = new RefundFacts(db);
  const saleRefunds = db.prepare("SELECT id FROM refunds WHERE status = 'refunded' AND refunded_at IS NOT NULL").all() as Array<{ id: string }>;
  for (const refund of saleRefunds) facts.saleRefunded(refund.id);
  // A done operation is never changed again: its last change is when the money went back.
  const chargeRefunds = db
    .prepare("SELECT id, agreement_id, charge_id, amount, actor_id, actor_name, updated_at FROM agreement_operations WHERE kind = 'refund-charge' AND status = 'done'")
    .all() as Array<{ id: string; agreement_id: string; charge_id: string | null; amount: number | null; actor_id: string | null; actor_name: string | null; updated_at: number }>;
  for (const op of chargeRefunds) {
    const by = op.actor_id !== null ? { id: op.actor_id, name: op.actor_name ?? '' } : null;
    facts.chargeRefunded({ id: op.id, agreementId: op.agreement_id, chargeId: op.charge_id, amount: op.amount, by }, op.updated_at);
  }
}
