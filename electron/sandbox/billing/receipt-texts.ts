/**
 * The words of the customer's receipt page, in the languages Kassa's kiosk speaks. The sandbox plays
 * the billing backend, not the renderer, so it keeps this small table of its own instead of reading
 * renderer/i18n; a unit test holds every language to English's keys and placeholders.
 */
import { languageOfLocale, type UiLanguage } from '../../../shared/languages';
import { minorUnitDigits, minorUnitsToDecimal, type Currency } from '../../../shared/money';

export interface ReceiptTexts {
  /** The page's title and heading for a recorded sale. */
  title: string;
  waitingTitle: string;
  waitingBody: string;
  total: string;
  /** A VAT line under the total: the VAT included at one rate. */
  vat: string;
  /** The small print: which receipt, when. */
  footer: string;
}

export const receiptTexts: Record<UiLanguage, ReceiptTexts> = {
  en: {
    title: 'Receipt {{number}}',
    waitingTitle: 'Receipt on its way',
    waitingBody: 'The receipt is on its way. Try again in a minute.',
    total: 'Total',
    vat: 'Of which VAT {{rate}}',
    footer: 'Receipt {{number}} · {{when}}',
  },
  nb: {
    title: 'Kvittering {{number}}',
    waitingTitle: 'Kvitteringen er på vei',
    waitingBody: 'Kvitteringen er på vei. Prøv igjen om et minutt.',
    total: 'Totalt',
    vat: 'Herav mva. {{rate}}',
    footer: 'Kvittering {{number}} · {{when}}',
  },
  da: {
    title: 'Kvittering {{number}}',
    waitingTitle: 'Kvitteringen er på vej',
    waitingBody: 'Kvitteringen er på vej. Prøv igen om et minut.',
    total: 'I alt',
    vat: 'Heraf moms {{rate}}',
    footer: 'Kvittering {{number}} · {{when}}',
  },
  fi: {
    title: 'Kuitti {{number}}',
    waitingTitle: 'Kuitti on tulossa',
    waitingBody: 'Kuitti on tulossa. Yritä uudelleen hetken kuluttua.',
    total: 'Yhteensä',
    vat: 'Josta ALV {{rate}}',
    footer: 'Kuitti {{number}} · {{when}}',
  },
};

/** A text with its `{{name}}` placeholders filled; the values are already escaped for HTML. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
}

/** A language tag Kassa ships ("nb-NO" -> nb, "no" -> nb), or null for one it does not. */
function shipped(tag: string): UiLanguage | null {
  const language = languageOfLocale(tag.trim());
  // languageOfLocale answers en for anything unknown; only a tag that really says English is English.
  if (language === 'en' && !/^en\b/i.test(tag.trim())) return null;
  return language;
}

/** Accept-Language's tags, most wanted first (RFC 9110 §12.5.4: `q` weights, 1 when absent, 0 = never). */
function wanted(acceptLanguage: string): string[] {
  return acceptLanguage
    .split(',')
    .map((entry, order) => {
      const [tag = '', ...params] = entry.split(';').map((part) => part.trim());
      const q = params.find((param) => param.startsWith('q='));
      return { tag, weight: q ? Number(q.slice(2)) : 1, order };
    })
    .filter((entry) => entry.tag !== '' && entry.tag !== '*' && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order)
    .map((entry) => entry.tag);
}

/**
 * The receipt's language: the kiosk's `lang` (the language the customer chose at the kiosk, put
 * into the QR's address), else the phone's Accept-Language, else English.
 */
export function receiptLanguage(lang: string | undefined, acceptLanguage: string | undefined): UiLanguage {
  for (const tag of [lang ?? '', ...wanted(acceptLanguage ?? '')]) {
    const language = tag ? shipped(tag) : null;
    if (language) return language;
  }
  return 'en';
}

/** Where a currency's shops are: the region for number formats and the clock a receipt's time is told in. */
const shopRegion: Record<Currency, { country: string; timeZone: string }> = {
  NOK: { country: 'NO', timeZone: 'Europe/Oslo' },
  DKK: { country: 'DK', timeZone: 'Europe/Copenhagen' },
  EUR: { country: 'FI', timeZone: 'Europe/Helsinki' },
};

/** Money, numbers, VAT rates and times as a customer reading `language` in the shop's country expects them. */
export function receiptFormat(language: UiLanguage, currency: Currency) {
  const region = shopRegion[currency];
  const locale = `${language}-${region.country}`;
  const digits = minorUnitDigits[currency];
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
  const count = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  const moment = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: region.timeZone });
  return {
    /** Minor units (øre, cents) to "199,00 kr"; Intl formats the decimal string exactly, never through a float. */
    money: (minorUnits: number) => money.format(minorUnitsToDecimal(minorUnits, digits)),
    count: (value: number) => count.format(value),
    /** Basis points (1500 = 15 %) to the locale's percent. */
    rate: (basisPoints: number) => percent.format(basisPoints / 10_000),
    moment: (iso: string) => moment.format(new Date(iso)),
  };
}
