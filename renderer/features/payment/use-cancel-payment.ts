import { useCallback, useRef, useState } from 'react';
import type { AppError } from '../../../shared/result';
import type { Sale } from '../../../shared/sale';
import { useBridge } from '../../bridge/bridge-context';

export function useCancelPayment(saleId: string, accept: (sale: Sale) => void) {
  const bridge = useBridge();
  const inFlight = useRef(false);
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const cancel = useCallback(async (): Promise<boolean> => {
    if (inFlight.current) return false;
    inFlight.current = true;
    setCancelling(true);
    setError(null);
    const result = await bridge.invoke('sale.cancel', { saleId });
    inFlight.current = false;
    setCancelling(false);
    if (result.ok) accept(result.value);
    else setError(result.error);
    return result.ok;
  }, [bridge, saleId, accept]);

  return { cancel, cancelling, error };
}
