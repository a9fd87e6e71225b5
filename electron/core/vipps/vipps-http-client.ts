import type { z } from 'zod';
import { parseRetryAfter, TransportError, type HttpClient, type HttpRequest } from '../http/http-client';
import type { AccessTokenProvider } from './access-token';
import { systemHeaders } from './system-headers';
import type { SystemInfo, VippsConfig } from './vipps-config';
import { kindForStatus, problemSchema, VippsApiError } from './vipps-errors';

export interface VippsCall<T> {
  operation: string;
  method: HttpRequest['method'];
  path: string;
  json?: unknown;
  /** Required on every mutation; must be the key stored before the first attempt. */
  idempotencyKey?: string;
  /** Userinfo lives outside the API subscription and answers 401 when the key is sent. */
  withSubscriptionKey?: boolean;
  /** Statuses that count as success for this operation. */
  expect: readonly number[];
  /** Parses a successful body; omitted for 202/204 operations with no body. */
  schema?: z.ZodType<T>;
  /** Resolve with the HTTP status (e.g. 202 or 204) instead of a body. */
  returnStatus?: boolean;
}

export interface VippsHttpClient {
  call<T = void>(call: VippsCall<T>): Promise<T>;
}

/**
 * Every Vipps MobilePay request goes through here: Bearer token, subscription key, MSN,
 * Idempotency-Key and the system headers on every call; one refresh-and-retry on 401; errors
 * become VippsApiError with a kind that drives retries; successful bodies are parsed with zod.
 */
export function createVippsHttpClient(
  http: HttpClient,
  tokens: AccessTokenProvider,
  config: VippsConfig,
  system: SystemInfo,
  now: () => number,
): VippsHttpClient {
  async function attempt<T>(call: VippsCall<T>, token: string) {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${token}`,
      'Merchant-Serial-Number': config.merchantSerialNumber,
      ...systemHeaders(system),
    };
    if (call.withSubscriptionKey !== false) headers['Ocp-Apim-Subscription-Key'] = config.subscriptionKey;
    if (call.idempotencyKey) headers['Idempotency-Key'] = call.idempotencyKey;
    try {
      return await http.send({ method: call.method, url: config.baseUrl + call.path, headers, json: call.json });
    } catch (error) {
      if (error instanceof TransportError) throw new VippsApiError(error.kind, call.operation, null, null);
      throw error;
    }
  }

  return {
    async call<T>(call: VippsCall<T>): Promise<T> {
      if (call.method !== 'GET' && !call.idempotencyKey) {
        throw new Error(`${call.operation}: a mutation must carry its stored Idempotency-Key`);
      }
      let token = await tokens.get();
      let res = await attempt(call, token);
      if (res.status === 401) {
        // An expired or revoked token: refresh once. A second 401 means the keys are wrong.
        tokens.invalidate(token);
        token = await tokens.get();
        res = await attempt(call, token);
      }
      if (!call.expect.includes(res.status)) {
        const problem = problemSchema.safeParse(res.body);
        const kind = res.status >= 200 && res.status < 300 ? 'server' : kindForStatus(res.status);
        throw new VippsApiError(
          kind,
          call.operation,
          res.status,
          problem.success ? problem.data : null,
          parseRetryAfter(res.headers['retry-after'], now()),
        );
      }
      // 202 ("accepted, not enacted yet") and 204 mean different things to a caller that follows up.
      if (call.returnStatus) return res.status as T;
      if (!call.schema) return undefined as T;
      const parsed = call.schema.safeParse(res.body);
      if (!parsed.success) {
        // A body that breaks the spec is Vipps' fault and may be transient; never act on it.
        throw new VippsApiError('server', `${call.operation} (unexpected response)`, res.status, null);
      }
      return parsed.data;
    },
  };
}
