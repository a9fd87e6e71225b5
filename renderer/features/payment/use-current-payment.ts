import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../../../shared/result';
import { isFinalSaleStatus, type Sale } from '../../../shared/sale';
import { useBridge } from '../../bridge/bridge-context';
import { newerSale } from './newer-sale';

/** Events are the main path; this re-fetch only catches one that was lost. The core is local. */
const SAFETY_REFRESH_MS = 10_000;

/**
 * The one-off payment the till is busy with, from "sent" to its receipt. Kept above the screens so
 * the cashier can look at today's sales while a customer approves, and come back to it.
 */
export function useCurrentPayment(initial: Sale | null) {
  const bridge = useBridge();
  const [sale, setSale] = useState<Sale | null>(initial);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const saleId = sale?.id ?? null;
  const final = sale ? isFinalSaleStatus(sale.status) : true;

  const accept = useCallback((next: Sale) => setSale((current) => (current ? newerSale(current, next) : current)), []);
  /** Start following a sale (just started, or found waiting). */
  const follow = useCallback((next: Sale) => setSale((current) => (current?.id === next.id ? newerSale(current, next) : next)), []);
  const clear = useCallback(() => {
    setSale(null);
    setLoadError(null);
  }, []);

  /**
   * One customer at a time: a payment already waiting (after a restart, or started elsewhere on
   * this till) is shown instead of an empty cart. Not knowing is not a reason to block selling:
   * the core refuses a second payment anyway (CONFLICT), and that path lands here again.
   */
  const adoptWaiting = useCallback(async (): Promise<Sale | null> => {
    const result = await bridge.invoke('sale.current', {});
    if (!result.ok || !result.value) return null;
    follow(result.value);
    return result.value;
  }, [bridge, follow]);

  const refresh = useCallback(async () => {
    if (!saleId) return;
    const result = await bridge.invoke('sale.get', { saleId });
    if (result.ok) {
      accept(result.value);
      setLoadError(null);
    } else {
      setLoadError(result.error);
    }
  }, [bridge, saleId, accept]);

  // Subscribe before the first fetch so nothing can slip between the two.
  useEffect(() => bridge.on('sale.changed', accept), [bridge, accept]);
  useEffect(() => {
    if (!final) void refresh();
  }, [final, refresh]);
  useEffect(
    () =>
      bridge.onConnectionChange((connected) => {
        if (!connected) return;
        if (saleId) void refresh();
        else void adoptWaiting();
      }),
    [bridge, saleId, refresh, adoptWaiting],
  );
  useEffect(() => {
    if (final) return;
    const timer = setInterval(() => void refresh(), SAFETY_REFRESH_MS);
    return () => clearInterval(timer);
  }, [final, refresh]);

  return { sale, loadError, accept, follow, clear, adoptWaiting };
}

export type CurrentPayment = ReturnType<typeof useCurrentPayment>;
