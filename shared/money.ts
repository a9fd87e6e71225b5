import { z } from 'zod';

export const currencies = ['NOK', 'DKK', 'EUR'] as const;
export const currencySchema = z.enum(currencies);
export type Currency = z.infer<typeof currencySchema>;

/** A whole number of minor units (øre, cent). Money is never a float anywhere in Kassa. */
export const minorUnitsSchema = z.number().int().safe();
export const positiveMinorUnitsSchema = minorUnitsSchema.positive();

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

/** "497.00" for 49700: a plain decimal string built from the integer, for logs and summaries. */
export function minorUnitsToDecimal(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const magnitude = Math.abs(amount);
  return `${sign}${Math.floor(magnitude / 100)}.${String(magnitude % 100).padStart(2, '0')}`;
}

/** All three currencies have two decimals; kept as data so a formatter never guesses. */
export const minorUnitDigits: Record<Currency, number> = { NOK: 2, DKK: 2, EUR: 2 };
