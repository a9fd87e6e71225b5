import { z } from 'zod';
import { cartLineSchema, cartTotalsSchema } from './cart';
import { soldPlanSchema } from './catalogue';
import { minorUnitsSchema, positiveMinorUnitsSchema } from './money';
import { phoneCountrySchema, phoneInputSchema } from './phone';
import { appErrorSchema } from './result';
import { requestIdSchema } from './intention';
import { approvalSchema, staffRefSchema } from './staff';

/** The most an ePayment payment can be: 650 000.00 (spec: Amount.value maximum 65 000 000). */
export const EPAYMENT_MAX_AMOUNT = 65_000_000;

export const tenders = ['vipps-push', 'vipps-qr', 'cash'] as const;
export const tenderSchema = z.enum(tenders);
export type Tender = z.infer<typeof tenderSchema>;

/**
 * A one-off sale of goods:
 * requested (intent and keys stored, Vipps not yet confirmed) -> waiting (the customer has the
 * request) -> capturing (authorized; the full amount is being captured) -> completed.
 * Final: completed, aborted (customer said no), expired, terminated (cancelled before the customer
 * approved), released (cancelled after approval, reservation given back), failed.
 * A cash sale is completed the moment it is recorded.
 */
export const saleStatuses = ['requested', 'waiting', 'capturing', 'completed', 'aborted', 'expired', 'terminated', 'released', 'failed'] as const;
export const saleStatusSchema = z.enum(saleStatuses);
export type SaleStatus = z.infer<typeof saleStatusSchema>;
export const finalSaleStatuses: readonly SaleStatus[] = ['completed', 'aborted', 'expired', 'terminated', 'released', 'failed'];
export const isFinalSaleStatus = (status: SaleStatus) => finalSaleStatuses.includes(status);

export const refundSchema = z.object({
  id: z.string(),
  amount: positiveMinorUnitsSchema,
  createdAt: z.number().int(),
  /** pending: stored, not yet confirmed by Vipps (retried in the background). */
  status: z.enum(['pending', 'refunded', 'failed']),
  problem: appErrorSchema.nullable(),
  /** Who refunded, and which manager approved it; null on refunds made before staff existed. */
  cashier: staffRefSchema.nullable(),
  approvedBy: staffRefSchema.nullable(),
  /**
   * A cash refund hands back amount + cashRounding (shared/cash-rounding.ts: cashRefundRounding);
   * 0 for a wallet refund, which is never rounded.
   */
  cashRounding: minorUnitsSchema,
});
export type Refund = z.infer<typeof refundSchema>;

export const saleSchema = z.object({
  id: z.string(),
  /** The ePayment reference, unique per sales unit: ^[a-zA-Z0-9-]{8,64}$. */
  reference: z.string(),
  receiptNumber: z.string(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  tender: tenderSchema,
  status: saleStatusSchema,
  lines: z.array(cartLineSchema),
  totals: cartTotalsSchema,
  phone: z.object({ country: phoneCountrySchema, msisdn: z.string() }).nullable(),
  /** For QR: the target URL to render as a QR code while the sale waits. */
  qrUrl: z.string().nullable(),
  /** When Vipps lets the customer's time run out (10 minutes after creation). */
  expiresAt: z.number().int().nullable(),
  pspReference: z.string().nullable(),
  amounts: z.object({
    authorized: minorUnitsSchema,
    captured: minorUnitsSchema,
    refunded: minorUnitsSchema,
    cancelled: minorUnitsSchema,
  }),
  /**
   * A cash sale: what was handed over, the change, and the rounding line (shared/cash-rounding.ts):
   * the cash taken is totals.total + rounding, and change = tendered − (total + rounding).
   */
  cash: z.object({ tendered: minorUnitsSchema, change: minorUnitsSchema, rounding: minorUnitsSchema }).nullable(),
  refunds: z.array(refundSchema),
  /** What failed, or what is holding the sale up (e.g. "capture pending", Vipps unreachable). */
  problem: appErrorSchema.nullable(),
  cancelRequested: z.boolean(),
  /** Who made the sale; null on sales made before staff existed. */
  cashier: staffRefSchema.nullable(),
});
export type Sale = z.infer<typeof saleSchema>;

export const startPaymentRequestSchema = z.discriminatedUnion('method', [
  z.object({ requestId: requestIdSchema, method: z.literal('push'), phone: phoneInputSchema }),
  z.object({ requestId: requestIdSchema, method: z.literal('qr') }),
]);
export type StartPaymentRequest = z.infer<typeof startPaymentRequestSchema>;

export const cashPaymentRequestSchema = z.object({ requestId: requestIdSchema, tendered: positiveMinorUnitsSchema });
export type CashPaymentRequest = z.infer<typeof cashPaymentRequestSchema>;
export const refundRequestSchema = z.object({
  requestId: requestIdSchema,
  saleId: z.string().min(1),
  amount: positiveMinorUnitsSchema,
  /** A manager's PIN, when a cashier asks for the refund. */
  approval: approvalSchema.optional(),
});
export type RefundRequest = z.infer<typeof refundRequestSchema>;

/** What the customer-facing display shows. Never carries sync status or anything for staff only. */
export const customerDisplaySchema = z.object({
  /** `signup-*`: a subscription sign-up at the counter, with `signUp` saying which plan. */
  phase: z.enum(['idle', 'cart', 'waiting-qr', 'waiting-push', 'paid', 'not-paid', 'signup-waiting', 'signed-up', 'not-signed-up']),
  lines: z.array(cartLineSchema),
  totals: cartTotalsSchema,
  qrUrl: z.string().nullable(),
  expiresAt: z.number().int().nullable(),
  /** For a cash sale: the change to hand back. */
  change: minorUnitsSchema.nullable(),
  /** For a cash sale: its rounding line (the total paid in cash is totals.total + rounding). */
  rounding: minorUnitsSchema.nullable(),
  /** The plan being signed up for (the customer's phone number and profile are never shown). */
  signUp: z.object({ plan: soldPlanSchema }).nullable(),
});
export type CustomerDisplay = z.infer<typeof customerDisplaySchema>;
