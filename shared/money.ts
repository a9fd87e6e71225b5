import { z } from 'zod';

export const currencies = ['NOK', 'DKK', 'EUR'] as const;
export const currencySchema = z.enum(currencies);
export type Currency = z.infer<typeof currencySchema>;

/** A whole number of minor units (øre, cent). Money is never a float anywhere in Kassa. */
export const minorUnitsSchema = z.number().int().safe();
export const positiveMinorUnitsSchema = minorUnitsSchema.positive();

/**
 * The highest price a catalogue may give one product or plan: 1 000 000.00. It keeps every sum a
 * till can make (999 of the dearest product) far inside the safe-integer range, so no total is
 * ever rounded by a double.
 */
export const MAX_PRICE = 100_000_000;
export const priceSchema = positiveMinorUnitsSchema.max(MAX_PRICE, 'must be at most 1 000 000.00 (100000000 minor units)');

export const moneySchema = z.object({
  amount: minorUnitsSchema,
  currency: currencySchema,
});
export type Money = z.infer<typeof moneySchema>;

export function money(amount: number, currency: Currency): Money {
  return moneySchema.parse({ amount, currency });
}

export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new Error(`Cannot add ${a.currency} to ${b.currency}`);
  return money(a.amount + b.amount, a.currency);
}

/**
 * "497.00" for 49700: the decimal string of an amount, built from the integer's digits so it never
 * passes through a double. Intl formats such a string exactly; logs and summaries print it as is.
 */
export function minorUnitsToDecimal(amount: number, digits = 2): `${number}` {
  if (!Number.isSafeInteger(amount)) throw new Error(`Not a whole number of minor units: ${amount}`);
  const sign = amount < 0 ? '-' : '';
  const units = String(Math.abs(amount)).padStart(digits + 1, '0');
  if (digits === 0) return `${sign}${units}` as `${number}`;
  return `${sign}${units.slice(0, -digits)}.${units.slice(-digits)}` as `${number}`;
}

/** All three currencies have two decimals; kept as data so a formatter never guesses. */
export const minorUnitDigits: Record<Currency, number> = { NOK: 2, DKK: 2, EUR: 2 };
