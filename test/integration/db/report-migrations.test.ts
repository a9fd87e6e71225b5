import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations/index';

/** 0060, 0070 and 0080, each applied to a database at the version before it that holds rows. */
const HASH = 'a'.repeat(64);
const lines = JSON.stringify([
  { productId: 'mug', name: 'Krus', unitPrice: 10000, vatRate: 2500, quantity: 2, total: 20000, vat: 4000 },
  { productId: 'bread', name: 'Brød', unitPrice: 5000, vatRate: 1500, quantity: 1, total: 5000, vat: 652 },
]);

function atVersion(version: number) {
  const db = new BetterSqlite3(':memory:');
  migrate(db, MIGRATIONS, version);
  return db;
}

function insertSale(db: BetterSqlite3.Database, id: string, status: string, updatedAt: number) {
  db.prepare(
    `INSERT INTO sales (id, reference, receipt_number, created_at, updated_at, tender, status, currency, total, lines_json, totals_json, create_key, capture_key, cancel_key, captured)
     VALUES (?, ?, ?, 1000, ?, 'cash', ?, 'NOK', 25000, ?, '{}', ?, ?, ?, 25000)`,
  ).run(id, `kassa-${id}-000`, `r-${id}`, updatedAt, status, lines, `c-${id}`, `p-${id}`, `x-${id}`);
}

const names = (db: BetterSqlite3.Database, type: string) => (db.prepare('SELECT name FROM sqlite_master WHERE type = ? ORDER BY name').all(type) as Array<{ name: string }>).map((r) => r.name);

describe('0060 report facts', () => {
  it('backfills completion, refund and approval times, the sold lines and initial charge amounts', () => {
    const db = atVersion(50);
    insertSale(db, 'done', 'completed', 5000);
    insertSale(db, 'gone', 'expired', 6000);
    db.prepare("INSERT INTO refunds (id, sale_id, amount, idempotency_key, created_at, updated_at, status) VALUES ('r1', 'done', 100, 'k1', 7000, 7100, 'refunded')").run();
    db.prepare(
      `INSERT INTO subscription_sales (id, created_at, updated_at, plan_json, phone_country, msisdn, profile_scopes, status, create_key, stop_key, capture_key)
       VALUES ('s1', 1, 9000, '{"id":"p","initialCharge":{"amount":49900}}', 'NO', '4791234567', '', 'active', 'a', 'b', 'c')`,
    ).run();
    migrate(db, MIGRATIONS, 60);
    expect(schemaVersion(db)).toBe(60);
    expect(db.prepare('SELECT id, completed_at FROM sales ORDER BY id').all()).toEqual([{ id: 'done', completed_at: 5000 }, { id: 'gone', completed_at: null }]);
    expect(db.prepare('SELECT refunded_at FROM refunds').get()).toEqual({ refunded_at: 7100 });
    expect(db.prepare('SELECT approved_at, initial_charge_amount FROM subscription_sales').get()).toEqual({ approved_at: 9000, initial_charge_amount: 49900 });
    expect(db.prepare('SELECT sale_id, line_no, completed_at, product_id, vat_rate, quantity, total, vat FROM sold_lines ORDER BY line_no').all()).toEqual([
      { sale_id: 'done', line_no: 0, completed_at: 5000, product_id: 'mug', vat_rate: 2500, quantity: 2, total: 20000, vat: 4000 },
      { sale_id: 'done', line_no: 1, completed_at: 5000, product_id: 'bread', vat_rate: 1500, quantity: 1, total: 5000, vat: 652 },
    ]);
    db.prepare("INSERT INTO sale_events (subject_kind, subject_id, at, status) VALUES ('sale', 'done', 1, 'completed')").run();
    expect(() => db.prepare("UPDATE sale_events SET status = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM sale_events').run()).toThrow(/append-only/);
    expect(names(db, 'index')).toEqual(expect.arrayContaining(['sales_completed', 'sales_list', 'sold_lines_by_time', 'refunds_by_refunded_at', 'subscription_sales_approved', 'audit_log_by_subject']));
    db.close();
  });
});

describe('0070 drawer and Z-reports', () => {
  it('keeps every client request, lets the new intentions in, and keeps the table append-only', () => {
    const db = atVersion(60);
    const insert = db.prepare('INSERT INTO client_requests (request_id, call, body_hash, subject_id, created_at) VALUES (?, ?, ?, ?, 1)');
    insert.run('11111111-1111-4111-8111-111111111111', 'payment.cash', HASH, 'sale-1');
    insert.run('22222222-2222-4222-8222-222222222222', 'sale.refund', HASH, 'refund-1');
    migrate(db, MIGRATIONS, 70);
    expect(db.prepare('SELECT request_id, call, subject_id FROM client_requests ORDER BY request_id').all()).toEqual([
      { request_id: '11111111-1111-4111-8111-111111111111', call: 'payment.cash', subject_id: 'sale-1' },
      { request_id: '22222222-2222-4222-8222-222222222222', call: 'sale.refund', subject_id: 'refund-1' },
    ]);
    insert.run('33333333-3333-4333-8333-333333333333', 'drawer.move', HASH, 'move-1');
    insert.run('44444444-4444-4444-8444-444444444444', 'zreport.close', HASH, 'z-1');
    expect(() => insert.run('55555555-5555-4555-8555-555555555555', 'cart.add', HASH, 'x')).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE client_requests SET subject_id = 'other'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM client_requests').run()).toThrow(/append-only/);

    const move = db.prepare("INSERT INTO cash_movements (id, at, kind, amount, currency, reason) VALUES (?, 1, ?, ?, 'NOK', 'float')");
    move.run('m1', 'float', 100000);
    expect(() => move.run('m2', 'float', 0)).toThrow(/CHECK/);
    expect(() => move.run('m3', 'borrowed', 1)).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE cash_movements SET amount = 1').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM cash_movements').run()).toThrow(/append-only/);

    const z = db.prepare(
      `INSERT INTO z_reports (till_id, number, id, period_start, closed_at, currency, net, grand_total, expected_cash, counted_cash, cash_difference, unsynced, report_json)
       VALUES (?, ?, ?, 0, 10, 'NOK', ?, ?, 100, ?, ?, 0, '{}')`,
    );
    expect(() => z.run('t', 2, 'z2', 5, 5, 100, 0)).toThrow(/without gaps/);
    z.run('t', 1, 'z1', 5, 5, 100, 0);
    expect(() => z.run('t', 2, 'z2', 7, 7, 100, 0)).toThrow(/grand total/);
    expect(() => z.run('t', 2, 'z2', 7, 12, 90, 0)).toThrow(/CHECK/);
    z.run('t', 2, 'z2', -3, 2, 90, -10);
    z.run('other-till', 1, 'o1', 1, 1, 100, 0);
    expect(() => db.prepare('UPDATE z_reports SET net = 0').run()).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM z_reports').run()).toThrow(/immutable/);
    expect(names(db, 'trigger')).toEqual(expect.arrayContaining(['client_requests_no_update', 'client_requests_no_delete', 'z_reports_unbroken', 'z_reports_grand_total']));
    db.close();
  });
});

