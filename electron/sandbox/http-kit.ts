/**
 * A very small HTTP toolkit on top of node:http (no express: the sandbox must stay dependency-free
 * and start in milliseconds inside every test).
 *
 * Handlers do not write to the socket themselves. They return a `SandboxResponse` value, because the
 * pipeline around them needs the finished response as data: the idempotency store replays it
 * byte for byte, the exchange recorder keeps it for contract tests, and the "process then drop"
 * fault computes it and then throws it away with the connection.
 */
import type { IncomingMessage } from 'node:http';

export interface SandboxRequest {
  method: string;
  /** Path without the query string, percent-decoding left to the router per segment. */
  path: string;
  query: Record<string, string>;
  /** Lower-cased header names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  rawBody: string;
  /** Path parameters filled in by the router. */
  params: Record<string, string>;
}

export interface SandboxResponse {
  status: number;
  headers: Record<string, string>;
  /** null means "no body" (204, 304, or a dropped connection). */
  body: string | null;
  /** How `body` becomes bytes; default utf8. `latin1` carries binary (a PNG) one byte per char. */
  encoding?: 'utf8' | 'latin1';
}

export type Handler = (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

const JSON_TYPE = 'application/json; charset=utf-8';

export function json(status: number, value: unknown, headers: Record<string, string> = {}): SandboxResponse {
  return { status, headers: { 'content-type': JSON_TYPE, ...headers }, body: JSON.stringify(value) };
}

export function html(status: number, markup: string, headers: Record<string, string> = {}): SandboxResponse {
  // The phone pages poll; never let a proxy or the browser serve a stale request list.
  return { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers }, body: markup };
}

export function empty(status: number, headers: Record<string, string> = {}): SandboxResponse {
  return { status, headers, body: null };
}

export function redirect(location: string): SandboxResponse {
  return { status: 302, headers: { location }, body: null };
}

/** Upper bound for request bodies; the largest legitimate one (a 2000-charge batch) stays far below it. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function normaliseHeaders(raw: IncomingMessage['headers']): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

export function splitUrl(rawUrl: string): { path: string; query: Record<string, string> } {
  const url = new URL(rawUrl, 'http://sandbox.invalid');
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) query[key] = value;
  return { path: url.pathname, query };
}

/** Parses a JSON body; `undefined` for an empty body so callers can tell "absent" from "null". */
export function parseJsonBody(rawBody: string): { ok: true; value: unknown } | { ok: false; error: string } {
  if (rawBody.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(rawBody) as unknown };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

interface Route {
  method: string;
  segments: string[];
  handler: Handler;
}

export type RouteMatch =
  | { kind: 'found'; handler: Handler; params: Record<string, string>; pattern: string }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

/**
 * Routes are patterns like `/recurring/v3/agreements/:agreementId/charges/:chargeId`. A `:name`
 * segment matches exactly one non-empty path segment. First registered match wins, so literal
 * routes (`/phone/agreements/:id`) must be added before catch-alls (`/phone/:msisdn`).
 */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method: method.toUpperCase(), segments: splitPath(pattern), handler });
    return this;
  }

  match(method: string, path: string): RouteMatch {
    const segments = splitPath(path);
    const allowed: string[] = [];
    for (const route of this.routes) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      if (route.method !== method.toUpperCase()) {
        allowed.push(route.method);
        continue;
      }
      return { kind: 'found', handler: route.handler, params, pattern: '/' + route.segments.join('/') };
    }
    return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
  }
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | null {
  if (pattern.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i]!;
    const value = actual[i]!;
    if (expected.startsWith(':')) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(value);
      } catch {
        return null;
      }
      params[expected.slice(1)] = decoded;
    } else if (expected !== value) {
      return null;
    }
  }
  return params;
}

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
