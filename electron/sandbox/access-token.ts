/**
 * `POST /accesstoken/get` and the bearer tokens it hands out.
 *
 * Per the Access token spec (access-token.yaml) and the fact sheet §2:
 * - headers client_id, client_secret, Ocp-Apim-Subscription-Key (required), Merchant-Serial-Number
 *   (optional); empty body;
 * - 200 `application/json;charset=UTF-8` with every numeric field as a JSON *string*;
 * - test-environment tokens live 1 hour (`expires_in: "3600"`), `ext_expires_in` is "0"
 *   ("currently disabled"), `resource` is the constant Azure AD resource id.
 *
 * Tokens are real JWTs signed HS256 with a per-sandbox secret, so verification needs no token table
 * and a token from another sandbox instance is rejected. The expiry is checked against the sandbox
 * clock, so advancing the clock by an hour expires it.
 *
 * Error bodies are UNCONFIRMED (the spec lists 400/401/500 without a schema). A missing or unknown
 * subscription key is the gateway's 401 (ErrorFromAzure shape); bad client credentials get the
 * Azure-AD style body the official SDK models ({error, error_description, ...}).
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { json, type SandboxRequest, type SandboxResponse } from './http-kit';
import { azureError } from './problems';
import { HOUR, isoSeconds, type SandboxClock } from './clock';
import type { MerchantRegistry } from './merchants';
import type { SandboxMerchant } from './sandbox-api';

export const TOKEN_LIFETIME_MS = HOUR;
const RESOURCE = '00000002-0000-0000-c000-000000000000';

interface TokenClaims {
  iss: string;
  aud: string;
  sub: string;
  msn: string;
  iat: number;
  nbf: number;
  exp: number;
  jti: string;
}

export class TokenService {
  private readonly secret = randomBytes(32);

  constructor(
    private readonly clock: SandboxClock,
    private readonly merchants: MerchantRegistry,
  ) {}

  issue(merchant: SandboxMerchant): { token: string; issuedAt: number; expiresAt: number } {
    const issuedAt = Math.floor(this.clock.now() / 1000);
    const expiresAt = issuedAt + TOKEN_LIFETIME_MS / 1000;
    const claims: TokenClaims = {
      iss: 'https://kassa-sandbox.invalid/accesstoken',
      aud: RESOURCE,
      sub: merchant.clientId,
      msn: merchant.msn,
      iat: issuedAt,
      nbf: issuedAt,
      exp: expiresAt,
      jti: randomUUID(),
    };
    const header = base64url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }));
    const payload = base64url(JSON.stringify(claims));
    return { token: `${header}.${payload}.${this.sign(`${header}.${payload}`)}`, issuedAt, expiresAt };
  }

  /** The merchant a bearer token belongs to, or why it is not acceptable. */
  verify(token: string): { ok: true; merchant: SandboxMerchant } | { ok: false; reason: string } {
    const parts = token.split('.');
    if (parts.length !== 3) return { ok: false, reason: 'The access token is malformed' };
    const [header, payload, signature] = parts as [string, string, string];
    const expected = Buffer.from(this.sign(`${header}.${payload}`));
    const actual = Buffer.from(signature);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
      return { ok: false, reason: 'The access token signature is invalid' };
    }
    let claims: TokenClaims;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
    } catch {
      return { ok: false, reason: 'The access token is malformed' };
    }
    const nowSeconds = this.clock.now() / 1000;
    if (nowSeconds >= claims.exp) return { ok: false, reason: `The access token expired at ${isoSeconds(claims.exp * 1000)}` };
    const merchant = this.merchants.byClientId(claims.sub);
    if (!merchant || merchant.msn !== claims.msn) return { ok: false, reason: 'The access token belongs to an unknown client' };
    return { ok: true, merchant };
  }

  private sign(input: string): string {
    return createHmac('sha256', this.secret).update(input).digest('base64url');
  }
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

export function createAccessTokenHandler(tokens: TokenService, merchants: MerchantRegistry, clock: SandboxClock) {
  return (req: SandboxRequest): SandboxResponse => {
    const subscriptionKey = req.headers['ocp-apim-subscription-key'];
    if (!subscriptionKey) {
      return azureError(401, 'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.');
    }
    const keyOwner = merchants.bySubscriptionKey(subscriptionKey);
    if (!keyOwner) {
      return azureError(401, 'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.');
    }
    const clientId = req.headers['client_id'];
    const clientSecret = req.headers['client_secret'];
    if (!clientId || !clientSecret) {
      return json(400, aadError(clock.now(), 'invalid_request', 'The request body must contain the following parameter: client_id and client_secret.'));
    }
    const merchant = merchants.byClientId(clientId);
    if (!merchant || merchant.clientSecret !== clientSecret || merchant.subscriptionKey !== subscriptionKey) {
      return json(401, aadError(clock.now(), 'invalid_client', 'Invalid client secret is provided, or the client and the subscription key do not belong together.'));
    }
    const msn = req.headers['merchant-serial-number'];
    if (msn !== undefined && msn !== merchant.msn) {
      return json(401, aadError(clock.now(), 'invalid_client', `The Merchant-Serial-Number ${msn} does not belong to this client.`));
    }
    const issued = tokens.issue(merchant);
    return {
      status: 200,
      headers: { 'content-type': 'application/json;charset=UTF-8' },
      body: JSON.stringify({
        token_type: 'Bearer',
        expires_in: String(TOKEN_LIFETIME_MS / 1000),
        ext_expires_in: '0',
        expires_on: String(issued.expiresAt),
        not_before: String(issued.issuedAt),
        resource: RESOURCE,
        access_token: issued.token,
      }),
    };
  };
}

function aadError(now: number, error: string, description: string) {
  return {
    error,
    error_description: description,
    error_codes: [error === 'invalid_client' ? 7000215 : 900144],
    timestamp: new Date(now).toISOString(),
    trace_id: randomUUID(),
    correlation_id: randomUUID(),
  };
}
