import { useEffect, useRef, useState } from 'react';
import type { Cart } from '../../../shared/cart';

/**
 * The line the last scan or tap touched (added, or its quantity changed), so the cart can keep it
 * in view: with more lines than fit, the cashier still sees what the scanner just did.
 */
export function useLastChangedLine(cart: Cart | null): string | null {
  const previous = useRef<Map<string, number> | null>(null);
  const [changed, setChanged] = useState<string | null>(null);

  useEffect(() => {
    if (!cart) return;
    const before = previous.current;
    previous.current = new Map(cart.lines.map((line) => [line.productId, line.quantity]));
    if (!before) return;
    const touched = cart.lines.find((line) => before.get(line.productId) !== line.quantity);
    if (touched) setChanged(touched.productId);
    else if (cart.lines.length === 0) setChanged(null);
  }, [cart]);

  return changed;
}
