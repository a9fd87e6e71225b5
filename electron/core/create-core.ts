import { languageOfLocale, walletBrandOf } from '../../shared/languages';
import type { Database } from 'better-sqlite3';
import type { CoreHandlers } from '../../shared/contract';
import { BillingClient } from './billing/billing-client';
import { CatalogueService } from './catalogue/catalogue-service';
import { validatePlans, validateProducts } from './catalogue/plan-validation';
import type { Plan } from '../../shared/catalogue';
import type { Product } from '../../shared/product';
import { SaleRepo, toPublicSale } from './db/repos/sale-repo';
import { PeriodFiguresQuery } from './reports/period-figures';
import { dayView } from './reports/day-view';
import { EntryList } from './reports/entry-list';
import { EntryDetailQuery } from './reports/entry-detail';
import { EndOfDay } from './reports/end-of-day';
import { ZReportRepo } from './reports/z-report-repo';
import { AuditQuery } from './reports/audit-query';
import { auditFile, entriesFile, zReportFile } from './reports/exports';
import type { ExportFile } from '../../shared/reports';
import type { CallContext } from './staff/staff-service';
import { CartService } from './sales/cart-service';
import { CustomerDisplayState } from './sales/customer-display';
import { PaymentSales } from './sales/payment-sales';
import { EpaymentClient } from './vipps/epayment-client';
import { VippsHealth } from './vipps/vipps-health';
import { OutboxRepo } from './db/repos/outbox-repo';
import { SyncWorker } from './outbox/sync-worker';
import { IntentionLedger } from './intentions/intention-ledger';
import { AuditLog } from './audit/audit-log';
import { guardHandlers, type ContextHandlers } from './staff/access-gate';
import { StaffRepo } from './staff/staff-repo';
import { KIOSK, StaffService } from './staff/staff-service';
import type { ReportSink } from './outbox/report-sink';
import { randomUUID } from 'node:crypto';
import { coreConfigSchema, type CoreConfig } from './core-config';
import { openDatabase } from './db/open-database';
import { CatalogueCacheRepo } from './db/repos/catalogue-cache-repo';
import { SubscriptionSaleRepo, toSaleView } from './db/repos/subscription-sale-repo';
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
import { AgreementService } from './agreements/agreement-service';
import { AgreementOperationsRepo } from './agreements/agreement-operations-repo';

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
  /** Seeds training staff and resumes every sale the till had not finished. */
  start(): Promise<void>;
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
  let agreements: AgreementService | null = null;
  const sync = new SyncWorker({
    onDelivered: (kind, subjectId, answer) => {
      if (kind === 'agreement') agreements?.onAgreementRegistered(answer, subjectId);
    },
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
  const subscriptionRepo = new SubscriptionSaleRepo(db, now);
  const saleRepo = new SaleRepo(db, now);
  const subscriptions = new SubscriptionSales({
    reports,
    policy,
    tillId: config.tillId,
    repo: subscriptionRepo,
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

  agreements = new AgreementService({
    repo: new AgreementOperationsRepo(db, now),
    recurring,
    billing,
    plans,
    reports,
    clock,
    logger,
    tillId: config.tillId,
    merchantSerialNumber: config.vipps.merchantSerialNumber,
    policy,
    random: deps.random,
    // The fast schedule follows a 202 for seconds, not minutes, so its give-up can be seen in e2e.
    ...(fast ? { verifyDelayMs: 50, followForMs: 2_000 } : {}),
  });
  const lifecycle = agreements;

  let display: CustomerDisplayState | null = null;
  const cart = new CartService(products, config.shop.currency, (changed) => {
    events.emit('cart.changed', changed);
    display?.cartChanged(changed);
  });
  display = new CustomerDisplayState(cart.get(), (state) => events.emit('display.changed', state));
  events.on('sale.changed', (sale) => display?.saleChanged(sale));
  events.on('subscription.changed', (sale) => display?.subscriptionChanged(sale));
  const epayment = new EpaymentClient(vipps);
  const health = new VippsHealth(epayment, now);
  const payments = new PaymentSales({
    reports,
    policy,
    repo: saleRepo,
    cart,
    epayment,
    events,
    clock,
    logger,
    tillId: config.tillId,
    shopName: config.shop.name,
    merchantSerialNumber: config.vipps.merchantSerialNumber,
    cashMaxOverTotal: config.cashMaxOverTotal,
    country: config.shop.country,
    random: deps.random,
  });
  const audit = new AuditLog(db, config.tillId, now);
  const intentions = new IntentionLedger(db, audit, now);
  const staff = new StaffService({
    repo: new StaffRepo(db, now),
    audit,
    clock,
    training: config.mode === 'training',
    kiosk: config.kiosk,
    idleSignOutMs: config.idleSignOutMinutes * 60_000,
    publish: (session) => events.emit('staff.changed', session),
  });

  const figures = new PeriodFiguresQuery(db, config.shop.currency);
  const entries = new EntryList(db, config.shop.currency);
  const entryDetail = new EntryDetailQuery(db, {
    sale: (id) => {
      const found = saleRepo.get(id);
      return found ? toPublicSale(found) : null;
    },
    agreement: (id) => {
      const found = subscriptionRepo.get(id);
      return found ? toSaleView(found) : null;
    },
  });
  const endOfDay = new EndOfDay({
    repo: new ZReportRepo(db, config.tillId),
    figures,
    reports,
    audit,
    clock,
    tillId: config.tillId,
    currency: config.shop.currency,
    unsynced: () => {
      const stats = outbox.stats();
      return stats.waiting + stats.deadLetters;
    },
  });
  const journal = new AuditQuery(db);
  /** Every export is journalled: what was taken away, by whom, in which form. */
  const exported = (context: CallContext, what: string, file: ExportFile): ExportFile => {
    audit.record({ action: 'report.exported', actor: context.actor, approver: context.approver, after: { what, filename: file.filename } });
    return file;
  };

  const handlers: ContextHandlers = {
    'app.info': async () => ({
      version: KASSA_VERSION,
      mode: config.mode,
      shop: { ...config.shop, language: config.shop.language ?? languageOfLocale(config.shop.locale), wallet: walletBrandOf[config.shop.country] },
      tillId: config.tillId,
      cashMaxOverTotal: config.cashMaxOverTotal,
      kiosk: config.kiosk,
      receiptUrlBase: `${config.billing.baseUrl.replace(/\/$/, '')}/billing/v1/receipts/`,
      phonePageUrl: config.phonePageUrl,
    }),
    'kiosk.exit': ({ staffId, pin }) => staff.exitKiosk(staffId, pin),
    'staff.session': async () => staff.view(),
    'staff.list': async () => staff.list(),
    'staff.signIn': ({ staffId, pin }) => staff.signIn(staffId, pin),
    'staff.signOut': async () => staff.signOut(),
    'staff.setup': ({ name, pin }) => staff.setUpFirstManager(name, pin),
    'staff.create': (request, context) => staff.create(request, context),
    'staff.setLanguage': async ({ language }, context) => staff.setLanguage(language, context),
    'catalogue.plans': async () => {
      const { items, ...rest } = await plans.list();
      return { plans: items, ...rest };
    },
    'subscription.start': (request, context) =>
      intentions.once('subscription.start', request, context, (intention) => subscriptions.start(request, intention), (id) => subscriptions.startAnswer(id)),
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
    'payment.start': (request, context) =>
      intentions.once('payment.start', request, context, (intention) => payments.start(request, intention), (id) => payments.startAnswer(id)),
    'payment.cash': (request, context) =>
      intentions.once('payment.cash', request, context, (intention) => payments.cash(request, intention), (id) => payments.startAnswer(id)),
    'sale.get': async ({ saleId }) => payments.get(saleId),
    'sale.current': async () => payments.current(),
    'sale.cancel': ({ saleId }) => payments.cancel(saleId),
    'sale.refund': (request, context) =>
      intentions.once('sale.refund', request, context, (intention) => payments.refund(request, intention), (id) => payments.refundAnswer(id)),
    'sales.list': async ({ limit }) => payments.today(limit),
    'sales.signUps': async ({ limit }) => subscriptions.today(limit),
    'display.get': async () => display!.current(),
    'sync.status': async () => sync.status(),
    'sync.now': () => sync.syncNow(),
    'sync.deadLetters': async () => sync.deadLetters(),
    'sync.retry': async ({ id }, context) => {
      audit.record({ action: 'sync.retry', actor: context.actor, subjectId: id });
      return sync.retry(id);
    },
    'sync.discard': async ({ id, reason }, context) => {
      audit.record({ action: 'sync.discard', actor: context.actor, approver: context.approver, subjectId: id, after: { reason } });
      return sync.discard(id, reason);
    },
    'vipps.health': ({ fresh }) => health.check(fresh),

    'reports.day': async ({ date }) => dayView(figures, date, now()),
    'reports.entries': async ({ filter, page, pageSize }) => entries.page(filter, page, pageSize),
    'reports.entry': async ({ kind, id }) => entryDetail.detail(kind, id),
    'drawer.status': async () => endOfDay.drawer(),
    'drawer.move': (request, context) =>
      intentions.once('drawer.move', request, context, (intention) => endOfDay.move(request, intention), () => endOfDay.drawer()),
    'zreport.x': async (_request, context) => endOfDay.x(context),
    'zreport.close': (request, context) =>
      intentions.once('zreport.close', request, context, (intention) => endOfDay.close(request, intention), (id) => endOfDay.closeAnswer(id)),
    'zreport.list': async () => endOfDay.list(),
    'zreport.get': async ({ number }) => endOfDay.get(number),
    'audit.list': async ({ filter, page, pageSize }) => journal.page(filter, page, pageSize),
    'export.entries': async ({ filter, format }, context) => exported(context, 'entries', entriesFile(entries.all(filter), format, now(), config.tillId)),
    'export.zReport': async ({ number, format }, context) => exported(context, `z-report ${number}`, zReportFile(endOfDay.get(number), format)),
    'export.audit': async ({ filter, format }, context) => exported(context, 'journal', auditFile(journal.all(filter), format, now(), config.tillId)),

    'customers.lookup': (query) => lifecycle.lookup(query),
    'customers.check': async ({ phone, planId }, context) => {
      const found = await lifecycle.check(phone, planId);
      // A kiosk's customer learns only whether this number may sign up, never whose agreements exist.
      return context.actor?.id === KIOSK.id ? { state: found.state, agreements: [] } : found;
    },
    'agreement.get': ({ agreementId }) => lifecycle.get(agreementId),
    'agreement.charges': ({ agreementId }) => lifecycle.charges(agreementId),
    'agreement.previewChange': ({ agreementId, planId }) => lifecycle.preview(agreementId, planId),
    'agreement.operation': async ({ operationId }) => lifecycle.operation(operationId),
    'agreement.recheck': ({ operationId }) => lifecycle.recheck(operationId),
    'agreement.changePlan': (request, context) =>
      intentions.once('agreement.changePlan', request, context, (intention) => lifecycle.changePlan(request, intention), (id) => lifecycle.answer(id)),
    'agreement.stop': (request, context) =>
      intentions.once('agreement.stop', request, context, (intention) => lifecycle.stopAgreement(request, intention), (id) => lifecycle.answer(id)),
    'charge.refund': (request, context) =>
      intentions.once('charge.refund', request, context, (intention) => lifecycle.refundCharge(request, intention), (id) => lifecycle.answer(id)),
    'charge.cancel': (request, context) =>
      intentions.once('charge.cancel', request, context, (intention) => lifecycle.cancelCharge(request, intention), (id) => lifecycle.answer(id)),
  };

  let stopped = false;
  return {
    handlers: guardHandlers(handlers, staff),
    events,
    logger,
    async start() {
      await staff.seedTrainingStaff();
      subscriptions.resume();
      payments.resume();
      lifecycle.resume();
      sync.kick();
    },
    idle: async () => {
      await Promise.all([subscriptions.idle(), payments.idle(), lifecycle.idle()]);
      await sync.idle();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      staff.stop();
      await Promise.all([subscriptions.stop(), payments.stop(), lifecycle.stop()]);
      await sync.stop();
      if (!deps.http) await http.close();
      db.close();
    },
  };
}
