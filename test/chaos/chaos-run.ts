import { randomUUID } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../electron/core/db/open-database';
import { createSandbox } from '../../electron/sandbox/create-sandbox';
import type { Sandbox } from '../../electron/sandbox/sandbox-api';
import { KassaProcess } from '../support/kassa-process';
import { sandboxControl } from '../support/sandbox-control';
import { makeTempDir } from '../support/temp-dir';
import { TillClient } from '../support/till-client';
import { signInDemo } from '../support/demo-staff';

/**
 * The fault and crash test. Several tills (real Kassa web-host processes, each with its own SQLite
 * file) sell against one sandbox while faults are injected on Vipps MobilePay and on the billing
 * backend (latency, timeouts, 5xx, 429 with Retry-After, dropped connections, and requests processed
 * whose answer is lost) and tills are SIGKILLed at random moments and started again. A simulated customer
 * approves every request that reaches a phone. At the end every till's database is compared with
 * both sandboxes.
 */
export interface ChaosOptions {
  sales: number;
  tills: number;
  /** Deterministic choices (actions, kills, faults) for a given seed. */
  seed: number;
  log?: (line: string) => void;
  /**
   * Ends the run early (the test's own timeout): loops stop, no till is restarted, every till is
   * killed and the run rejects. Without it a timed-out run kept selling, and restarting tills,
   * in the background.
   */
  signal?: AbortSignal;
}

export interface ChaosReport {
  sales: { cash: number; vipps: number; subscriptions: number; total: number };
  faultsInjected: number;
  kills: number;
  /** Reports the billing backend received more than once (lost answers, crashes): each a retry that did not double anything. */
  retries: number;
  duplicatesFound: number;
  /** Refunds the driver asked for (one request id each) and the till accepted. */
  refunds: number;
  /** Answers to money calls the driver threw away before sending the same request (same id) again. */
  answersDropped: number;
  /** Payments refunded more than the driver asked for: a retried refund that paid twice. */
  doubleRefunds: number;
  violations: string[];
  seconds: number;
}

const PRODUCTS = [
  { id: 'bun', name: 'Kanelbolle', unitPrice: 3900, currency: 'NOK', vatRate: 1500 },
  { id: 'mug', name: 'Krus', unitPrice: 19900, currency: 'NOK', vatRate: 2500 },
];
const PLANS = ['kaffeklubben-mnd', 'blomster-med-vase'];

/** A small seeded PRNG (mulberry32), so a failing run can be repeated. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class TillUnderTest {
  readonly process: KassaProcess;
  /** Signed in with the address the till printed; a restarted till prints a new one. */
  private ready: Promise<TillClient>;
  kills = 0;

  constructor(
    readonly index: number,
    readonly dataDir: string,
    sandboxUrl: string,
    private readonly signal: AbortSignal,
  ) {
    this.process = new KassaProcess({
      dataDir,
      sandboxUrl,
      env: { KASSA_FAST_SCHEDULE: '1', KASSA_TILL_ID: `till-${index}` },
    });
    this.ready = this.signIn();
  }

  /** Opens the printed address, then the demo manager signs in at the till (a restart signs everyone out). */
  private async signIn(): Promise<TillClient> {
    const client = await TillClient.signIn(await this.process.start());
    await signInDemo((name, body) => client.invoke(name, body), 'manager');
    return client;
  }

  async client(): Promise<TillClient> {
    return this.ready;
  }

  /**
   * SIGKILL, then start again on the same data directory. A till that does not come back fails
   * the run with its log (every call waiting for it rejects too) instead of hanging it until the
   * test's timeout.
   */
  async crash(restartAfterMs: number): Promise<void> {
    await this.ready.catch(() => undefined);
    let restart!: () => void;
    const restarted = new Promise<void>((resolve) => (restart = resolve));
    this.ready = restarted.then(() => {
      this.signal.throwIfAborted();
      return this.signIn();
    });
    // Nobody may be waiting right now; the rejection is still reported by crash() and by client().
    this.ready.catch(() => undefined);
    await this.process.kill();
    this.kills++;
    await delay(restartAfterMs);
    restart();
    await this.ready;
  }

  /**
   * A money call as the renderer makes it: one request id, and when the answer is "lost" (here:
   * thrown away on purpose, `dropAnswer` of the time) the same request is sent again. Both
   * answers must be about the same sale or refund; a second one would be a double charge.
   */
  async intention(name: string, body: { requestId: string }, dropAnswer: boolean, ledger: DriverLedger): Promise<{ ok: boolean; value?: any; error?: { code: string; message: string } }> {
    const first = await this.invoke(name, body);
    if (!dropAnswer) return first;
    ledger.answersDropped++;
    const again = await this.invoke(name, body);
    if (first.ok && again.ok && first.value?.id !== again.value?.id) ledger.violations.push(`${name} ${body.requestId} answered with two different records`);
    if (first.ok !== again.ok) ledger.violations.push(`${name} ${body.requestId} answered ok once and refused once`);
    return again;
  }

  /** A contract call; retries across crashes until the till answers. Returns the Result. */
  async invoke(name: string, body: unknown): Promise<{ ok: boolean; value?: any; error?: { code: string; message: string } }> {
    for (;;) {
      this.signal.throwIfAborted();
      const client = await this.client();
      try {
        return await client.invoke(name, body, { timeoutMs: 20_000 });
      } catch {
        // The till died under us; wait for it to come back and ask again.
        await delay(50);
      }
    }
  }
}

