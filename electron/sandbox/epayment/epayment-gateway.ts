/**
 * What happens to every ePayment call before and after its handler — Recurring's pipeline
 * (vipps-gateway.ts) with ePayment's differences:
 *
 * 1. `Ocp-Apim-Subscription-Key` present and known — else 401 in the gateway's ErrorFromAzure shape.
 * 2. `Authorization: Bearer <token>`, valid, and of the same sales unit as the key — else 401 as an
 *    ePayment Problem.
 * 3. `Merchant-Serial-Number` is REQUIRED here (spec: `required: true`, `^[0-9]{4,10}$`): missing or
 *    malformed → 400 validation problem naming the header; another sales unit than the token's →
 *    403 (no error code: none is documented for it).
 * 4. Rate limit (epaymentRateLimits) — 429 + `Retry-After`, ErrorFromAzure body.
 * 5. `Idempotency-Key` (≤50): required on create, capture and refund (400 naming the header when
 *    missing), optional on cancel (the spec does not declare it; the docs recommend it), not read
 *    elsewhere. Then the lookup: replay, or a 409 with the code of the conflict
 *    (epayment-idempotency.ts).
 * 6. The body: a non-JSON content type is 415, unparsable JSON a 400 validation problem.
 * 7. The handler. A thrown EpaymentProblem becomes problem+json; anything else a 500.
 * 8. The response is stored under the key unless it is a 5xx.
 */
import { parseJsonBody, type Handler, type SandboxRequest, type SandboxResponse } from '../http-kit';
import { azureError } from '../problems';
import { requestFingerprint } from '../idempotency';
import type { RateLimit, SlidingWindowRateLimiter } from '../rate-limiter';
import type { SandboxClock } from '../clock';
import type { MerchantRegistry } from '../merchants';
import type { TokenService } from '../access-token';
import type { SandboxMerchant } from '../sandbox-api';
import { identifyCaller } from '../vipps-gateway';
import { coded, EpaymentProblem, epaymentProblemResponse, validationProblem } from './epayment-problems';
import { EPAYMENT_IDEMPOTENCY_KEY_MAX, type EpaymentIdempotencyStore, type EpaymentOperation } from './epayment-idempotency';

export interface EpaymentGatewayDeps {
  clock: SandboxClock;
  merchants: MerchantRegistry;
  tokens: TokenService;
  rateLimiter: SlidingWindowRateLimiter;
  keys: EpaymentIdempotencyStore;
  rateLimitsEnabled: () => boolean;
}

export interface EpaymentCall {
  req: SandboxRequest;
  merchant: SandboxMerchant;
  /** Parsed JSON body; undefined when the request had none. */
  body: unknown;
  /** The Idempotency-Key when one was sent on a keyed operation, else null. */
  idempotencyKey: string | null;
}

export interface EpaymentEndpointOptions {
  /** The keyed operation, or null for reads and force approve (no Idempotency-Key handling). */
  operation: EpaymentOperation | null;
  keyRequired: boolean;
  rateLimit: RateLimit | null;
  /** The payment this request is about: the path's reference, or the body's on create. */
  reference: (req: SandboxRequest) => string;
}

const MSN = /^[0-9]{4,10}$/;

export function epaymentEndpoint(deps: EpaymentGatewayDeps, options: EpaymentEndpointOptions, handler: (call: EpaymentCall) => SandboxResponse): Handler {
  return (req) => {
    const caller = identifyCaller(deps, req);
    if (!caller.ok) return caller.gatewayResponse ?? problem(new EpaymentProblem(401, 'Unauthorized', caller.tokenProblem!), req);
    const merchant = caller.merchant;

    const msn = req.headers['merchant-serial-number'];
    if (msn === undefined || !MSN.test(msn)) {
      const reason = msn === undefined ? 'The Merchant-Serial-Number header is required' : 'Must be the 4 to 10 digit MSN of the sales unit';
      return problem(validationProblem([{ name: 'Merchant-Serial-Number', reason }], `${reason}.`), req);
    }
    if (msn !== merchant.msn) {
      return problem(new EpaymentProblem(403, 'Forbidden', `Merchant-Serial-Number ${msn} does not match the sales unit of the access token.`, null, [{ name: 'Merchant-Serial-Number', reason: 'Does not match the access token' }]), req);
    }

    const reference = options.reference(req);
    if (options.rateLimit && deps.rateLimitsEnabled()) {
      // Mutations count per reference + MSN, reads per reference + subscription key: one key per
      // sales unit in the sandbox, so the MSN stands for both.
      const limit = options.rateLimit;
      const decision = deps.rateLimiter.take(limit, `${merchant.msn}|${reference}`, deps.clock.now());
      if (!decision.allowed) {
        return azureError(429, `Rate limit is exceeded for ${limit.name} (${limit.limit} requests per ${limit.windowMs / 1000} seconds per reference). Try again in ${decision.retryAfterSeconds} seconds.`, {
          'retry-after': String(decision.retryAfterSeconds),
        });
      }
    }

    const key = req.headers['idempotency-key'];
    if (options.operation === null || (key === undefined && !options.keyRequired)) {
      return run(req, { req, merchant, body: undefined, idempotencyKey: null }, handler);
    }
    if (key === undefined || key === '' || key.length > EPAYMENT_IDEMPOTENCY_KEY_MAX) {
      const reason = key === undefined || key === '' ? 'The Idempotency-Key header is required for this request' : `Must be at most ${EPAYMENT_IDEMPOTENCY_KEY_MAX} characters`;
      return problem(validationProblem([{ name: 'Idempotency-Key', reason }], `${reason}.`), req);
    }
    const keyed = { operation: options.operation, reference, fingerprint: requestFingerprint(req.method, req.path, req.rawBody) };
    const previous = deps.keys.lookup(merchant.msn, key, keyed);
    if (previous.kind === 'replay') return previous.response;
    if (previous.kind === 'conflict') return problem(previous.problem, req);
    const response = run(req, { req, merchant, body: undefined, idempotencyKey: key }, handler);
    deps.keys.remember(merchant.msn, key, keyed, response);
    return response;
  };
}

function problem(p: EpaymentProblem, req: SandboxRequest): SandboxResponse {
  return epaymentProblemResponse(p, req.path);
}

function run(req: SandboxRequest, call: EpaymentCall, handler: (call: EpaymentCall) => SandboxResponse): SandboxResponse {
  try {
    if (req.rawBody.trim() !== '') {
      const contentType = req.headers['content-type'] ?? '';
      if (!/^application\/([a-z.+-]*\+)?json\b/i.test(contentType)) {
        throw new EpaymentProblem(415, 'Unsupported Media Type', `Content-Type must be application/json (got "${contentType || 'none'}").`, null, [{ name: 'Content-Type', reason: 'Must be application/json' }]);
      }
      const parsed = parseJsonBody(req.rawBody);
      if (!parsed.ok) throw validationProblem([{ name: 'body', reason: `Not valid JSON: ${parsed.error}` }], 'The request body is not valid JSON.');
      call.body = parsed.value;
    }
    return handler(call);
  } catch (error) {
    if (error instanceof EpaymentProblem) return problem(error, req);
    return problem(coded(500, 3010, `Sandbox error: ${(error as Error).message}`), req);
  }
}

/** The body's `reference` for create's rate limit and idempotency scope; '' when there is none. */
export function bodyReference(req: SandboxRequest): string {
  const parsed = parseJsonBody(req.rawBody);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) return '';
  const reference = (parsed.value as Record<string, unknown>)['reference'];
  return typeof reference === 'string' ? reference : '';
}
