import { useLive } from '../../bridge/use-live';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError, Result } from '../../../shared/result';
import type { SyncStatus } from '../../../shared/sync';
import { useBridge } from '../../bridge/bridge-context';

/** How long the answer to "Sync now" stays beside the button. */
const RESULT_SHOWN_MS = 8_000;

/** `refused`: reports the backend refused for good during this round (dead letters added). */
export type SyncNowResult = { ok: true; status: SyncStatus; refused: number } | { ok: false; error: AppError };

/**
 * How the till's reports to the billing backend are doing, kept current by `sync.changed`, and
 * "Sync now". Kept at the top of the till: the header shows it on every screen.
 *
 * SyncStatus carries no version, so an answer and an event cannot be put in order by their
 * content. The core publishes an event for every change, so an answer is applied only when no
 * event arrived while it was on its way; otherwise that event is at least as new.
 */
export function useSyncStatus() {
  const bridge = useBridge();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  // Read by syncNow without making it change on every status.
  const current = useRef<SyncStatus | null>(null);
  useEffect(() => {
    current.current = status;
  }, [status]);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<SyncNowResult | null>(null);
  const events = useRef(0);
  const inFlight = useRef(false);

  const onEvent = useCallback((next: SyncStatus) => {
    events.current += 1;
    setStatus(next);
    setLoadError(null);
  }, []);

  /** Makes a call that answers with a SyncStatus, and shows that status unless an event overtook it. */
  const track = useCallback(async (call: () => Promise<Result<SyncStatus>>): Promise<Result<SyncStatus>> => {
    const seen = events.current;
    const answer = await call();
    if (answer.ok && events.current === seen) {
      setStatus(answer.value);
      setLoadError(null);
    }
    return answer;
  }, []);

  const load = useCallback(async () => {
    const answer = await track(() => bridge.invoke('sync.status', {}));
    if (!answer.ok) setLoadError(answer.error);
  }, [bridge, track]);

  useLive('sync.changed', onEvent, load);

  const syncNow = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setRunning(true);
    setResult(null);
    const deadBefore = current.current?.deadLetters ?? 0;
    const answer = await track(() => bridge.invoke('sync.now', {}));
    inFlight.current = false;
    setRunning(false);
    setResult(answer.ok ? { ok: true, status: answer.value, refused: Math.max(0, answer.value.deadLetters - deadBefore) } : { ok: false, error: answer.error });
  }, [bridge, track]);

  useEffect(() => {
    if (!result) return;
    const timer = setTimeout(() => setResult(null), RESULT_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [result]);

  return { status, loadError, running, result, syncNow, track };
}

export type SyncState = ReturnType<typeof useSyncStatus>;
