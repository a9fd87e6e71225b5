export { minorUnitsToDecimal } from '../../shared/money';
import { minorUnitsToDecimal } from '../../shared/money';
import { minorUnitDigits, type Currency } from '../../shared/money';


const formatters = new Map<string, Intl.NumberFormat>();

/**
 * 19900 NOK in nb-NO -> "199,00 kr". Intl formats the decimal string exactly (no rounding through a
 * double). `signed` shows the sign of any amount but zero ("+0,25 kr.", "−0,24 kr."): a line that
 * adjusts a total, such as cash rounding.
 */
export function formatMoney(amount: number, currency: Currency, locale: string, signed = false): string {
  const digits = minorUnitDigits[currency];
  const key = `${locale}|${currency}|${signed}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      ...(signed ? { signDisplay: 'exceptZero' as const } : {}),
    });
    formatters.set(key, formatter);
  }
  return formatter.format(minorUnitsToDecimal(amount, digits));
}
