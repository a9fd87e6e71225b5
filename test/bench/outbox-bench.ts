import BetterSqlite3 from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { BillingClient } from '../../electron/core/billing/billing-client';
import { openDatabase } from '../../electron/core/db/open-database';
import { OutboxRepo } from '../../electron/core/db/repos/outbox-repo';
import { SaleRepo } from '../../electron/core/db/repos/sale-repo';
import { createHttpClient } from '../../electron/core/http/http-client';
import { createSystemClock } from '../../electron/core/platform/clock';
import { silentLogger } from '../../electron/core/platform/logger';
import { saleReport } from '../../electron/core/outbox/reports';
import { SyncWorker } from '../../electron/core/outbox/sync-worker';
import { cartOf, lineFor } from '../../electron/core/sales/cart-math';
import { toPublicSale } from '../../electron/core/db/repos/sale-repo';
import { createSandbox } from '../../electron/sandbox/create-sandbox';
import { trainingCredentials } from '../../electron/sandbox/training-credentials';
import { makeTempDir } from '../support/temp-dir';
import type { Metric } from './bench-kit';

const cart = cartOf([lineFor({ id: 'bun', name: 'Kanelbolle', unitPrice: 3900, currency: 'NOK', vatRate: 1500 }, 2)], 'NOK');

/** Records one cash sale and its outbox item in one transaction, exactly as the till does. */
function recordSale(db: BetterSqlite3.Database, sales: SaleRepo, outbox: OutboxRepo): void {
  db.transaction(() => {
    const sale = sales.insertWithReceiptNumber('bench', (receiptNumber) => ({
      id: randomUUID(),
      reference: `kassa-${receiptNumber}-${randomUUID().slice(0, 8)}`,
      receiptNumber,
      createdAt: Date.now(),
      tender: 'cash',
      status: 'completed',
      lines: cart.lines,
      totals: cart.totals,
      phone: null,
      keys: { create: randomUUID(), capture: randomUUID(), cancel: randomUUID() },
      cashier: null,
      cash: { tendered: 10000, change: 10000 - cart.totals.total, rounding: 0 },
    }));
    outbox.enqueue({ id: randomUUID(), kind: 'sale', subjectId: sale.id, orderingKey: sale.id, payload: saleReport(toPublicSale(sale), 'bench', sale.createdAt) });
  })();
}

/** Ops per second of each runner, run in interleaved chunks so background load hits all alike. */
function opsPerSecond(count: number, runners: Array<() => void>, chunks = 10): number[] {
  const elapsed = runners.map(() => 0);
  const perChunk = Math.ceil(count / chunks);
  for (let chunk = 0; chunk < chunks; chunk++) {
    runners.forEach((run, r) => {
      const start = performance.now();
      for (let i = 0; i < perChunk; i++) run();
      elapsed[r]! += performance.now() - start;
    });
  }
  return elapsed.map((ms) => Math.round((perChunk * chunks) / (ms / 1000)));
}

/**
 * The price of durability. Kassa's commit of a sale with its outbox item (one transaction: receipt
 * number, sale row, its event, its sold lines for the reports, outbox row, through the
 * repositories) against the same writes as bare better-sqlite3 statements on the same schema (so
 * the report roll-up triggers fire in both) and pragmas, so the ratio is what Kassa's own code
 * costs. A
 * one-row insert is measured too, to show what the durable write itself costs. Both with
 * synchronous=FULL (Kassa's choice: a power cut must not take back a sale the cashier saw
 * recorded) and NORMAL (what FULL costs).
 */
