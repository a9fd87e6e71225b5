import { useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/app-info';
import type { AppError } from '../../../shared/result';
import type { Sale } from '../../../shared/sale';
import type { SubscriptionSale } from '../../../shared/subscription';
import { useBridge } from '../../bridge/bridge-context';
import { applyShopLanguage, i18n } from '../../i18n';

export type Startup =
  | { state: 'loading' }
  | { state: 'failed'; error: AppError }
  | { state: 'ready'; info: AppInfo; waitingSale: SubscriptionSale | null; waitingPayment: Sale | null };

/**
 * What the till needs before it can sell: who it is, and whether a subscription sale or a payment
 * was still waiting when it stopped (a restart mid-sale must land on that sale, not on a fresh
 * form that invites a second push).
 */
export function useStartup() {
  const bridge = useBridge();
  const [startup, setStartup] = useState<Startup>({ state: 'loading' });

  const run = useCallback(async () => {
    setStartup({ state: 'loading' });
    const [info, current, payment] = await Promise.all([
      bridge.invoke('app.info', {}),
      bridge.invoke('subscription.current', {}),
      bridge.invoke('sale.current', {}),
    ]);
    if (!info.ok) return setStartup({ state: 'failed', error: info.error });
    // Not knowing whether a sale is waiting is a reason to stop: guessing "none" risks a double sale.
    if (!current.ok) return setStartup({ state: 'failed', error: current.error });
    if (!payment.ok) return setStartup({ state: 'failed', error: payment.error });
    await applyShopLanguage(info.value.shop.locale);
    document.title = i18n.t('app.title', { shop: info.value.shop.name });
    setStartup({ state: 'ready', info: info.value, waitingSale: current.value, waitingPayment: payment.value });
  }, [bridge]);

  useEffect(() => {
    void run();
  }, [run]);

  return { startup, retry: run };
}
