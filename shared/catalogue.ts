import { reasonRefSchema } from './reasons';
import { z } from 'zod';
import { currencySchema, priceSchema } from './money';

/** Vipps Recurring v3 limits that a plan must respect before anything is sent. */
export const PRODUCT_NAME_MAX = 45;
export const PRODUCT_DESCRIPTION_MAX = 100;
export const CHARGE_DESCRIPTION_MAX = 100;
export const EVENT_TEXT_MAX = 15;

export const intervalSchema = z.object({
  unit: z.enum(['YEAR', 'MONTH', 'WEEK', 'DAY']),
  count: z.number().int().min(1).max(31),
});
export type Interval = z.infer<typeof intervalSchema>;

export const planPricingSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('LEGACY'), amount: priceSchema }),
  z.object({ type: z.literal('VARIABLE'), suggestedMaxAmount: priceSchema }),
]);
export type PlanPricing = z.infer<typeof planPricingSchema>;

export const initialChargeSchema = z.object({
  amount: priceSchema,
  description: z.string().min(1).max(CHARGE_DESCRIPTION_MAX),
  transactionType: z.enum(['DIRECT_CAPTURE', 'RESERVE_CAPTURE']),
});
export type InitialCharge = z.infer<typeof initialChargeSchema>;

export const campaignSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('PRICE_CAMPAIGN'), price: priceSchema, end: z.iso.datetime({ offset: true }) }),
  z.object({ type: z.literal('PERIOD_CAMPAIGN'), price: priceSchema, period: intervalSchema }),
  z.object({
    type: z.literal('EVENT_CAMPAIGN'),
    price: priceSchema,
    eventDate: z.iso.datetime({ offset: true }),
    eventText: z.string().min(1).max(EVENT_TEXT_MAX),
  }),
]);
export type Campaign = z.infer<typeof campaignSchema>;

export const planSchema = z
  .object({
    id: z.string().min(1).max(64),
    name: z.string().trim().min(1).max(PRODUCT_NAME_MAX),
    description: z.string().max(PRODUCT_DESCRIPTION_MAX).optional(),
    currency: currencySchema,
    pricing: planPricingSchema,
    interval: intervalSchema,
    initialCharge: initialChargeSchema.optional(),
    campaign: campaignSchema.optional(),
  })
  .refine((plan) => !(plan.campaign && plan.pricing.type === 'VARIABLE'), {
    message: 'A campaign cannot be combined with variable pricing',
    path: ['campaign'],
  });
export type Plan = z.infer<typeof planSchema>;

/** A catalogue entry Kassa refuses to sell, kept visible with the reason so it can be fixed upstream. */
export const rejectedPlanSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** English, for logs and the billing system's people. */
  reason: z.string(),
  /** The same, for the till to word in its language. */
  problem: reasonRefSchema.optional(),
});
export type RejectedPlan = z.infer<typeof rejectedPlanSchema>;

export const planCatalogueSchema = z.object({
  plans: z.array(planSchema),
  rejected: z.array(rejectedPlanSchema),
  /** `live` when just fetched from the billing backend, `cache` when it was unreachable. */
  source: z.enum(['live', 'cache']),
  fetchedAt: z.number().int().nullable(),
});
export type PlanCatalogue = z.infer<typeof planCatalogueSchema>;