export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const rnd = random(options.seed);
  const sandbox = await createSandbox({ port: 0, recordExchanges: false });
  await sandboxControl(sandbox, 'PATCH', '/settings', { rateLimits: false });
  await sandboxControl(sandbox, 'PUT', '/billing/products', { products: PRODUCTS });
  const dirs = Array.from({ length: options.tills }, () => makeTempDir('kassa-chaos-'));
  // Aborted by the caller's signal, and in `finally`, so that no till is restarted after the run.
  const stop = new AbortController();
  options.signal?.addEventListener('abort', () => stop.abort(options.signal!.reason), { once: true });
  if (options.signal?.aborted) stop.abort(options.signal.reason);
  const signal = stop.signal;
  const tills = dirs.map((dir, i) => new TillUnderTest(i + 1, dir.path, sandbox.url, signal));
  let done = false;
  // The customer keeps answering until every till has settled, after the chaos has stopped.
  let customerGone = false;
  let faultsInjected = 0;
  const attempted = { cash: 0, vipps: 0, subscriptions: 0 };
  const ledger: DriverLedger = { answersDropped: 0, refunds: new Map(), violations: [] };

  try {
    await Promise.all(tills.map((till) => till.client()));
    // The customer: approves whatever reaches a phone.
    const customer = (async () => {
      while (!customerGone && !signal.aborted) {
        await approveEverything(sandbox);
        await delay(20);
      }
    })();
    // Chaos: faults on both sandboxes, and tills killed at random moments.
    const faults = (async () => {
      while (!done && !signal.aborted) {
        await delay(100 + rnd() * 300);
        if (done) break;
        await sandboxControl(sandbox, 'POST', '/faults', pickFault(rnd));
        faultsInjected++;
      }
    })();
    const killer = (async () => {
      while (!done && !signal.aborted) {
        await delay(400 + rnd() * 1_200);
        if (done || signal.aborted) break;
        const till = tills[Math.floor(rnd() * tills.length)]!;
        await till.crash(50 + rnd() * 200);
      }
    })();
    // A till that fails to restart also fails every sale waiting for it; that is where the run
    // ends. The killer's own rejection is awaited below.
    killer.catch(() => undefined);

    const perTill = Math.ceil(options.sales / options.tills);
    await Promise.all(
      tills.map(async (till) => {
        const tillRnd = random(options.seed + till.index * 7919);
        for (let i = 0; i < perTill; i++) {
          const roll = tillRnd();
          const kind = roll < 0.25 ? 'cash' : roll < 0.85 ? 'vipps' : 'subscriptions';
          attempted[kind]++;
          await sellOnce(till, kind, tillRnd, ledger);
          if (i % 25 === 0 || process.env.CHAOS_DEBUG) log(`till-${till.index}: ${i + 1}/${perTill} (${kind})`);
        }
      }),
    );

    // Calm: no more faults or kills; every till must reach a final state for every sale and empty its outbox.
    done = true;
    log('selling done; calming down');
    await Promise.all([faults, killer]);
    log('faults and kills stopped');
    await sandboxControl(sandbox, 'DELETE', '/faults');
    await Promise.all(tills.map((till) => settle(till, ledger)));
    log('tills settled');
    customerGone = true;
    await customer;
    await Promise.all(tills.map((till) => till.process.stop()));

    const report = await verify(sandbox, dirs.map((d) => d.path), ledger);
    return {
      ...report,
      answersDropped: ledger.answersDropped,
      faultsInjected,
      kills: tills.reduce((n, t) => n + t.kills, 0),
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } finally {
    done = true;
    customerGone = true;
    stop.abort(new Error('the chaos run has ended'));
    await Promise.all(tills.map((till) => till.process.kill().catch(() => undefined)));
    await sandbox.close();
    dirs.forEach((dir) => dir.cleanup());
  }
}

