/**
 * Time as a port. The core never reads Date.now() or calls setTimeout directly, so tests drive a
 * 10-minute expiry or a poll schedule with a fake clock instead of sleeping.
 */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export interface TimerHandle {
  readonly id: number;
}

export function createSystemClock(): Clock {
  const timers = new Map<number, NodeJS.Timeout>();
  let nextId = 1;
  return {
    now: () => Date.now(),
    setTimeout(callback, ms) {
      const id = nextId++;
      const timer = setTimeout(() => {
        timers.delete(id);
        callback();
      }, Math.max(0, ms));
      // A pending poll must not keep a finished process (a test, a CLI) alive on its own.
      timer.unref();
      timers.set(id, timer);
      return { id };
    },
    clearTimeout(handle) {
      clearTimeout(timers.get(handle.id));
      timers.delete(handle.id);
    },
  };
}

/**
 * A clock that moves only when told to. `advance` fires due timers in time order and lets the
 * promise jobs they start run before firing the next one.
 */
export class FakeClock implements Clock {
  private current: number;
  private nextId = 1;
  private timers = new Map<number, { at: number; callback: () => void }>();

  constructor(start = Date.UTC(2026, 10, 22, 9, 0, 0)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    this.timers.set(id, { at: this.current + Math.max(0, ms), callback });
    return { id };
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers.delete(handle.id);
  }

  /** Milliseconds until the next timer, or null when none is set. */
  nextTimerIn(): number | null {
    let soonest: number | null = null;
    for (const timer of this.timers.values()) soonest = soonest === null ? timer.at : Math.min(soonest, timer.at);
    return soonest === null ? null : soonest - this.current;
  }

  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= target).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      const [id, timer] = due;
      this.timers.delete(id);
      this.current = Math.max(this.current, timer.at);
      timer.callback();
      await flushPromises();
    }
    this.current = target;
  }
}

/** Lets already-queued promise jobs and I/O callbacks run. Not a sleep: no time passes on any clock. */
export function flushPromises(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
