import { useCallback, useRef, useState } from 'react';
import type { ProductCatalogue } from '../../../shared/product';
import type { AppError } from '../../../shared/result';
import { useBridge } from '../../bridge/bridge-context';

export interface ProductsState {
  catalogue: ProductCatalogue | null;
  error: AppError | null;
  loading: boolean;
}

/**
 * The goods for sale. Kept above the goods screen so coming back to it shows the grid at once while
 * a fresh copy loads; a failed reload keeps what is already shown.
 */
export function useProducts() {
  const bridge = useBridge();
  const [state, setState] = useState<ProductsState>({ catalogue: null, error: null, loading: false });
  // Only the newest request may write, so a slow answer cannot overwrite a newer one.
  const latest = useRef(0);

  const load = useCallback(
    async (refresh = false) => {
      const request = ++latest.current;
      setState((s) => ({ ...s, loading: true }));
      const result = await bridge.invoke('products.list', refresh ? { refresh: true } : {});
      if (request !== latest.current) return;
      setState((s) =>
        result.ok ? { catalogue: result.value, error: null, loading: false } : { catalogue: s.catalogue, error: result.error, loading: false },
      );
    },
    [bridge],
  );

  return { ...state, load };
}

export type Products = ReturnType<typeof useProducts>;
