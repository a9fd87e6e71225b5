import { minorUnitDigits, type Currency } from '../../shared/money';
import { minorUnitsToDecimal } from './money';

/** How a locale writes 1 234,5: the decimal mark and the thousands separator. */
export interface NumberSeparators {
  decimal: string;
  group: string;
}

export function separatorsOf(locale: string): NumberSeparators {
  // A string, not a number literal: nothing about money ever passes through a double.
  const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts('1234567.5');
  return {
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
    group: parts.find((part) => part.type === 'group')?.value ?? ',',
  };
}

export type MoneyInputProblem = 'characters' | 'separator' | 'decimals' | 'too-large';
export type MoneyParse = { state: 'empty' } | { state: 'invalid'; reason: MoneyInputProblem } | { state: 'valid'; amount: number };

/** Any space a person types or pastes, including the no-break spaces Intl puts in "1 234,50". */
const SPACES = /[\s\u00a0\u202f]/g;
/** More digits than this could pass Number.MAX_SAFE_INTEGER; nobody tenders that much. */
const MAX_MINOR_DIGITS = 15;

/**
 * An amount typed in major units ("250,50" in nb-NO, "1.250,50" in da-DK, "250.50" in en) to
 * whole minor units, by taking the string apart: no parseFloat, no multiplication of a double.
 * Strict on purpose: in a Danish shop "12.50" is refused rather than read as 1 250 kr.
 */
export function parseMoneyInput(text: string, currency: Currency, separators: NumberSeparators): MoneyParse {
  const digits = minorUnitDigits[currency];
  const { decimal } = separators;
  const groupIsSpace = separators.group.replace(SPACES, '') === '';
  const compact = text.replace(SPACES, '');
  if (compact === '') return { state: 'empty' };

  for (const char of compact) {
    if (/[0-9]/.test(char) || char === decimal || (!groupIsSpace && char === separators.group)) continue;
    return { state: 'invalid', reason: char === '.' || char === ',' ? 'separator' : 'characters' };
  }

  const pieces = compact.split(decimal);
  if (pieces.length > 2) return { state: 'invalid', reason: 'separator' };
  let whole = pieces[0] ?? '';
  const fraction = pieces[1] ?? '';
  if (!groupIsSpace && whole.includes(separators.group)) {
    // Thousands separators only where they belong: 1.250 and 12.500.000, never 12.50.
    const groups = whole.split(separators.group);
    const [head, ...rest] = groups;
    if (!head || !/^[0-9]{1,3}$/.test(head) || rest.some((group) => !/^[0-9]{3}$/.test(group))) return { state: 'invalid', reason: 'separator' };
    whole = groups.join('');
  }
  if (!/^[0-9]*$/.test(fraction)) return { state: 'invalid', reason: 'separator' };
  if (whole === '' && fraction === '') return { state: 'invalid', reason: 'characters' };
  if (fraction.length > digits) return { state: 'invalid', reason: 'decimals' };

  const minorDigits = (whole + fraction.padEnd(digits, '0')).replace(/^0+(?=[0-9])/, '');
  if (minorDigits.length > MAX_MINOR_DIGITS) return { state: 'invalid', reason: 'too-large' };
  // A string of at most 15 digits converts to exactly that integer.
  return { state: 'valid', amount: Number(minorDigits) };
}

/** Minor units as a person would type them in this locale: 25050 -> "250,50" (no grouping). */
export function toMoneyInput(amount: number, currency: Currency, separators: NumberSeparators): string {
  return minorUnitsToDecimal(amount, minorUnitDigits[currency]).replace('.', separators.decimal);
}
