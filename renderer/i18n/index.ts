import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';

/**
 * The UI languages Kassa ships. To add one: put its JSON file (same keys as en.json) next to this
 * one and add one line here, e.g. `nb: { translation: nb },`. Only English ships today; a shop
 * whose locale has no file falls back to English while numbers, money and dates still follow the
 * shop's locale (see format/).
 */
export const uiResources = {
  en: { translation: en },
} as const;

// Initialised at import time so even the start-up screen and the bridge's own messages are translated.
void i18next.use(initReactI18next).init({
  resources: uiResources,
  lng: 'en',
  // Norwegian locales are often written 'no' or 'nn'; both should find a future 'nb' file.
  fallbackLng: { no: ['nb', 'en'], nn: ['nb', 'en'], default: ['en'] },
  interpolation: { escapeValue: false }, // React escapes what it renders.
  initAsync: false,
  returnNull: false,
});

/** Switches the UI to the shop's language when a file for it exists, and tells the page. */
export async function applyShopLanguage(locale: string): Promise<void> {
  await i18next.changeLanguage(locale);
  document.documentElement.lang = i18next.resolvedLanguage ?? 'en';
}

export { i18next as i18n };
