import { useCallback, useRef, useState } from 'react';
import type { AppError, Result } from '../../../shared/result';
import type { Sale, StartPaymentRequest } from '../../../shared/sale';
import { useBridge } from '../../bridge/bridge-context';

export type PayMethod = 'push' | 'qr' | 'cash';

/**
 * Starts one payment, however many times a button is hit. When the answer is lost (INTERNAL) or
 * the core says another payment is waiting (CONFLICT), it looks before it reports: if a payment
 * for this till is waiting, that is the one to show, not a form that invites a second request.
 */
export function useStartPayment(onStarted: (sale: Sale) => void, adoptWaiting: () => Promise<Sale | null>) {
  const bridge = useBridge();
  // A ref, not state: two taps in the same frame both see the old state, but not the old ref.
  const inFlight = useRef(false);
  const [starting, setStarting] = useState<PayMethod | null>(null);
  const [error, setError] = useState<{ method: PayMethod; error: AppError } | null>(null);

  const run = useCallback(
    async (method: PayMethod, call: () => Promise<Result<Sale>>, recover: (error: AppError) => Promise<Sale | null>) => {
      if (inFlight.current) return;
      inFlight.current = true;
      setStarting(method);
      setError(null);
      const result = await call();
      if (result.ok) return onStarted(result.value); // this screen goes away; stay locked.
      const found = await recover(result.error);
      if (found) return onStarted(found);
      inFlight.current = false;
      setStarting(null);
      setError({ method, error: result.error });
    },
    [onStarted],
  );

  const recoverWaiting = useCallback(
    (error: AppError) => (error.code === 'CONFLICT' || error.code === 'INTERNAL' ? adoptWaiting() : Promise.resolve(null)),
    [adoptWaiting],
  );

  const start = useCallback(
    (request: StartPaymentRequest) => run(request.method, () => bridge.invoke('payment.start', request), recoverWaiting),
    [bridge, run, recoverWaiting],
  );

  const payCash = useCallback(
    (tendered: number) => {
      const startedAt = Date.now();
      return run(
        'cash',
        () => bridge.invoke('payment.cash', { tendered }),
        async (error) => {
          if (error.code === 'CONFLICT') return adoptWaiting();
          if (error.code !== 'INTERNAL') return null;
          // A cash sale is completed at once, so it is not "waiting": look for it among today's.
          const recent = await bridge.invoke('sales.list', { limit: 5 });
          if (!recent.ok) return null;
          return recent.value.find((sale) => sale.tender === 'cash' && sale.cash?.tendered === tendered && sale.createdAt >= startedAt - 5_000) ?? null;
        },
      );
    },
    [bridge, run, adoptWaiting],
  );

  const clearError = useCallback(() => setError(null), []);
  return { start, payCash, starting, error, clearError };
}
