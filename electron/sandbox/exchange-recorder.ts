/**
 * Keeps every API exchange (request + response as the client saw it, or would have) so contract
 * tests can validate real traffic against the OpenAPI specs after the fact.
 *
 * Only the API surfaces are recorded — Vipps (/accesstoken, /recurring, /epayment,
 * /vipps-userinfo-api) and billing (/billing). The control API, the phone pages and the QR images
 * are the sandbox's own tooling (or binary), and recording them would bury the interesting traffic.
 */
import type { RecordedExchange } from './sandbox-api';
import type { SandboxRequest, SandboxResponse } from './http-kit';

const RECORDED_PREFIXES = ['/accesstoken/', '/recurring/', '/epayment/', '/vipps-userinfo-api/', '/billing/'];

export function isRecordedPath(path: string): boolean {
  return RECORDED_PREFIXES.some((prefix) => path.startsWith(prefix));
}

export function toExchange(req: SandboxRequest, response: SandboxResponse | null, fault?: RecordedExchange['fault']): RecordedExchange {
  return {
    method: req.method,
    path: req.path,
    query: { ...req.query },
    requestHeaders: { ...req.headers },
    requestBody: parseBody(req.rawBody, req.headers['content-type']),
    status: response?.status ?? 0,
    responseHeaders: response ? { ...response.headers } : {},
    responseBody: response?.body == null ? null : parseBody(response.body, response.headers['content-type']),
    ...(fault ? { fault } : {}),
  };
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (text === '') return null;
  if (contentType === undefined || /json/i.test(contentType)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}
