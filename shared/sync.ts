import { z } from 'zod';
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

/** A report the billing backend refused for good: kept with its error until a manager acts. */
export const deadLetterSchema = z.object({
  id: z.string(),
  kind: outboxKindSchema,
  subjectId: z.string(),
  createdAt: z.number().int(),
  attempts: z.number().int(),
  error: appErrorSchema,
  /** What the report says, in one line (e.g. "Sale till-1-000042, 497,00 NOK"). */
  summary: z.string(),
});
export type DeadLetter = z.infer<typeof deadLetterSchema>;

export const discardRequestSchema = z.object({
  id: z.string().min(1),
  reason: z.string().trim().min(5, 'Say why the report is discarded (at least 5 characters).').max(500),
  /** A manager's PIN, when a cashier asks for the discard. */
  approval: approvalSchema.optional(),
});
