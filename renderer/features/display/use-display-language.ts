import { useCallback, useEffect, useRef } from 'react';
import type { AppInfo } from '../../../shared/app-info';
import type { UiLanguage } from '../../../shared/languages';
import type { CustomerDisplay } from '../../../shared/sale';
import { applyLanguage, applyShopLanguage } from '../../i18n';
import { isNextCustomer } from './next-customer';

/**
 * The display speaks the shop's language until the customer in front of it picks another, and
 * goes back to the shop's for the next customer, who should not be greeted in the last one's
 * language. The choice is this window's alone: the till's screens keep the cashier's language.
 */
export function useDisplayLanguage(shop: AppInfo['shop'] | null, phase: CustomerDisplay['phase'] | null) {
  const previousPhase = useRef(phase);

  useEffect(() => {
    const before = previousPhase.current;
    previousPhase.current = phase;
    if (shop && isNextCustomer(before, phase)) void applyShopLanguage(shop);
  }, [shop, phase]);

  return useCallback((language: UiLanguage) => void applyLanguage(language), []);
}
