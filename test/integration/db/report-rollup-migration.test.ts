import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations/index';

/** 0120, applied to a database at 110 that holds sales, refunds, agreements and a charge refund. */
const T = 1_795_305_600_000; // a whole quarter hour
const MIN = 60_000;

function atVersion(version: number) {
  const db = new BetterSqlite3(':memory:');
  migrate(db, MIGRATIONS, version);
  return db;
}

function insertSale(db: BetterSqlite3.Database, id: string, options: { status: string; completedAt: number | null; tender?: string; cashier?: string | null; total?: number }) {
  const total = options.total ?? 25_000;
  const totals = JSON.stringify({ currency: 'NOK', total, vat: 4_652, byRate: [{ rate: 2500, base: 16_000, vat: 4_000, total: 20_000 }, { rate: 1500, base: 4_348, vat: 652, total: 5_000 }] });
  db.prepare(
    `INSERT INTO sales (id, reference, receipt_number, created_at, updated_at, tender, status, currency, total, lines_json, totals_json, create_key, capture_key, cancel_key, captured,
       cashier_id, cashier_name, completed_at)
     VALUES (?, ?, ?, 1000, 1000, ?, ?, 'NOK', ?, '[]', ?, ?, ?, ?, 0, ?, ?, ?)`,
  ).run(id, `kassa-${id}-000`, `r-${id}`, options.tender ?? 'cash', options.status, total, totals, `c-${id}`, `p-${id}`, `x-${id}`, options.cashier ?? null, options.cashier ?? null, options.completedAt);
}

function insertLine(db: BetterSqlite3.Database, saleId: string, lineNo: number, at: number, productId: string, rate: number, total: number, vat: number) {
  db.prepare('INSERT INTO sold_lines (sale_id, line_no, completed_at, product_id, name, vat_rate, quantity, total, vat) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)').run(saleId, lineNo, at, productId, productId, rate, total, vat);
}

function insertAgreement(db: BetterSqlite3.Database, id: string, plan: object) {
  db.prepare(
    `INSERT INTO subscription_sales (id, created_at, updated_at, plan_json, phone_country, msisdn, profile_scopes, status, create_key, stop_key, capture_key,
       agreement_id, initial_charge_id, initial_charge_status, approved_at, initial_charge_amount)
     VALUES (?, 1, 2, ?, 'NO', '4791234567', '', 'active', ?, ?, ?, ?, 'chr-1', 'CHARGED', 2, 19900)`,
  ).run(id, JSON.stringify(plan), `${id}-c`, `${id}-s`, `${id}-k`, `agr-${id}`);
}

const rollup = (db: BetterSqlite3.Database) => db.prepare('SELECT slot, tender, cashier_id, cashier_name, row_count, gross FROM sales_by_slot ORDER BY slot, tender, cashier_id').all();
/** What the roll-up must hold: the same sums grouped from the rows themselves. */
const fromRows = (db: BetterSqlite3.Database) =>
  db
    .prepare(
      `SELECT completed_at - completed_at % 900000 AS slot, tender, COALESCE(cashier_id, '') AS cashier_id, COALESCE(cashier_name, '') AS cashier_name, count(*) AS row_count, sum(total) AS gross
       FROM sales WHERE status = 'completed' AND completed_at IS NOT NULL GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3`,
    )
    .all();

