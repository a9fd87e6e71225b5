/**
 * Control API — JSON endpoints for tests and demos, under `/_control`. Not part of Vipps MobilePay;
 * never subject to injected faults, rate limits or authentication (the sandbox listens on
 * 127.0.0.1 only). Like the phone pages, it answers only its own Host and, when a browser sends
 * one, its own Origin (browser-guard.ts): 421/403 otherwise. Errors are `{ "error": "..." }` with 400/404/409.
 *
 *   GET    /_control                               this list, as JSON
 *
 *   Agreements (the customer's side)
 *   GET    /_control/agreements[?status=&phone=&msn=]  all agreements (any status), newest first, with charges
 *   GET    /_control/agreements/{id}               one agreement with its charges
 *   POST   /_control/agreements/{id}/approve       {phoneNumber?, maxAmount?} customer approves (same as the phone's button)
 *   POST   /_control/agreements/{id}/reject        {phoneNumber?} customer rejects → STOPPED
 *   POST   /_control/agreements/{id}/stop-by-user  customer stops an ACTIVE agreement in the app (RESERVED charges stay)
 *
 *   ePayment payments (the customer's side). A reference is unique per sales unit only: when two
 *   sales units used the same one, add ?msn= (else 409).
 *   GET    /_control/payments[?state=&phone=&msn=]  all payments (any state), newest first, with aggregate,
 *                                                  events, receipt, receipt warnings, declines, target URL
 *   GET    /_control/payments/{reference}[?msn=]   one payment, same shape
 *   POST   /_control/payments/{reference}/approve[?msn=]  {phoneNumber?} customer approves (same as the phone's
 *                                                  button): AUTHORIZED, or — for a test amount (151, 182…) —
 *                                                  200 {state: "CREATED", outcome: "declined", declined: reason}
 *   POST   /_control/payments/{reference}/reject[?msn=]   {phoneNumber?} customer rejects → ABORTED
 *
 *   Clock (sandbox time = options.now() + offset; all expiries, token lifetimes and rate windows use it)
 *   GET    /_control/clock                         {now, iso, offsetMs}
 *   POST   /_control/clock/advance                 {ms} → {now, iso, offsetMs}
 *
 *   Behaviour
 *   POST   /_control/initial-charge/fail-next      {count? = 1, failureReason? = "user_action_required"}
 *                                                  the next approvals' initial charges fail: charge FAILED, agreement EXPIRED
 *   GET    /_control/merchants                     the sales units (without secrets)
 *   PATCH  /_control/merchants/{msn}               {skipLandingPageAllowed?, unscheduledChargesAllowed?, pushMessageAllowed?: boolean}
 *                                                  pushMessageAllowed (default true): false makes an ePayment
 *                                                  create with userFlow PUSH_MESSAGE answer 403, code 5080
 *   GET    /_control/settings                      {rateLimits, asyncMutations, pendingStopAllowed, chargeMinLeadDays, patchEnactDelayMs}
 *   PATCH  /_control/settings                      {rateLimits?, asyncMutations?, pendingStopAllowed?: boolean, chargeMinLeadDays?: 0..30,
 *                                                  patchEnactDelayMs?: 1..86400000}
 *                                                  asyncMutations: PATCH/stop/cancel/capture answer 202 instead of 204;
 *                                                  a PATCH then shows patchEnactDelayMs (default 1000) later
 *                                                  pendingStopAllowed: false refuses to stop a PENDING agreement (400)
 *
 *   Faults (see faults.ts) — matched by method ("*" = any) and path prefix, for the next `count` requests
 *   POST   /_control/faults                        {kind: "latency", ms, method?, pathPrefix?, count?}
 *                                                  {kind: "status", status: 500..599, ...}
 *                                                  {kind: "rate-limit", retryAfterSeconds? = 5, ...}  429 + Retry-After
 *                                                  {kind: "drop", ...}                 socket destroyed, nothing processed
 *                                                  {kind: "process-then-drop", ...}   processed, then socket destroyed
 *                                                  → 201 {id, kind, method, pathPrefix, remaining, ms?, status?}
 *   GET    /_control/faults                        faults still armed
 *   DELETE /_control/faults                        disarm all
 *
 *   Billing backend
 *   PUT    /_control/billing/plans                 {plans: <any JSON>} served as-is by GET /billing/v1/plans to every
 *                                                  till, whatever its shop (may be broken on purpose)
 *   DELETE /_control/billing/plans                 back to each training shop's demo catalogue (NO, DK, FI by key)
 *   PUT    /_control/billing/products              {products: <any JSON>} served as-is by GET /billing/v1/products
 *   DELETE /_control/billing/products              back to each training shop's demo range of goods
 *   GET    /_control/billing/offline               {offline, retryAfterSeconds}
 *   PUT    /_control/billing/offline               {offline: boolean, retryAfterSeconds?: 0..3600 = 30}
 *                                                  offline: every /billing/ request answers 503 problem +
 *                                                  Retry-After, before authentication; nothing is processed
 *   GET    /_control/billing/keys                  {keys: [{key, rejected, source: "options" | "control"}]}
 *   PUT    /_control/billing/keys/{key}            {rejected?: boolean = false} → {key, rejected, source}
 *                                                  accepts another till's API key, or rejects one (401 on every
 *                                                  /billing/ route, as for a revoked till) and restores it
 *   What the tills reported, in the order first accepted. `deliveries`: how many times the id was
 *   accepted (the 201 plus every 200 replay, also those a dropped connection swallowed);
 *   `conflicts`: same id, other body (409); `deliveryLog`: [{receivedAt, status, idempotencyKey}];
 *   `report`: the body as first accepted.
 *   GET    /_control/billing/sales                 {sales: [{saleId, billingSaleId, recordedAt, deliveries, conflicts,
 *                                                  deliveryLog, refundIds, refunded, left, report}]}
 *   GET    /_control/billing/sales/{saleId}        one of them (404 {error} when not recorded)
 *   GET    /_control/billing/agreements            {agreements: [{agreementId, subscriberId, accountId, subscriberCreated,
 *                                                  registeredAt, deliveries, conflicts, deliveryLog, report}]}
 *   GET    /_control/billing/agreements/{id}       one of them
 *   GET    /_control/billing/refunds               {refunds: [{refundId, saleId, recordedAt, deliveries, conflicts, deliveryLog, report}]}
 *   GET    /_control/billing/refunds/{refundId}    one of them
 *   GET    /_control/billing/z-reports             {zReports: [{zReportId, tillId, number, recordedAt, deliveries, conflicts, deliveryLog, report}]}
 *   GET    /_control/billing/z-reports/{id}        one of them
 *   GET    /_control/billing/subscribers[?phone=]  {subscribers: [{subscriberId, accountId, phoneNumber, contact: {name, email,
 *                                                  address}, createdAt, updatedAt, agreementIds, contactChanges}]}
 *   GET    /_control/billing/subscribers/{id}      one of them
 *   GET    /_control/billing/rejections            reports refused with 400/404/409/422, oldest first:
 *                                                  {rejections: [{kind, id, status, receivedAt, detail, errors, idempotencyKey}]}
 *
 *   Recording and reset
 *   GET    /_control/exchanges[?pathPrefix=]       recorded API exchanges (when recording is on)
 *   POST   /_control/reset                         forget agreements, charges, payments, consents, idempotency
 *                                                  keys, rate windows, faults, clock offset, failures, settings,
 *                                                  merchant changes, exchanges, billing reports, subscribers and
 *                                                  rejections, the billing offline switch and till keys (back to
 *                                                  the start key only); restore the demo plans and goods.
 *                                                  Tokens stay valid.
 */
