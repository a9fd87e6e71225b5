import type { Currency } from './money';
import type { PhoneCountry } from './phone';

/**
 * Cash rounding: coins below a step are not in circulation, so a cash total is rounded to it.
 * Norway rounds to whole kroner (100 øre), Denmark to 50 øre, Finland to 5 cents. Only the cash
 * tender is rounded; a card or wallet payment is always the exact total.
 */
export const cashRoundingStep: Record<PhoneCountry, number> = { NO: 100, DK: 50, FI: 5 };

export type TenderKind = 'cash' | 'vipps-push' | 'vipps-qr';

export interface CashRounding {
  /** The exact total in minor units. */
  total: number;
  /** What is taken (or handed back, for a negative total) in cash. */
  rounded: number;
  /** rounded − total: the separate rounding line on the receipt and in the reports (may be negative). */
  rounding: number;
  currency: Currency;
}

/**
 * Rounds `total` (integer minor units; negative for a cash refund) to the country's step, half
 * away from zero, so a refund mirrors its sale: DKK 10.25 -> 10.50 and -10.25 -> -10.50.
 */
export function roundCash(total: number, currency: Currency, country: PhoneCountry, tender: TenderKind = 'cash'): CashRounding {
  if (!Number.isInteger(total)) throw new Error(`Money is integer minor units, got ${total}`);
  if (tender !== 'cash') return { total, rounded: total, rounding: 0, currency };
  const step = cashRoundingStep[country];
  const magnitude = Math.abs(total);
  const down = magnitude - (magnitude % step);
  const roundedMagnitude = magnitude - down >= step / 2 ? down + step : down;
  const rounded = total < 0 ? -roundedMagnitude : roundedMagnitude;
  return { total, rounded: rounded === 0 ? 0 : rounded, rounding: rounded - total, currency };
}
