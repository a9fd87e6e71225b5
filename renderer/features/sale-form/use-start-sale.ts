import { useCallback, useRef, useState } from 'react';
import type { AppError } from '../../../shared/result';
import { isFinalSubscriptionStatus, type StartSubscriptionRequest, type SubscriptionSale } from '../../../shared/subscription';
import { useBridge } from '../../bridge/bridge-context';

/** Starts a sale once, however many times the button is hit. */
export function useStartSale(onStarted: (sale: SubscriptionSale) => void) {
  const bridge = useBridge();
  // A ref, not state: two taps in the same frame both see the old state, but not the old ref.
  const inFlight = useRef(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const start = useCallback(
    async (request: StartSubscriptionRequest, msisdn: string) => {
      if (inFlight.current) return;
      inFlight.current = true;
      setSubmitting(true);
      setError(null);
      const result = await bridge.invoke('subscription.start', request);
      if (result.ok) return onStarted(result.value); // this screen goes away; stay locked.

      if (result.error.code === 'INTERNAL') {
        // The answer was lost, but the request may have reached the core and a push may be on its
        // way. If the core has this very sale waiting, follow it instead of inviting a second push.
        const current = await bridge.invoke('subscription.current', {});
        const sale = current.ok ? current.value : null;
        if (sale && !isFinalSubscriptionStatus(sale.status) && sale.plan.id === request.planId && sale.phone.msisdn === msisdn) {
          return onStarted(sale);
        }
      }
      inFlight.current = false;
      setSubmitting(false);
      setError(result.error);
    },
    [bridge, onStarted],
  );

  const clearError = useCallback(() => setError(null), []);
  return { start, submitting, error, clearError };
}
