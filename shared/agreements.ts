import { z } from 'zod';
import { currencySchema, positiveMinorUnitsSchema } from './money';
import { phoneInputSchema } from './phone';
import { appErrorSchema } from './result';
import { requestIdSchema } from './intention';
import { approvalSchema, staffRefSchema } from './staff';

/**
 * Existing subscribers at the counter: who they are (the billing backend, the system of record),
 * what their agreements are right now (Vipps MobilePay, asked live), and what the till did to them
 * (plan changes, stops, charge refunds and cancellations — each a durable, idempotent operation).
 */

export const agreementStatusSchema = z.enum(['PENDING', 'ACTIVE', 'STOPPED', 'EXPIRED']);
export type LiveAgreementStatus = z.infer<typeof agreementStatusSchema>;

/** Pricing as Vipps holds it. FLEXIBLE has no amount at all. */
export const livePricingSchema = z.object({
  type: z.enum(['LEGACY', 'VARIABLE', 'FLEXIBLE']),
  currency: currencySchema,
  amount: z.number().int().optional(),
  suggestedMaxAmount: z.number().int().optional(),
  /** VARIABLE: what the customer chose as their ceiling when they approved. */
  maxAmount: z.number().int().optional(),
});
export type LivePricing = z.infer<typeof livePricingSchema>;

/** RECURRING with a period, or FLEXIBLE (charged whenever the merchant charges; PATCH since February 2024). */
export const liveIntervalSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('RECURRING'), unit: z.enum(['YEAR', 'MONTH', 'WEEK', 'DAY']), count: z.number().int() }),
  z.object({ type: z.literal('FLEXIBLE') }),
]);
export type LiveInterval = z.infer<typeof liveIntervalSchema>;

export const liveAgreementSchema = z.object({
  status: agreementStatusSchema,
  productName: z.string(),
  productDescription: z.string().nullable(),
  pricing: livePricingSchema,
  interval: liveIntervalSchema,
  start: z.string().nullable(),
  stop: z.string().nullable(),
  externalId: z.string().nullable(),
  /** The next regular charge date (YYYY-MM-DD) counted from the start by the interval; null when none is due. */
  nextChargeDate: z.string().nullable(),
});
export type LiveAgreement = z.infer<typeof liveAgreementSchema>;

export const operationKinds = ['change-plan', 'stop', 'refund-charge', 'cancel-charge'] as const;
export const operationKindSchema = z.enum(operationKinds);
export type OperationKind = z.infer<typeof operationKindSchema>;

/**
 * requested: stored with its Idempotency-Key, not yet answered by Vipps; accepted: Vipps answered
 * 202 and the till checks until the agreement shows it; unconfirmed: the change still did not show
 * when the till's follow ran out (the cashier may check again); done; failed (with the problem).
 */
export const operationStatusSchema = z.enum(['requested', 'accepted', 'unconfirmed', 'done', 'failed']);
export type OperationStatus = z.infer<typeof operationStatusSchema>;

export const agreementOperationSchema = z.object({
  id: z.string(),
  kind: operationKindSchema,
  agreementId: z.string(),
  status: operationStatusSchema,
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  /** When Vipps answered 202; the till follows the change from then until its deadline. */
  acceptedAt: z.number().int().nullable(),
  planId: z.string().nullable(),
  previousPlanId: z.string().nullable(),
  reason: z.string().nullable(),
  chargeId: z.string().nullable(),
  amount: z.number().int().nullable(),
  problem: appErrorSchema.nullable(),
  by: staffRefSchema.nullable(),
  approvedBy: staffRefSchema.nullable(),
});
export type AgreementOperation = z.infer<typeof agreementOperationSchema>;

/** One agreement as the till shows it: the billing backend's copy beside Vipps' live state. */
export const agreementViewSchema = z.object({
  agreementId: z.string(),
  billing: z
    .object({ billingAgreementId: z.string(), accountId: z.string(), planId: z.string().nullable(), status: z.string() })
    .nullable(),
  /** Null when Vipps could not be asked (the error says why). */
  live: liveAgreementSchema.nullable(),
  liveError: appErrorSchema.nullable(),
  /** The plan in Kassa's catalogue this agreement is on, as far as the till can tell. */
  planId: z.string().nullable(),
  /** Where the billing backend's copy and Vipps disagree, in words for the cashier (e.g. "status: ACTIVE in billing, STOPPED at Vipps MobilePay"). */
  disagreements: z.array(z.string()),
  /** Who stopped it, when it is stopped: this till, or someone else (the customer in the app, or another system). */
  stoppedBy: z.enum(['till', 'elsewhere']).nullable(),
  /** The last operation the till made on it. */
  lastOperation: agreementOperationSchema.nullable(),
});
export type AgreementView = z.infer<typeof agreementViewSchema>;

export const subscriberContactSchema = z.object({
  name: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  phoneNumber: z.string().nullable(),
  birthDate: z.string().nullable(),
});