import { isoSeconds, type SandboxClock } from './clock';
import { json, parseJsonBody, type Router, type SandboxRequest, type SandboxResponse } from './http-kit';
import type { FaultInjector, FaultInput } from './faults';
import type { MerchantRegistry } from './merchants';
import type { RecurringStore } from './recurring/recurring-store';
import type { BillingCatalogue } from './billing/billing-routes';
import { DEFAULT_RETRY_AFTER_SECONDS, type BillingAccess } from './billing/billing-access';
import type { BillingLedger } from './billing/report-ledger';
import type { AgreementRecord, FailureReason } from './recurring/model';
import type { RecordedExchange } from './sandbox-api';
import { presentAgreement, presentCharge, type PresentContext } from './recurring/presenters';
import { customerAction } from './phone/phone-routes';
import { paymentAction } from './phone/payment-routes';
import { Problem } from './problems';
import { CustomerActionError, type PaymentStore } from './epayment/payment-store';
import { presentForControl } from './epayment/presenters';
import type { PaymentRecord } from './epayment/model';

export interface ControlSettings {
  rateLimits: boolean;
  asyncMutations: boolean;
  /** false: PATCH STOPPED on a PENDING agreement is refused (400), the stricter reading of the API. */
  pendingStopAllowed: boolean;
  /** With asyncMutations: how long after its 202 a PATCH of an agreement shows (sandbox clock). */
  patchEnactDelayMs: number;
}

