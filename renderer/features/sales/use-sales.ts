import { useCallback } from 'react';
import { useBridge } from '../../bridge/bridge-context';
import { newerSale } from '../payment/newer-sale';
import { useDayList } from './use-day-list';

/** Today's sales on this till, newest first, kept current by `sale.changed`. */
export function useSales() {
  const bridge = useBridge();
  const fetchList = useCallback(() => bridge.invoke('sales.list', {}), [bridge]);
  const { items, ...rest } = useDayList(fetchList, 'sale.changed', newerSale);
  return { sales: items, ...rest };
}
