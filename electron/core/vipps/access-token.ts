import { z } from 'zod';
import type { HttpClient } from '../http/http-client';
import { TransportError } from '../http/http-client';
import { kindForStatus, problemSchema, VippsApiError } from './vipps-errors';
import type { SystemInfo, VippsConfig } from './vipps-config';
import { systemHeaders } from './system-headers';

/** The access token API sends every number as a string (spec: AuthorizationTokenResponse). */
const tokenResponseSchema = z.object({
  token_type: z.string(),
  expires_in: z.string().regex(/^\d+$/),
  access_token: z.string().min(1),
});

/** Refresh this long before expiry, so a token never dies between our check and Vipps' check. */
const REFRESH_MARGIN_MS = 5 * 60_000;

export interface AccessTokenProvider {
  get(): Promise<string>;
  /** Drop the cached token (after a 401), so the next get() fetches a fresh one. */
  invalidate(token: string): void;
}

/**
 * Caches the access token until shortly before `expires_in` runs out. Concurrent callers share
 * one refresh, so a burst of polls never stampedes the token endpoint.
 */
export function createAccessTokenProvider(
  http: HttpClient,
  config: VippsConfig,
  system: SystemInfo,
  now: () => number,
): AccessTokenProvider {
  let cached: { token: string; refreshAt: number } | null = null;
  let inFlight: Promise<string> | null = null;

  async function fetchToken(): Promise<string> {
    const requestedAt = now();
    let res;
    try {
      res = await http.send({
        method: 'POST',
        url: `${config.baseUrl}/accesstoken/get`,
        headers: {
          client_id: config.clientId,
          client_secret: config.clientSecret,
          'Ocp-Apim-Subscription-Key': config.subscriptionKey,
          'Merchant-Serial-Number': config.merchantSerialNumber,
          ...systemHeaders(system),
        },
      });
    } catch (error) {
      if (error instanceof TransportError) throw new VippsApiError(error.kind, 'access token', null, null);
      throw error;
    }
    if (res.status !== 200) {
      const problem = problemSchema.safeParse(res.body);
      throw new VippsApiError(kindForStatus(res.status), 'access token', res.status, problem.success ? problem.data : null);
    }
    const parsed = tokenResponseSchema.safeParse(res.body);
    if (!parsed.success) throw new VippsApiError('server', 'access token', res.status, null);
    const lifetimeMs = Number(parsed.data.expires_in) * 1000;
    const margin = Math.min(REFRESH_MARGIN_MS, lifetimeMs / 10);
    cached = { token: parsed.data.access_token, refreshAt: requestedAt + lifetimeMs - margin };
    return parsed.data.access_token;
  }

  return {
    get() {
      if (cached && now() < cached.refreshAt) return Promise.resolve(cached.token);
      inFlight ??= fetchToken().finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
    invalidate(token) {
      if (cached?.token === token) cached = null;
    },
  };
}
