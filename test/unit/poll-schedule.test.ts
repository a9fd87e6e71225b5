import { describe, expect, it } from 'vitest';
import { backoffDelay, nextPollDelay, pollPolicy } from '../../electron/core/status/poll-schedule';
import { RateGuard } from '../../electron/core/status/rate-guard';
import { parseRetryAfter } from '../../electron/core/http/http-client';

describe('poll schedule', () => {
  it('follows the Vipps guideline: first poll after 5 s, then every 2 s', () => {
    expect(nextPollDelay({ kind: 'created' })).toBe(5_000);
    expect(nextPollDelay({ kind: 'unchanged' })).toBe(2_000);
  });

  it('honours Retry-After on 429, never polling faster than the normal interval', () => {
    expect(nextPollDelay({ kind: 'rate-limited', retryAfterMs: 7_000 })).toBe(7_000);
    expect(nextPollDelay({ kind: 'rate-limited', retryAfterMs: 0 })).toBe(2_000);
    expect(nextPollDelay({ kind: 'rate-limited', retryAfterMs: null })).toBe(pollPolicy.rateLimitedMs);
  });

  it('backs off on failures', () => {
    const noJitter = () => 1;
    expect([1, 2, 3, 4, 5, 6].map((n) => nextPollDelay({ kind: 'failed', consecutiveFailures: n }, noJitter))).toEqual([
      2_000, 4_000, 8_000, 16_000, 30_000, 30_000,
    ]);
  });

  it.each([
    [1, 0, 500],
    [1, 1, 1_000],
    [3, 0, 2_000],
    [3, 0.5, 3_000],
    [10, 1, 30_000],
    [1_000, 0, 15_000],
  ])('backoffDelay(attempt %i, random %d) = %i', (attempt, random, expected) => {
    expect(backoffDelay(attempt, { baseMs: 1_000, maxMs: 30_000 }, () => random)).toBe(expected);
  });

  it('keeps a normal schedule at 30 requests a minute, half the self-imposed ceiling', () => {
    expect(60_000 / pollPolicy.intervalMs).toBe(30);
    expect(pollPolicy.maxRequestsPerMinute).toBeLessThanOrEqual(60);
  });
});

describe('RateGuard', () => {
  it('holds a key to N requests in any sliding minute', () => {
    const guard = new RateGuard(3);
    for (const at of [0, 100, 200]) {
      expect(guard.waitFor('agr', at)).toBe(0);
      guard.record('agr', at);
    }
    expect(guard.waitFor('agr', 300)).toBe(59_700);
    expect(guard.waitFor('other', 300)).toBe(0);
    expect(guard.waitFor('agr', 59_999)).toBe(1);
    expect(guard.waitFor('agr', 60_000)).toBe(0);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 10, 22, 12, 0, 0);
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('12', now)).toBe(12_000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 11:00:00 GMT', now)).toBe(0);
  });
  it('ignores missing or unreadable values', () => {
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});
