import { useLive } from '../../bridge/use-live';
import { useCallback, useRef, useState } from 'react';
import type { AppError } from '../../../shared/result';
import type { Sale } from '../../../shared/sale';
import { useBridge } from '../../bridge/bridge-context';
import { newerSale } from '../payment/newer-sale';

const byNewest = (a: Sale, b: Sale) => b.createdAt - a.createdAt;

/** Today's sales on this till, newest first, kept current by `sale.changed`. */
export function useSales() {
  const bridge = useBridge();
  const [sales, setSales] = useState<Sale[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);

  const upsert = useCallback((sale: Sale) => {
    setSales((current) => {
      if (!current) return current;
      const known = current.find((s) => s.id === sale.id);
      if (!known) return [sale, ...current].sort(byNewest);
      return current.map((s) => (s.id === sale.id ? newerSale(s, sale) : s));
    });
  }, []);

  const load = useCallback(async () => {
    const request = ++latest.current;
    setLoading(true);
    const result = await bridge.invoke('sales.list', {});
    if (request !== latest.current) return;
    setLoading(false);
    if (result.ok) {
      setSales(result.value);
      setError(null);
    } else {
      setError(result.error);
    }
  }, [bridge]);

  useLive('sale.changed', upsert, load);

  return { sales, error, loading, load, upsert };
}