/** What the driver asked for, to hold the tills and Vipps to it at the end. */
interface DriverLedger {
  answersDropped: number;
  /** Sale id → the refunds asked for and accepted (request ids and amounts). */
  refunds: Map<string, { reference: string; till: TillUnderTest; amounts: number[] }>;
  violations: string[];
}

/** How often the driver throws an answer away and sends the same request again. */
const DROP_ANSWER = 0.3;
/** How often a completed Vipps sale is then partly refunded, and by how much (øre). */
const REFUND_SHARE = 0.4;
const REFUND_AMOUNT = 1_000;

/** One sale at the till, driven as a cashier would, surviving crashes of the till; now and then refunded. */
async function sellOnce(till: TillUnderTest, kind: 'cash' | 'vipps' | 'subscriptions', rnd: () => number, ledger: DriverLedger): Promise<void> {
  const phone = { country: 'NO', number: `4${String(1_000_000 + Math.floor(rnd() * 8_999_999)).padStart(7, '0')}` };
  await waitUntilIdle(till);
  if (kind === 'subscriptions') {
    const plan = PLANS[Math.floor(rnd() * PLANS.length)];
    await till.intention('subscription.start', { requestId: randomUUID(), planId: plan, phone, profileScopes: ['name'] } as never, rnd() < DROP_ANSWER, ledger);
    return;
  }
  await till.invoke('cart.clear', {});
  await till.invoke('cart.add', { productId: rnd() < 0.5 ? 'bun' : 'mug', quantity: 1 + Math.floor(rnd() * 3) });
  if (kind === 'cash') {
    await till.intention('payment.cash', { requestId: randomUUID(), tendered: 100_000 } as never, rnd() < DROP_ANSWER, ledger);
    return;
  }
  const started = await till.intention('payment.start', { requestId: randomUUID(), method: 'push', phone } as never, rnd() < DROP_ANSWER, ledger);
  if (!started.ok || rnd() >= REFUND_SHARE) return;
  await waitUntilIdle(till);
  const sale = await till.invoke('sale.get', { saleId: started.value.id });
  if (!sale.ok || sale.value.status !== 'completed') return;
  const refund = await till.intention('sale.refund', { requestId: randomUUID(), saleId: sale.value.id, amount: REFUND_AMOUNT } as never, rnd() < DROP_ANSWER, ledger);
  if (!refund.ok) return;
  const asked = ledger.refunds.get(sale.value.id) ?? { reference: sale.value.reference as string, till, amounts: [] as number[] };
  asked.amounts.push(REFUND_AMOUNT);
  ledger.refunds.set(sale.value.id, asked);
}

/** Waits until the till has no sale waiting for a customer (one customer at a time). */
async function waitUntilIdle(till: TillUnderTest): Promise<void> {
  for (;;) {
    const payment = await till.invoke('sale.current', {});
    const subscription = await till.invoke('subscription.current', {});
    if (payment.ok && payment.value === null && subscription.ok && subscription.value === null) return;
    await delay(20);
  }
}

async function settle(till: TillUnderTest, ledger: DriverLedger): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (const [saleId, asked] of ledger.refunds) {
    if (asked.till !== till) continue;
    // A refund Vipps had not confirmed yet is retried in the background: wait for it.
    for (;;) {
      const sale = await till.invoke('sale.get', { saleId });
      if (sale.ok && !sale.value.refunds.some((r: { status: string }) => r.status === 'pending')) break;
      if (Date.now() > deadline) throw new Error(`till-${till.index}: refunds of ${saleId} still pending`);
      await delay(100);
    }
  }
  for (;;) {
    await waitUntilIdle(till);
    const status = await till.invoke('sync.now', {});
    if (process.env.CHAOS_DEBUG) console.log(`till-${till.index} settle`, JSON.stringify(status));
    if (status.ok && status.value.waiting === 0) return;
    if (Date.now() > deadline) throw new Error(`till-${till.index} did not settle: ${JSON.stringify(status)}`);
    await delay(100);
  }
}

