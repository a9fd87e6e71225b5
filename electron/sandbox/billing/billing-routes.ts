/**
 * The shop's billing backend (electron/core/billing/billing-api.yaml), every route with
 * `Authorization: Bearer <till API key>` and behind the offline switch (billing-access.ts):
 *   GET /billing/v1/plans     → `{ plans: [...] }`     subscription plans (catalogue.ts)
 *   GET /billing/v1/products  → `{ products: [...] }`  goods sold over the counter (products.ts)
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
import { empty, type Router, type SandboxRequest, type SandboxResponse } from '../http-kit';
import type { BillingAccess } from './billing-access';
import { defaultCatalogue } from './catalogue';
import { defaultProducts } from './products';
import type { BillingLedger } from './report-ledger';
import { registerReportRoutes } from './report-routes';

export class BillingCatalogue {
  private plans: unknown = null;
  private products: unknown = null;

  constructor(private readonly now: () => number) {
    this.reset();
  }

  reset(): void {
    this.resetPlans();
    this.resetProducts();
  }

  resetPlans(): void {
    this.plans = defaultCatalogue(this.now());
  }

  resetProducts(): void {
    this.products = defaultProducts();
  }

  /** Anything JSON: tests serve malformed catalogues on purpose. */
  replace(plans: unknown): void {
    this.plans = plans;
  }

  /** Anything JSON, like `replace`. */
  replaceProducts(products: unknown): void {
    this.products = products;
  }

  body(): string {
    return JSON.stringify({ plans: this.plans });
  }

  productsBody(): string {
    return JSON.stringify({ products: this.products });
  }
}

export interface BillingDeps {
  catalogue: BillingCatalogue;
  access: BillingAccess;
  ledger: BillingLedger;
}

export function registerBillingRoutes(router: Router, deps: BillingDeps): void {
  router.add('GET', '/billing/v1/plans', (req) => conditionalGet(req, deps.access, () => deps.catalogue.body()));
  router.add('GET', '/billing/v1/products', (req) => conditionalGet(req, deps.access, () => deps.catalogue.productsBody()));
  registerReportRoutes(router, deps);
  registerReceiptPage(router, deps.ledger);
}

function conditionalGet(req: SandboxRequest, access: BillingAccess, body: () => string): SandboxResponse {
  const gate = access.gate(req);
  if ('refusal' in gate) return gate.refusal;
  const text = body();
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
