import { minorUnitDigits, type Currency } from './money';

/** Unless the shop says otherwise: a customer never hands over more than 10 000 (kr, €) above the total. */
export const DEFAULT_CASH_MAX_OVER_TOTAL = 10_000;

/**
 * The most a cashier can record as handed over for `total` (minor units): the total plus the
 * shop's limit in major units. Above it the amount is surely a slip, or a barcode scanned into the
 * amount field (13 digits and Enter), and recording it would report an absurd change.
 */
export function cashCeiling(total: number, currency: Currency, maxOverTotal: number): number {
  return total + maxOverTotal * 10 ** minorUnitDigits[currency];
}
