import { z } from 'zod';
import { currencySchema, minorUnitsSchema, positiveMinorUnitsSchema } from './money';
import { vatRateSchema } from './vat';
import { requestIdSchema } from './intention';
import { approvalSchema, staffRefSchema } from './staff';
import { saleSchema, saleStatuses } from './sale';
import { subscriptionSaleSchema, subscriptionStatuses } from './subscription';
import { auditActionSchema, auditEntrySchema } from './audit';

/**
 * The manager's side of the till: the day view, the sales list, the cash drawer, X- and Z-reports
 * and exports. Every amount is whole minor units in the shop's currency.
 *
 * When things count: a sale on the moment its money was taken (completed), a refund on the moment
 * it was paid back, an agreement's initial charge on the moment the customer approved, an agreement
 * request on the moment it was made. So a sale created at 23:59 and approved at 00:01 belongs to the
 * new day, the day its money arrived, and a refund of yesterday's sale belongs to today.
 */

/** A calendar day of the till, in the till's local time: "2026-11-22". */
export const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-22')
  .refine((text) => {
    const [y, m, d] = text.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'is not a date in the calendar');

/** How the money came: the ePayment tenders, cash, and agreements' initial charges. */
export const reportTenders = ['vipps-push', 'vipps-qr', 'cash', 'agreement'] as const;
export const reportTenderSchema = z.enum(reportTenders);
export type ReportTender = z.infer<typeof reportTenderSchema>;

const amount = minorUnitsSchema;
const count = z.number().int().min(0);

/**
 * Cash rounding (shared/cash-rounding.ts): what the cash taken and handed back differed from the
 * goods' totals by, sales' less refunds'. It is money in the drawer and in the day's takings, but
 * not a sale of anything, so it has its own line beside gross and refunds (and none in the VAT
 * table). Reports stored before it existed read as 0.
 */
const rounding = amount.default(0);

export const periodTotalsSchema = z.object({
  gross: amount,
  refunds: amount,
  rounding,
  /** gross − refunds + rounding. */
  net: amount,
  sales: count,
  refundCount: count,
});

/** net = gross − refunds + rounding; only cash is ever rounded. */
export const tenderRowSchema = z.object({ tender: reportTenderSchema, count, gross: amount, refunds: amount, rounding, net: amount });
export const vatRowSchema = z.object({
  rate: vatRateSchema,
  /** Sold at this rate: base (without VAT), VAT, and the two together. */
  base: amount,
  vat: amount,
  total: amount,
  /** Refunded at this rate: a refund is split over the sale's rates in proportion to them. */
  refundBase: amount,
  refundVat: amount,
  refundTotal: amount,
});
export const itemRowSchema = z.object({ kind: z.enum(['product', 'plan']), id: z.string(), name: z.string(), quantity: count, total: amount });
export const cashierRowSchema = z.object({ cashier: staffRefSchema.nullable(), count, gross: amount, refunds: amount, net: amount });
export const hourRowSchema = z.object({
  /** The local hour the bucket starts at (0–23; a day that leaves summer time has one hour twice). */
  hour: z.number().int().min(0).max(23),
  start: z.number().int(),
  count,
  gross: amount,
});

export const agreementStatsSchema = z.object({
  requested: count,
  approved: count,
  declined: count,
  expired: count,
  cancelled: count,
  failed: count,
  waiting: count,
  /** approved ÷ requests that got an answer (approved, declined, expired); null when none did. */
  approvalRate: z.number().min(0).max(1).nullable(),
  /** Median time from the request to the customer's approval. */
  medianApprovalMs: z.number().int().min(0).nullable(),
  initialCharges: z.object({ count, amount }),
});
export type AgreementStats = z.infer<typeof agreementStatsSchema>;

export const periodFiguresSchema = z.object({
  currency: currencySchema,
  from: z.number().int(),
  to: z.number().int(),
  totals: periodTotalsSchema,
  byTender: z.array(tenderRowSchema),
  byVat: z.array(vatRowSchema),
  byItem: z.array(itemRowSchema),
  byCashier: z.array(cashierRowSchema),
  agreements: agreementStatsSchema,
});
export type PeriodFigures = z.infer<typeof periodFiguresSchema>;

export const dayViewSchema = periodFiguresSchema.extend({ date: localDateSchema, byHour: z.array(hourRowSchema) });
export type DayView = z.infer<typeof dayViewSchema>;

// ---- the list of sales and agreements ------------------------------------------------------

export const entryStatuses = [...new Set([...saleStatuses, ...subscriptionStatuses])] as [string, ...string[]];
export const entryFilterSchema = z.object({
  from: z.number().int().optional(),
  to: z.number().int().optional(),
  status: z.enum(entryStatuses).optional(),
  tender: reportTenderSchema.optional(),
  cashierId: z.string().min(1).max(64).optional(),
  /** A reference, receipt number or agreement id (or its start), or the last digits of a phone number. */
  search: z.string().trim().max(64).optional(),
});
export type EntryFilter = z.infer<typeof entryFilterSchema>;

export const MAX_PAGE_SIZE = 200;
export const pageRequestSchema = z.object({ page: z.number().int().min(1).max(1_000_000).default(1), pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).default(50) });

