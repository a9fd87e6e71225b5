/**
 * When to ask Vipps MobilePay again. Pure functions, so the schedule has a table test and the
 * bench can prove the rate stays under the limit.
 *
 * Vipps' polling guideline: first poll after 5 seconds, then every 2 seconds; back off on 429.
 * FetchAgreement allows 120 requests per minute per agreement; Kassa holds itself to half of that
 * as a hard ceiling (the normal schedule uses 30).
 */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export interface PollPolicy {
  firstPollMs: number;
  intervalMs: number;
  maxRequestsPerMinute: number;
  /** Between failed status requests. */
  errorBackoff: BackoffPolicy;
  /** Between failed attempts to create a request nobody has heard back about. */
  createBackoff: BackoffPolicy;
  /** Used on a 429 that carries no Retry-After. */
  rateLimitedMs: number;
}

export const pollPolicy: PollPolicy = {
  firstPollMs: 5_000,
  intervalMs: 2_000,
  maxRequestsPerMinute: 60,
  errorBackoff: { baseMs: 2_000, maxMs: 30_000 },
  createBackoff: { baseMs: 1_000, maxMs: 30_000 },
  rateLimitedMs: 10_000,
};

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

/**
 * A fast schedule for training runs and the chaos test only: the same logic, in milliseconds
 * instead of seconds. The core refuses it outside training mode, because real Vipps would see a
 * till polling far above its guideline.
 */
export const fastPollPolicy: PollPolicy = {
  firstPollMs: 50,
  intervalMs: 20,
  maxRequestsPerMinute: 3_000,
  errorBackoff: { baseMs: 20, maxMs: 500 },
  createBackoff: { baseMs: 20, maxMs: 500 },
  rateLimitedMs: 200,
};

/** Delay before the next status request, given how the last one went. */
export function nextPollDelay(outcome: PollOutcome, random: () => number = Math.random, policy: PollPolicy = pollPolicy): number {
  switch (outcome.kind) {
    case 'created':
      return policy.firstPollMs;
    case 'unchanged':
      return policy.intervalMs;
    case 'rate-limited':
      return Math.max(policy.intervalMs, outcome.retryAfterMs ?? policy.rateLimitedMs);
    case 'failed':
      return Math.max(policy.intervalMs, backoffDelay(outcome.consecutiveFailures, policy.errorBackoff, random));
  }
}
