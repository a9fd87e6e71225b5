/**
 * What happens to every Recurring call before and after its handler, in the order the real stack
 * applies it (API gateway first, then the service):
 *
 * 1. `Ocp-Apim-Subscription-Key` present and known — else 401 in the gateway's ErrorFromAzure shape.
 * 2. `Authorization: Bearer <token>` — the word "Bearer" is required and case-sensitive; a missing,
 *    malformed or expired token is 401 `not-authorized` (ErrorV3: "JWT token is invalid").
 * 3. The token and the subscription key must belong to the same sales unit (401), and a
 *    `Merchant-Serial-Number` header, when sent, must be that sales unit (403 `invalid-sale-unit`).
 *    The header is optional for merchants: the token identifies the merchant.
 * 4. Rate limit (sliding 60 s window on the sandbox clock) — 429 with `Retry-After` in seconds and
 *    an ErrorFromAzure body (429s come from Azure API Management).
 * 5. For POST/PATCH/DELETE: `Idempotency-Key` validated (400 `idempotency-key-header`), then looked
 *    up: a stored response is replayed as it was, a different request under the same key is
 *    409 `idempotency-conflict`.
 * 6. The body: a non-JSON content type is 415 `unsupported-media-type`, unparsable JSON is
 *    400 `invalid-json`.
 * 7. The handler. A thrown `Problem` becomes ErrorV3 problem+json; anything else a 500.
 * 8. The response is stored under the idempotency key unless it is a 5xx.
 */
import type { Handler, SandboxRequest, SandboxResponse } from './http-kit';
import { parseJsonBody } from './http-kit';
import { azureError, Problem, problemResponse } from './problems';
import { checkIdempotencyKey, requestFingerprint, type IdempotencyStore } from './idempotency';
import type { RateLimit, SlidingWindowRateLimiter } from './rate-limiter';
import type { SandboxClock } from './clock';
import type { MerchantRegistry } from './merchants';
import type { TokenService } from './access-token';
import type { SandboxMerchant } from './sandbox-api';

export interface GatewayDeps {
  clock: SandboxClock;
  merchants: MerchantRegistry;
  tokens: TokenService;
  rateLimiter: SlidingWindowRateLimiter;
  idempotency: IdempotencyStore;
  /** Off switch for demos and benches that poll harder than the real limits allow. */
  rateLimitsEnabled: () => boolean;
}

export interface VippsCall {
  req: SandboxRequest;
  merchant: SandboxMerchant;
  /** Parsed JSON body; undefined when the request had none. */
  body: unknown;
  /** The validated Idempotency-Key, for mutating calls ('' otherwise). */
  idempotencyKey: string;
}

export interface EndpointOptions {
  /** Requires and honours Idempotency-Key (all POST/PATCH/DELETE). */
  idempotent: boolean;
  /** The limit and the key it counts by, e.g. agreementId; null for unlimited endpoints. */
  rateLimit: ((req: SandboxRequest, merchant: SandboxMerchant) => { limit: RateLimit; key: string }) | null;
}

export function vippsEndpoint(deps: GatewayDeps, options: EndpointOptions, handler: (call: VippsCall) => SandboxResponse): Handler {
  return (req) => {
    const auth = authenticate(deps, req);
    if ('response' in auth) return auth.response;
    const merchant = auth.merchant;

    if (options.rateLimit && deps.rateLimitsEnabled()) {
      const { limit, key } = options.rateLimit(req, merchant);
      const decision = deps.rateLimiter.take(limit, `${merchant.msn}|${key}`, deps.clock.now());
      if (!decision.allowed) {
        return azureError(429, `Rate limit is exceeded for ${limit.name} (${limit.limit} requests per ${limit.windowMs / 1000} seconds). Try again in ${decision.retryAfterSeconds} seconds.`, {
          'retry-after': String(decision.retryAfterSeconds),
        });
      }
    }

    if (!options.idempotent) return run(req, { req, merchant, body: undefined, idempotencyKey: '' }, handler);

    const key = req.headers['idempotency-key'];
    const keyProblem = checkIdempotencyKey(key);
    if (keyProblem) {
      return problemResponse(new Problem(400, 'idempotency-key-header', keyProblem, [{ name: 'Idempotency-Key', reason: keyProblem }]), req.path);
    }
    const fingerprint = requestFingerprint(req.method, req.path, req.rawBody);
    const previous = deps.idempotency.lookup(merchant.msn, key!, fingerprint);
    if (previous.kind === 'replay') return previous.response;
    if (previous.kind === 'conflict') {
      return problemResponse(
        new Problem(409, 'idempotency-conflict', 'The specified Idempotency-Key has previously been used for a different request.', [
          { name: 'Idempotency-Key', reason: 'Already used for another request' },
        ]),
        req.path,
      );
    }
    const response = run(req, { req, merchant, body: undefined, idempotencyKey: key! }, handler);
    deps.idempotency.remember(merchant.msn, key!, fingerprint, response);
    return response;
  };
}

