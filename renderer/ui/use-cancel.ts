import { useCallback, useRef, useState } from 'react';
import type { InvokeRequest, InvokeResponse } from '../../shared/contract';
import type { AppError } from '../../shared/result';
import { useBridge } from '../bridge/bridge-context';

type CancelCall = 'sale.cancel' | 'subscription.cancel';

/**
 * Cancels a waiting sale (a payment or a subscription) once, however often the cashier taps:
 * a second tap while the first is on its way does nothing.
 */
export function useCancel<N extends CancelCall>(call: N, saleId: string, accept: (sale: InvokeResponse<N>) => void) {
  const bridge = useBridge();
  const inFlight = useRef(false);
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const cancel = useCallback(async (): Promise<boolean> => {
    if (inFlight.current) return false;
    inFlight.current = true;
    setCancelling(true);
    setError(null);
    const result = await bridge.invoke(call, { saleId } as InvokeRequest<N>);
    inFlight.current = false;
    setCancelling(false);
    if (result.ok) accept(result.value as InvokeResponse<N>);
    else setError(result.error);
    return result.ok;
  }, [bridge, call, saleId, accept]);

  return { cancel, cancelling, error };
}
