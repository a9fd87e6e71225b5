/**
 * Who may talk to the billing backend, and whether it is up at all. Every /billing/ route asks
 * `gate()` first:
 *
 * 1. offline (control API switch) → 503 + `Retry-After` for every request, before the key is even
 *    looked at — a backend that is down does not authenticate anyone;
 * 2. `Authorization: Bearer <till API key>` → 401 (+ `WWW-Authenticate`) when missing, unknown, or
 *    a key the control API has rejected (a revoked till).
 *
 * Each till has its own key. The sandbox knows some at start (SandboxOptions.billingApiKey, or by
 * default the training shops' keys, trainingBillingKeys); the control API adds more and rejects /
 * restores any of them.
 * The key says nothing about the `tillId` in a report: the document binds neither, so neither does
 * the sandbox.
 */
import type { SandboxRequest, SandboxResponse } from '../http-kit';
import { billingProblem } from './billing-problems';

export const DEFAULT_RETRY_AFTER_SECONDS = 30;

export interface TillKeyState {
  key: string;
  rejected: boolean;
  /** `options`: the key the sandbox was started with; `control`: added through the control API. */
  source: 'options' | 'control';
}

export class BillingAccess {
  offline = false;
  retryAfterSeconds = DEFAULT_RETRY_AFTER_SECONDS;
  private readonly keys = new Map<string, TillKeyState>();

  constructor(private readonly startKeys: readonly string[]) {
    this.reset();
  }

  reset(): void {
    this.offline = false;
    this.retryAfterSeconds = DEFAULT_RETRY_AFTER_SECONDS;
    this.keys.clear();
    for (const key of this.startKeys) this.keys.set(key, { key, rejected: false, source: 'options' });
  }

  setOffline(offline: boolean, retryAfterSeconds = DEFAULT_RETRY_AFTER_SECONDS): void {
    this.offline = offline;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Accepts a till's key (adding it when new), or rejects one so it answers 401. */
  setKey(key: string, rejected: boolean): TillKeyState {
    const state = this.keys.get(key) ?? { key, rejected, source: 'control' as const };
    state.rejected = rejected;
    this.keys.set(key, state);
    return { ...state };
  }

  listKeys(): TillKeyState[] {
    return [...this.keys.values()].map((state) => ({ ...state }));
  }

  /** The refusal for this request, or null when it may go on; the accepted key otherwise. */
  gate(req: SandboxRequest): { refusal: SandboxResponse } | { key: string } {
    if (this.offline) {
      return {
        refusal: billingProblem({
          status: 503,
          detail: 'The billing backend is offline (sandbox control switch). Try again later.',
          instance: req.path,
          headers: { 'retry-after': String(this.retryAfterSeconds) },
        }),
      };
    }
    const auth = req.headers['authorization'];
    const bearer = auth === undefined ? undefined : /^Bearer\s+(\S+)\s*$/i.exec(auth)?.[1];
    const state = bearer === undefined ? undefined : this.keys.get(bearer);
    if (!state || state.rejected) {
      const detail = !auth
        ? 'Authorization: Bearer <till API key> is required.'
        : state?.rejected
          ? "This till's API key has been revoked."
          : 'The till API key is not valid.';
      return { refusal: billingProblem({ status: 401, detail, instance: req.path, headers: { 'www-authenticate': 'Bearer realm="billing"' } }) };
    }
    return { key: state.key };
  }
}
