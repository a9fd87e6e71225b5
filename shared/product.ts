import { reasonRefSchema } from './reasons';
import { z } from 'zod';
import { currencySchema, priceSchema } from './money';
import { vatRateSchema } from './vat';

/** The most an ePayment order line name should carry on a receipt in the app. */
export const PRODUCT_NAME_MAX = 100;

/** Goods the shop sells over the counter, from the billing backend's catalogue. */
export const productSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(PRODUCT_NAME_MAX),
  /** Price per unit, VAT included, in minor units. */
  unitPrice: priceSchema,
  currency: currencySchema,
  vatRate: vatRateSchema,
  /** EAN-13, EAN-8, UPC or the shop's own code, as a scanner types it. */
  barcode: z.string().regex(/^[0-9A-Za-z-]{4,32}$/).optional(),
});
export type Product = z.infer<typeof productSchema>;

export const rejectedProductSchema = z.object({ id: z.string(), name: z.string(), reason: z.string(), problem: reasonRefSchema.optional() });

export const productCatalogueSchema = z.object({
  products: z.array(productSchema),
  rejected: z.array(rejectedProductSchema),
  source: z.enum(['live', 'cache']),
  fetchedAt: z.number().int().nullable(),
});
export type ProductCatalogue = z.infer<typeof productCatalogueSchema>;
