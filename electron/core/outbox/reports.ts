import { z } from 'zod';
import type { Sale, Refund } from '../../../shared/sale';
import type { SubscriptionSale } from '../../../shared/subscription';
import type { EndOfDayReport } from '../../../shared/reports';
import { agreementEventTypeSchema } from '../../../shared/sync';

/**
 * The reports Kassa sends to the billing backend, as electron/core/billing/billing-api.yaml defines
 * them. Built from the rows they report, stored in the outbox, and parsed again with these schemas
 * when read back, so a damaged outbox row becomes a dead letter with a reason, never a bad request.
 */
const money = z.number().int().safe();
const signed = z.number().int().safe();
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
        /** CASH only: the rounding line; the cash taken is amount + rounding = tendered − change. */
        rounding: signed.optional(),
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
  subscriber: z
    .object({ name: z.string().optional(), email: z.string().optional(), address: z.string().optional(), phoneNumber: z.string().optional(), birthDate: z.string().optional() })
    .optional(),
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
  /** A refund of a cash sale: the cash handed back is amount + rounding. */
  rounding: signed.optional(),
  reference: z.string().optional(),
  createdAt: iso,
  refundedAt: iso,
});
export type RefundReport = z.infer<typeof refundReportSchema>;

const count = z.number().int().min(0);

/** The closing report of a period (PUT /billing/v1/z-reports/{zReportId}). Net and the cash difference may be negative. */
export const zReportReportSchema = z.object({
  zReportId: z.string(),
  tillId: z.string(),
  number: z.number().int().min(1),
  currency: z.enum(['NOK', 'DKK', 'EUR']),
  periodStart: iso,
  closedAt: iso,
  closedBy: z.string().nullable(),
  gross: money,
  refunds: money,
  /** The period's cash rounding (sales' less refunds'); net = gross − refunds + rounding. */
  rounding: signed.optional(),
  net: signed,
  grandTotal: signed,
  tenders: z.array(z.object({ type: z.enum(['VIPPS_MOBILEPAY_PUSH', 'VIPPS_MOBILEPAY_QR', 'CASH', 'AGREEMENT_INITIAL_CHARGE']), count, gross: money, refunds: money, rounding: signed.optional(), net: signed })),
  vatSummary: z.array(z.object({ rate: z.number().int(), base: money, vat: money, total: money, refundBase: money, refundVat: money, refundTotal: money })),
  cash: z.object({ float: money, sales: money, refunds: money, rounding: signed.optional(), cashIn: money, cashOut: money, expected: signed, counted: money, difference: signed }),
  agreements: z.object({ requested: count, approved: count, declined: count, expired: count, cancelled: count, initialChargesAmount: money }),
  unsyncedAtClose: count,
  closedWithUnsynced: z.boolean(),
});
export type ZReportReport = z.infer<typeof zReportReportSchema>;

/** A change the till made to an existing agreement (PUT /billing/v1/agreement-events/{eventId}). */
export const agreementEventReportSchema = z.object({
  eventId: z.string(),
  vippsAgreementId: z.string(),
  tillId: z.string(),
  cashier: z.string().nullable(),
  approvedBy: z.string().nullable().optional(),
  type: agreementEventTypeSchema,
  planId: z.string().optional(),
  previousPlanId: z.string().optional(),
  reason: z.string().optional(),
  chargeId: z.string().optional(),
  amount: money.optional(),
  currency: z.enum(['NOK', 'DKK', 'EUR']).optional(),
  occurredAt: iso,
});
export type AgreementEventReport = z.infer<typeof agreementEventReportSchema>;

export const reportSchemas = {
  sale: saleReportSchema,
  agreement: agreementReportSchema,
  refund: refundReportSchema,
  'z-report': zReportReportSchema,
  'agreement-event': agreementEventReportSchema,
} as const;

const tenderType = { 'vipps-push': 'VIPPS_MOBILEPAY_PUSH', 'vipps-qr': 'VIPPS_MOBILEPAY_QR', cash: 'CASH', agreement: 'AGREEMENT_INITIAL_CHARGE' } as const;

export function zReportReport(report: EndOfDayReport & { id: string; number: number }): ZReportReport {
  return {
    zReportId: report.id,
    tillId: report.tillId,
    number: report.number,
    currency: report.currency,
    periodStart: new Date(report.from).toISOString(),
    closedAt: new Date(report.to).toISOString(),
    closedBy: report.closedBy?.name ?? null,
    gross: report.totals.gross,
    refunds: report.totals.refunds,
    rounding: report.totals.rounding,
    net: report.totals.net,
    grandTotal: report.grandTotal,
    tenders: report.byTender.map((t) => ({ type: tenderType[t.tender], count: t.count, gross: t.gross, refunds: t.refunds, rounding: t.rounding, net: t.net })),
    vatSummary: report.byVat.map((v) => ({ ...v })),
    cash: {
      float: report.drawer.float,
      sales: report.drawer.cashSales,
      refunds: report.drawer.cashRefunds,
      rounding: report.drawer.cashRounding,
      cashIn: report.drawer.cashIn,
      cashOut: report.drawer.cashOut,
      expected: report.drawer.expected,
      counted: report.counted?.total ?? 0,
      difference: report.cashDifference ?? 0,
    },
    agreements: {
      requested: report.agreements.requested,
      approved: report.agreements.approved,
      declined: report.agreements.declined,
      expired: report.agreements.expired,
      cancelled: report.agreements.cancelled,
      initialChargesAmount: report.agreements.initialCharges.amount,
    },
    unsyncedAtClose: report.unsynced,
    closedWithUnsynced: report.confirmUnsynced,
  };
}

const isoOf = (ms: number) => new Date(ms).toISOString();

export function saleReport(sale: Sale, tillId: string, completedAt: number): SaleReport {
  const tender =
    sale.tender === 'cash'
      ? { type: 'CASH' as const, amount: sale.totals.total, tendered: sale.cash!.tendered, change: sale.cash!.change, rounding: sale.cash!.rounding }
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
    ...(sale.tender === 'cash' ? { rounding: refund.cashRounding } : {}),
    reference: sale.reference,
    createdAt: isoOf(refund.createdAt),
    refundedAt: isoOf(refundedAt),
  };
}
