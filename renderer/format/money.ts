import { minorUnitDigits, type Currency } from '../../shared/money';

/**
 * 12345 -> "123.45", 5 -> "0.05", -250 -> "-2.50". Built from the integer's digits so no amount is
 * ever turned into a float (0.1 + 0.2 style errors cannot reach a price tag).
 */
export function minorUnitsToDecimal(amount: number, digits: number): `${number}` {
  if (!Number.isSafeInteger(amount)) throw new Error(`Not a whole number of minor units: ${amount}`);
  const sign = amount < 0 ? '-' : '';
  const units = String(Math.abs(amount)).padStart(digits + 1, '0');
  if (digits === 0) return `${sign}${units}` as `${number}`;
  return `${sign}${units.slice(0, -digits)}.${units.slice(-digits)}` as `${number}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** 19900 NOK in nb-NO -> "199,00 kr". Intl formats the decimal string exactly (no rounding through a double). */
export function formatMoney(amount: number, currency: Currency, locale: string): string {
  const digits = minorUnitDigits[currency];
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, formatter);
  }
  return formatter.format(minorUnitsToDecimal(amount, digits));
}
