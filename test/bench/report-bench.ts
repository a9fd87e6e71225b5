import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrate } from '../../electron/core/db/migrate';
import { AuditLog } from '../../electron/core/audit/audit-log';
import { dayView } from '../../electron/core/reports/day-view';
import { EndOfDay } from '../../electron/core/reports/end-of-day';
import { EntryList } from '../../electron/core/reports/entry-list';
import { PeriodFiguresQuery } from '../../electron/core/reports/period-figures';
import { RefundFacts } from '../../electron/core/reports/refund-facts';
import { ZReportRepo } from '../../electron/core/reports/z-report-repo';
import { FakeClock } from '../../electron/core/platform/clock';
import { cartOf, lineFor } from '../../electron/core/sales/cart-math';
import { makeTempDir } from '../support/temp-dir';
import { percentile, type Metric } from './bench-kit';

const SALES = 100_000;
const products = [
  { id: 'mug', name: 'Krus', unitPrice: 10000, currency: 'NOK', vatRate: 2500 },
  { id: 'bread', name: 'Brød', unitPrice: 4500, currency: 'NOK', vatRate: 1500 },
  { id: 'book', name: 'Bok', unitPrice: 29900, currency: 'NOK', vatRate: 0 },
  { id: 'coffee', name: 'Kaffe', unitPrice: 12900, currency: 'NOK', vatRate: 1500 },
] as const;
const tenders = ['vipps-push', 'vipps-qr', 'cash'] as const;
const cashiers = [['c1', 'Ola'], ['c2', 'Kari'], ['c3', 'Per'], ['c4', 'Åse']] as const;

/**
 * A day of 100 000 sales (mixed tenders, one to three lines, 3 % refunded in part, 2 % of them
 * agreements, a few aborted), inserted with prepared statements in one transaction, on a file in
 * WAL mode as the till keeps it. Then the day view, the X/Z figures (at the end of the day, and at
 * midday with a period that ends inside a quarter hour) and one filtered page of the sales list
 * are timed (median of 9 runs after one warm-up).
 */
export async function measureReports(): Promise<Metric[]> {
  const dir = makeTempDir('kassa-report-bench-');
  const db = new BetterSqlite3(join(dir.path, 'kassa.sqlite'));
  const { dayStart, insertMs } = seedBusyDay(db);
  console.log(`  inserted ${SALES.toLocaleString('en')} rows in ${insertMs} ms`);

  const figures = new PeriodFiguresQuery(db, 'NOK');
  const endOfDayAt = (now: number) => {
    const clock = new FakeClock(now);
    return new EndOfDay({
      repo: new ZReportRepo(db, 'till-1'),
      figures,
      reports: { transaction: (change) => db.transaction(change)(), report: () => undefined, flush: () => undefined },
      audit: new AuditLog(db, 'till-1', () => clock.now()),
      clock,
      tillId: 'till-1',
      currency: 'NOK',
      unsynced: () => 0,
    });
  };
  const evening = dayStart + 22 * 3_600_000;
  const endOfDay = endOfDayAt(evening);
  // An X at 13:14:59.998: the period ends just before a quarter hour, so almost 15 minutes of the
  // busiest hours are read from the rows, not the roll-ups (the slowest a period can be).
  const midday = endOfDayAt(dayStart + 13 * 3_600_000 + 15 * 60_000 - 2);
  const entries = new EntryList(db, 'NOK');
  const time = (run: () => unknown) => {
    run();
    const samples = Array.from({ length: 9 }, () => {
      const t = performance.now();
      run();
      return performance.now() - t;
    });
    return Math.round(percentile(samples, 50) * 10) / 10;
  };
  const day = time(() => dayView(figures, '2026-11-22', evening));
  const z = time(() => endOfDay.x({ actor: null, approver: null }));
  const x = time(() => midday.x({ actor: null, approver: null }));
  const page = time(() => entries.page({ from: dayStart, to: dayStart + 86_400_000, tender: 'cash', cashierId: 'c2' }, 3, 50));
  const check = dayView(figures, '2026-11-22', evening);
  console.log(`  day: ${check.totals.sales} sales, gross ${check.totals.gross}, refunds ${check.totals.refunds}`);
  db.close();
  dir.cleanup();
  return [
    { name: 'day-view-100k-ms', value: day, unit: 'ms', budget: '<= 200' },
    { name: 'z-report-100k-ms', value: z, unit: 'ms', budget: '<= 200' },
    { name: 'x-report-midday-100k-ms', value: x, unit: 'ms', budget: '<= 200' },
    { name: 'sales-page-100k-ms', value: page, unit: 'ms', budget: '<= 50' },
  ];
}

