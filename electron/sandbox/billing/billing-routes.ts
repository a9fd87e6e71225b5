/**
 * The shop's billing backend, as far as the till needs it for now, both with
 * `Authorization: Bearer <billingApiKey>`:
 *   GET /billing/v1/plans     → `{ plans: [...] }`     subscription plans (catalogue.ts)
 *   GET /billing/v1/products  → `{ products: [...] }`  goods sold over the counter (products.ts)
 *
 * Conditional GET: the response carries a strong ETag (hash of the body) and
 * `Cache-Control: no-cache`; `If-None-Match` with that tag (or `*`, or a list containing it, weak
 * or strong) answers 304 with no body, so the till can revalidate its cached catalogue cheaply.
 *
 * Tests replace either list through the control API (PUT /_control/billing/plans, …/products) with
 * any JSON — including broken entries — to see how the till copes with a bad upstream.
 */
import { createHash } from 'node:crypto';
import { empty, type Router, type SandboxRequest, type SandboxResponse } from '../http-kit';
import { plainProblem } from '../problems';
import { defaultCatalogue } from './catalogue';
import { defaultProducts } from './products';

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

export function registerBillingRoutes(router: Router, deps: { catalogue: BillingCatalogue; apiKey: () => string }): void {
  router.add('GET', '/billing/v1/plans', (req) => conditionalGet(req, deps.apiKey(), () => deps.catalogue.body()));
  router.add('GET', '/billing/v1/products', (req) => conditionalGet(req, deps.apiKey(), () => deps.catalogue.productsBody()));
}

function conditionalGet(req: SandboxRequest, apiKey: string, body: () => string): SandboxResponse {
  const auth = req.headers['authorization'];
  if (auth !== `Bearer ${apiKey}`) {
    return withAuthenticate(plainProblem(401, auth ? 'The billing API key is not valid.' : 'Authorization: Bearer <billing API key> is required.'));
  }
  const text = body();
  const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
  const headers = { etag, 'cache-control': 'no-cache' };
  if (matchesIfNoneMatch(req.headers['if-none-match'], etag)) return empty(304, headers);
  return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: text };
}

function withAuthenticate(response: SandboxResponse): SandboxResponse {
  return { ...response, headers: { ...response.headers, 'www-authenticate': 'Bearer realm="billing"' } };
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