export const entrySchema = z.object({
  kind: z.enum(['sale', 'agreement']),
  id: z.string(),
  createdAt: z.number().int(),
  status: z.string(),
  tender: reportTenderSchema,
  /** Receipt number of a sale; null for an agreement. */
  receiptNumber: z.string().nullable(),
  /** ePayment reference of a sale, Vipps agreement id of an agreement. */
  reference: z.string().nullable(),
  /** The sale's total, or the agreement's initial charge (0 without one). */
  amount,
  refunded: amount,
  currency: currencySchema,
  cashier: staffRefSchema.nullable(),
  phoneLast4: z.string().nullable(),
  /** The plan's name for an agreement; the first line (and how many more) for a sale. */
  description: z.string(),
});
export type Entry = z.infer<typeof entrySchema>;

export const entryPageSchema = z.object({ items: z.array(entrySchema), total: count, page: z.number().int(), pageSize: z.number().int() });
export type EntryPage = z.infer<typeof entryPageSchema>;

export const timelineEntrySchema = z.object({
  at: z.number().int(),
  /** 'status' (the row changed state), 'journal' (an action of staff), 'refund'. */
  kind: z.enum(['status', 'journal', 'refund']),
  /** The status reached, the journal's action code, or the refund's status. */
  code: z.string(),
  actor: staffRefSchema.nullable(),
  approver: staffRefSchema.nullable(),
  amount: amount.nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const entryDetailSchema = z.object({
  kind: z.enum(['sale', 'agreement']),
  sale: saleSchema.nullable(),
  agreement: subscriptionSaleSchema.nullable(),
  timeline: z.array(timelineEntrySchema),
});
export type EntryDetail = z.infer<typeof entryDetailSchema>;

// ---- cash drawer, X and Z ------------------------------------------------------------------

export const drawerMovementKinds = ['float', 'in', 'out'] as const;
export const drawerMoveRequestSchema = z.object({
  requestId: requestIdSchema,
  kind: z.enum(drawerMovementKinds),
  amount: positiveMinorUnitsSchema.max(100_000_000),
  reason: z.string().trim().min(1, 'Say why').max(200),
  approval: approvalSchema.optional(),
});
export type DrawerMoveRequest = z.infer<typeof drawerMoveRequestSchema>;

export const drawerMovementSchema = z.object({
  id: z.string(),
  at: z.number().int(),
  kind: z.enum(drawerMovementKinds),
  amount,
  reason: z.string(),
  by: staffRefSchema.nullable(),
});

/**
 * The drawer since the last Z: expected = float + cash sales − cash refunds + cash rounding + cash
 * in − cash out. Sales and refunds are the goods' totals; the rounding line makes them the cash
 * that actually went in and out.
 */
export const drawerSchema = z.object({
  currency: currencySchema,
  periodStart: z.number().int(),
  float: amount,
  cashSales: amount,
  cashRefunds: amount,
  cashRounding: rounding,
  cashIn: amount,
  cashOut: amount,
  expected: amount,
  movements: z.array(drawerMovementSchema),
});
export type Drawer = z.infer<typeof drawerSchema>;

export const denominationSchema = z.object({ value: positiveMinorUnitsSchema.max(100_000_000), count: z.number().int().min(0).max(100_000) });
export const cashCountSchema = z.union([
  z.object({ total: minorUnitsSchema.min(0).max(10_000_000_000) }),
  z.object({ denominations: z.array(denominationSchema).min(1).max(30) }),
]);
export type CashCount = z.infer<typeof cashCountSchema>;

export const closeDayRequestSchema = z.object({
  requestId: requestIdSchema,
  count: cashCountSchema,
  /** Reports still wait to reach the billing backend: the manager closes anyway, knowingly (journalled). */
  confirmUnsynced: z.boolean().optional(),
  approval: approvalSchema.optional(),
});
export type CloseDayRequest = z.infer<typeof closeDayRequestSchema>;

export const endOfDayReportSchema = periodFiguresSchema.extend({
  /** 'X': a look at the period so far, not numbered, nothing closed. 'Z': the closing report. */
  type: z.enum(['X', 'Z']),
  id: z.string().nullable(),
  number: z.number().int().min(1).nullable(),
  tillId: z.string(),
  drawer: drawerSchema.omit({ movements: true }),
  counted: z.object({ total: amount, denominations: z.array(denominationSchema).nullable() }).nullable(),
  /** counted − expected: negative when cash is missing. */
  cashDifference: amount.nullable(),
  /** The grand total before this report, and after it (before + net): it only grows by each Z. */
  grandTotalBefore: amount,
  grandTotal: amount,
  /** Reports still waiting for the billing backend when it was taken. */
  unsynced: count,
  confirmUnsynced: z.boolean(),
  closedBy: staffRefSchema.nullable(),
});
export type EndOfDayReport = z.infer<typeof endOfDayReportSchema>;

export const zReportSummarySchema = z.object({
  id: z.string(),
  number: z.number().int(),
  periodStart: z.number().int(),
  closedAt: z.number().int(),
  currency: currencySchema,
  net: amount,
  grandTotal: amount,
  cashDifference: amount,
});
export type ZReportSummary = z.infer<typeof zReportSummarySchema>;

// ---- journal and exports -------------------------------------------------------------------

export const auditFilterSchema = z.object({
  from: z.number().int().optional(),
  to: z.number().int().optional(),
  action: auditActionSchema.optional(),
  actorId: z.string().min(1).max(64).optional(),
  subjectId: z.string().min(1).max(128).optional(),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;
export const auditPageSchema = z.object({ items: z.array(auditEntrySchema), total: count, page: z.number().int(), pageSize: z.number().int() });

export const exportFormatSchema = z.enum(['csv', 'json']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;
export const exportFileSchema = z.object({ filename: z.string(), mimeType: z.string(), content: z.string() });
export type ExportFile = z.infer<typeof exportFileSchema>;
