import BetterSqlite3, { type Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations/index';

/** A till's database as the migration before 0140 left it, with foreign keys on as openDatabase sets them. */
function populatedBefore140(): Database {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS, BEFORE_0140);
  const sale = db.prepare(
    `INSERT INTO sales (id, reference, receipt_number, created_at, updated_at, tender, status, currency, total, lines_json, totals_json,
       create_key, capture_key, cancel_key, captured, refunded, cash_tendered, cash_change, cashier_id, cashier_name, completed_at)
     VALUES (@id, @id, @id, 1, 2, @tender, 'completed', 'NOK', @total, '[]', '{}', @id || '-c', @id || '-p', @id || '-x', @total, @refunded,
       @tendered, @change, 'ola', 'Ola', 2)`,
  );
  sale.run({ id: 'sale-cash-1', tender: 'cash', total: 1049, refunded: 500, tendered: 2000, change: 951 });
  sale.run({ id: 'sale-vipps-1', tender: 'vipps-push', total: 19900, refunded: 0, tendered: null, change: null });
  db.prepare("INSERT INTO refunds (id, sale_id, amount, idempotency_key, created_at, updated_at, status, refunded_at) VALUES ('r1', 'sale-cash-1', 500, 'k1', 3, 3, 'refunded', 3)").run();
  db.prepare("INSERT INTO sold_lines (sale_id, line_no, completed_at, product_id, name, vat_rate, quantity, total, vat) VALUES ('sale-cash-1', 0, 2, 'mug', 'Mug', 2500, 1, 1049, 210)").run();
  db.prepare("INSERT INTO sale_events (subject_kind, subject_id, at, status) VALUES ('sale', 'sale-cash-1', 2, 'completed')").run();
  return db;
}

const BEFORE_0140 = Math.max(...MIGRATIONS.map((m) => m.version).filter((version) => version < 140));

const schemaOf = (db: Database, type: 'index' | 'trigger') =>
  (db.prepare("SELECT name, tbl_name AS tbl FROM sqlite_master WHERE type = ? AND sql IS NOT NULL ORDER BY name").all(type) as Array<{ name: string; tbl: string }>);

describe('migration 0140 (cash rounding)', () => {
  it('keeps every sale, refund, sold line and event, and every index, trigger and foreign key', () => {
    const db = populatedBefore140();
    const before = { sales: db.prepare('SELECT * FROM sales ORDER BY id').all(), indexes: schemaOf(db, 'index'), triggers: schemaOf(db, 'trigger') };
    migrate(db, MIGRATIONS, 140);

    const after = db.prepare('SELECT * FROM sales ORDER BY id').all() as Array<Record<string, unknown>>;
    expect(after).toEqual((before.sales as Array<Record<string, unknown>>).map((row) => ({ ...row, cash_rounding: 0 })));
    expect(db.prepare('SELECT id, amount, cash_rounding FROM refunds').all()).toEqual([{ id: 'r1', amount: 500, cash_rounding: 0 }]);
    expect(db.prepare('SELECT count(*) AS n FROM sold_lines').get()).toEqual({ n: 1 });
    expect(schemaOf(db, 'index')).toEqual([...before.indexes, { name: 'sales_cash_rounding', tbl: 'sales' }].sort((a, b) => a.name.localeCompare(b.name)));
    expect(schemaOf(db, 'trigger')).toEqual(before.triggers);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Off for the rebuild only (Migration.foreignKeysOff), on again after it.
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);

    // The children still point at sales, and foreign keys still hold.
    expect(db.prepare("SELECT \"table\" AS parent FROM pragma_foreign_key_list('refunds')").all()).toEqual([{ parent: 'sales' }]);
    expect(() => db.prepare("INSERT INTO refunds (id, sale_id, amount, idempotency_key, created_at, updated_at, status) VALUES ('r2', 'nope', 1, 'k2', 4, 4, 'pending')").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("DELETE FROM sales WHERE id = 'sale-cash-1'").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('counts the change from the rounded amount and never rounds a wallet payment', () => {
    const db = populatedBefore140();
    migrate(db, MIGRATIONS, 140);
    const insert = db.prepare(
      `INSERT INTO sales (id, reference, receipt_number, created_at, updated_at, tender, status, currency, total, lines_json, totals_json,
         create_key, capture_key, cancel_key, captured, cash_tendered, cash_change, cash_rounding)
       VALUES (@id, @id, @id, 1, 1, @tender, 'completed', 'NOK', @total, '[]', '{}', @id || '-c', @id || '-p', @id || '-x', @total, @tendered, @change, @rounding)`,
    );
    // NOK 10.49 is 10.00 in cash: handed exactly 10.00, no change.
    insert.run({ id: 'sale-cash-2', tender: 'cash', total: 1049, tendered: 1000, change: 0, rounding: -49 });
    insert.run({ id: 'sale-cash-3', tender: 'cash', total: 1050, tendered: 2000, change: 900, rounding: 50 });
    expect(() => insert.run({ id: 'sale-cash-4', tender: 'cash', total: 1049, tendered: 2000, change: 951, rounding: -49 })).toThrow(/CHECK/);
    expect(() => insert.run({ id: 'sale-cash-5', tender: 'cash', total: 1049, tendered: 999, change: -1, rounding: -49 })).toThrow(/CHECK/);
    expect(() => insert.run({ id: 'sale-cash-6', tender: 'cash', total: 1049, tendered: 1100, change: 49, rounding: 51 })).toThrow(/CHECK/);
    expect(() => insert.run({ id: 'sale-vipps-2', tender: 'vipps-qr', total: 1049, tendered: null, change: null, rounding: -49 })).toThrow(/CHECK/);
    db.close();
  });

  it('answers the day rounding from its own index', () => {
    const db = populatedBefore140();
    migrate(db, MIGRATIONS, 140);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT sum(cash_rounding) FROM sales WHERE status = 'completed' AND tender = 'cash' AND completed_at >= 0 AND completed_at < 10")
      .all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/COVERING INDEX sales_cash_rounding/);
    db.close();
  });

  it('does not stop at a row that had lost its sale before (written with foreign keys off)', () => {
    const db = populatedBefore140();
    db.pragma('foreign_keys = OFF');
    db.prepare("INSERT INTO refunds (id, sale_id, amount, idempotency_key, created_at, updated_at, status) VALUES ('stray', 'gone', 1, 'k9', 4, 4, 'pending')").run();
    db.pragma('foreign_keys = ON');
    expect(migrate(db, MIGRATIONS, 140)).toBe(140);
    expect(db.prepare('SELECT count(*) AS n FROM refunds').get()).toEqual({ n: 2 });
    db.close();
  });

  it('refuses to rebuild a sales table with a column it does not know, leaving the database as it was', () => {
    const db = populatedBefore140();
    db.exec('ALTER TABLE sales ADD COLUMN surprise TEXT');
    expect(() => migrate(db, MIGRATIONS, 140)).toThrow(/not listed: surprise/);
    expect(db.pragma('user_version', { simple: true })).toBe(BEFORE_0140);
    expect(db.prepare('SELECT count(*) AS n FROM sales').get()).toEqual({ n: 2 });
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });
});
