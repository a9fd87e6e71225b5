import { useCallback, useRef, useState } from 'react';
import type { EventName, EventPayload } from '../../../shared/contract';
import type { AppError, Result } from '../../../shared/result';
import { useLive } from '../../bridge/use-live';

type Listed = { id: string; createdAt: number };
const byNewest = (a: Listed, b: Listed) => b.createdAt - a.createdAt;

/**
 * One of today's lists (goods sales, sign-ups), newest first, kept current by its change event:
 * a new entry is added, a known one replaced when `newer` says the copy is newer. Only the latest
 * load's answer is kept, so a slow load cannot overwrite a fresher one.
 */
export function useDayList<N extends EventName, T extends EventPayload<N> & Listed>(
  fetchList: () => Promise<Result<T[]>>,
  event: N,
  newer: (current: T, next: T) => T,
) {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);

  const upsert = useCallback(
    (item: T) => {
      setItems((current) => {
        if (!current) return current;
        const known = current.find((s) => s.id === item.id);
        if (!known) return [item, ...current].sort(byNewest);
        return current.map((s) => (s.id === item.id ? newer(s, item) : s));
      });
    },
    [newer],
  );

  const load = useCallback(async () => {
    const request = ++latest.current;
    setLoading(true);
    const result = await fetchList();
    if (request !== latest.current) return;
    setLoading(false);
    if (result.ok) {
      setItems(result.value);
      setError(null);
    } else {
      setError(result.error);
    }
  }, [fetchList]);

  useLive(event, upsert as (payload: EventPayload<N>) => void, load);

  return { items, error, loading, load, upsert };
}
