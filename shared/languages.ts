import { z } from 'zod';
import type { PhoneCountry } from './phone';

/**
 * The languages Kassa's screens speak. The shop's locale picks the default (nb-NO -> nb); a cashier
 * may choose another for the till (kept per member of staff), the customer another on the display.
 */
export const uiLanguages = ['nb', 'da', 'fi', 'en'] as const;
export const uiLanguageSchema = z.enum(uiLanguages);
export type UiLanguage = z.infer<typeof uiLanguageSchema>;

/** Each language named in itself, as a language menu shows it. */
export const languageNames: Record<UiLanguage, string> = {
  nb: 'Norsk bokmål',
  da: 'Dansk',
  fi: 'Suomi',
  en: 'English',
};

/** "nb-NO" -> nb, "no"/"nn" -> nb (the nearest we ship), "da-DK" -> da; anything else -> en. */
export function languageOfLocale(locale: string): UiLanguage {
  const language = locale.toLowerCase().split(/[-_]/)[0] ?? '';
  if (language === 'no' || language === 'nn' || language === 'nb') return 'nb';
  return (uiLanguages as readonly string[]).includes(language) ? (language as UiLanguage) : 'en';
}

/**
 * The wallet's name as the customer knows it: one API (Vipps MobilePay), two brands. Norway has
 * Vipps; Denmark and Finland have MobilePay.
 */
export type WalletBrand = 'Vipps' | 'MobilePay';
export const walletBrandOf: Record<PhoneCountry, WalletBrand> = { NO: 'Vipps', DK: 'MobilePay', FI: 'MobilePay' };
