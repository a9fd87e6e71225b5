import { useCallback, useRef, useState } from 'react';
import type { AppError } from '../../../shared/result';
import type { Sale } from '../../../shared/sale';
import { useBridge } from '../../bridge/bridge-context';
import { isLostAnswer, useIntention } from '../../bridge/use-intention';

export interface RefundError {
  error: AppError;
  /** The answer was lost: the refund may have been made. The list below is re-read to show it. */
  uncertain: boolean;
}

/**
 * One refund at a time, however many times Confirm is hit. The refund carries a client request id,
 * so a retry after a lost answer is the same refund: the customer is never paid back twice.
 */
export function useRefund(saleId: string, onChanged: (sale: Sale) => void) {
  const bridge = useBridge();
  const refundSale = useIntention('sale.refund');
  const inFlight = useRef(false);
  const [refunding, setRefunding] = useState(false);
  const [error, setError] = useState<RefundError | null>(null);

  const refund = useCallback(
    async (amount: number): Promise<boolean> => {
      if (inFlight.current) return false;
      inFlight.current = true;
      setRefunding(true);
      setError(null);
      const result = await refundSale({ saleId, amount });
      if (result.ok) {
        onChanged(result.value);
      } else {
        const uncertain = isLostAnswer(result.error);
        // Whatever happened, show the refunds as the core has them now.
        const fresh = await bridge.invoke('sale.get', { saleId });
        if (fresh.ok) onChanged(fresh.value);
        setError({ error: result.error, uncertain });
      }
      inFlight.current = false;
      setRefunding(false);
      return result.ok;
    },
    [bridge, refundSale, saleId, onChanged],
  );

  const clearError = useCallback(() => setError(null), []);
  return { refund, refunding, error, clearError };
}
