import { z } from 'zod';
import type { Sale, Refund } from '../../../shared/sale';
import type { SubscriptionSale } from '../../../shared/subscription';

/**
 * The reports Kassa sends to the billing backend, as electron/core/billing/billing-api.yaml defines
 * them. Built from the rows they report, stored in the outbox, and parsed again with these schemas
 * when read back, so a damaged outbox row becomes a dead letter with a reason, never a bad request.
 */
const money = z.number().int().safe();
const iso = z.iso.datetime();

export const saleReportSchema = z.object({
  saleId: z.string(),
  receiptNumber: z.string(),
  tillId: z.string(),
  cashier: z.string().nullable(),
  currency: z.enum(['NOK', 'DKK', 'EUR']),
  total: money,
  vat: money,
  lines: z
    .array(z.object({ productId: z.string(), name: z.string(), quantity: z.number().int().min(1), unitPrice: money, total: money, vat: money, vatRate: z.number().int() }))
    .min(1),
  vatSummary: z.array(z.object({ rate: z.number().int(), base: money, vat: money, total: money })),
  tenders: z
    .array(
      z.object({
        type: z.enum(['VIPPS_MOBILEPAY', 'CASH']),
        amount: money,
        reference: z.string().optional(),
        pspReference: z.string().optional(),
        capturedAmount: money.optional(),
        tendered: money.optional(),
        change: money.optional(),
      }),
    )
    .min(1),
  createdAt: iso,
  completedAt: iso,
});
export type SaleReport = z.infer<typeof saleReportSchema>;

export const agreementReportSchema = z.object({
  agreementId: z.string(),
  saleId: z.string(),
  tillId: z.string(),
  cashier: z.string().nullable(),
  planId: z.string(),
  phoneNumber: z.string().regex(/^\d{9,15}$/),
  currency: z.enum(['NOK', 'DKK', 'EUR']),
  subscriber: z.object({ name: z.string().optional(), email: z.string().optional(), address: z.string().optional() }).optional(),
  initialCharge: z.object({ chargeId: z.string(), amount: money, status: z.string() }).nullable(),
  createdAt: iso,
  activatedAt: iso,
});
export type AgreementReport = z.infer<typeof agreementReportSchema>;

export const refundReportSchema = z.object({
  refundId: z.string(),
  saleId: z.string(),
  tillId: z.string(),
  cashier: z.string().nullable(),
  /** The manager who approved a cashier's refund (the manager themself when they made it). */
  approvedBy: z.string().nullable().optional(),
  currency: z.enum(['NOK', 'DKK', 'EUR']),
  amount: money,
  reference: z.string().optional(),
  createdAt: iso,
  refundedAt: iso,
});
export type RefundReport = z.infer<typeof refundReportSchema>;

export const reportSchemas = { sale: saleReportSchema, agreement: agreementReportSchema, refund: refundReportSchema } as const;

const isoOf = (ms: number) => new Date(ms).toISOString();

export function saleReport(sale: Sale, tillId: string, completedAt: number): SaleReport {
  const tender =
    sale.tender === 'cash'
      ? { type: 'CASH' as const, amount: sale.totals.total, tendered: sale.cash!.tendered, change: sale.cash!.change }
      : {
          type: 'VIPPS_MOBILEPAY' as const,
          amount: sale.totals.total,
          reference: sale.reference,
          ...(sale.pspReference ? { pspReference: sale.pspReference } : {}),
          capturedAmount: sale.amounts.captured,
        };
  return {
    saleId: sale.id,
    receiptNumber: sale.receiptNumber,
    tillId,
    cashier: sale.cashier?.name ?? null,
    currency: sale.totals.currency,
    total: sale.totals.total,
    vat: sale.totals.vat,
    lines: sale.lines.map((l) => ({ productId: l.productId, name: l.name, quantity: l.quantity, unitPrice: l.unitPrice, total: l.total, vat: l.vat, vatRate: l.vatRate })),
    vatSummary: sale.totals.byRate,
    tenders: [tender],
    createdAt: isoOf(sale.createdAt),
    completedAt: isoOf(completedAt),
  };
}

export function agreementReport(sale: SubscriptionSale, tillId: string, activatedAt: number): AgreementReport {
  const initial = sale.initialCharge?.chargeId && sale.plan.initialCharge
    ? { chargeId: sale.initialCharge.chargeId, amount: sale.plan.initialCharge.amount, status: sale.initialCharge.status ?? 'UNKNOWN' }
    : null;
  return {
    agreementId: sale.agreementId!,
    saleId: sale.id,
    tillId,
    cashier: sale.cashier?.name ?? null,
    planId: sale.plan.id,
    phoneNumber: sale.phone.msisdn,
    currency: sale.plan.currency,
    ...(sale.profile ? { subscriber: sale.profile } : {}),
    initialCharge: initial,
    createdAt: isoOf(sale.createdAt),
    activatedAt: isoOf(activatedAt),
  };
}

export function refundReport(refund: Refund, sale: Sale, tillId: string, refundedAt: number): RefundReport {
  return {
    refundId: refund.id,
    saleId: sale.id,
    tillId,
    cashier: refund.cashier?.name ?? null,
    approvedBy: refund.approvedBy?.name ?? null,
    currency: sale.totals.currency,
    amount: refund.amount,
    reference: sale.reference,
    createdAt: isoOf(refund.createdAt),
    refundedAt: isoOf(refundedAt),
  };
}
