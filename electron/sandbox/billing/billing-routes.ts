/**
 * The shop's billing backend, as far as the till needs it for now:
 * `GET /billing/v1/plans` with `Authorization: Bearer <billingApiKey>` → `{ plans: [...] }`.
 *
 * Conditional GET: the response carries a strong ETag (hash of the body) and
 * `Cache-Control: no-cache`; `If-None-Match` with that tag (or `*`, or a list containing it, weak
 * or strong) answers 304 with no body, so the till can revalidate its cached catalogue cheaply.
 *
 * Tests replace the catalogue through the control API (PUT /_control/billing/plans) with any JSON —
 * including broken entries — to see how the till copes with a bad upstream.
 */
import { createHash } from 'node:crypto';
import { empty, type Router, type SandboxResponse } from '../http-kit';
import { plainProblem } from '../problems';
import { defaultCatalogue } from './catalogue';

export class BillingCatalogue {
  private plans: unknown = null;

  constructor(private readonly now: () => number) {
    this.reset();
  }

  reset(): void {
    this.plans = defaultCatalogue(this.now());
  }

  /** Anything JSON: tests serve malformed catalogues on purpose. */
  replace(plans: unknown): void {
    this.plans = plans;
  }

  body(): string {
    return JSON.stringify({ plans: this.plans });
  }
}

export function registerBillingRoutes(router: Router, deps: { catalogue: BillingCatalogue; apiKey: () => string }): void {
  router.add('GET', '/billing/v1/plans', (req): SandboxResponse => {
    const auth = req.headers['authorization'];
    if (auth !== `Bearer ${deps.apiKey()}`) {
      return withAuthenticate(plainProblem(401, auth ? 'The billing API key is not valid.' : 'Authorization: Bearer <billing API key> is required.'));
    }
    const body = deps.catalogue.body();
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    const headers = { etag, 'cache-control': 'no-cache' };
    if (matchesIfNoneMatch(req.headers['if-none-match'], etag)) return empty(304, headers);
    return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body };
  });
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
