import type { Clock, TimerHandle } from '../platform/clock';
import { SerialQueue } from './serial-queue';

/**
 * Drives records (sales, refunds) towards a final state one step at a time. A step is chosen by
 * what the database says when it runs, so timers carry no state: after a crash, scheduling every
 * unfinished record again is all it takes to resume. Steps of one record never overlap.
 */
export class StepDriver {
  private readonly timers = new Map<string, TimerHandle>();
  private readonly failures = new Map<string, number>();
  private readonly queue = new SerialQueue();
  private stopped = false;

  constructor(
    private readonly clock: Clock,
    private readonly step: (id: string) => Promise<void>,
  ) {}

  /** Runs the record's next step after `delayMs`, replacing any step already scheduled for it. */
  schedule(id: string, delayMs: number): void {
    if (this.stopped) return;
    this.cancel(id);
    const handle = this.clock.setTimeout(() => {
      this.timers.delete(id);
      void this.run(id);
    }, delayMs);
    this.timers.set(id, handle);
  }

  /** Runs the record's next step now, after any step already running for it. */
  run(id: string): Promise<void> {
    return this.queue.run(id, () => (this.stopped ? Promise.resolve() : this.step(id)));
  }

  /** Runs `task` in the record's queue, so it never overlaps one of its steps. */
  exclusive<T>(id: string, task: () => Promise<T>): Promise<T> {
    return this.queue.run(id, task);
  }

  cancel(id: string): void {
    const existing = this.timers.get(id);
    if (existing) this.clock.clearTimeout(existing);
    this.timers.delete(id);
  }

  /** Counts one more consecutive failure for the record and returns the count. */
  failed(id: string): number {
    const count = (this.failures.get(id) ?? 0) + 1;
    this.failures.set(id, count);
    return count;
  }

  succeeded(id: string): void {
    this.failures.delete(id);
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const handle of this.timers.values()) this.clock.clearTimeout(handle);
    this.timers.clear();
    await this.queue.idle();
  }
}