export async function measureCommit(count = 3_000): Promise<Metric[]> {
  const metrics: Metric[] = [];
  for (const synchronous of ['FULL', 'NORMAL'] as const) {
    const dir = makeTempDir('kassa-bench-');
    const db = openDatabase(dir.path);
    db.pragma(`synchronous = ${synchronous}`);
    const sales = new SaleRepo(db, Date.now);
    const outbox = new OutboxRepo(db, Date.now);
    const bare = openDatabase(join(dir.path, 'bare'));
    bare.pragma(`synchronous = ${synchronous}`);
    const counter = bare.prepare('INSERT INTO receipt_counter (till_id, last) VALUES (?, 1) ON CONFLICT (till_id) DO UPDATE SET last = last + 1 RETURNING last');
    const saleInsert = bare.prepare(
      `INSERT INTO sales (id, reference, receipt_number, created_at, updated_at, tender, status, currency, total, lines_json, totals_json,
         create_key, capture_key, cancel_key, captured, cash_tendered, cash_change, completed_at)
       VALUES (?, ?, ?, ?, ?, 'cash', 'completed', 'NOK', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const eventInsert = bare.prepare("INSERT INTO sale_events (subject_kind, subject_id, at, status) VALUES ('sale', ?, ?, 'completed')");
    const lineInsert = bare.prepare(
      'INSERT INTO sold_lines (sale_id, line_no, completed_at, product_id, name, vat_rate, quantity, total, vat) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const outboxInsert = bare.prepare(
      `INSERT INTO outbox (id, kind, subject_id, ordering_key, payload_json, status, next_attempt_at, created_at) VALUES (?, 'sale', ?, ?, ?, 'pending', ?, ?)`,
    );
    const lines = JSON.stringify(cart.lines);
    const totals = JSON.stringify(cart.totals);
    const bareSale = bare.transaction(() => {
      const { last } = counter.get('bench') as { last: number };
      const id = randomUUID();
      const now = Date.now();
      const receipt = `bench-${String(last).padStart(6, '0')}`;
      saleInsert.run(id, `kassa-${receipt}-${randomUUID().slice(0, 8)}`, receipt, now, now, cart.totals.total, lines, totals, randomUUID(), randomUUID(), randomUUID(), cart.totals.total, 10000, 10000 - cart.totals.total, now);
      eventInsert.run(id, now);
      cart.lines.forEach((line, lineNo) => lineInsert.run(id, lineNo, now, line.productId, line.name, line.vatRate, line.quantity, line.total, line.vat));
      outboxInsert.run(randomUUID(), id, id, totals, now, now);
    });
    const oneRow = new BetterSqlite3(join(dir.path, 'one-row.sqlite'));
    oneRow.pragma('journal_mode = WAL');
    oneRow.pragma(`synchronous = ${synchronous}`);
    oneRow.exec('CREATE TABLE t (id TEXT PRIMARY KEY, body TEXT NOT NULL) STRICT');
    const insertOne = oneRow.prepare('INSERT INTO t (id, body) VALUES (?, ?)');

    const [kassa, baseline, single] = opsPerSecond(count, [() => recordSale(db, sales, outbox), () => bareSale(), () => insertOne.run(randomUUID(), totals)]) as [number, number, number];
    db.close();
    bare.close();
    oneRow.close();
    dir.cleanup();
    const tag = synchronous.toLowerCase();
    metrics.push(
      { name: `commit-sale-with-outbox-${tag}`, value: kassa, unit: 'ops/s', budget: '>= 500' },
      { name: `bare-same-writes-${tag}`, value: baseline, unit: 'ops/s', budget: '>= 500' },
      { name: `commit-cost-ratio-${tag}`, value: round(baseline / kassa), unit: 'x', budget: '<= 2' },
      { name: `bare-one-row-insert-${tag}`, value: single, unit: 'ops/s', budget: '>= 500' },
    );
  }
  return metrics;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * A till back online after an offline period: 10,000 queued sale reports drained to the billing
 * sandbox over loopback. Reports throughput and the peak resident memory of the process (core and
 * sandbox together: an upper bound for the core).
 */
export async function measureDrain(count = 10_000): Promise<Metric[]> {
  const sandbox = await createSandbox({ port: 0, recordExchanges: false });
  const dir = makeTempDir('kassa-bench-');
  const db = openDatabase(dir.path);
  const sales = new SaleRepo(db, Date.now);
  const outbox = new OutboxRepo(db, Date.now);
  opsPerSecond(count, [() => recordSale(db, sales, outbox)], 1);
  const http = createHttpClient();
  const billing = new BillingClient(http, { baseUrl: sandbox.url, apiKey: trainingCredentials.billingApiKey });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);
  const worker = new SyncWorker({ repo: outbox, billing, clock: createSystemClock(), logger: silentLogger, publish: () => undefined });
  const start = performance.now();
  try {
    while (outbox.stats().waiting > 0) {
      worker.kick();
      await worker.idle();
    }
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - start) / 1000;
  const delivered = (db.prepare("SELECT count(*) AS n FROM outbox WHERE status = 'delivered'").get() as { n: number }).n;
  await worker.stop();
  await http.close();
  await sandbox.close();
  db.close();
  dir.cleanup();
  if (delivered !== count) throw new Error(`Only ${delivered} of ${count} delivered`);
  return [
    { name: 'drain-10k-sales-per-second', value: Math.round(count / seconds), unit: 'sales/s', budget: '>= 500' },
    { name: 'drain-10k-peak-rss', value: Math.round(peakRss / 1024 / 1024), unit: 'MiB', budget: '<= 400' },
  ];
}

