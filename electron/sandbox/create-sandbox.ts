/**
 * Composition root of the sandbox: one node:http server on 127.0.0.1 that plays
 *   - Vipps MobilePay: POST /accesstoken/get, /recurring/v3/…, /epayment/v1/…,
 *     GET /vipps-userinfo-api/userinfo/{sub}, GET /qr-image/v1?token=… (QR payments' images)
 *   - the customer's phone: /phone…
 *   - the shop's billing backend: GET /billing/v1/plans, /products; PUT /billing/v1/sales/{id},
 *     /agreements/{id}, /refunds/{id} (billing/)
 *   - its own control API for tests and demos: /_control/…
 *
 * The request pipeline lives here because it is what makes faults precise:
 *   read body → pick an injected fault → (drop: destroy, stop) → (latency: wait) → (status: answer
 *   5xx, stop) → route + handle → (process-then-drop: destroy instead of answering) → answer → record.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { RecordedExchange, Sandbox, SandboxOptions } from './sandbox-api';
import { trainingBillingKeys } from './training-credentials';
import { SandboxClock } from './clock';
import { BodyTooLargeError, json, normaliseHeaders, readBody, Router, splitUrl, type SandboxRequest, type SandboxResponse } from './http-kit';
import { azureError, plainProblem, Problem, problemResponse } from './problems';
import { IdempotencyStore } from './idempotency';
import { SlidingWindowRateLimiter } from './rate-limiter';
import { MerchantRegistry, trainingMerchants } from './merchants';
import { createAccessTokenHandler, TokenService } from './access-token';
import { RecurringStore } from './recurring/recurring-store';
import { registerRecurringRoutes } from './recurring/recurring-routes';
import { createUserinfoHandler } from './userinfo/userinfo-route';
import { registerPhoneRoutes } from './phone/phone-routes';
import { registerControlRoutes, type ControlSettings } from './control-api';
import { FaultInjector, type Fault } from './faults';
import { BillingCatalogue, registerBillingRoutes } from './billing/billing-routes';
import { BillingAccess } from './billing/billing-access';
import { BillingLedger } from './billing/report-ledger';
import { billingRateLimited, isBillingPath } from './billing/billing-problems';
import { isRecordedPath, toExchange } from './exchange-recorder';
import type { PresentContext } from './recurring/presenters';
import { PaymentStore } from './epayment/payment-store';
import { EpaymentIdempotencyStore } from './epayment/epayment-idempotency';
import { registerEpaymentRoutes } from './epayment/epayment-routes';
import { registerQrImageRoute } from './epayment/qr-image';
import { epaymentStatusProblem } from './epayment/epayment-problems';
import { browserGuard, guardsPath } from './browser-guard';

export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const clock = new SandboxClock(options.now ?? Date.now);
  const merchants = new MerchantRegistry(options.merchants ?? trainingMerchants);
  const tokens = new TokenService(clock, merchants);
  const rateLimiter = new SlidingWindowRateLimiter();
  const idempotency = new IdempotencyStore();
  const store = new RecurringStore(clock);
  const payments = new PaymentStore(clock, store.consents);
  const paymentKeys = new EpaymentIdempotencyStore();
  const faults = new FaultInjector();
  const catalogue = new BillingCatalogue(() => clock.now());
  const billing = {
    access: new BillingAccess(options.billingApiKey ? [options.billingApiKey] : Object.values(trainingBillingKeys)),
    ledger: new BillingLedger(() => clock.now()),
  };
  const settings: ControlSettings = { rateLimits: true, asyncMutations: false, pendingStopAllowed: true, patchEnactDelayMs: 1_000 };
  const recording = options.recordExchanges ?? true;
  const exchanges: RecordedExchange[] = [];
  let baseUrl = '';
  let port = 0;
  const present = (): PresentContext => ({ baseUrl });

  const reset = () => {
    store.reset();
    payments.reset();
    idempotency.clear();
    paymentKeys.clear();
    rateLimiter.clear();
    faults.clear();
    clock.reset();
    merchants.reset();
    catalogue.reset();
    billing.access.reset();
    billing.ledger.reset();
    settings.rateLimits = true;
    settings.asyncMutations = false;
    settings.pendingStopAllowed = true;
    settings.patchEnactDelayMs = 1_000;
    exchanges.length = 0;
  };

  const gateway = { clock, merchants, tokens, rateLimiter, idempotency, rateLimitsEnabled: () => settings.rateLimits };
  const router = new Router();
  router.add('POST', '/accesstoken/get', createAccessTokenHandler(tokens, merchants, clock));
  registerRecurringRoutes(router, { ...gateway, store, present, asyncMutations: () => settings.asyncMutations, patchEnactDelayMs: () => settings.patchEnactDelayMs, pendingStopAllowed: () => settings.pendingStopAllowed });
  registerEpaymentRoutes(router, { ...gateway, keys: paymentKeys, payments, present });
  registerQrImageRoute(router, { payments, present });
  router.add('GET', '/vipps-userinfo-api/userinfo/:sub', createUserinfoHandler({ clock, tokens, store }));
  registerPhoneRoutes(router, { clock, store, merchants, payments });
  registerBillingRoutes(router, { catalogue, ...billing });
  registerControlRoutes(router, { clock, store, payments, merchants, faults, catalogue, billing, settings, exchanges, present, reset });
  router.add('GET', '/', () => json(200, { sandbox: 'Kassa Vipps MobilePay sandbox', api: baseUrl, phone: `${baseUrl}/phone`, control: `${baseUrl}/_control` }));

  // Pending latency waits, so close() can release them instead of leaving handlers hanging.
  const latencyWaits = new Map<NodeJS.Timeout, () => void>();
  const record = (req: SandboxRequest, response: SandboxResponse | null, fault?: Fault) => {
    if (recording && isRecordedPath(req.path)) exchanges.push(toExchange(req, response, fault?.kind));
  };

  async function handle(incoming: IncomingMessage, res: ServerResponse): Promise<void> {
    const { path, query } = splitUrl(incoming.url ?? '/');
    const headers = normaliseHeaders(incoming.headers);
    const method = (incoming.method ?? 'GET').toUpperCase();
    const refused = guardsPath(path) ? browserGuard(headers, port) : null;
    if (refused) return send(res, plainProblem(refused.status, refused.detail));
    let rawBody: string;
    try {
      rawBody = await readBody(incoming);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return send(res, plainProblem(413, 'Request body too large'));
      throw error;
    }
    const req: SandboxRequest = { method, path, query, headers, rawBody, params: {} };

    const fault = faults.take(method, path);
    if (fault?.kind === 'drop') {
      record(req, null, fault);
      return destroy(res);
    }
    if (fault?.kind === 'latency') {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          latencyWaits.delete(timer);
          resolve();
        }, fault.ms);
        latencyWaits.set(timer, resolve);
      });
    }
    if (fault?.kind === 'rate-limit') {
      // The billing API documents 429 as problem+json; the Vipps gateway answers in its own shape.
      const response = isBillingPath(path)
        ? billingRateLimited(fault.retryAfterSeconds!, path)
        : azureError(429, `Rate limit is exceeded. Try again in ${fault.retryAfterSeconds} seconds.`, {
            'retry-after': String(fault.retryAfterSeconds),
          });
      record(req, response, fault);
      return send(res, response);
    }
    if (fault?.kind === 'status') {
      const detail = `Injected fault: HTTP ${fault.status}`;
      const response = isEpaymentPath(path)
        ? epaymentStatusProblem(fault.status!, detail, path)
        : isVippsPath(path)
          ? problemResponse(new Problem(fault.status!, 'operation-failed', detail), path)
          : plainProblem(fault.status!, detail);
      record(req, response, fault);
      return send(res, response);
    }

    const response = await dispatch(req);
    if (fault?.kind === 'process-then-drop') {
      record(req, response, fault);
      return destroy(res);
    }
    record(req, response, fault);
    send(res, response);
  }

  async function dispatch(req: SandboxRequest): Promise<SandboxResponse> {
    const match = router.match(req.method, req.path);
    if (match.kind === 'not-found') {
      if (isEpaymentPath(req.path)) return epaymentStatusProblem(404, `No endpoint ${req.method} ${req.path}`, req.path);
      return isVippsPath(req.path)
        ? problemResponse(new Problem(404, 'resource-not-found', `No endpoint ${req.method} ${req.path}`), req.path)
        : plainProblem(404, `No endpoint ${req.method} ${req.path}`);
    }
    if (match.kind === 'method-not-allowed') {
      const response = plainProblem(405, `Method ${req.method} is not allowed on ${req.path}`);
      return { ...response, headers: { ...response.headers, allow: [...new Set(match.allowed)].join(', ') } };
    }
    try {
      return await match.handler({ ...req, params: match.params });
    } catch (error) {
      if (error instanceof Problem) return problemResponse(error, req.path);
      return plainProblem(500, `Sandbox error: ${(error as Error).message}`);
    }
  }

  const sockets = new Set<Socket>();
  const server = createServer((incoming, res) => {
    handle(incoming, res).catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) send(res, plainProblem(500, `Sandbox error: ${(error as Error).message}`));
    });
  });
  server.keepAliveTimeout = 5_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;

  let closing: Promise<void> | null = null;
  return {
    url: baseUrl,
    phonePageUrl: `${baseUrl}/phone`,
    controlUrl: `${baseUrl}/_control`,
    exchanges,
    now: () => clock.now(),
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const [timer, release] of latencyWaits) {
          clearTimeout(timer);
          release();
        }
        latencyWaits.clear();
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}

/** ePayment answers in its own Problem shape (epayment/epayment-problems.ts), not ErrorV3. */
function isEpaymentPath(path: string): boolean {
  return path.startsWith('/epayment/');
}

function isVippsPath(path: string): boolean {
  return path.startsWith('/recurring/') || path.startsWith('/accesstoken/') || path.startsWith('/vipps-userinfo-api/');
}

function send(res: ServerResponse, response: SandboxResponse): void {
  if (res.destroyed || res.writableEnded) return;
  const body = Buffer.from(response.body ?? '', response.encoding ?? 'utf8');
  const headers: Record<string, string | number> = { ...response.headers };
  if (response.status !== 204 && response.status !== 304) headers['content-length'] = body.length;
  res.writeHead(response.status, headers);
  res.end(response.status === 204 || response.status === 304 ? undefined : body);
}

/** Kills the connection without a byte of response: the client sees a reset / "other side closed". */
function destroy(res: ServerResponse): void {
  res.socket?.destroy();
}
