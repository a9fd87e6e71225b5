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

/**
 * The cash handed back for a refund of `amount` of a cash sale's goods, of which `refundedBefore`
 * were refunded already, and the rounding line that makes it a payable amount.
 *
 * A refund is a negative amount, rounded by the same rules as a sale; and the rounding settles the
 * sale's refunds as a whole: this one hands back what the refunds so far round to, less what
 * the earlier ones handed back. So a full refund (in one go or in parts) hands back exactly the cash
 * the sale took, and partial refunds can never together pay out more than the rounded goods: a
 * DKK 0.25 refund hands back 0.50, a second 0.25 of the same sale then 0.00.
 */
export function cashRefundRounding(refundedBefore: number, amount: number, currency: Currency, country: PhoneCountry): { paidOut: number; rounding: number } {
  const before = roundCash(-refundedBefore, currency, country).rounded;
  const after = roundCash(-(refundedBefore + amount), currency, country).rounded;
  const paidOut = before - after;
  return { paidOut, rounding: paidOut - amount };
}
