import { useCallback, useState } from 'react';
import type { Sale } from '../../../shared/sale';
import { useBridge } from '../../bridge/bridge-context';

/**
 * Leaving an ended payment. "New sale" empties the counter (a paid cart is already empty; an
 * unpaid one is given up). "Back to the cart" keeps the goods for another try: the core keeps
 * an unpaid cart, and if it lost it (a restart) the sale's lines are put back at today's prices.
 */
export function useAfterPayment(sale: Sale, leave: () => void) {
  const bridge = useBridge();
  const [busy, setBusy] = useState(false);

  const newSale = useCallback(async () => {
    setBusy(true);
    // If this fails (say, another payment is waiting), the goods screen finds out and shows that.
    await bridge.invoke('cart.clear', {});
    setBusy(false);
    leave();
  }, [bridge, leave]);

  const backToCart = useCallback(async () => {
    setBusy(true);
    const cart = await bridge.invoke('cart.get', {});
    if (cart.ok && cart.value.lines.length === 0) {
      for (const line of sale.lines) await bridge.invoke('cart.add', { productId: line.productId, quantity: line.quantity });
    }
    setBusy(false);
    leave();
  }, [bridge, sale.lines, leave]);

  return { newSale, backToCart, busy };
}