async function approveEverything(sandbox: Sandbox): Promise<void> {
  try {
    const { payments } = await sandboxControl(sandbox, 'GET', '/payments?state=CREATED');
    for (const payment of payments) await sandboxControl(sandbox, 'POST', `/payments/${payment.reference}/approve`, {}).catch(() => undefined);
    const { agreements } = await sandboxControl(sandbox, 'GET', '/agreements?status=PENDING');
    for (const agreement of agreements) await sandboxControl(sandbox, 'POST', `/agreements/${agreement.id}/approve`, {}).catch(() => undefined);
  } catch {
    // The control API never faults; a failure here is a race with a state change. Try again next round.
  }
}

function pickFault(rnd: () => number): Record<string, unknown> {
  const paths = [
    { method: 'POST', pathPrefix: '/epayment/v1/payments' },
    { method: 'GET', pathPrefix: '/epayment/v1/payments' },
    { method: 'POST', pathPrefix: '/recurring/v3/agreements' },
    { method: 'GET', pathPrefix: '/recurring/v3/agreements' },
    { method: 'PUT', pathPrefix: '/billing/v1/' },
  ];
  const where = paths[Math.floor(rnd() * paths.length)]!;
  // Now and then a server that answers later than the till waits (1.5 s in the fast schedule): a timeout.
  if (rnd() < 0.08) return { kind: 'latency', ms: 2_000, ...where, count: 1 };
  const kinds = [
    { kind: 'latency', ms: 50 + Math.floor(rnd() * 250) },
    { kind: 'status', status: [500, 502, 503][Math.floor(rnd() * 3)] },
    { kind: 'rate-limit', retryAfterSeconds: 1 },
    { kind: 'drop' },
    { kind: 'process-then-drop' },
  ];
  return { ...kinds[Math.floor(rnd() * kinds.length)], ...where, count: 1 + Math.floor(rnd() * 3) };
}

