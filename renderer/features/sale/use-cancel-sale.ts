import { useCallback, useRef, useState } from 'react';
import type { AppError } from '../../../shared/result';
import type { SubscriptionSale } from '../../../shared/subscription';
import { useBridge } from '../../bridge/bridge-context';

export function useCancelSale(saleId: string, accept: (sale: SubscriptionSale) => void) {
  const bridge = useBridge();
  const inFlight = useRef(false);
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const cancel = useCallback(async (): Promise<boolean> => {
    if (inFlight.current) return false;
    inFlight.current = true;
    setCancelling(true);
    setError(null);
    const result = await bridge.invoke('subscription.cancel', { saleId });
    inFlight.current = false;
    setCancelling(false);
    if (result.ok) accept(result.value);
    else setError(result.error);
    return result.ok;
  }, [bridge, saleId, accept]);

  return { cancel, cancelling, error };
}
