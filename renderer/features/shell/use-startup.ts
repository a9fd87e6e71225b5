import { useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/app-info';
import type { AppError } from '../../../shared/result';
import type { Sale } from '../../../shared/sale';
import type { SubscriptionSale } from '../../../shared/subscription';
import { useBridge } from '../../bridge/bridge-context';
import { applyShopLanguage, enablePseudoLocale, i18n } from '../../i18n';
import { pseudoLocaleAsked } from '../../i18n/pseudo';

export type Startup = { state: 'loading' } | { state: 'failed'; error: AppError } | { state: 'ready'; info: AppInfo };

/** Who the till is and which language it speaks: what the sign-in screen needs already. */
export function useStartup() {
  const bridge = useBridge();
  const [startup, setStartup] = useState<Startup>({ state: 'loading' });

  const run = useCallback(async () => {
    setStartup({ state: 'loading' });
    const info = await bridge.invoke('app.info', {});
    if (!info.ok) return setStartup({ state: 'failed', error: info.error });
    if (pseudoLocaleAsked(window.location.search, info.value.mode)) enablePseudoLocale();
    await applyShopLanguage(info.value.shop);
    document.title = i18n.t('app.title', { shop: info.value.shop.name });
    setStartup({ state: 'ready', info: info.value });
  }, [bridge]);

  useEffect(() => {
    void run();
  }, [run]);

  return { startup, retry: run };
}

export type Waiting =
  | { state: 'loading' }
  | { state: 'failed'; error: AppError }
  | { state: 'ready'; waitingSale: SubscriptionSale | null; waitingPayment: Sale | null };

/**
 * Whether a subscription sale or a payment was still waiting when the till stopped (or when the
 * last cashier signed out): a restart or a switch mid-sale must land on that sale, not on a fresh
 * form that invites a second push.
 */
export function useWaiting() {
  const bridge = useBridge();
  const [waiting, setWaiting] = useState<Waiting>({ state: 'loading' });

  const run = useCallback(async () => {
    setWaiting({ state: 'loading' });
    const [current, payment] = await Promise.all([bridge.invoke('subscription.current', {}), bridge.invoke('sale.current', {})]);
    // Not knowing whether a sale is waiting is a reason to stop: guessing "none" risks a double sale.
    if (!current.ok) return setWaiting({ state: 'failed', error: current.error });
    if (!payment.ok) return setWaiting({ state: 'failed', error: payment.error });
    setWaiting({ state: 'ready', waitingSale: current.value, waitingPayment: payment.value });
  }, [bridge]);

  useEffect(() => {
    void run();
  }, [run]);

  return { waiting, retry: run };
}
