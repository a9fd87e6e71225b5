import { z } from 'zod';
import { uiLanguageSchema } from './languages';
import { currencySchema } from './money';
import { phoneCountrySchema } from './phone';

export const kassaModes = ['training', 'test', 'production'] as const;
export const kassaModeSchema = z.enum(kassaModes);
export type KassaMode = z.infer<typeof kassaModeSchema>;

/** What the renderer may know about the till. Never carries credentials. */
export const appInfoSchema = z.object({
  version: z.string(),
  mode: kassaModeSchema,
  shop: z.object({
    name: z.string(),
    country: phoneCountrySchema,
    currency: currencySchema,
    locale: z.string(),
    /** The screens' default language (a cashier's own choice overrides it once signed in). */
    language: uiLanguageSchema,
    /** What the customer calls the wallet here: Vipps (Norway) or MobilePay (Denmark, Finland). */
    wallet: z.enum(['Vipps', 'MobilePay']),
  }),
  tillId: z.string(),
  /** The most (major units) a cash tender may exceed the total by; the cash form warns above it. */
  cashMaxOverTotal: z.number().int().positive(),
  /** Where a customer's phone opens the receipt of a sale: this, then the sale id (the kiosk's QR). */
  receiptUrlBase: z.string(),
  /** A self-service kiosk: customers serve themselves; staff leave it with a manager's PIN. */
  kiosk: z.boolean(),
  /** The sandbox's customer-phone page, in training mode only. */
  phonePageUrl: z.string().nullable(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;
