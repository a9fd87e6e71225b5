import type { Database } from 'better-sqlite3';
import type { CoreHandlers } from '../../shared/contract';
import { BillingClient } from './billing/billing-client';
import { CatalogueService } from './catalogue/catalogue-service';
import { validatePlans, validateProducts } from './catalogue/plan-validation';
import type { Plan } from '../../shared/catalogue';
import type { Product } from '../../shared/product';
import { SaleRepo } from './db/repos/sale-repo';
import { CartService } from './sales/cart-service';
import { CustomerDisplayState } from './sales/customer-display';
import { PaymentSales } from './sales/payment-sales';
import { EpaymentClient } from './vipps/epayment-client';
import { VippsHealth } from './vipps/vipps-health';
import { OutboxRepo } from './db/repos/outbox-repo';
import { SyncWorker } from './outbox/sync-worker';
import { IntentionLedger } from './intentions/intention-ledger';
import type { ReportSink } from './outbox/report-sink';
import { randomUUID } from 'node:crypto';
import { coreConfigSchema, type CoreConfig } from './core-config';
import { openDatabase } from './db/open-database';
import { CatalogueCacheRepo } from './db/repos/catalogue-cache-repo';
import { SubscriptionSaleRepo } from './db/repos/subscription-sale-repo';
import { CoreEvents } from './events';
import { createHttpClient, type HttpClient } from './http/http-client';
import { createSystemClock, type Clock } from './platform/clock';
import { createConsoleLogger, type Logger } from './platform/logger';
import { SubscriptionSales } from './sales/subscription-sales';
import { createAccessTokenProvider } from './vipps/access-token';
import { RecurringClient } from './vipps/recurring-client';
import { createVippsHttpClient } from './vipps/vipps-http-client';
import type { SystemInfo } from './vipps/vipps-config';
import { KASSA_VERSION } from './version';
import { fastPollPolicy, pollPolicy } from './status/poll-schedule';

export interface CoreDeps {
  clock?: Clock;
  logger?: Logger;
  http?: HttpClient;
  random?: () => number;
}

export interface Core {
  handlers: CoreHandlers;
  events: CoreEvents;
  logger: Logger;
  /** Resumes every sale the till had not finished. */
  start(): void;
  /** Resolves when no sale is being worked on right now; timers may still be set. */
  idle(): Promise<void>;
  /** Stops timers, waits for work in flight, closes the database. */
  stop(): Promise<void>;
}

const system: SystemInfo = {
  systemName: 'Kassa',
  systemVersion: KASSA_VERSION,
  pluginName: 'kassa-pos',
  pluginVersion: KASSA_VERSION,
};

