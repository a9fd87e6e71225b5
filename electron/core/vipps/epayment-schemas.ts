import { z } from 'zod';

/**
 * Zod schemas for the ePayment v1 shapes Kassa reads, following
 * ../shared/vipps/openapi/epayment-v1.yaml (1.8.1). Loose objects: Vipps may add fields.
 */

export const paymentStateSchema = z.enum(['CREATED', 'ABORTED', 'EXPIRED', 'AUTHORIZED', 'TERMINATED']);
export type PaymentState = z.infer<typeof paymentStateSchema>;

const amountSchema = z.looseObject({ currency: z.string(), value: z.number().int() });

export const aggregateSchema = z.looseObject({
  authorizedAmount: amountSchema,
  cancelledAmount: amountSchema,
  capturedAmount: amountSchema,
  refundedAmount: amountSchema,
});
export type Aggregate = z.infer<typeof aggregateSchema>;

export const createPaymentResponseSchema = z.looseObject({
  reference: z.string(),
  redirectUrl: z.string().optional(),
});

export const getPaymentResponseSchema = z.looseObject({
  reference: z.string(),
  state: paymentStateSchema,
  amount: amountSchema,
  aggregate: aggregateSchema,
  pspReference: z.string(),
  redirectUrl: z.string().optional(),
});
export type GetPaymentResponse = z.infer<typeof getPaymentResponseSchema>;

export const modificationResponseSchema = z.looseObject({
  reference: z.string(),
  state: paymentStateSchema,
  amount: amountSchema,
  aggregate: aggregateSchema,
  pspReference: z.string(),
});
export type ModificationResponse = z.infer<typeof modificationResponseSchema>;

export interface OrderLine {
  name: string;
  id: string;
  totalAmount: number;
  totalAmountExcludingTax: number;
  totalTaxAmount: number;
  taxRate: number;
  unitInfo: { unitPrice: number; quantity: string; quantityUnit: 'PCS' };
}

/** The CreatePaymentRequest body Kassa sends for a sale at the counter. */
export interface CreatePaymentRequest {
  amount: { currency: string; value: number };
  paymentMethod: { type: 'WALLET' };
  reference: string;
  userFlow: 'PUSH_MESSAGE' | 'QR';
  customer?: { phoneNumber: string };
  qrFormat?: { format: 'TEXT/TARGETURL' };
  customerInteraction: 'CUSTOMER_PRESENT';
  paymentDescription: string;
  receipt: {
    orderLines: OrderLine[];
    bottomLine: { currency: string; posId: string; receiptNumber: string; totalAmount: number; totalTax: number };
  };
}

/** The amounts of an aggregate as Kassa stores them: plain minor units. */
export function aggregateAmounts(aggregate: Aggregate) {
  return {
    authorized: aggregate.authorizedAmount.value,
    captured: aggregate.capturedAmount.value,
    refunded: aggregate.refundedAmount.value,
    cancelled: aggregate.cancelledAmount.value,
  };
}
