import { z } from 'zod';
import { phoneCountrySchema, phoneInputSchema } from './phone';
import { soldPlanSchema } from './catalogue';
import { appErrorSchema } from './result';
import { requestIdSchema } from './intention';
import { staffRefSchema } from './staff';

/** What the customer may be asked to share with the agreement (Recurring v3 `scope`; `nin` is not asked at a till). */
export const profileScopes = ['name', 'email', 'address', 'phoneNumber', 'birthDate'] as const;
export const profileScopeSchema = z.enum(profileScopes);
export type ProfileScope = z.infer<typeof profileScopeSchema>;

/**
 * The life of a subscription sale at the till:
 * requested (intent stored, agreement not yet confirmed by Vipps) -> pending (customer has the
 * push) -> capturing (approved; reserved initial charge being captured) -> active.
 * Final: active, rejected, expired, cancelled, failed.
 */
export const subscriptionStatuses = [
  'requested',
  'pending',
  'capturing',
  'active',
  'rejected',
  'expired',
  'cancelled',
  'failed',
] as const;
export const subscriptionStatusSchema = z.enum(subscriptionStatuses);
export type SubscriptionStatus = z.infer<typeof subscriptionStatusSchema>;

export const finalSubscriptionStatuses: readonly SubscriptionStatus[] = ['active', 'rejected', 'expired', 'cancelled', 'failed'];
export const isFinalSubscriptionStatus = (status: SubscriptionStatus) => finalSubscriptionStatuses.includes(status);

export const sharedProfileSchema = z.object({
  name: z.string().optional(),
  email: z.string().optional(),
  address: z.string().optional(),
  /** MSISDN as Vipps has it verified (may differ from the number the push went to). */
  phoneNumber: z.string().optional(),
  /** YYYY-MM-DD. */
  birthDate: z.string().optional(),
});
export type SharedProfile = z.infer<typeof sharedProfileSchema>;

export const subscriptionSaleSchema = z.object({
  id: z.string(),
  /** From the till's receipt counter (shared with goods sales); null on sign-ups made before 0130. */
  receiptNumber: z.string().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  plan: soldPlanSchema,
  phone: z.object({ country: phoneCountrySchema, msisdn: z.string() }),
  profileScopes: z.array(profileScopeSchema),
  status: subscriptionStatusSchema,
  agreementId: z.string().nullable(),
  /** Vipps' confirmation URL: shown as a QR when the push does not arrive. */
  confirmationUrl: z.string().nullable(),
  /** When Vipps lets the pending agreement expire (10 minutes after it was created). */
  expiresAt: z.number().int().nullable(),
  initialCharge: z
    .object({ chargeId: z.string().nullable(), status: z.string().nullable() })
    .nullable(),
  profile: sharedProfileSchema.nullable(),
  /** Why the sale failed, or what is holding it up (e.g. Vipps unreachable while requested). */
  problem: appErrorSchema.nullable(),
  /** Why it ended as it did, in a word the UI maps to text (e.g. the initial charge failed). */
  outcomeReason: z.enum(['initial-charge-failed', 'cancelled-by-cashier']).nullable(),
  cancelRequested: z.boolean(),
  /** Who made the sale; null on sales made before staff existed. */
  cashier: staffRefSchema.nullable(),
});
export type SubscriptionSale = z.infer<typeof subscriptionSaleSchema>;

export const startSubscriptionRequestSchema = z.object({
  requestId: requestIdSchema,
  planId: z.string().min(1, 'Choose a plan'),
  phone: phoneInputSchema,
  profileScopes: z.array(profileScopeSchema).max(profileScopes.length),
});
export type StartSubscriptionRequest = z.infer<typeof startSubscriptionRequestSchema>;
