import type { Database } from 'better-sqlite3';
import type { CoreHandlers } from '../../shared/contract';
import { BillingClient } from './billing/billing-client';
import { CatalogueService } from './catalogue/catalogue-service';
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
  const http = deps.http ?? createHttpClient();
  const db: Database = openDatabase(config.dataDir, now);
  const events = new CoreEvents();

  const tokens = createAccessTokenProvider(http, config.vipps, system, now);
  const vipps = createVippsHttpClient(http, tokens, config.vipps, system, now);
  const recurring = new RecurringClient(vipps);
  const catalogue = new CatalogueService(new BillingClient(http, config.billing), new CatalogueCacheRepo(db), config.shop.currency, now);
  const subscriptions = new SubscriptionSales({
    repo: new SubscriptionSaleRepo(db, now),
    catalogue,
    recurring,
    vipps,
    events,
    clock,
    logger,
    urls: config.agreementUrls,
    merchantSerialNumber: config.vipps.merchantSerialNumber,
    random: deps.random,
  });

  const handlers: CoreHandlers = {
    'app.info': async () => ({
      version: KASSA_VERSION,
      mode: config.mode,
      shop: config.shop,
      tillId: config.tillId,
      phonePageUrl: config.phonePageUrl,
    }),
    'catalogue.plans': () => catalogue.plans(),
    'subscription.start': (request) => subscriptions.start(request),
    'subscription.get': async ({ saleId }) => subscriptions.get(saleId),
    'subscription.current': async () => subscriptions.current(),
    'subscription.cancel': ({ saleId }) => subscriptions.cancel(saleId),
  };

  let stopped = false;
  return {
    handlers,
    events,
    logger,
    start: () => subscriptions.resume(),
    idle: () => subscriptions.idle(),
    async stop() {
      if (stopped) return;
      stopped = true;
      await subscriptions.stop();
      if (!deps.http) await http.close();
      db.close();
    },
  };
}
