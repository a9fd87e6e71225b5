import { useLive } from '../../bridge/use-live';
import { useCallback, useRef, useState } from 'react';
import type { Cart } from '../../../shared/cart';
import type { AppError, Result } from '../../../shared/result';
import { useBridge } from '../../bridge/bridge-context';

/**
 * The cart on the counter, which lives in the core. Every change goes through one queue, so the
 * answers come back in the order the cashier (or the scanner) acted and the last one is the
 * newest; `cart.changed` events, which arrive in order on their own channel, keep it current too.
 */
export function useCart() {
  const bridge = useBridge();
  const [cart, setCart] = useState<Cart | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const latest = useRef<Cart | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const apply = useCallback((next: Cart) => {
    latest.current = next;
    setCart(next);
  }, []);

  const run = useCallback(
    (call: () => Promise<Result<Cart>>): Promise<Result<Cart>> => {
      // Bridge calls never throw, so one failure cannot stall the queue.
      const done = queue.current.then(call).then((result) => {
        if (result.ok) apply(result.value);
        return result;
      });
      queue.current = done;
      return done;
    },
    [apply],
  );

  /** Runs a change and reports its failure in the cart's own notice. */
  const change = useCallback(
    async (call: () => Promise<Result<Cart>>) => {
      const result = await run(call);
      setError(result.ok ? null : result.error);
      return result;
    },
    [run],
  );

  const load = useCallback(async () => {
    const result = await run(() => bridge.invoke('cart.get', {}));
    if (!result.ok) setError(result.error);
  }, [bridge, run]);

  useLive('cart.changed', apply, load);

  return {
    cart,
    error,
    dismissError: useCallback(() => setError(null), []),
    addProduct: useCallback((productId: string) => change(() => bridge.invoke('cart.add', { productId })), [bridge, change]),
    /** A scan's failure belongs to the barcode field, so it is returned rather than shown here. */
    addBarcode: useCallback((barcode: string) => run(() => bridge.invoke('cart.add', { barcode })), [bridge, run]),
    // "+" adds in the core (no read-modify-write), so two quick taps make two more, not one.
    increment: useCallback((productId: string) => change(() => bridge.invoke('cart.add', { productId })), [bridge, change]),
    // "-" reads the quantity when its turn in the queue comes, not when it was tapped.
    decrement: useCallback(
      (productId: string) =>
        change(() => {
          const quantity = latest.current?.lines.find((line) => line.productId === productId)?.quantity ?? 0;
          return quantity > 0 ? bridge.invoke('cart.setQuantity', { productId, quantity: quantity - 1 }) : bridge.invoke('cart.get', {});
        }),
      [bridge, change],
    ),
    remove: useCallback((productId: string) => change(() => bridge.invoke('cart.setQuantity', { productId, quantity: 0 })), [bridge, change]),
    clear: useCallback(() => change(() => bridge.invoke('cart.clear', {})), [bridge, change]),
  };
}

export type CartState = ReturnType<typeof useCart>;
