import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Currency } from '../../shared/money';
import type { Interval } from '../../shared/catalogue';
import { formatMoney } from './money';
import { parseMoneyInput, separatorsOf, toMoneyInput, type MoneyParse, type NumberSeparators } from './parse-money';

/**
 * The shop's locale (from app.info) drives money and plain numbers whatever the UI language, so a
 * price reads "199,00 kr" in a Norwegian shop. Dates and durations contain words, so they are
 * written in the UI language with the shop's region conventions ("en-NO": "31 Dec", 24-hour clock)
 * rather than dropping "6 måneder" into an English sentence.
 */
const LocaleContext = createContext<string>('en');

export function LocaleProvider({ locale, children }: { locale: string; children: ReactNode }) {
  return <LocaleContext value={locale}>{children}</LocaleContext>;
}

const unitNames: Record<Interval['unit'], Intl.NumberFormatOptions['unit']> = {
  YEAR: 'year',
  MONTH: 'month',
  WEEK: 'week',
  DAY: 'day',
};

export interface Formatters {
  locale: string;
  /** UI language + shop region, for anything with words in it. */
  textLocale: string;
  money(amount: number, currency: Currency): string;
  /** An adjustment with its sign, "+0,25 kr." or "−0,24 kr." (a rounding line). */
  signedMoney(amount: number, currency: Currency): string;
  /** The shop locale's decimal mark and thousands separator, for money the cashier types. */
  separators: NumberSeparators;
  /** What the cashier typed ("250,50") as exact minor units. */
  parseMoney(text: string, currency: Currency): MoneyParse;
  /** Minor units as the cashier would type them ("250,50"), to fill an input. */
  moneyInput(amount: number, currency: Currency): string;
  /** A plain count, e.g. a quantity. */
  number(value: number): string;
  /** A VAT rate in basis points the shop's way: "25 %" in Norway and Denmark, "25,5 %" in Finland. */
  vatRate(basisPoints: number): string;
  /** "31. des." this year, "31. des. 2027" otherwise. */
  day(when: string | number): string;
  /** Day and time, e.g. for when the plan list was fetched. */
  dateTime(when: string | number): string;
  /** The time of day only, e.g. a sale in today's list. */
  time(when: string | number): string;
  /** "6 months", "1 year": a length of time as words. */
  duration(count: number, unit: Interval['unit']): string;
  /** Minutes and seconds left, "09:05"; never negative. */
  countdown(ms: number): string;
  /** How long something has been going on, in its largest whole unit: "45 sec", "3 min", "2 hr", "3 days". */
  elapsed(ms: number): string;
  /** The time alone for today ("09:42"), day and time for anything older. */
  moment(when: string | number): string;
}

export function useFormat(): Formatters {
  const locale = useContext(LocaleContext);
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    const textLocale = withRegionOf(locale, language);
    const twoDigits = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false });
    const plain = new Intl.NumberFormat(locale);
    // A rate is not money: a double is exact enough for two decimals of a percentage.
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
    const separators = separatorsOf(locale);
    const dateTime = (when: string | number) => new Intl.DateTimeFormat(textLocale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(when));
    const time = (when: string | number) => new Intl.DateTimeFormat(textLocale, { timeStyle: 'short' }).format(new Date(when));
    return {
      locale,
      textLocale,
      money: (amount, currency) => formatMoney(amount, currency, locale),
      signedMoney: (amount, currency) => formatMoney(amount, currency, locale, true),
      separators,
      parseMoney: (text, currency) => parseMoneyInput(text, currency, separators),
      moneyInput: (amount, currency) => toMoneyInput(amount, currency, separators),
      number: (value) => plain.format(value),
      vatRate: (basisPoints) => percent.format(basisPoints / 10_000),
      day(when) {
        const date = new Date(when);
        const sameYear = date.getFullYear() === new Date().getFullYear();
        return new Intl.DateTimeFormat(textLocale, { day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }) }).format(date);
      },
      dateTime,
      time,
      duration: (count, unit) =>
        new Intl.NumberFormat(textLocale, { style: 'unit', unit: unitNames[unit], unitDisplay: 'long' }).format(count),
      countdown(ms) {
        const seconds = Math.max(0, Math.ceil(ms / 1000));
        return `${twoDigits.format(Math.floor(seconds / 60))}:${twoDigits.format(seconds % 60)}`;
      },
      elapsed(ms) {
        const seconds = Math.max(0, Math.floor(ms / 1000));
        const [value, unit] =
          seconds < 60 ? [seconds, 'second'] : seconds < 3_600 ? [Math.floor(seconds / 60), 'minute'] : seconds < 172_800 ? [Math.floor(seconds / 3_600), 'hour'] : [Math.floor(seconds / 86_400), 'day'];
        return new Intl.NumberFormat(textLocale, { style: 'unit', unit, unitDisplay: 'short' }).format(value);
      },
      moment: (when) => (new Date(when).toDateString() === new Date().toDateString() ? time(when) : dateTime(when)),
    } satisfies Formatters;
  }, [locale, language]);
}

/** "nb-NO" + "en" -> "en-NO"; falls back to the bare language when the locale has no region. */
function withRegionOf(shopLocale: string, language: string): string {
  try {
    const region = new Intl.Locale(shopLocale).maximize().region;
    const candidate = region ? `${language}-${region}` : language;
    // Intl silently falls back for unknown combinations, which is what we want; this only guards bad tags.
    return Intl.DateTimeFormat.supportedLocalesOf([candidate]).length > 0 ? candidate : language;
  } catch {
    return language;
  }
}
