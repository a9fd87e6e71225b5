import { useCallback, useRef, useState } from 'react';
import type { AppError } from '../../../shared/result';
import type { Sale } from '../../../shared/sale';
import { useBridge } from '../../bridge/bridge-context';
import { isLostAnswer, useIntention } from '../../bridge/use-intention';
import { useWithManager } from '../staff/use-with-manager';

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
  const { withManager, approvalDialog } = useWithManager();
  const inFlight = useRef(false);
  const [refunding, setRefunding] = useState(false);
  const [error, setError] = useState<RefundError | null>(null);

  const refund = useCallback(
    /** `what` names the refund for the manager who approves it, when a cashier asks. */
    async (amount: number, what: string): Promise<boolean> => {
      if (inFlight.current) return false;
      inFlight.current = true;
      setRefunding(true);
      setError(null);
      const result = await withManager(what, (approval) => refundSale({ saleId, amount, ...(approval ? { approval } : {}) }));
      if (result === null) {
        // No manager approved it: nothing was sent, nothing to say.
        inFlight.current = false;
        setRefunding(false);
        return false;
      }
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
    [bridge, refundSale, withManager, saleId, onChanged],
  );

  const clearError = useCallback(() => setError(null), []);
  return { refund, refunding, error, clearError, approvalDialog };
}