/** A day: long enough to play a change Vipps accepted and never seems to carry out. */
const PATCH_ENACT_DELAY_MAX_MS = 86_400_000;

export interface ControlDeps {
  clock: SandboxClock;
  store: RecurringStore;
  payments: PaymentStore;
  merchants: MerchantRegistry;
  faults: FaultInjector;
  catalogue: BillingCatalogue;
  billing: { access: BillingAccess; ledger: BillingLedger };
  settings: ControlSettings;
  exchanges: RecordedExchange[];
  present: () => PresentContext;
  reset: () => void;
}

const failureReasons: FailureReason[] = ['user_action_required', 'charge_amount_too_high', 'non_technical_error', 'technical_error'];

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Wraps a control handler: parses the JSON body (object or absent) and maps errors to {error}. */
function control(handler: (req: SandboxRequest, body: Record<string, unknown>) => SandboxResponse): (req: SandboxRequest) => SandboxResponse {
  return (req) => {
    const parsed = parseJsonBody(req.rawBody);
    if (!parsed.ok) return json(400, { error: `Body is not JSON: ${parsed.error}` });
    const value = parsed.value ?? {};
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return json(400, { error: 'Body must be a JSON object' });
    try {
      return handler(req, value as Record<string, unknown>);
    } catch (error) {
      if (error instanceof ControlError) return json(error.status, { error: error.message });
      if (error instanceof Problem) return json(error.status === 404 ? 404 : 409, { error: error.detail });
      return json(400, { error: (error as Error).message });
    }
  };
}