/** Migrates `db` (WAL, as the till keeps it) and writes the bench's day of 2026-11-22 into it. */
export function seedBusyDay(db: Database): { dayStart: number; insertMs: number } {
  db.pragma('journal_mode = WAL');
  migrate(db);
  const dayStart = new Date(2026, 10, 22).getTime();
  const span = 14 * 3_600_000;
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

  const insertSale = db.prepare(
    `INSERT INTO sales (id, reference, receipt_number, created_at, updated_at, tender, status, currency, total, lines_json, totals_json,
       create_key, capture_key, cancel_key, captured, refunded, cashier_id, cashier_name, msisdn, completed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'NOK', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertLine = db.prepare('INSERT INTO sold_lines (sale_id, line_no, completed_at, product_id, name, vat_rate, quantity, total, vat) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insertRefund = db.prepare(
    "INSERT INTO refunds (id, sale_id, amount, idempotency_key, created_at, updated_at, status, refunded_at, cashier_id, cashier_name) VALUES (?, ?, ?, ?, ?, ?, 'refunded', ?, ?, ?)",
  );
  const insertAgreement = db.prepare(
    `INSERT INTO subscription_sales (id, created_at, updated_at, plan_json, phone_country, msisdn, profile_scopes, status, create_key, stop_key, capture_key,
       initial_charge_id, initial_charge_status, cashier_id, cashier_name, approved_at, initial_charge_amount, initial_charge_vat_rate)
     VALUES (?, ?, ?, ?, 'NO', '4791234567', '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 2500)`,
  );
  // As the sale repository does in the transaction that pays a refund back.
  const refundFacts = new RefundFacts(db);
  const plan = JSON.stringify({ id: 'flowers', name: 'Blomster', currency: 'NOK', pricing: { type: 'LEGACY', amount: 29900 }, interval: { unit: 'MONTH', count: 1 }, vatRate: 2500, initialCharge: { amount: 49900, description: 'Start', transactionType: 'DIRECT_CAPTURE' } });
  const started = performance.now();
  db.transaction(() => {
    for (let i = 0; i < SALES; i++) {
      const at = dayStart + 6 * 3_600_000 + Math.floor((i / SALES) * span);
      const [cashierId, cashierName] = cashiers[i % cashiers.length]!;
      if (i % 50 === 0) {
        const active = i % 100 === 0;
        insertAgreement.run(randomUUID(), at, at + 90_000, plan, active ? 'active' : 'rejected', randomUUID(), randomUUID(), randomUUID(), active ? 'chr' : null, active ? 'CHARGED' : null, cashierId, cashierName, active ? at + 90_000 : null, 49900);
        continue;
      }
      const cart = cartOf(
        Array.from({ length: 1 + (i % 3) }, (_, k) => lineFor(products[(i + k) % products.length]!, 1 + Math.floor(random() * 3))),
        'NOK',
      );
      const tender = tenders[i % tenders.length]!;
      const aborted = i % 97 === 0;
      const id = randomUUID();
      const total = cart.totals.total;
      const refunded = !aborted && i % 33 === 0 ? Math.floor(total / 2) : 0;
      insertSale.run(id, `kassa-${i}-x`, `till-1-${String(i).padStart(6, '0')}`, at, at, tender, aborted ? 'aborted' : 'completed', total,
        JSON.stringify(cart.lines), JSON.stringify(cart.totals), randomUUID(), randomUUID(), randomUUID(), aborted ? 0 : total, refunded, cashierId, cashierName,
        `4791${String(i).padStart(6, '0')}`, aborted ? null : at);
      if (aborted) continue;
      cart.lines.forEach((line, n) => insertLine.run(id, n, at, line.productId, line.name, line.vatRate, line.quantity, line.total, line.vat));
      if (refunded > 0) {
        const refundId = randomUUID();
        insertRefund.run(refundId, id, refunded, randomUUID(), at + 60_000, at + 60_000, at + 60_000, cashierId, cashierName);
        refundFacts.saleRefunded(refundId);
      }
    }
  })();
  db.pragma('optimize');
  return { dayStart, insertMs: Math.round(performance.now() - started) };
}

// Run alone: `npx tsx test/bench/report-bench.ts`.
if (process.argv[1]?.endsWith('report-bench.ts')) {
  measureReports().then((metrics) => console.table(metrics));
}
