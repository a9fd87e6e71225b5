import { vatIncluded } from '../../../shared/vat';

/**
 * A refund of part of a sale, split over the sale's VAT rates in proportion to what the sale paid
 * at each rate (largest remainder, so the parts add up to the refund exactly). The VAT in each part
 * is then taken as the receipt does, rounded half up. Integer arithmetic only (BigInt for the
 * products, which can pass 2^53 for large sales).
 */
export function splitRefundByRate(amount: number, byRate: ReadonlyArray<{ rate: number; total: number }>): Array<{ rate: number; total: number; vat: number }> {
  const positive = byRate.filter((r) => r.total > 0);
  const whole = positive.reduce((sum, r) => sum + r.total, 0);
  if (positive.length === 0 || whole === 0) return [];
  const shares = positive.map((r) => {
    const product = BigInt(amount) * BigInt(r.total);
    return { rate: r.rate, total: Number(product / BigInt(whole)), remainder: Number(product % BigInt(whole)) };
  });
  let left = amount - shares.reduce((sum, s) => sum + s.total, 0);
  for (const share of [...shares].sort((a, b) => b.remainder - a.remainder || b.rate - a.rate)) {
    if (left === 0) break;
    share.total += 1;
    left -= 1;
  }
  return shares.map(({ rate, total }) => ({ rate, total, vat: vatIncluded(total, rate) }));
}
