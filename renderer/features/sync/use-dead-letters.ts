import { errorText } from '../../i18n/error-text';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../shared/result';
import type { DeadLetter } from '../../../shared/sync';
import { useBridge } from '../../bridge/bridge-context';
import { i18n } from '../../i18n';
import { useWithManager } from '../staff/use-with-manager';
import type { SyncState } from './use-sync-status';

/** What became of the last Retry or Discard, told once the list has been read again. */
export type DeadLetterOutcome =
  | { letter: DeadLetter; kind: 'sent' | 'queued' | 'discarded' }
  | { letter: DeadLetter; kind: 'refused-again' | 'failed'; message: string };

/**
 * The reports the billing backend refused for good, with Retry and Discard. Read again whenever
 * the count in the sync status changes, so a refusal (or a manager at another screen) shows up.
 */
export function useDeadLetters(sync: SyncState) {
  const bridge = useBridge();
  const { withManager, approvalDialog } = useWithManager();
  const { track } = sync;
  const count = sync.status?.deadLetters;
  const [letters, setLetters] = useState<DeadLetter[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [loading, setLoading] = useState(false);
  const [retrying, setRetrying] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<DeadLetterOutcome | null>(null);
  const latest = useRef(0);
  const inFlight = useRef(false);

  const load = useCallback(async (): Promise<DeadLetter[] | null> => {
    const request = ++latest.current;
    setLoading(true);
    const answer = await bridge.invoke('sync.deadLetters', {});
    if (request !== latest.current) return null;
    setLoading(false);
    if (!answer.ok) {
      setError(answer.error);
      return null;
    }
    setLetters(answer.value);
    setError(null);
    return answer.value;
  }, [bridge]);

  useEffect(() => {
    void load();
  }, [load, count]);
  useEffect(
    () =>
      bridge.onConnectionChange((connected) => {
        if (connected) void load();
      }),
    [bridge, load],
  );

  const retry = useCallback(
    async (letter: DeadLetter) => {
      if (inFlight.current) return;
      inFlight.current = true;
      setRetrying(letter.id);
      setOutcome(null);
      const answer = await track(() => bridge.invoke('sync.retry', { id: letter.id }));
      const fresh = await load();
      inFlight.current = false;
      setRetrying(null);
      if (!answer.ok) return setOutcome({ letter, kind: 'failed', message: errorText(answer.error) });
      const again = fresh?.find((l) => l.id === letter.id);
      if (again) return setOutcome({ letter, kind: 'refused-again', message: errorText(again.error) });
      // The core answers once it has tried: online means it went; otherwise it waits in the queue.
      setOutcome({ letter, kind: answer.value.state === 'online' ? 'sent' : 'queued' });
    },
    [bridge, track, load],
  );

  /** Resolves with the core's refusal, or null when the report is discarded. */
  const discard = useCallback(
    async (letter: DeadLetter, reason: string): Promise<AppError | null> => {
      const answer = await withManager(i18n.t('deadLetters.discard.title'), (approval) =>
        track(() => bridge.invoke('sync.discard', { id: letter.id, reason, ...(approval ? { approval } : {}) })),
      );
      if (answer === null) return { code: 'MANAGER_APPROVAL_NEEDED', message: i18n.t('approval.notApproved') };
      if (!answer.ok) {
        // Someone else dealt with it: the list shows what is left.
        if (answer.error.code === 'NOT_FOUND') void load();
        return answer.error;
      }
      setOutcome({ letter, kind: 'discarded' });
      void load();
      return null;
    },
    [bridge, track, load, withManager],
  );

  return { letters, error, loading, retrying, outcome, load, retry, discard, approvalDialog };
}
