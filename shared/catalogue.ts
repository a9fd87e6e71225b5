import { reasonRefSchema } from './reasons';
import { z } from 'zod';
import { currencySchema, priceSchema } from './money';
import { vatRateSchema } from './vat';

/** Vipps Recurring v3 limits that a plan must respect before anything is sent. */
export const PRODUCT_NAME_MAX = 45;
export const PRODUCT_DESCRIPTION_MAX = 100;
export const CHARGE_DESCRIPTION_MAX = 100;
export const EVENT_TEXT_MAX = 15;

/** Recurring v3 TimePeriod: a plan's period, and a period campaign's length. */
export const intervalSchema = z.object({
  unit: z.enum(['YEAR', 'MONTH', 'WEEK', 'DAY']),
  count: z.number().int().min(1).max(31),
});
export type Interval = z.infer<typeof intervalSchema>;

/**
 * A plan is charged every period (`{unit, count}`, optionally `type: 'RECURRING'`), or FLEXIBLE:
 * whenever the shop charges, with no period (pay per use). Recurring v3 drafts a FLEXIBLE
 * agreement by leaving `interval` out ("Omit interval entirely for pay-per-use") and PATCHes to or
 * from it with `interval: {type: 'FLEXIBLE'}` (since February 2024). Strict, so a FLEXIBLE entry
 * that also names a period is refused rather than read as one or the other.
 */
export const flexibleIntervalSchema = z.strictObject({ type: z.literal('FLEXIBLE') });
export const recurringIntervalSchema = intervalSchema.extend({ type: z.literal('RECURRING').optional() });
export const planIntervalSchema = z.union([recurringIntervalSchema, flexibleIntervalSchema]);
export type PlanInterval = z.infer<typeof planIntervalSchema>;
export type RecurringPlanInterval = z.infer<typeof recurringIntervalSchema>;

export const isFlexibleInterval = (interval: PlanInterval): interval is z.infer<typeof flexibleIntervalSchema> => interval.type === 'FLEXIBLE';

/**
 * Recurring v3 PricingTypeV3: LEGACY (a fixed price per interval), VARIABLE (a suggested ceiling
 * the customer confirms as their maxAmount) or FLEXIBLE (no amount at all: `{type, currency}`).
 */
export const planPricingSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('LEGACY'), amount: priceSchema }),
  z.object({ type: z.literal('VARIABLE'), suggestedMaxAmount: priceSchema }),
  z.object({ type: z.literal('FLEXIBLE') }),
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

const planFields = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(PRODUCT_NAME_MAX),
  description: z.string().max(PRODUCT_DESCRIPTION_MAX).optional(),
  currency: currencySchema,
  pricing: planPricingSchema,
  interval: planIntervalSchema,
  /**
   * The VAT rate of the plan's initial charge, in basis points as for products: the till takes that
   * money and must put its VAT on the day's reports. Required of every plan the till sells; a
   * catalogue entry without it is refused (VAT_RATE_MISSING), as a product without one is.
   */
  vatRate: vatRateSchema,
  initialCharge: initialChargeSchema.optional(),
  campaign: campaignSchema.optional(),
});

/** A plan the till can sell, as validated from the billing backend's catalogue. */
export const planSchema = planFields
  // "Not available with VARIABLE or FLEXIBLE pricing" (Vipps): a campaign is a lower LEGACY price.
  .refine((plan) => !(plan.campaign && plan.pricing.type !== 'LEGACY'), {
    message: 'A campaign cannot be combined with variable or flexible pricing',
    path: ['campaign'],
  })
  // Kassa's own rule (the API is silent): a campaign price is per interval, so it needs one.
  .refine((plan) => !(plan.campaign && isFlexibleInterval(plan.interval)), {
    message: 'A campaign needs a recurring interval: its price is per interval',
    path: ['campaign'],
  });
export type Plan = z.infer<typeof planSchema>;

/**
 * A plan as recorded on a subscription sale. Sales made before plans carried a VAT rate keep
 * their plan without one; their initial charges count in the totals but in no VAT rate.
 */
export const soldPlanSchema = planFields.extend({ vatRate: vatRateSchema.optional() });
export type SoldPlan = z.infer<typeof soldPlanSchema>;

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
