import { useCallback, useEffect, useRef, useState } from 'react';

/** After this long without a touch the kiosk asks whether the customer needs more time. */
export const IDLE_MS = 60_000;
/** How long it then counts down before it starts over: at least 20 s (WCAG 2.2.1). */
export const WARNING_MS = 20_000;

const activity = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

/**
 * Watches for a customer who has walked away: after `IDLE_MS` without a touch (only while
 * `active`) a warning counts down `WARNING_MS`; any touch keeps going, and at zero `onReset`
 * wipes everything. Timers are the page's own, so a test drives them with a fake clock.
 */
export function useIdle(active: boolean, onReset: () => void) {
  const [warningLeft, setWarningLeft] = useState<number | null>(null);
  const deadline = useRef<number | null>(null);
  const timer = useRef<number | null>(null);
  const reset = useRef(onReset);
  reset.current = onReset;

  const clear = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  };

  const tick = useCallback(() => {
    if (deadline.current === null) return;
    const left = deadline.current - Date.now();
    if (left <= 0) {
      deadline.current = null;
      setWarningLeft(null);
      reset.current();
      return;
    }
    setWarningLeft(left);
    timer.current = window.setTimeout(tick, Math.min(1_000, left));
  }, []);

  const restart = useCallback(() => {
    clear();
    deadline.current = null;
    setWarningLeft(null);
    if (!active) return;
    timer.current = window.setTimeout(() => {
      deadline.current = Date.now() + WARNING_MS;
      tick();
    }, IDLE_MS);
  }, [active, tick]);

  useEffect(() => {
    restart();
    const onActivity = () => {
      // While the warning shows, only its own button keeps going: a stray touch elsewhere counts too.
      restart();
    };
    for (const name of activity) window.addEventListener(name, onActivity, { passive: true });
    return () => {
      clear();
      for (const name of activity) window.removeEventListener(name, onActivity);
    };
  }, [restart]);

  return { warningLeft, keepGoing: restart };
}
