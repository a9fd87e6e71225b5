import { Agent, errors as undiciErrors, request } from 'undici';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  /** Serialised as JSON when set. */
  json?: unknown;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON when the body was JSON, the text otherwise, null when empty. */
  body: unknown;
}

/** The request never produced an HTTP response: the caller cannot know whether it was processed. */
export class TransportError extends Error {
  constructor(
    readonly kind: 'network' | 'timeout',
    detail: string,
  ) {
    super(`${kind === 'timeout' ? 'Timed out' : 'Network error'}: ${detail}`);
    this.name = 'TransportError';
  }
}

export interface HttpClientOptions {
  connectTimeoutMs?: number;
  /** Time allowed for the response headers, and again for the body. */
  responseTimeoutMs?: number;
  connectionsPerOrigin?: number;
}

export interface HttpClient {
  send(req: HttpRequest): Promise<HttpResponse>;
  close(): Promise<void>;
}

/**
 * One undici Agent (a keep-alive pool per origin) for everything the core says to the outside
 * world, with explicit timeouts so a hung server becomes a TransportError instead of a hung till.
 */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const responseTimeout = options.responseTimeoutMs ?? 15_000;
  const agent = new Agent({
    connections: options.connectionsPerOrigin ?? 8,
    keepAliveTimeout: 10_000,
    connect: { timeout: options.connectTimeoutMs ?? 5_000 },
    headersTimeout: responseTimeout,
    bodyTimeout: responseTimeout,
  });

  return {
    async send(req) {
      const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
      let body: string | undefined;
      if (req.json !== undefined) {
        body = JSON.stringify(req.json);
        headers['content-type'] = 'application/json';
      }
      try {
        const res = await request(req.url, { method: req.method, headers, body, dispatcher: agent });
        const text = await res.body.text();
        return { status: res.statusCode, headers: flattenHeaders(res.headers), body: parseBody(text) };
      } catch (error) {
        throw toTransportError(error);
      }
    },
    close: () => agent.close(),
  };
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function parseBody(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toTransportError(error: unknown): TransportError {
  if (
    error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError ||
    error instanceof undiciErrors.ConnectTimeoutError
  ) {
    return new TransportError('timeout', error.message);
  }
  return new TransportError('network', error instanceof Error ? error.message : String(error));
}

/**
 * `Retry-After` is either seconds or an HTTP date. Returns milliseconds from `now`, or null when
 * absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | null {
  if (value === undefined || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