describe('0120 report roll-ups', () => {
  it('backfills the quarter-hour roll-ups, the refund parts and the initial charges\' VAT rates', () => {
    const db = atVersion(110);
    insertSale(db, 'a', { status: 'completed', completedAt: T + 1 * MIN, cashier: 'ola' });
    insertSale(db, 'b', { status: 'completed', completedAt: T + 14 * MIN, cashier: 'ola' });
    insertSale(db, 'c', { status: 'completed', completedAt: T + 15 * MIN, cashier: null, tender: 'vipps-qr' });
    insertSale(db, 'gone', { status: 'expired', completedAt: null });
    insertLine(db, 'a', 0, T + 1 * MIN, 'mug', 2500, 20_000, 4_000);
    insertLine(db, 'a', 1, T + 1 * MIN, 'bread', 1500, 5_000, 652);
    insertLine(db, 'b', 0, T + 14 * MIN, 'mug', 2500, 20_000, 4_000);
    db.prepare("INSERT INTO refunds (id, sale_id, amount, idempotency_key, created_at, updated_at, status, refunded_at, cashier_id, cashier_name) VALUES ('r1', 'a', 1000, 'k1', 5, 5, 'refunded', ?, 'kari', 'Kari')").run(T + 20 * MIN);
    db.prepare("INSERT INTO refunds (id, sale_id, amount, idempotency_key, created_at, updated_at, status) VALUES ('r2', 'b', 1000, 'k2', 5, 5, 'pending')").run();
    const fixed = { id: 'gym', name: 'Gym', currency: 'NOK', pricing: { type: 'LEGACY', amount: 44900 }, interval: { unit: 'MONTH', count: 1 } };
    insertAgreement(db, 'with-rate', { ...fixed, vatRate: 2500, initialCharge: { amount: 19900, description: 'Start', transactionType: 'DIRECT_CAPTURE' } });
    insertAgreement(db, 'before-rates', { ...fixed, initialCharge: { amount: 19900, description: 'Start', transactionType: 'DIRECT_CAPTURE' } });
    const op = db.prepare(
      `INSERT INTO agreement_operations (id, kind, agreement_id, idempotency_key, body_json, status, charge_id, amount, currency, actor_id, actor_name, created_at, updated_at)
       VALUES (?, 'refund-charge', ?, ?, '{}', ?, ?, 4000, 'NOK', 'kari', 'Kari', 1, ?)`,
    );
    op.run('op-initial', 'agr-with-rate', 'i1', 'done', 'chr-1', T + 30 * MIN);
    op.run('op-old-plan', 'agr-before-rates', 'i2', 'done', 'chr-1', T + 31 * MIN);
    op.run('op-recurring', 'agr-with-rate', 'i3', 'done', 'chr-9', T + 32 * MIN);
    op.run('op-open', 'agr-with-rate', 'i4', 'accepted', 'chr-1', T + 33 * MIN);

    migrate(db, MIGRATIONS, 120);
    expect(schemaVersion(db)).toBe(120);
    expect(rollup(db)).toEqual([
      { slot: T, tender: 'cash', cashier_id: 'ola', cashier_name: 'ola', row_count: 2, gross: 50_000 },
      { slot: T + 15 * MIN, tender: 'vipps-qr', cashier_id: '', cashier_name: '', row_count: 1, gross: 25_000 },
    ]);
    expect(db.prepare('SELECT slot, product_id, vat_rate, row_count, quantity, total, vat FROM sold_lines_by_slot ORDER BY product_id').all()).toEqual([
      { slot: T, product_id: 'bread', vat_rate: 1500, row_count: 1, quantity: 1, total: 5_000, vat: 652 },
      { slot: T, product_id: 'mug', vat_rate: 2500, row_count: 2, quantity: 2, total: 40_000, vat: 8_000 },
    ]);
    // r1: 1 000 over 20 000 @25 % and 5 000 @15 % → 800 (VAT 160) + 200 (VAT 26). r2 is not paid back yet.
    // The initial charge at 25 %: 4 000 (VAT 800); the plan sold before rates: no rate; the recurring charge and the open refund: nothing.
    expect(db.prepare('SELECT refund_id, part_no, refunded_at, tender, cashier_id, vat_rate, total, vat FROM refund_parts ORDER BY refund_id, part_no').all()).toEqual([
      { refund_id: 'op-initial', part_no: 0, refunded_at: T + 30 * MIN, tender: 'agreement', cashier_id: 'kari', vat_rate: 2500, total: 4_000, vat: 800 },
      { refund_id: 'op-old-plan', part_no: 0, refunded_at: T + 31 * MIN, tender: 'agreement', cashier_id: 'kari', vat_rate: null, total: 4_000, vat: 0 },
      { refund_id: 'r1', part_no: 0, refunded_at: T + 20 * MIN, tender: 'cash', cashier_id: 'kari', vat_rate: 2500, total: 800, vat: 160 },
      { refund_id: 'r1', part_no: 1, refunded_at: T + 20 * MIN, tender: 'cash', cashier_id: 'kari', vat_rate: 1500, total: 200, vat: 26 },
    ]);
    expect(db.prepare('SELECT id, initial_charge_vat_rate FROM subscription_sales ORDER BY id').all()).toEqual([
      { id: 'before-rates', initial_charge_vat_rate: null },
      { id: 'with-rate', initial_charge_vat_rate: 2500 },
    ]);
    expect(() => db.prepare('UPDATE refund_parts SET total = 0').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM refund_parts').run()).toThrow(/append-only/);
    db.close();
  });

  it('keeps the roll-ups equal to the rows through every kind of write', () => {
    const db = atVersion(120);
    insertSale(db, 'cash', { status: 'completed', completedAt: null, cashier: 'ola' });
    expect(rollup(db)).toEqual([]); // completed, but its moment is stamped in a second statement
    db.prepare('UPDATE sales SET completed_at = ? WHERE id = ?').run(T + 3 * MIN, 'cash');
    insertSale(db, 'push', { status: 'waiting', completedAt: null, tender: 'vipps-push', cashier: 'kari' });
    db.prepare("UPDATE sales SET status = 'completed', completed_at = ? WHERE id = 'push'").run(T + 16 * MIN);
    expect(rollup(db)).toEqual(fromRows(db));
    expect(rollup(db)).toHaveLength(2);

    db.prepare("UPDATE sales SET refunded = 0, updated_at = 99 WHERE id = 'push'").run(); // a change the reports do not read
    db.prepare('UPDATE sales SET total = 30000 WHERE id = ?').run('cash');
    db.prepare('UPDATE sales SET completed_at = ? WHERE id = ?').run(T + 17 * MIN, 'cash'); // now in the push's quarter hour, another key
    expect(rollup(db)).toEqual(fromRows(db));
    db.prepare("UPDATE sales SET cashier_id = 'kari', cashier_name = 'kari' WHERE id = 'cash'").run();
    db.prepare("UPDATE sales SET tender = 'vipps-push' WHERE id = 'cash'").run(); // same key as the push now: one row of two
    expect(rollup(db)).toEqual([{ slot: T + 15 * MIN, tender: 'vipps-push', cashier_id: 'kari', cashier_name: 'kari', row_count: 2, gross: 55_000 }]);
    db.prepare("UPDATE sales SET status = 'failed' WHERE id = 'push'").run();
    expect(rollup(db)).toEqual(fromRows(db));
    db.prepare("DELETE FROM sales WHERE id = 'cash'").run();
    expect(rollup(db)).toEqual([]); // a group whose rows are gone is gone
    db.close();
  });
});
