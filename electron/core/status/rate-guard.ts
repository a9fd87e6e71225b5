/**
 * A sliding one-minute window per key. The poll schedule already stays well under Vipps' limits;
 * this is the backstop that makes "never more than N requests per minute per agreement" true even
 * when a cancel, a restart and a timer fire at once.
 */
export class RateGuard {
  private readonly sent = new Map<string, number[]>();

  constructor(
    private readonly maxPerWindow: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Milliseconds to wait before a request for `key` is allowed; 0 when it may go now. */
  waitFor(key: string, now: number): number {
    const recent = this.prune(key, now);
    if (recent.length < this.maxPerWindow) return 0;
    return recent[0]! + this.windowMs - now;
  }

  record(key: string, now: number): void {
    const recent = this.prune(key, now);
    recent.push(now);
    this.sent.set(key, recent);
  }

  forget(key: string): void {
    this.sent.delete(key);
  }

  private prune(key: string, now: number): number[] {
    const recent = (this.sent.get(key) ?? []).filter((at) => at > now - this.windowMs);
    this.sent.set(key, recent);
    return recent;
  }
}
