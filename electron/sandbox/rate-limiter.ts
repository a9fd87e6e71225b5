/**
 * Sliding-window rate limiting on the sandbox clock, with the Recurring table from the official
 * guide (fact sheet §3.10) and the ePayment one (§4.9). A sliding log rather than fixed buckets:
 * a client that polls at exactly the documented rate must never see a 429 because a bucket
 * boundary fell between two requests, and one that bursts must see one for the right number of
 * seconds.
 */
export interface RateLimit {
  /** The operation, e.g. "FetchAgreement" — part of the key so limits never share a window. */
  name: string;
  limit: number;
  windowMs: number;
}

/** Recurring v3 limits per the Dec-2023 guide. Keys are built by the routes (agreementId, chargeId…). */
export const recurringRateLimits = {
  CreateCharge: { name: 'CreateCharge', limit: 2, windowMs: 60_000 },
  CancelCharge: { name: 'CancelCharge', limit: 5, windowMs: 60_000 },
  CaptureCharge: { name: 'CaptureCharge', limit: 5, windowMs: 60_000 },
  RefundCharge: { name: 'RefundCharge', limit: 5, windowMs: 60_000 },
  ListAgreements: { name: 'ListAgreements', limit: 5, windowMs: 60_000 },
  UpdateAgreement: { name: 'UpdateAgreement', limit: 5, windowMs: 60_000 },
  FetchCharge: { name: 'FetchCharge', limit: 10, windowMs: 60_000 },
  FetchChargeById: { name: 'FetchChargeById', limit: 100, windowMs: 60_000 },
  ListCharges: { name: 'ListCharges', limit: 10, windowMs: 60_000 },
  FetchAgreement: { name: 'FetchAgreement', limit: 120, windowMs: 60_000 },
  DraftAgreement: { name: 'DraftAgreement', limit: 300, windowMs: 60_000 },
} satisfies Record<string, RateLimit>;

/**
 * ePayment v1 limits (operations/README.md, same numbers in the 2026 summaries): one window per
 * operation, keyed by `reference` + MSN for the mutations and `reference` + subscription key for
 * the reads. A request without a usable reference counts under the empty reference, so a client
 * that forgets it sees the "all payments count as one" 429 the docs warn about.
 */
export const epaymentRateLimits = {
  CreatePayment: { name: 'CreatePayment', limit: 5, windowMs: 60_000 },
  CapturePayment: { name: 'CapturePayment', limit: 5, windowMs: 60_000 },
  CancelPayment: { name: 'CancelPayment', limit: 5, windowMs: 60_000 },
  RefundPayment: { name: 'RefundPayment', limit: 5, windowMs: 60_000 },
  GetPayment: { name: 'GetPayment', limit: 120, windowMs: 60_000 },
  GetPaymentEventLog: { name: 'GetPaymentEventLog', limit: 120, windowMs: 60_000 },
} satisfies Record<string, RateLimit>;

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class SlidingWindowRateLimiter {
  private readonly hits = new Map<string, number[]>();
  private takesSinceSweep = 0;

  take(limit: RateLimit, key: string, now: number): RateDecision {
    const id = `${limit.name}|${key}`;
    const since = now - limit.windowMs;
    const recent = (this.hits.get(id) ?? []).filter((at) => at > since);
    if (recent.length >= limit.limit) {
      this.hits.set(id, recent);
      // The request becomes possible once enough of the oldest hits have left the window.
      const freedAt = recent[recent.length - limit.limit]! + limit.windowMs;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((freedAt - now) / 1000)) };
    }
    recent.push(now);
    this.hits.set(id, recent);
    this.maybeSweep(now);
    return { allowed: true };
  }

  clear(): void {
    this.hits.clear();
  }

  /** Forget idle keys now and then, so a long bench run does not keep one entry per agreement forever. */
  private maybeSweep(now: number): void {
    if (++this.takesSinceSweep < 1000) return;
    this.takesSinceSweep = 0;
    for (const [id, times] of this.hits) {
      const last = times[times.length - 1];
      if (last === undefined || last < now - 10 * 60_000) this.hits.delete(id);
    }
  }
}