describe('0080 outbox kind z-report', () => {
  it('rebuilds the outbox with every row, seq and index, and never reuses a seq', () => {
    const db = atVersion(70);
    const insert = db.prepare(
      `INSERT INTO outbox (id, kind, subject_id, ordering_key, payload_json, status, next_attempt_at, created_at, delivered_at, last_error_json)
       VALUES (?, ?, ?, ?, '{}', ?, 1, 1, ?, ?)`,
    );
    insert.run('o1', 'sale', 's1', 's1', 'delivered', 5, null);
    insert.run('o2', 'refund', 'r1', 's1', 'dead', null, '{"code":"VALIDATION","message":"no"}');
    insert.run('o3', 'agreement', 'a1', 's2', 'pending', null, null);
    db.prepare("UPDATE sqlite_sequence SET seq = 10 WHERE name = 'outbox'").run();
    const before = db.prepare('SELECT * FROM outbox ORDER BY seq').all();
    expect(() => insert.run('o4', 'z-report', 'z1', 'z', 'pending', null, null)).toThrow(/CHECK/);

    migrate(db, MIGRATIONS, 80);
    expect(db.prepare('SELECT * FROM outbox ORDER BY seq').all()).toEqual(before);
    insert.run('o4', 'z-report', 'z1', 'z', 'pending', null, null);
    expect(db.prepare("SELECT seq FROM outbox WHERE id = 'o4'").get()).toEqual({ seq: 11 });
    expect(() => insert.run('o5', 'nonsense', 'x', 'x', 'pending', null, null)).toThrow(/CHECK/);
    expect(() => insert.run('o6', 'sale', 's1', 's1', 'pending', null, null)).toThrow(/UNIQUE/);
    expect(names(db, 'index').filter((n) => n.startsWith('outbox'))).toEqual(['outbox_due', 'outbox_queue']);
    const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'outbox_due'").get() as { sql: string };
    expect(sql.sql).toBe("CREATE INDEX outbox_due ON outbox (next_attempt_at, seq) WHERE status = 'pending'");
    db.close();
  });
});
