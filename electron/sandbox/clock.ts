/**
 * The sandbox's time: the injected source (Date.now by default, a movable variable in tests) plus
 * an offset that the control API can push forward. Every expiry, token lifetime and rate-limit
 * window reads this clock, and nothing runs on a timer: state is brought up to date lazily when it
 * is read or written. That is what lets a test expire a 10-minute agreement in a millisecond.
 */
export class SandboxClock {
  private offsetMs = 0;

  constructor(private readonly source: () => number = Date.now) {}

  now(): number {
    return this.source() + this.offsetMs;
  }

  /** Moves the clock forward; negative values are refused because nothing here can be undone. */
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('ms must be a non-negative number');
    this.offsetMs += ms;
    return this.now();
  }

  get offset(): number {
    return this.offsetMs;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}

/** ISO 8601 in the shape the Recurring API uses: `yyyy-MM-dd'T'HH:mm:ss'Z'`, no milliseconds. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
