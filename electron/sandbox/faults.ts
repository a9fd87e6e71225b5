/**
 * Injected faults: the network and server failures a till must survive, produced precisely by the
 * sandbox itself (no proxy needed). A fault matches by HTTP method (or "*") and path prefix and
 * fires for the next `count` matching requests, then disappears. First matching fault wins.
 *
 * Kinds:
 * - `latency`  {ms}: wait `ms` of *real* time, then handle the request normally (client timeouts).
 * - `status`   {status}: answer with that status (5xx) and a problem body without processing the
 *              request; never stored under the idempotency key, so a retry is processed.
 * - `rate-limit` {retryAfterSeconds?}: answer 429 with `Retry-After` (default 5 s) and the gateway's
 *              body, as the real rate limiter does, without processing the request. Lets a test
 *              prove a client honours Retry-After without sending 120 requests first.
 * - `drop`     : read the request, then destroy the socket without any response and without
 *              processing (the request never happened).
 * - `process-then-drop`: process the request completely (state changes, idempotency stored), then
 *              destroy the socket instead of answering — the worst case for a client, which must
 *              retry with the same Idempotency-Key to learn what happened.
 * The control API (/_control/...) is never subject to faults, so a test can always clean up.
 */
import { randomUUID } from 'node:crypto';

export type FaultKind = 'latency' | 'status' | 'rate-limit' | 'drop' | 'process-then-drop';

export interface Fault {
  id: string;
  kind: FaultKind;
  /** Upper-case method or "*". */
  method: string;
  pathPrefix: string;
  remaining: number;
  ms?: number;
  status?: number;
  retryAfterSeconds?: number;
}

export interface FaultInput {
  kind: FaultKind;
  method?: string;
  pathPrefix?: string;
  count?: number;
  ms?: number;
  status?: number;
  retryAfterSeconds?: number;
}

export class FaultInjector {
  private faults: Fault[] = [];

  add(input: FaultInput): Fault {
    const kinds: FaultKind[] = ['latency', 'status', 'rate-limit', 'drop', 'process-then-drop'];
    if (!kinds.includes(input.kind)) throw new Error(`kind must be one of ${kinds.join(', ')}`);
    const count = input.count ?? 1;
    if (!Number.isInteger(count) || count < 1) throw new Error('count must be a positive integer');
    if (input.kind === 'latency' && (typeof input.ms !== 'number' || !Number.isFinite(input.ms) || input.ms < 0 || input.ms > 120_000)) {
      throw new Error('latency needs ms between 0 and 120000');
    }
    if (input.kind === 'status' && (!Number.isInteger(input.status) || input.status! < 500 || input.status! > 599)) {
      throw new Error('status needs a 5xx status');
    }
    const retryAfter = input.retryAfterSeconds ?? 5;
    if (input.kind === 'rate-limit' && (!Number.isInteger(retryAfter) || retryAfter < 0 || retryAfter > 3600)) {
      throw new Error('retryAfterSeconds must be a whole number from 0 to 3600');
    }
    const pathPrefix = input.pathPrefix ?? '/';
    if (!pathPrefix.startsWith('/')) throw new Error('pathPrefix must start with "/"');
    const fault: Fault = {
      id: randomUUID(),
      kind: input.kind,
      method: (input.method ?? '*').toUpperCase(),
      pathPrefix,
      remaining: count,
      ...(input.kind === 'latency' ? { ms: input.ms } : {}),
      ...(input.kind === 'status' ? { status: input.status } : {}),
      ...(input.kind === 'rate-limit' ? { retryAfterSeconds: retryAfter } : {}),
    };
    this.faults.push(fault);
    return fault;
  }

  /** The fault for this request, consuming one of its uses; undefined when none matches. */
  take(method: string, path: string): Fault | undefined {
    if (path === '/_control' || path.startsWith('/_control/')) return undefined;
    const fault = this.faults.find((f) => (f.method === '*' || f.method === method.toUpperCase()) && path.startsWith(f.pathPrefix));
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return { ...fault };
  }

  list(): Fault[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  clear(): void {
    this.faults = [];
  }
}
