import { useCallback, useRef, useState } from 'react';
import type { AppError } from '../../../shared/result';
import type { SubscriptionSale } from '../../../shared/subscription';
import { useIntention, type IntentionRequest } from '../../bridge/use-intention';

/**
 * Starts a sale once, however many times the button is hit. The request carries a client request
 * id: if its answer is lost, the retry (and the cashier's next press) reaches the same sale, so
 * the customer never gets a second push.
 */
export function useStartSale(onStarted: (sale: SubscriptionSale) => void) {
  const startSubscription = useIntention('subscription.start');
  // A ref, not state: two taps in the same frame both see the old state, but not the old ref.
  const inFlight = useRef(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const start = useCallback(
    async (request: IntentionRequest<'subscription.start'>) => {
      if (inFlight.current) return;
      inFlight.current = true;
      setSubmitting(true);
      setError(null);
      const result = await startSubscription(request);
      if (result.ok) return onStarted(result.value); // this screen goes away; stay locked.
      inFlight.current = false;
      setSubmitting(false);
      setError(result.error);
    },
    [startSubscription, onStarted],
  );

  const clearError = useCallback(() => setError(null), []);
  return { start, submitting, error, clearError };
}
