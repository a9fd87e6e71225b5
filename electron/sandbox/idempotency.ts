/**
 * Idempotency as the Recurring guide describes it:
 * - the same key on the same request returns the stored response (the operation is not repeated);
 * - "If the response is a client-error (4xx), you will continue to get the same error as long as
 *   you use the same idempotency key" — so 4xx responses are stored too;
 * - "If you reuse an idempotency key on a different request, you will get a 409 CONFLICT".
 *
 * Choices where the docs are silent (fact sheet §3.8, UNCONFIRMED items):
 * - Keys are scoped per merchant (sales unit): two shops may pick the same key.
 * - "Same request" = same method, same path and the same JSON body (compared after parsing, so
 *   whitespace and key order do not matter; a body that is not JSON is compared as text).
 * - 5xx responses and injected faults are never stored, so a retry after a server error really
 *   retries. 401 and 429 never get here (they are decided before the key is looked at).
 * - Keys are kept until the sandbox is reset; the real retention period is not documented.
 */
import type { SandboxResponse } from './http-kit';

export const IDEMPOTENCY_KEY_MAX = 40;
const FORBIDDEN_KEY_CHARACTERS = /[#?/\\]/;

/** Returns why the header is unacceptable, or null when it is fine. */
export function checkIdempotencyKey(key: string | undefined): string | null {
  if (key === undefined || key === '') return 'The Idempotency-Key header is required for this request';
  if (key.length > IDEMPOTENCY_KEY_MAX) return `The Idempotency-Key must be between 1 and ${IDEMPOTENCY_KEY_MAX} characters`;
  if (FORBIDDEN_KEY_CHARACTERS.test(key)) return "The Idempotency-Key must not contain '#', '?', '/' or '\\'";
  return null;
}

export function requestFingerprint(method: string, path: string, rawBody: string): string {
  return `${method.toUpperCase()} ${path}\n${canonicalBody(rawBody)}`;
}

function canonicalBody(rawBody: string): string {
  if (rawBody.trim() === '') return '';
  try {
    return stableStringify(JSON.parse(rawBody));
  } catch {
    return `text:${rawBody}`;
  }
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

interface StoredResponse {
  fingerprint: string;
  response: SandboxResponse;
}

export type IdempotencyLookup =
  | { kind: 'new' }
  | { kind: 'replay'; response: SandboxResponse }
  | { kind: 'conflict' };

export class IdempotencyStore {
  private readonly entries = new Map<string, StoredResponse>();

  lookup(scope: string, key: string, fingerprint: string): IdempotencyLookup {
    const stored = this.entries.get(`${scope}|${key}`);
    if (!stored) return { kind: 'new' };
    if (stored.fingerprint !== fingerprint) return { kind: 'conflict' };
    return { kind: 'replay', response: cloneResponse(stored.response) };
  }

  /** Stores 2xx–4xx responses; anything else is left out so the client's retry is processed. */
  remember(scope: string, key: string, fingerprint: string, response: SandboxResponse): void {
    if (response.status >= 500) return;
    this.entries.set(`${scope}|${key}`, { fingerprint, response: cloneResponse(response) });
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

function cloneResponse(response: SandboxResponse): SandboxResponse {
  return { status: response.status, headers: { ...response.headers }, body: response.body };
}
