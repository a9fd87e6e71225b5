/**
 * The shop's billing backend (electron/core/billing/billing-api.yaml), every route with
 * `Authorization: Bearer <till API key>` and behind the offline switch (billing-access.ts):
 *   GET /billing/v1/plans     → `{ plans: [...] }`     subscription plans of the till's shop (demo-shops.ts)
 *   GET /billing/v1/products  → `{ products: [...] }`  goods it sells over the counter (demo-shops.ts)
 *   PUT /billing/v1/sales/{saleId}, /agreements/{agreementId}, /refunds/{refundId}
 *                             → the till's reports (report-routes.ts, report-ledger.ts)
 *
 * Conditional GET: the response carries a strong ETag (hash of the body) and
 * `Cache-Control: no-cache`; `If-None-Match` with that tag (or `*`, or a list containing it, weak
 * or strong) answers 304 with no body, so the till can revalidate its cached catalogue cheaply.
 *
 * Tests replace either list through the control API (PUT /_control/billing/plans, …/products) with
 * any JSON — including broken entries — to see how the till copes with a bad upstream.
 */
import { registerReceiptPage } from './receipt-page';
import { createHash } from 'node:crypto';
import { empty, json, type Router, type SandboxRequest, type SandboxResponse } from '../http-kit';
import { billingProblem, type FieldError } from './billing-problems';
import type { BillingAccess } from './billing-access';
import type { TrainingCountry } from '../training-credentials';
import { DEMO_COUNTRIES, demoShop, shopCountryOfKey, type DemoShop } from './demo-shops';
import type { BillingLedger } from './report-ledger';
import { registerReportRoutes } from './report-routes';

/**
 * What GET /plans and /products serve: each till its own shop's demo catalogue (by its key, see
 * demo-shops.ts), unless a test has replaced a list through the control API — then every till gets
 * that list as it was put, whatever its shop.
 */
export class BillingCatalogue {
  private demo = new Map<TrainingCountry, DemoShop>();
  private replacedPlans: { value: unknown } | null = null;
  private replacedProducts: { value: unknown } | null = null;

  constructor(private readonly now: () => number) {
    this.reset();
  }

  reset(): void {
    this.resetPlans();
    this.resetProducts();
  }

  /** Back to the demo plans, their campaign dates computed from the sandbox clock as it is now. */
  resetPlans(): void {
    this.replacedPlans = null;
    const now = this.now();
    this.demo = new Map(DEMO_COUNTRIES.map((country) => [country, demoShop(country, now)]));
  }

  resetProducts(): void {
    this.replacedProducts = null;
  }

  /** Anything JSON: tests serve malformed catalogues on purpose. */
  replace(plans: unknown): void {
    this.replacedPlans = { value: plans };
  }

  /** Anything JSON, like `replace`. */
  replaceProducts(products: unknown): void {
    this.replacedProducts = { value: products };
  }

  /** The plans for the till calling with `key`. */
  body(key: string): string {
    return JSON.stringify({ plans: this.replacedPlans ? this.replacedPlans.value : this.shopOf(key).plans });
  }

  productsBody(key: string): string {
    return JSON.stringify({ products: this.replacedProducts ? this.replacedProducts.value : this.shopOf(key).products });
  }

  private shopOf(key: string): DemoShop {
    return this.demo.get(shopCountryOfKey(key))!;
  }
}

export interface BillingDeps {
  catalogue: BillingCatalogue;
  access: BillingAccess;
  ledger: BillingLedger;
}

export function registerBillingRoutes(router: Router, deps: BillingDeps): void {
  router.add('GET', '/billing/v1/plans', (req) => conditionalGet(req, deps.access, (key) => deps.catalogue.body(key)));
  router.add('GET', '/billing/v1/products', (req) => conditionalGet(req, deps.access, (key) => deps.catalogue.productsBody(key)));
  registerReportRoutes(router, deps);
  registerReceiptPage(router, deps.ledger);
  registerSubscriberRoutes(router, deps);
}

/**
 * The subscriber registry (billing-api.yaml): by phone number (MSISDN digits) or Vipps agreement id
 * → `{subscribers: [...]}` (empty when none); by subscriber id → the Subscriber, or 404.
 */
function registerSubscriberRoutes(router: Router, deps: BillingDeps): void {
  router.add('GET', '/billing/v1/subscribers', (req) => {
    const gate = deps.access.gate(req);
    if ('refusal' in gate) return gate.refusal;
    const { phoneNumber, agreementId } = req.query;
    const errors: FieldError[] = [];
    if ((phoneNumber === undefined) === (agreementId === undefined)) errors.push({ field: 'phoneNumber', message: 'give exactly one of phoneNumber and agreementId' });
    if (phoneNumber !== undefined && !/^\d{8,15}$/.test(phoneNumber)) errors.push({ field: 'phoneNumber', message: 'must be an MSISDN: 8 to 15 digits with the country code' });
    if (agreementId !== undefined && (agreementId.length < 1 || agreementId.length > 36)) errors.push({ field: 'agreementId', message: 'must be 1 to 36 characters' });
    if (errors.length > 0) return billingProblem({ status: 400, type: 'validation-error', detail: 'The subscriber query is not valid.', instance: req.path, errors });
    return json(200, { subscribers: deps.ledger.findSubscribers({ phoneNumber, agreementId }) });
  });
  router.add('GET', '/billing/v1/subscribers/:subscriberId', (req) => {
    const gate = deps.access.gate(req);
    if ('refusal' in gate) return gate.refusal;
    const found = deps.ledger.subscriberDocument(req.params['subscriberId']!);
    if (!found) return billingProblem({ status: 404, type: 'unknown-subscriber', detail: `No subscriber ${req.params['subscriberId']}.`, instance: req.path });
    return json(200, found);
  });
}

/** `body`: the representation for the till calling with that key. */
function conditionalGet(req: SandboxRequest, access: BillingAccess, body: (key: string) => string): SandboxResponse {
  const gate = access.gate(req);
  if ('refusal' in gate) return gate.refusal;
  const text = body(gate.key);
  const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
  const headers = { etag, 'cache-control': 'no-cache' };
  if (matchesIfNoneMatch(req.headers['if-none-match'], etag)) return empty(304, headers);
  return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: text };
}

/** RFC 9110 §13.1.2: weak comparison, `*` matches any current representation. */
function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .includes(etag);
}
