import type { Cart, CartLine, VatSummary } from '../../../shared/cart';
import type { Currency } from '../../../shared/money';
import type { Product } from '../../../shared/product';
import { vatIncluded } from '../../../shared/vat';

/** A cart line for `quantity` of a product: total and VAT in whole minor units. */
export function lineFor(product: Product, quantity: number): CartLine {
  const total = product.unitPrice * quantity;
  if (!Number.isSafeInteger(total)) throw new Error('Line total out of range');
  return {
    productId: product.id,
    name: product.name,
    unitPrice: product.unitPrice,
    vatRate: product.vatRate,
    quantity,
    total,
    vat: vatIncluded(total, product.vatRate),
  };
}

/** Totals with VAT per rate, highest rate first, summed from the lines so receipt and summary agree. */
export function cartOf(lines: CartLine[], currency: Currency): Cart {
  const byRate = new Map<number, VatSummary>();
  for (const line of lines) {
    const summary = byRate.get(line.vatRate) ?? { rate: line.vatRate, base: 0, vat: 0, total: 0 };
    summary.total += line.total;
    summary.vat += line.vat;
    summary.base = summary.total - summary.vat;
    byRate.set(line.vatRate, summary);
  }
  const total = lines.reduce((sum, line) => sum + line.total, 0);
  const vat = lines.reduce((sum, line) => sum + line.vat, 0);
  return {
    lines,
    totals: { currency, total, vat, byRate: [...byRate.values()].sort((a, b) => b.rate - a.rate) },
  };
}
