import { useCallback, useRef, useState } from 'react';
import type { PlanCatalogue } from '../../../shared/catalogue';
import type { AppError } from '../../../shared/result';
import { useBridge } from '../../bridge/bridge-context';

export interface CatalogueState {
  catalogue: PlanCatalogue | null;
  error: AppError | null;
  loading: boolean;
}

/**
 * The plan list. Kept above the new-sale screen so going back to it after a sale shows the plans
 * at once while a fresh copy loads; a failed reload keeps the plans already shown.
 */
export function useCatalogue() {
  const bridge = useBridge();
  const [state, setState] = useState<CatalogueState>({ catalogue: null, error: null, loading: false });
  // Only the newest request may write, so a slow answer cannot overwrite a newer one.
  const latest = useRef(0);

  const load = useCallback(
    async (refresh = false) => {
      const request = ++latest.current;
      setState((s) => ({ ...s, loading: true }));
      const result = await bridge.invoke('catalogue.plans', refresh ? { refresh: true } : {});
      if (request !== latest.current) return;
      setState((s) =>
        result.ok ? { catalogue: result.value, error: null, loading: false } : { catalogue: s.catalogue, error: result.error, loading: false },
      );
    },
    [bridge],
  );

  return { ...state, load };
}

export type Catalogue = ReturnType<typeof useCatalogue>;