/** Compares every till's database with both sandboxes. */
async function verify(sandbox: Sandbox, dataDirs: string[], ledger: DriverLedger): Promise<Omit<ChaosReport, 'faultsInjected' | 'kills' | 'seconds' | 'answersDropped'>> {
  const violations: string[] = [...ledger.violations];
  const billingRefundIds = new Set(((await sandboxControl(sandbox, 'GET', '/billing/refunds')).refunds as any[]).map((r) => r.refundId));
  const { payments } = await sandboxControl(sandbox, 'GET', '/payments');
  const { agreements } = await sandboxControl(sandbox, 'GET', '/agreements');
  const billingSales = (await sandboxControl(sandbox, 'GET', '/billing/sales')).sales as any[];
  const billingAgreements = (await sandboxControl(sandbox, 'GET', '/billing/agreements')).agreements as any[];
  const paymentByRef = new Map<string, any>();
  let duplicates = 0;
  for (const p of payments) {
    if (paymentByRef.has(p.reference)) duplicates++;
    paymentByRef.set(p.reference, p);
  }
  const agreementsByExternal = new Map<string, any[]>();
  for (const a of agreements) agreementsByExternal.set(a.externalId, [...(agreementsByExternal.get(a.externalId) ?? []), a]);
  for (const [externalId, list] of agreementsByExternal) {
    if (list.length > 1) {
      duplicates += list.length - 1;
      violations.push(`sale ${externalId} has ${list.length} agreements`);
    }
  }
  const billingSaleIds = new Set(billingSales.map((s) => s.saleId));
  const billingAgreementIds = new Set(billingAgreements.map((a) => a.agreementId));
  const counts = { cash: 0, vipps: 0, subscriptions: 0, total: 0 };
  const kassaReferences = new Set<string>();

  for (const dir of dataDirs) {
    const db = new BetterSqlite3(join(dir, DATABASE_FILE), { readonly: true });
    try {
      const sales = db.prepare('SELECT id, reference, tender, status, total, captured FROM sales').all() as any[];
      for (const sale of sales) {
        kassaReferences.add(sale.reference);
        if (['requested', 'waiting', 'capturing'].includes(sale.status)) violations.push(`sale ${sale.id} left ${sale.status}`);
        if (sale.status !== 'completed') continue;
        if (sale.tender === 'cash') counts.cash++;
        else counts.vipps++;
        if (!billingSaleIds.has(sale.id)) violations.push(`sale ${sale.id} not recorded by the billing backend`);
        if (sale.tender === 'cash') continue;
        const payment = paymentByRef.get(sale.reference);
        const captured = payment?.aggregate?.capturedAmount?.value;
        if (captured !== sale.total) violations.push(`sale ${sale.id}: Vipps captured ${captured}, the till says ${sale.total}`);
        const captures = (payment?.events ?? []).filter((e: any) => e.name === 'CAPTURED' && e.success).length;
        if (captures !== 1) violations.push(`sale ${sale.id}: ${captures} captures at Vipps`);
      }
      const subscriptions = db.prepare('SELECT id, status, agreement_id FROM subscription_sales').all() as any[];
      for (const sale of subscriptions) {
        if (['requested', 'pending', 'capturing'].includes(sale.status)) violations.push(`subscription sale ${sale.id} left ${sale.status}`);
        if (sale.status !== 'active') continue;
        counts.subscriptions++;
        if (!billingAgreementIds.has(sale.agreement_id)) violations.push(`agreement ${sale.agreement_id} not registered with the billing backend`);
        const found = (agreementsByExternal.get(sale.id) ?? [])[0];
        if (found?.status !== 'ACTIVE') violations.push(`agreement of ${sale.id} is ${found?.status} at Vipps`);
        for (const charge of found?.charges ?? []) {
          if (charge.transactionType === 'RESERVE_CAPTURE' && charge.summary.captured !== charge.amount) {
            violations.push(`initial charge ${charge.id} captured ${charge.summary.captured} of ${charge.amount}`);
          }
        }
      }
      const refunds = db.prepare("SELECT id, sale_id, amount, status FROM refunds").all() as any[];
      for (const refund of refunds) {
        if (refund.status === 'pending') violations.push(`refund ${refund.id} left pending`);
        if (refund.status === 'refunded' && !billingRefundIds.has(refund.id)) violations.push(`refund ${refund.id} not recorded by the billing backend`);
        const asked = ledger.refunds.get(refund.sale_id);
        if (!asked) violations.push(`refund ${refund.id} of ${refund.sale_id}: the driver never asked for it`);
      }
      const waiting = db.prepare("SELECT count(*) AS n FROM outbox WHERE status IN ('pending', 'dead')").get() as { n: number };
      if (waiting.n > 0) violations.push(`${dir}: ${waiting.n} reports not delivered`);
    } finally {
      db.close();
    }
  }
  // Every payment a customer approved belongs to a sale the till finished, and was captured exactly once.
  for (const payment of payments) {
    if (!kassaReferences.has(payment.reference)) violations.push(`payment ${payment.reference} belongs to no sale on any till`);
    if (payment.state === 'AUTHORIZED' && payment.aggregate.capturedAmount.value !== payment.amount.value && payment.aggregate.cancelledAmount.value === 0) {
      violations.push(`approved payment ${payment.reference} was not captured`);
    }
  }
  for (const recorded of billingSales) if (recorded.conflicts > 0) violations.push(`billing sale ${recorded.saleId} had conflicting reports`);
  // Every refund the driver asked for reached the customer once: Vipps refunded exactly that much.
  let doubleRefunds = 0;
  let refundCount = 0;
  for (const [saleId, asked] of ledger.refunds) {
    const intended = asked.amounts.reduce((sum, amount) => sum + amount, 0);
    refundCount += asked.amounts.length;
    const refunded = paymentByRef.get(asked.reference)?.aggregate?.refundedAmount?.value ?? 0;
    if (refunded > intended) doubleRefunds++;
    if (refunded !== intended) violations.push(`sale ${saleId}: the driver refunded ${intended}, Vipps refunded ${refunded}`);
  }
  counts.total = counts.cash + counts.vipps + counts.subscriptions;
  const billingRedeliveries = [...billingSales, ...billingAgreements].reduce((n, r) => n + Math.max(0, r.deliveries - 1), 0);
  return { sales: counts, retries: billingRedeliveries, duplicatesFound: duplicates, violations, refunds: refundCount, doubleRefunds };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
