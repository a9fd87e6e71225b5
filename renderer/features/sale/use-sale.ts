import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../../../shared/result';
import { isFinalSubscriptionStatus, type SubscriptionSale } from '../../../shared/subscription';
import { useBridge } from '../../bridge/bridge-context';

/**
 * Events are the main path; this re-fetch only catches one that was lost (e.g. sent in the instant
 * before this screen subscribed). The core is local, so every 10 s costs nothing.
 */
const SAFETY_REFRESH_MS = 10_000;

/** Newer wins, and a sale that has ended never comes back to life from a late, stale copy. */
export function newerSubscriptionSale(current: SubscriptionSale, next: SubscriptionSale): SubscriptionSale {
  if (next.id !== current.id) return current;
  if (isFinalSubscriptionStatus(current.status) && !isFinalSubscriptionStatus(next.status)) return current;
  return next.updatedAt >= current.updatedAt ? next : current;
}

/** Follows one sale: fetch on mount, then `subscription.changed` events, re-fetch after a reconnect. */
export function useSale(initial: SubscriptionSale) {
  const bridge = useBridge();
  const saleId = initial.id;
  const [sale, setSale] = useState(initial);
  const [loadError, setLoadError] = useState<AppError | null>(null);

  const accept = useCallback((next: SubscriptionSale) => setSale((current) => newerSubscriptionSale(current, next)), []);

  const refresh = useCallback(async () => {
    const result = await bridge.invoke('subscription.get', { saleId });
    if (result.ok) {
      accept(result.value);
      setLoadError(null);
    } else {
      setLoadError(result.error);
    }
  }, [bridge, saleId, accept]);

  // Subscribe before the first fetch so nothing can slip between the two.
  useEffect(
    () =>
      bridge.on('subscription.changed', (changed) => {
        if (changed.id === saleId) accept(changed);
      }),
    [bridge, saleId, accept],
  );
  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(
    () =>
      bridge.onConnectionChange((connected) => {
        if (connected) void refresh();
      }),
    [bridge, refresh],
  );

  const final = isFinalSubscriptionStatus(sale.status);
  useEffect(() => {
    if (final) return;
    const timer = setInterval(() => void refresh(), SAFETY_REFRESH_MS);
    return () => clearInterval(timer);
  }, [final, refresh]);

  return { sale, loadError, accept };
}