function authenticate(deps: GatewayDeps, req: SandboxRequest): { merchant: SandboxMerchant } | { response: SandboxResponse } {
  const caller = identifyCaller(deps, req);
  if (!caller.ok) return { response: caller.gatewayResponse ?? problemResponse(new Problem(401, 'not-authorized', caller.tokenProblem!), req.path) };
  const msn = req.headers['merchant-serial-number'];
  if (msn !== undefined && msn !== caller.merchant.msn) {
    return {
      response: problemResponse(
        new Problem(403, 'invalid-sale-unit', `Merchant-Serial-Number ${msn} does not match the sales unit of the access token.`, [{ name: 'Merchant-Serial-Number', reason: 'Does not match the access token' }]),
        req.path,
      ),
    };
  }
  return { merchant: caller.merchant };
}

/**
 * Steps 1–3 without the Merchant-Serial-Number rule, shared by every Vipps API the sandbox plays
 * (Recurring here, ePayment in epayment/epayment-gateway.ts). A subscription-key failure comes
 * back as the gateway's finished ErrorFromAzure response (it is the same for every API behind
 * APIM); a token failure comes back as a reason, so each API can word it in its own error shape.
 */
export type CallerCheck =
  | { ok: true; merchant: SandboxMerchant }
  | { ok: false; gatewayResponse: SandboxResponse; tokenProblem?: undefined }
  | { ok: false; gatewayResponse?: undefined; tokenProblem: string };

export function identifyCaller(deps: Pick<GatewayDeps, 'merchants' | 'tokens'>, req: SandboxRequest): CallerCheck {
  const subscriptionKey = req.headers['ocp-apim-subscription-key'];
  if (!subscriptionKey) {
    return { ok: false, gatewayResponse: azureError(401, 'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.') };
  }
  const keyOwner = deps.merchants.bySubscriptionKey(subscriptionKey);
  if (!keyOwner) {
    return { ok: false, gatewayResponse: azureError(401, 'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.') };
  }
  const bearer = bearerToken(req);
  if ('error' in bearer) return { ok: false, tokenProblem: bearer.error };
  const verified = deps.tokens.verify(bearer.token);
  if (!verified.ok) return { ok: false, tokenProblem: verified.reason };
  if (verified.merchant.msn !== keyOwner.msn) return { ok: false, tokenProblem: 'The access token and the subscription key belong to different sales units.' };
  return { ok: true, merchant: verified.merchant };
}

/** `Authorization: Bearer <token>`; "bearer" in lower case is refused like the real API does. */
export function bearerToken(req: SandboxRequest): { token: string } | { error: string } {
  const header = req.headers['authorization'];
  if (!header) return { error: 'The Authorization header is missing.' };
  const match = /^Bearer (\S+)$/.exec(header);
  if (!match) return { error: 'The Authorization header must be "Bearer <access token>".' };
  return { token: match[1]! };
}

function run(req: SandboxRequest, call: VippsCall, handler: (call: VippsCall) => SandboxResponse): SandboxResponse {
  try {
    if (req.rawBody.trim() !== '') {
      const contentType = req.headers['content-type'] ?? '';
      if (!/^application\/([a-z.+-]*\+)?json\b/i.test(contentType)) {
        throw new Problem(415, 'unsupported-media-type', `Content-Type must be application/json (got "${contentType || 'none'}").`, [{ name: 'Content-Type', reason: 'Must be application/json' }]);
      }
      const parsed = parseJsonBody(req.rawBody);
      if (!parsed.ok) throw new Problem(400, 'invalid-json', `The request body is not valid JSON: ${parsed.error}`);
      call.body = parsed.value;
    }
    return handler(call);
  } catch (error) {
    if (error instanceof Problem) return problemResponse(error, req.path);
    return problemResponse(new Problem(500, 'operation-failed', `Sandbox error: ${(error as Error).message}`), req.path);
  }
}