export function registerControlRoutes(router: Router, deps: ControlDeps): void {
  const { store, clock, merchants, faults } = deps;
  const clockState = () => ({ now: clock.now(), iso: new Date(clock.now()).toISOString(), offsetMs: clock.offset });
  const describe = (agreement: AgreementRecord) => ({
    ...presentAgreement(agreement, deps.present()),
    msn: agreement.msn,
    phoneNumber: agreement.draft.phoneNumber ?? null,
    customerPhone: agreement.customerPhone,
    skipLandingPage: agreement.draft.skipLandingPage,
    scope: agreement.draft.scope,
    outcome: agreement.outcome,
    expiresAt: agreement.status === 'PENDING' ? isoSeconds(agreement.createdAt + 10 * 60_000) : null,
    charges: store.chargesOf(agreement).map((charge) => presentCharge(charge, agreement)),
  });

  router.add('GET', '/_control', () => json(200, { endpoints: CONTROL_ENDPOINTS }));

  router.add(
    'GET',
    '/_control/agreements',
    control((req) => {
      const { status, phone, msn } = req.query;
      const list = store
        .listAgreements(msn)
        .filter((a) => (status === undefined || a.status === status) && (phone === undefined || a.draft.phoneNumber === phone || a.customerPhone === phone))
        .sort((a, b) => b.createdAt - a.createdAt);
      return json(200, { agreements: list.map(describe) });
    }),
  );

  router.add(
    'GET',
    '/_control/agreements/:agreementId',
    control((req) => json(200, describe(store.getAgreement(req.params['agreementId']!)))),
  );

  router.add('POST', '/_control/agreements/:agreementId/approve', (req) =>
    customerAction(req.rawBody, (body) => store.approve(req.params['agreementId']!, body)),
  );
  router.add('POST', '/_control/agreements/:agreementId/reject', (req) =>
    customerAction(req.rawBody, (body) => store.reject(req.params['agreementId']!, body.phoneNumber)),
  );
  router.add('POST', '/_control/agreements/:agreementId/stop-by-user', (req) =>
    customerAction(req.rawBody, () => store.stopByUser(req.params['agreementId']!)),
  );

  const { payments } = deps;
  /** The payment with this reference; ?msn= picks one when several sales units used the reference. */
  const paymentFor = (reference: string, msn: string | undefined): PaymentRecord => {
    const found = payments.withReference(reference).filter((p) => msn === undefined || p.msn === msn);
    if (found.length === 0) throw new ControlError(404, `No payment with reference ${reference}${msn ? ` for MSN ${msn}` : ''}`);
    if (found.length > 1) throw new ControlError(409, `Several sales units have a payment ${reference} (${found.map((p) => p.msn).join(', ')}); add ?msn=`);
    return found[0]!;
  };
  router.add(
    'GET',
    '/_control/payments',
    control((req) => {
      const { state, phone, msn } = req.query;
      const list = payments
        .list()
        .filter((p) => (state === undefined || p.state === state) && (msn === undefined || p.msn === msn) && (phone === undefined || p.targetPhone === phone || p.customerPhone === phone));
      return json(200, { payments: list.map((p) => presentForControl(p, deps.present())) });
    }),
  );
  router.add(
    'GET',
    '/_control/payments/:reference',
    control((req) => json(200, presentForControl(paymentFor(req.params['reference']!, req.query['msn']), deps.present()))),
  );
  // The phone's own action helper: same body rules and answers as the Approve/Reject buttons.
  const onPayment = (req: SandboxRequest, act: (payment: PaymentRecord, phoneNumber: string | undefined) => ReturnType<PaymentStore['approve']>) =>
    paymentAction(req.rawBody, (body) => {
      let payment: PaymentRecord;
      try {
        payment = paymentFor(req.params['reference']!, req.query['msn']);
      } catch (error) {
        if (error instanceof ControlError) throw new CustomerActionError(error.status === 404 ? 404 : 409, error.message);
        throw error;
      }
      return act(payment, body.phoneNumber);
    });
  router.add('POST', '/_control/payments/:reference/approve', (req) => onPayment(req, (payment, phoneNumber) => payments.approve(payment, { phoneNumber, force: false })));
  router.add('POST', '/_control/payments/:reference/reject', (req) => onPayment(req, (payment, phoneNumber) => ({ payment: payments.reject(payment, phoneNumber), declined: null })));

  router.add('GET', '/_control/clock', () => json(200, clockState()));
  router.add(
    'POST',
    '/_control/clock/advance',
    control((_req, body) => {
      const ms = body['ms'];
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw new ControlError(400, 'ms must be a non-negative number');
      clock.advance(ms);
      return json(200, clockState());
    }),
  );

  router.add(
    'POST',
    '/_control/initial-charge/fail-next',
    control((_req, body) => {
      const count = body['count'] ?? 1;
      const reason = body['failureReason'] ?? 'user_action_required';
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) throw new ControlError(400, 'count must be a positive integer');
      if (!failureReasons.includes(reason as FailureReason)) throw new ControlError(400, `failureReason must be one of ${failureReasons.join(', ')}`);
      store.failNextInitialCharges(count, reason as FailureReason);
      return json(200, { pendingFailures: store.pendingInitialChargeFailures });
    }),
  );

  const publicMerchant = (m: ReturnType<MerchantRegistry['all']>[number]) => ({
    msn: m.msn,
    name: m.name ?? null,
    countryCode: m.countryCode,
    skipLandingPageAllowed: m.skipLandingPageAllowed,
    unscheduledChargesAllowed: m.unscheduledChargesAllowed ?? false,
    pushMessageAllowed: m.pushMessageAllowed ?? true,
  });
  router.add('GET', '/_control/merchants', () => json(200, { merchants: merchants.all().map(publicMerchant) }));
  router.add(
    'PATCH',
    '/_control/merchants/:msn',
    control((req, body) => {
      const merchant = merchants.byMsn(req.params['msn']!);
      if (!merchant) throw new ControlError(404, `No merchant with MSN ${req.params['msn']}`);
      for (const key of ['skipLandingPageAllowed', 'unscheduledChargesAllowed', 'pushMessageAllowed'] as const) {
        if (body[key] === undefined) continue;
        if (typeof body[key] !== 'boolean') throw new ControlError(400, `${key} must be a boolean`);
        merchant[key] = body[key];
      }
      return json(200, publicMerchant(merchant));
    }),
  );

  const settingsState = () => ({ ...deps.settings, chargeMinLeadDays: store.settings.chargeMinLeadDays });
  router.add('GET', '/_control/settings', () => json(200, settingsState()));
  router.add(
    'PATCH',
    '/_control/settings',
    control((_req, body) => {
      for (const key of ['rateLimits', 'asyncMutations', 'pendingStopAllowed'] as const) {
        if (body[key] === undefined) continue;
        if (typeof body[key] !== 'boolean') throw new ControlError(400, `${key} must be a boolean`);
        deps.settings[key] = body[key];
      }
      const delay = body['patchEnactDelayMs'];
      if (delay !== undefined) {
        if (typeof delay !== 'number' || !Number.isInteger(delay) || delay < 1 || delay > PATCH_ENACT_DELAY_MAX_MS) {
          throw new ControlError(400, `patchEnactDelayMs must be an integer 1..${PATCH_ENACT_DELAY_MAX_MS}`);
        }
        deps.settings.patchEnactDelayMs = delay;
      }
      const lead = body['chargeMinLeadDays'];
      if (lead !== undefined) {
        if (typeof lead !== 'number' || !Number.isInteger(lead) || lead < 0 || lead > 30) throw new ControlError(400, 'chargeMinLeadDays must be an integer 0..30');
        store.settings.chargeMinLeadDays = lead;
      }
      return json(200, settingsState());
    }),
  );

  router.add(
    'POST',
    '/_control/faults',
    control((_req, body) => {
      try {
        return json(201, faults.add(body as unknown as FaultInput));
      } catch (error) {
        throw new ControlError(400, (error as Error).message);
      }
    }),
  );
  router.add('GET', '/_control/faults', () => json(200, { faults: faults.list() }));
  router.add('DELETE', '/_control/faults', () => {
    faults.clear();
    return json(200, { faults: [] });
  });

  router.add(
    'PUT',
    '/_control/billing/plans',
    control((_req, body) => {
      if (!('plans' in body)) throw new ControlError(400, 'Send {"plans": ...}; the value is served as-is');
      deps.catalogue.replace(body['plans']);
      return json(200, { ok: true });
    }),
  );
  router.add('DELETE', '/_control/billing/plans', () => {
    deps.catalogue.resetPlans();
    return json(200, { ok: true });
  });
  router.add(
    'PUT',
    '/_control/billing/products',
    control((_req, body) => {
      if (!('products' in body)) throw new ControlError(400, 'Send {"products": ...}; the value is served as-is');
      deps.catalogue.replaceProducts(body['products']);
      return json(200, { ok: true });
    }),
  );
  router.add('DELETE', '/_control/billing/products', () => {
    deps.catalogue.resetProducts();
    return json(200, { ok: true });
  });

  registerBillingControlRoutes(router, deps.billing);

  router.add('GET', '/_control/exchanges', (req) => {
    const prefix = req.query['pathPrefix'];
    return json(200, { exchanges: prefix ? deps.exchanges.filter((x) => x.path.startsWith(prefix)) : deps.exchanges });
  });

  router.add('POST', '/_control/reset', () => {
    deps.reset();
    return json(200, { ok: true, ...clockState() });
  });
}

