import { useCallback, useRef, useState } from 'react';
import type { AppError, Result } from '../../../shared/result';
import type { Sale } from '../../../shared/sale';
import { isLostAnswer, useIntention, type IntentionRequest } from '../../bridge/use-intention';

export type PayMethod = 'push' | 'qr' | 'cash';

/**
 * Starts one payment, however many times a button is hit. Each request carries a client request
 * id, so a retry after a lost answer is the same payment, never a second one. When the core says
 * another payment is waiting (CONFLICT), or the answer never came, it looks before it reports: if
 * a payment for this till is waiting, that is the one to show, not a form that invites a second
 * request.
 */
export function useStartPayment(onStarted: (sale: Sale) => void, adoptWaiting: () => Promise<Sale | null>) {
  const startPayment = useIntention('payment.start');
  const payInCash = useIntention('payment.cash');
  // A ref, not state: two taps in the same frame both see the old state, but not the old ref.
  const inFlight = useRef(false);
  const [starting, setStarting] = useState<PayMethod | null>(null);
  const [error, setError] = useState<{ method: PayMethod; error: AppError } | null>(null);

  const run = useCallback(
    async (method: PayMethod, call: () => Promise<Result<Sale>>) => {
      if (inFlight.current) return;
      inFlight.current = true;
      setStarting(method);
      setError(null);
      const result = await call();
      if (result.ok) return onStarted(result.value); // this screen goes away; stay locked.
      const found = result.error.code === 'CONFLICT' || isLostAnswer(result.error) ? await adoptWaiting() : null;
      if (found) return onStarted(found);
      inFlight.current = false;
      setStarting(null);
      setError({ method, error: result.error });
    },
    [onStarted, adoptWaiting],
  );

  const start = useCallback(
    (request: IntentionRequest<'payment.start'>) => run(request.method, () => startPayment(request)),
    [run, startPayment],
  );

  const payCash = useCallback((tendered: number) => run('cash', () => payInCash({ tendered })), [run, payInCash]);

  const clearError = useCallback(() => setError(null), []);
  return { start, payCash, starting, error, clearError };
}
