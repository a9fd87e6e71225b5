import { z } from 'zod';
import { currencySchema, minorUnitsSchema } from './money';
import { vatRateSchema } from './vat';

export const MAX_LINE_QUANTITY = 999;
/** The most one cart may total: 10 000 000.00. Above it the sale is surely a slip; split it. */
export const MAX_CART_TOTAL = 1_000_000_000;

export const cartLineSchema = z.object({
  productId: z.string(),
  name: z.string(),
  unitPrice: minorUnitsSchema,
  vatRate: vatRateSchema,
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
  /** unitPrice × quantity, VAT included. */
  total: minorUnitsSchema,
  /** The VAT inside `total`. */
  vat: minorUnitsSchema,
});
export type CartLine = z.infer<typeof cartLineSchema>;

export const vatSummarySchema = z.object({
  rate: vatRateSchema,
  /** Sum of the lines at this rate, VAT excluded. */
  base: minorUnitsSchema,
  vat: minorUnitsSchema,
  total: minorUnitsSchema,
});
export type VatSummary = z.infer<typeof vatSummarySchema>;

export const cartTotalsSchema = z.object({
  currency: currencySchema,
  total: minorUnitsSchema,
  vat: minorUnitsSchema,
  byRate: z.array(vatSummarySchema),
});
export type CartTotals = z.infer<typeof cartTotalsSchema>;

export const cartSchema = z.object({
  lines: z.array(cartLineSchema),
  totals: cartTotalsSchema,
});
export type Cart = z.infer<typeof cartSchema>;
