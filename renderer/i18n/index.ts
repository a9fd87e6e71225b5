import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { languageOfLocale, uiLanguages, type UiLanguage, type WalletBrand } from '../../shared/languages';
import da from './da.json';
import en from './en.json';
import fi from './fi.json';
import nb from './nb.json';
import { pseudoResource } from './pseudo';
import { setErrorFormatting } from './error-text';
import type { Currency } from '../../shared/money';

/**
 * The UI languages Kassa ships, complete (test/unit/i18n-catalogues.test.ts holds every file to
 * en.json's keys and placeholders). `en-XA` is the pseudo-locale: accented, 40 % longer English for
 * screenshot tests that find cut-off and untranslated text; it is never offered in production.
 */
export const uiResources = {
  en: { translation: en },
  nb: { translation: nb },
  da: { translation: da },
  fi: { translation: fi },
  'en-XA': { translation: pseudoResource(en) },
} as const;

export type ScreenLanguage = UiLanguage | 'en-XA';

/**
 * `{{wallet}}` in any text is the brand the customer knows in this shop's country (Vipps in Norway,
 * MobilePay in Denmark and Finland). One object, filled once the till knows its country: i18next
 * reads it on every t() call.
 */
const defaultVariables: { wallet: WalletBrand | 'Vipps MobilePay' } = { wallet: 'Vipps MobilePay' };

// Initialised at import time so even the start-up screen and the bridge's own messages are translated.
void i18next.use(initReactI18next).init({
  resources: uiResources,
  lng: 'en',
  supportedLngs: [...uiLanguages, 'en-XA'],
  // Norwegian locales are often written 'no' or 'nn'; both find the bokmål file.
  fallbackLng: { no: ['nb', 'en'], nn: ['nb', 'en'], default: ['en'] },
  interpolation: { escapeValue: false, defaultVariables }, // React escapes what it renders.
  initAsync: false,
  returnNull: false,
});

/** The brand every `{{wallet}}` says from now on. */
export function setWalletBrand(wallet: WalletBrand): void {
  defaultVariables.wallet = wallet;
}

/** On when a test asked for the pseudo-locale at start-up (pseudoLocaleAsked): every language then becomes it. */
let pseudoLocale = false;
export function enablePseudoLocale(): void {
  pseudoLocale = true;
}

/** Switches the screens to a language and tells the page (lang attribute for screen readers and hyphenation). */
export async function applyLanguage(language: string): Promise<void> {
  await i18next.changeLanguage(pseudoLocale ? 'en-XA' : language);
  document.documentElement.lang = i18next.resolvedLanguage ?? 'en';
}

/** Switches the UI to the shop's default language and brand. */
export async function applyShopLanguage(shop: { locale: string; currency: Currency; language?: UiLanguage; wallet: WalletBrand }): Promise<void> {
  setWalletBrand(shop.wallet);
  setErrorFormatting(shop.locale, shop.currency);
  await applyLanguage(shop.language ?? languageOfLocale(shop.locale));
}

export { i18next as i18n };
