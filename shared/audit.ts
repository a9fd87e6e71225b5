import { z } from 'zod';

/** What the journal records. Codes, not sentences: the renderer words them. */
export const auditActions = [
  'staff.first-manager',
  'staff.created',
  'staff.signed-in',
  'staff.sign-in-refused',
  'staff.locked-out',
  'staff.signed-out',
  'staff.idle-signed-out',
  'approval.granted',
  'kiosk.exited',
  'approval.refused',
  'subscription.start',
  'payment.start',
  'payment.cash',
  'sale.refund',
  'sync.retry',
  'sync.discard',
  'drawer.move',
  'zreport.close',
  'zreport.x',
  'report.exported',
  'agreement.changePlan',
  'agreement.stop',
  'charge.refund',
  'charge.cancel',
] as const;
export const auditActionSchema = z.enum(auditActions);
export type AuditAction = z.infer<typeof auditActionSchema>;

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.number().int(),
  tillId: z.string(),
  action: auditActionSchema,
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  approver: z.object({ id: z.string(), name: z.string() }).nullable(),
  subjectId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
