import { z } from 'zod';
import { moneySchema } from './money';
import { appErrorSchema } from './result';
import { approvalSchema } from './staff';

export const outboxKinds = ['sale', 'agreement', 'refund', 'z-report', 'agreement-event'] as const;
export const outboxKindSchema = z.enum(outboxKinds);
export type OutboxKind = z.infer<typeof outboxKindSchema>;

/**
 * How the till's reports to the billing backend are doing. Shown to the cashier at all times,
 * never on the customer-facing display.
 */
export const syncStatusSchema = z.object({
  /** online: the last attempt worked (or nothing to send); offline: the backend cannot be reached;
   * paused: the backend refused this till's API key and delivery waits for someone to fix it. */
  state: z.enum(['online', 'offline', 'paused']),
  waiting: z.number().int().min(0),
  oldestWaitingSince: z.number().int().nullable(),
  lastDeliveredAt: z.number().int().nullable(),
  deadLetters: z.number().int().min(0),
  /** Why the till is offline or paused, in words for the cashier. */
  problem: appErrorSchema.nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** What a change to an existing agreement was, as the agreement-event report names it. */
export const agreementEventTypes = ['PLAN_CHANGED', 'STOPPED', 'CHARGE_REFUNDED', 'CHARGE_CANCELLED'] as const;
export const agreementEventTypeSchema = z.enum(agreementEventTypes);
export type AgreementEventType = z.infer<typeof agreementEventTypeSchema>;

/**
 * What a report says, as data the renderer puts into words: enough for a manager to recognise it.
 * Built from the stored payload as it is, so anything the payload no longer says is null.
 * `reference`: the sale's receipt number (or id) for a sale, the sale's id for a refund, the
 * agreement's id for an agreement or a change to one, the Z-report's number.
 */
export const reportSummarySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sale'), reference: z.string().nullable(), amount: moneySchema.nullable() }),
  z.object({ kind: z.literal('refund'), reference: z.string().nullable(), amount: moneySchema.nullable() }),
  z.object({ kind: z.literal('agreement'), reference: z.string().nullable(), planId: z.string().nullable(), phoneNumber: z.string().nullable() }),
  z.object({ kind: z.literal('agreement-event'), reference: z.string().nullable(), eventType: agreementEventTypeSchema.nullable(), amount: moneySchema.nullable() }),
  z.object({ kind: z.literal('z-report'), reference: z.string().nullable(), amount: moneySchema.nullable() }),
]);
export type ReportSummary = z.infer<typeof reportSummarySchema>;

/** A report the billing backend refused for good: kept with its error until a manager acts. */
export const deadLetterSchema = z.object({
  id: z.string(),
  kind: outboxKindSchema,
  subjectId: z.string(),
  createdAt: z.number().int(),
  attempts: z.number().int(),
  error: appErrorSchema,
  /** What the report says, as data (the renderer writes it as one line, e.g. "Sale till-1-000042, 497,00 kr"). */
  summary: reportSummarySchema,
});
export type DeadLetter = z.infer<typeof deadLetterSchema>;

export const discardRequestSchema = z.object({
  id: z.string().min(1),
  reason: z.string().trim().min(5, 'Say why the report is discarded (at least 5 characters).').max(500),
  /** A manager's PIN, when a cashier asks for the discard. */
  approval: approvalSchema.optional(),
});
