/**
 * When to ask Vipps MobilePay again. Pure functions, so the schedule has a table test and the
 * bench can prove the rate stays under the limit.
 *
 * Vipps' polling guideline: first poll after 5 seconds, then every 2 seconds; back off on 429.
 * FetchAgreement allows 120 requests per minute per agreement; Kassa holds itself to half of that
 * as a hard ceiling (the normal schedule uses 30).
 */
export const pollPolicy = {
  firstPollMs: 5_000,
  intervalMs: 2_000,
  maxRequestsPerMinute: 60,
  errorBackoff: { baseMs: 2_000, maxMs: 30_000 },
  /** Used on a 429 that carries no Retry-After. */
  rateLimitedMs: 10_000,
} as const;

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so retries from
 * many tills spread out but none retries sooner than half the nominal delay.
 * `attempt` counts failures so far, starting at 1.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 30));
  const nominal = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  return Math.round(nominal / 2 + (random() * nominal) / 2);
}

export type PollOutcome =
  | { kind: 'created' }
  | { kind: 'unchanged' }
  | { kind: 'rate-limited'; retryAfterMs: number | null }
  | { kind: 'failed'; consecutiveFailures: number };

/** Delay before the next status request, given how the last one went. */
export function nextPollDelay(outcome: PollOutcome, random: () => number = Math.random): number {
  switch (outcome.kind) {
    case 'created':
      return pollPolicy.firstPollMs;
    case 'unchanged':
      return pollPolicy.intervalMs;
    case 'rate-limited':
      return Math.max(pollPolicy.intervalMs, outcome.retryAfterMs ?? pollPolicy.rateLimitedMs);
    case 'failed':
      return Math.max(pollPolicy.intervalMs, backoffDelay(outcome.consecutiveFailures, pollPolicy.errorBackoff, random));
  }
}
