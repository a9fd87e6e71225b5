import { useCallback, useEffect, useRef } from 'react';
import type { AppInfo } from '../../../shared/app-info';
import type { UiLanguage } from '../../../shared/languages';
import type { CustomerDisplay } from '../../../shared/sale';
import { applyLanguage, applyShopLanguage } from '../../i18n';

type Phase = CustomerDisplay['phase'];

/**
 * Whether the display has moved on from one customer to the next: their sale's outcome (which
 * stays up until the next cart starts) gives way to anything else. An empty cart is no sign of a
 * new customer: the screen passes through it on the way from the cart to the payment.
 */
export function isNextCustomer(before: Phase | null, after: Phase | null): boolean {
  const outcome = (phase: Phase | null) => phase === 'paid' || phase === 'not-paid';
  return outcome(before) && after !== null && !outcome(after);
}

/**
 * The display speaks the shop's language until the customer in front of it picks another, and
 * goes back to the shop's for the next customer, who should not be greeted in the last one's
 * language. The choice is this window's alone: the till's screens keep the cashier's language.
 */
export function useDisplayLanguage(shop: AppInfo['shop'] | null, phase: Phase | null) {
  const previousPhase = useRef(phase);

  useEffect(() => {
    const before = previousPhase.current;
    previousPhase.current = phase;
    if (shop && isNextCustomer(before, phase)) void applyShopLanguage(shop);
  }, [shop, phase]);

  return useCallback((language: UiLanguage) => void applyLanguage(language), []);
}
