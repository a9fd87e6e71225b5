import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import { migrate } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations/index';
import { CASH_SALES_ROUNDING } from '../../electron/core/reports/report-sql';
import { makeTempDir } from '../support/temp-dir';
import { percentile, type Metric } from './bench-kit';

const SALES = 100_000;

/**
 * Migration 0140 rebuilds `sales` on the till at its first start after the update: measured on a
 * file in WAL mode with foreign keys on (as openDatabase keeps it) holding 100 000 sales, a sold
 * line each and 3 000 refunds. Then the day's cash rounding, the one query the reports gained, on
 * the migrated file (median of 9 runs after one warm-up).
 */
export async function measureCashRounding(): Promise<Metric[]> {
  const dir = makeTempDir('kassa-rounding-bench-');
  const db = new BetterSqlite3(join(dir.path, 'kassa.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  const before = MIGRATIONS.filter((m) => m.version < 140).at(-1)!.version;
  migrate(db, MIGRATIONS, before);
  const dayStart = new Date(2026, 10, 22).getTime();
  const insertSale = db.prepare(
    `INSERT INTO sales (id, reference, receipt_number, created_at, updated_at, tender, status, currency, total, lines_json, totals_json,
       create_key, capture_key, cancel_key, captured, cash_tendered, cash_change, completed_at)
     VALUES (?, ?, ?, ?, ?, ?, 'completed', 'NOK', 10049, '[]', '{}', ?, ?, ?, 10049, ?, ?, ?)`,
  );
  const insertLine = db.prepare("INSERT INTO sold_lines (sale_id, line_no, completed_at, product_id, name, vat_rate, quantity, total, vat) VALUES (?, 0, ?, 'mug', 'Krus', 2500, 1, 10049, 2010)");
  const insertRefund = db.prepare("INSERT INTO refunds (id, sale_id, amount, idempotency_key, created_at, updated_at, status, refunded_at) VALUES (?, ?, 5000, ?, ?, ?, 'refunded', ?)");
  db.transaction(() => {
    for (let i = 0; i < SALES; i++) {
      const id = randomUUID();
      const at = dayStart + i * 500;
      const cash = i % 3 === 0;
      insertSale.run(id, `kassa-${i}-x`, `till-1-${i}`, at, at, cash ? 'cash' : 'vipps-qr', randomUUID(), randomUUID(), randomUUID(), cash ? 20000 : null, cash ? 9951 : null, at);
      insertLine.run(id, at);
      if (i % 33 === 0) insertRefund.run(randomUUID(), id, randomUUID(), at, at, at);
    }
  })();

  const started = performance.now();
  const cpu = process.cpuUsage();
  migrate(db, MIGRATIONS, 140);
  const migration = performance.now() - started;
  // CPU time too: on a busy build machine the wall clock says more about the neighbours.
  const { user, system } = process.cpuUsage(cpu);

  const query = db.prepare(CASH_SALES_ROUNDING);
  const window = { from: dayStart, to: dayStart + 86_400_000 };
  query.get(window);
  const runs = Array.from({ length: 9 }, () => {
    const t = performance.now();
    query.get(window);
    return performance.now() - t;
  });
  db.close();
  dir.cleanup();
  return [
    { name: 'migration 0140 (rebuild sales) on 100 000 sales', value: Math.round(migration), unit: 'ms', budget: '<= 20000' },
    { name: 'migration 0140 on 100 000 sales, CPU time', value: Math.round((user + system) / 1000), unit: 'ms', budget: '<= 5000' },
    { name: 'cash rounding of a day of 100 000 sales (median)', value: Number(percentile(runs, 50).toFixed(2)), unit: 'ms', budget: '<= 50' },
  ];
}
