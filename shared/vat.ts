import { z } from 'zod';

/**
 * VAT as ePayment's receipt wants it: a rate in basis points (2500 = 25 %), amounts in minor units
 * including VAT. The VAT inside a price is rounded half up to a whole øre/cent, per line, and the
 * per-rate summary adds the lines up, so the receipt's lines and summary always agree.
 */
export const vatRateSchema = z.number().int().min(0).max(10_000);
export type VatRate = z.infer<typeof vatRateSchema>;

/** The VAT contained in a VAT-inclusive amount. Integer arithmetic only. */
export function vatIncluded(totalInclVat: number, rate: VatRate): number {
  if (!Number.isSafeInteger(totalInclVat)) throw new Error('Amounts are whole minor units');
  const sign = totalInclVat < 0 ? -1 : 1;
  const magnitude = Math.abs(totalInclVat);
  // round(magnitude * rate / (10000 + rate)), half up, without floating point.
  const numerator = magnitude * rate;
  const denominator = 10_000 + rate;
  const vat = Math.floor((2 * numerator + denominator) / (2 * denominator));
  return sign * vat;
}

/** "25 %", "12 %", "15 %", "0 %", or "12.5 %" for a fractional rate. */
export function formatVatRate(rate: VatRate): string {
  const whole = Math.floor(rate / 100);
  const fraction = rate % 100;
  return fraction === 0 ? `${whole} %` : `${whole}.${String(fraction).padStart(2, '0').replace(/0$/, '')} %`;
}