/** The single composition root, shared by Electron, the web host, the tests and the bench. */
export function createCore(rawConfig: CoreConfig, deps: CoreDeps = {}): Core {
  const config = coreConfigSchema.parse(rawConfig);
  const clock = deps.clock ?? createSystemClock();
  const now = () => clock.now();
  const logger = deps.logger ?? createConsoleLogger('core');
  // The fast (training-only) schedule also gives up on a silent server sooner, so timeouts can be tested.
  const http = deps.http ?? createHttpClient(config.schedule === 'fast' ? { connectTimeoutMs: 1_000, responseTimeoutMs: 1_500 } : {});
  const db: Database = openDatabase(config.dataDir, now);
  const events = new CoreEvents();

  const tokens = createAccessTokenProvider(http, config.vipps, system, now);
  const vipps = createVippsHttpClient(http, tokens, config.vipps, system, now);
  const recurring = new RecurringClient(vipps);
  const billing = new BillingClient(http, config.billing);
  const catalogueCache = new CatalogueCacheRepo(db);
  const plans = new CatalogueService<Plan>('plans', billing, catalogueCache, (entries) => validatePlans(entries, config.shop.currency), now);
  const products = new CatalogueService<Product>('products', billing, catalogueCache, (entries) => validateProducts(entries, config.shop.currency), now);
  const fast = config.schedule === 'fast';
  const policy = fast ? fastPollPolicy : pollPolicy;
  const outbox = new OutboxRepo(db, now);
  const sync = new SyncWorker({
    repo: outbox,
    billing,
    clock,
    logger,
    publish: (status) => events.emit('sync.changed', status),
    random: deps.random,
    ...(fast ? { backoff: { baseMs: 50, maxMs: 1_000 } } : {}),
  });
  const reports: ReportSink = {
    transaction: (change) => db.transaction(change)(),
    report: (kind, subjectId, orderingKey, payload) => outbox.enqueue({ id: randomUUID(), kind, subjectId, orderingKey, payload }),
    flush: () => sync.kick(),
  };
  const subscriptions = new SubscriptionSales({
    reports,
    policy,
    tillId: config.tillId,
    repo: new SubscriptionSaleRepo(db, now),
    plans,
    recurring,
    vipps,
    events,
    clock,
    logger,
    urls: config.agreementUrls,
    merchantSerialNumber: config.vipps.merchantSerialNumber,
    random: deps.random,
  });

  let display: CustomerDisplayState | null = null;
  const cart = new CartService(products, config.shop.currency, (changed) => {
    events.emit('cart.changed', changed);
    display?.cartChanged(changed);
  });
  display = new CustomerDisplayState(cart.get(), (state) => events.emit('display.changed', state));
  events.on('sale.changed', (sale) => display?.saleChanged(sale));
  const epayment = new EpaymentClient(vipps);
  const health = new VippsHealth(epayment, now);
  const payments = new PaymentSales({
    reports,
    policy,
    repo: new SaleRepo(db, now),
    cart,
    epayment,
    events,
    clock,
    logger,
    tillId: config.tillId,
    shopName: config.shop.name,
    merchantSerialNumber: config.vipps.merchantSerialNumber,
    cashMaxOverTotal: config.cashMaxOverTotal,
    random: deps.random,
  });
  const intentions = new IntentionLedger(db, now);

  const handlers: CoreHandlers = {
    'app.info': async () => ({
      version: KASSA_VERSION,
      mode: config.mode,
      shop: config.shop,
      tillId: config.tillId,
      cashMaxOverTotal: config.cashMaxOverTotal,
      phonePageUrl: config.phonePageUrl,
    }),
    'catalogue.plans': async () => {
      const { items, ...rest } = await plans.list();
      return { plans: items, ...rest };
    },
    'subscription.start': (request) =>
      intentions.once('subscription.start', request, (record) => subscriptions.start(request, record), (id) => subscriptions.startAnswer(id)),
    'subscription.get': async ({ saleId }) => subscriptions.get(saleId),
    'subscription.current': async () => subscriptions.current(),
    'subscription.cancel': ({ saleId }) => subscriptions.cancel(saleId),
    'products.list': async () => {
      const { items, ...rest } = await products.list();
      return { products: items, ...rest };
    },
    'cart.get': async () => cart.get(),
    'cart.add': (request) => cart.add(request),
    'cart.setQuantity': ({ productId, quantity }) => cart.setQuantity(productId, quantity),
    'cart.clear': async () => cart.clear(),
    'payment.start': (request) => intentions.once('payment.start', request, (record) => payments.start(request, record), (id) => payments.startAnswer(id)),
    'payment.cash': (request) => intentions.once('payment.cash', request, (record) => payments.cash(request, record), (id) => payments.startAnswer(id)),
    'sale.get': async ({ saleId }) => payments.get(saleId),
    'sale.current': async () => payments.current(),
    'sale.cancel': ({ saleId }) => payments.cancel(saleId),
    'sale.refund': (request) => intentions.once('sale.refund', request, (record) => payments.refund(request, record), (id) => payments.refundAnswer(id)),
    'sales.list': async ({ limit }) => payments.today(limit),
    'display.get': async () => display!.current(),
    'sync.status': async () => sync.status(),
    'sync.now': () => sync.syncNow(),
    'sync.deadLetters': async () => sync.deadLetters(),
    'sync.retry': ({ id }) => sync.retry(id),
    'sync.discard': async ({ id, reason }) => sync.discard(id, reason),
    'vipps.health': ({ fresh }) => health.check(fresh),
  };

  let stopped = false;
  return {
    handlers,
    events,
    logger,
    start() {
      subscriptions.resume();
      payments.resume();
      sync.kick();
    },
    idle: async () => {
      await Promise.all([subscriptions.idle(), payments.idle()]);
      await sync.idle();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await Promise.all([subscriptions.stop(), payments.stop()]);
      await sync.stop();
      if (!deps.http) await http.close();
      db.close();
    },
  };
}