function registerBillingControlRoutes(router: Router, billing: ControlDeps['billing']): void {
  const { access, ledger } = billing;
  const offlineState = () => ({ offline: access.offline, retryAfterSeconds: access.retryAfterSeconds });
  router.add('GET', '/_control/billing/offline', () => json(200, offlineState()));
  router.add(
    'PUT',
    '/_control/billing/offline',
    control((_req, body) => {
      const { offline, retryAfterSeconds = DEFAULT_RETRY_AFTER_SECONDS } = body;
      if (typeof offline !== 'boolean') throw new ControlError(400, 'offline must be a boolean');
      if (typeof retryAfterSeconds !== 'number' || !Number.isInteger(retryAfterSeconds) || retryAfterSeconds < 0 || retryAfterSeconds > 3600) {
        throw new ControlError(400, 'retryAfterSeconds must be a whole number from 0 to 3600');
      }
      access.setOffline(offline, retryAfterSeconds);
      return json(200, offlineState());
    }),
  );

  router.add('GET', '/_control/billing/keys', () => json(200, { keys: access.listKeys() }));
  router.add(
    'PUT',
    '/_control/billing/keys/:key',
    control((req, body) => {
      const rejected = body['rejected'] ?? false;
      if (typeof rejected !== 'boolean') throw new ControlError(400, 'rejected must be a boolean');
      const key = req.params['key']!;
      if (!/^\S+$/.test(key)) throw new ControlError(400, 'A till key is one token without spaces (it travels as "Bearer <key>")');
      return json(200, access.setKey(key, rejected));
    }),
  );

  const one = (name: string, found: unknown) => {
    if (found === undefined) throw new ControlError(404, `No ${name} recorded under that id`);
    return json(200, found);
  };
  router.add('GET', '/_control/billing/sales', () => json(200, { sales: ledger.ids('sale').map((id) => ledger.presentSale(id)) }));
  router.add('GET', '/_control/billing/sales/:saleId', control((req) => one('sale', ledger.presentSale(req.params['saleId']!))));
  router.add('GET', '/_control/billing/agreements', () => json(200, { agreements: ledger.ids('agreement').map((id) => ledger.presentAgreement(id)) }));
  router.add('GET', '/_control/billing/agreements/:agreementId', control((req) => one('agreement', ledger.presentAgreement(req.params['agreementId']!))));
  router.add('GET', '/_control/billing/refunds', () => json(200, { refunds: ledger.ids('refund').map((id) => ledger.presentRefund(id)) }));
  router.add('GET', '/_control/billing/refunds/:refundId', control((req) => one('refund', ledger.presentRefund(req.params['refundId']!))));
  router.add('GET', '/_control/billing/z-reports', () => json(200, { zReports: ledger.ids('z-report').map((id) => ledger.presentZReport(id)) }));
  router.add('GET', '/_control/billing/z-reports/:zReportId', control((req) => one('Z-report', ledger.presentZReport(req.params['zReportId']!))));
  router.add('GET', '/_control/billing/subscribers', (req) => {
    const phone = req.query['phone'];
    const ids = phone === undefined ? ledger.ids('subscriber') : [ledger.subscriberIdByPhone(phone)].filter((id) => id !== undefined);
    return json(200, { subscribers: ids.map((id) => ledger.presentSubscriber(id)) });
  });
  router.add('GET', '/_control/billing/subscribers/:subscriberId', control((req) => one('subscriber', ledger.presentSubscriber(req.params['subscriberId']!))));
  router.add('GET', '/_control/billing/rejections', () => json(200, { rejections: ledger.listRejections() }));
}

