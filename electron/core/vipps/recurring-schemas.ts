import { z } from 'zod';

/**
 * Zod schemas for the Recurring v3 shapes Kassa reads, following
 * ../shared/vipps/openapi/recurring-v3.yaml (3.1.2). Objects are loose: Vipps may add fields at any
 * time and the till must not break when it does. Enums Kassa acts on are strict.
 */

export const agreementStatusSchema = z.enum(['PENDING', 'ACTIVE', 'STOPPED', 'EXPIRED']);
export type AgreementStatus = z.infer<typeof agreementStatusSchema>;

export const draftAgreementResponseSchema = z.looseObject({
  agreementId: z.string().min(1),
  uuid: z.string(),
  vippsConfirmationUrl: z.string().nullable().optional(),
  chargeId: z.string().nullable().optional(),
});
export type DraftAgreementResponse = z.infer<typeof draftAgreementResponseSchema>;

export const agreementResponseSchema = z.looseObject({
  id: z.string(),
  status: agreementStatusSchema,
  productName: z.string(),
  created: z.string().optional(),
  start: z.string().nullable().optional(),
  stop: z.string().nullable().optional(),
  sub: z.string().nullable().optional(),
  userinfoUrl: z.string().nullable().optional(),
  externalId: z.string().nullable().optional(),
  productDescription: z.string().nullable().optional(),
  pricing: z
    .looseObject({
      type: z.enum(['LEGACY', 'VARIABLE', 'FLEXIBLE']),
      currency: z.enum(['NOK', 'DKK', 'EUR']),
      amount: z.number().int().optional(),
      suggestedMaxAmount: z.number().int().optional(),
      maxAmount: z.number().int().optional(),
    })
    .optional(),
  interval: z
    .looseObject({ unit: z.enum(['YEAR', 'MONTH', 'WEEK', 'DAY']).optional(), count: z.number().int().optional(), text: z.string().optional() })
    .optional(),
});
export type AgreementResponse = z.infer<typeof agreementResponseSchema>;

export const chargeStatusSchema = z.enum([
  'PENDING',
  'DUE',
  'PROCESSING',
  'UNKNOWN',
  'CHARGED',
  'FAILED',
  'REFUNDED',
  'PARTIALLY_REFUNDED',
  'RESERVED',
  'PARTIALLY_CAPTURED',
  'CANCELLED',
]);
export type ChargeStatus = z.infer<typeof chargeStatusSchema>;

export const chargeResponseSchema = z.looseObject({
  id: z.string(),
  agreementId: z.string(),
  amount: z.number().int(),
  status: chargeStatusSchema,
  type: z.string(),
  transactionType: z.enum(['DIRECT_CAPTURE', 'RESERVE_CAPTURE']),
  summary: z
    .looseObject({ captured: z.number().int(), refunded: z.number().int(), cancelled: z.number().int() })
    .optional(),
  failureReason: z.string().nullable().optional(),
  currency: z.enum(['NOK', 'DKK', 'EUR']).optional(),
  description: z.string().optional(),
  due: z.string().optional(),
});
export type ChargeResponse = z.infer<typeof chargeResponseSchema>;

/** The request body of DraftAgreementV3, as Kassa builds it. */
export interface DraftAgreementRequest {
  pricing:
    | { type: 'LEGACY'; currency: string; amount: number }
    | { type: 'VARIABLE'; currency: string; suggestedMaxAmount: number }
    | { type: 'FLEXIBLE'; currency: string };
  /** Left out for a FLEXIBLE (pay-per-use) agreement. */
  interval?: { unit: 'YEAR' | 'MONTH' | 'WEEK' | 'DAY'; count: number };
  merchantRedirectUrl: string;
  merchantAgreementUrl: string;
  phoneNumber: string;
  productName: string;
  productDescription?: string;
  externalId: string;
  skipLandingPage: true;
  scope?: string;
  initialCharge?: { amount: number; description: string; transactionType: 'DIRECT_CAPTURE' | 'RESERVE_CAPTURE'; externalId?: string };
  campaign?: Record<string, unknown>;
}