export const subscriberViewSchema = z.object({
  subscriberId: z.string(),
  phoneNumber: z.string(),
  contact: subscriberContactSchema,
  accounts: z.array(z.object({ accountId: z.string() })),
  agreements: z.array(agreementViewSchema),
});
export type SubscriberView = z.infer<typeof subscriberViewSchema>;

export const customerQuerySchema = z.union([
  z.object({ phone: phoneInputSchema }),
  z.object({ subscriberId: z.string().trim().min(1).max(64) }),
  z.object({ agreementId: z.string().trim().min(1).max(64) }),
]);
export type CustomerQuery = z.infer<typeof customerQuerySchema>;

export const customerLookupSchema = z.object({
  /** `unavailable`: the billing backend could not be asked; what the till knows itself is shown. */
  billing: z.enum(['ok', 'unavailable']),
  subscribers: z.array(subscriberViewSchema),
  /** Agreements the till knows (made here, or asked for by id) that the billing backend did not list. */
  unlisted: z.array(agreementViewSchema),
});
export type CustomerLookup = z.infer<typeof customerLookupSchema>;

/** Before a new agreement: does this person already have one? */
export const returningCheckSchema = z.object({
  /** clear: nobody, or nothing open; same-plan: an ACTIVE or PENDING agreement on this plan; other-plans: open agreements on other plans; unchecked: billing unreachable. */
  state: z.enum(['clear', 'same-plan', 'other-plans', 'unchecked']),
  agreements: z.array(agreementViewSchema),
});
export type ReturningCheck = z.infer<typeof returningCheckSchema>;

/** What a plan change would do, before the cashier confirms it. */
export const planChangePreviewSchema = z.object({
  agreementId: z.string(),
  /** Null when the API can express the change; otherwise why not (the UI offers stop + new agreement). */
  blocked: z.enum(['PRICING_TYPE', 'CURRENCY', 'NOT_ACTIVE', 'SAME_PLAN']).nullable(),
  message: z.string().nullable(),
  from: z.object({ productName: z.string(), pricing: livePricingSchema, interval: liveIntervalSchema }),
  to: z.object({ planId: z.string(), productName: z.string(), productDescription: z.string().nullable(), pricing: livePricingSchema, interval: liveIntervalSchema }),
  /** The next charge date; a changed price applies to charges from then on. */
  appliesFrom: z.string().nullable(),
  /** Whether the customer is told in the app (price changes of VARIABLE agreements are silent). */
  customerSees: z.array(z.enum(['productName', 'productDescription', 'price', 'interval', 'suggestedMaxAmount'])),
});
export type PlanChangePreview = z.infer<typeof planChangePreviewSchema>;

export const chargeViewSchema = z.object({
  id: z.string(),
  amount: z.number().int(),
  currency: currencySchema,
  description: z.string(),
  due: z.string(),
  status: z.string(),
  type: z.string(),
  transactionType: z.string(),
  failureReason: z.string().nullable(),
  captured: z.number().int(),
  refunded: z.number().int(),
  cancelled: z.number().int(),
  /** What may still be refunded (captured minus refunded) — 0 when nothing. */
  refundable: z.number().int(),
  cancellable: z.boolean(),
});
export type ChargeView = z.infer<typeof chargeViewSchema>;

const agreementIdSchema = z.string().trim().min(1).max(64);

export const changePlanRequestSchema = z.object({ requestId: requestIdSchema, agreementId: agreementIdSchema, planId: z.string().min(1).max(64) });
export const stopAgreementRequestSchema = z.object({
  requestId: requestIdSchema,
  agreementId: agreementIdSchema,
  reason: z.string().trim().min(3, 'Say why the agreement is stopped (at least 3 characters).').max(200),
});
export const refundChargeRequestSchema = z.object({
  requestId: requestIdSchema,
  agreementId: agreementIdSchema,
  chargeId: z.string().min(1).max(64),
  amount: positiveMinorUnitsSchema,
  currency: currencySchema,
  approval: approvalSchema.optional(),
});
export const cancelChargeRequestSchema = z.object({
  requestId: requestIdSchema,
  agreementId: agreementIdSchema,
  chargeId: z.string().min(1).max(64),
  approval: approvalSchema.optional(),
});
export type ChangePlanRequest = z.infer<typeof changePlanRequestSchema>;
export type StopAgreementRequest = z.infer<typeof stopAgreementRequestSchema>;
export type RefundChargeRequest = z.infer<typeof refundChargeRequestSchema>;
export type CancelChargeRequest = z.infer<typeof cancelChargeRequestSchema>;

export const agreementIdRequestSchema = z.object({ agreementId: agreementIdSchema });
export const operationIdRequestSchema = z.object({ operationId: z.string().min(1).max(64) });
export const planChangePreviewRequestSchema = z.object({ agreementId: agreementIdSchema, planId: z.string().min(1).max(64) });
export const returningCheckRequestSchema = z.object({ phone: phoneInputSchema, planId: z.string().min(1).max(64) });