const CONTROL_ENDPOINTS = [
  'GET /_control/agreements[?status=&phone=&msn=]',
  'GET /_control/agreements/{id}',
  'POST /_control/agreements/{id}/approve {phoneNumber?, maxAmount?}',
  'POST /_control/agreements/{id}/reject {phoneNumber?}',
  'POST /_control/agreements/{id}/stop-by-user',
  'GET /_control/payments[?state=&phone=&msn=]',
  'GET /_control/payments/{reference}[?msn=]',
  'POST /_control/payments/{reference}/approve[?msn=] {phoneNumber?}',
  'POST /_control/payments/{reference}/reject[?msn=] {phoneNumber?}',
  'GET /_control/clock',
  'POST /_control/clock/advance {ms}',
  'POST /_control/initial-charge/fail-next {count?, failureReason?}',
  'GET /_control/merchants',
  'PATCH /_control/merchants/{msn} {skipLandingPageAllowed?, unscheduledChargesAllowed?, pushMessageAllowed?}',
  'GET /_control/settings',
  'PATCH /_control/settings {rateLimits?, asyncMutations?, pendingStopAllowed?, chargeMinLeadDays?, patchEnactDelayMs?}',
  'POST /_control/faults {kind, method?, pathPrefix?, count?, ms?, status?}',
  'GET /_control/faults',
  'DELETE /_control/faults',
  'PUT /_control/billing/plans {plans}',
  'DELETE /_control/billing/plans',
  'PUT /_control/billing/products {products}',
  'DELETE /_control/billing/products',
  'GET /_control/billing/offline',
  'PUT /_control/billing/offline {offline, retryAfterSeconds?}',
  'GET /_control/billing/keys',
  'PUT /_control/billing/keys/{key} {rejected?}',
  'GET /_control/billing/sales',
  'GET /_control/billing/sales/{saleId}',
  'GET /_control/billing/agreements',
  'GET /_control/billing/agreements/{agreementId}',
  'GET /_control/billing/refunds',
  'GET /_control/billing/refunds/{refundId}',
  'GET /_control/billing/subscribers[?phone=]',
  'GET /_control/billing/subscribers/{subscriberId}',
  'GET /_control/billing/rejections',
  'GET /_control/exchanges[?pathPrefix=]',
  'POST /_control/reset',
];
