import { z } from 'zod';
import { reasonParamsSchema, reasonSchema, type ReasonRef } from './reasons';

/**
 * Stable error codes the UI switches on. Messages are written for a cashier; codes never change
 * meaning once shipped, because stored sales keep them.
 */
export const errorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'VIPPS_UNAVAILABLE',
  'VIPPS_REJECTED',
  'SKIP_LANDING_PAGE_NOT_ALLOWED',
  /** ePayment 5080: the sales unit may not push to a phone; offer the QR instead. */
  'PUSH_NOT_ALLOWED',
  /** Vipps refused a refund or capture for a reason the cashier can act on (e.g. 6150). */
  'PAYMENT_REFUSED',
  'VIPPS_AUTH',
  /** The billing backend refused this till's API key: delivery of reports is paused. */
  'BILLING_AUTH',
  'RATE_LIMITED',
  'BILLING_UNAVAILABLE',
  'INTERNAL',
  /** The call needs a signed-in member of staff: the till shows its sign-in screen. */
  'NOT_SIGNED_IN',
  /** The PIN did not match (the field says how many tries are left before a lockout). */
  'PIN_REFUSED',
  /** Too many wrong PINs: this member is locked for a while. */
  'STAFF_LOCKED',
  /** A cashier asked for something only a manager may do: a manager types their PIN to approve it. */
  'MANAGER_APPROVAL_NEEDED',
  /** Reports still wait to reach the billing backend: closing the day needs the manager to confirm. */
  'SYNC_PENDING',
  /**
   * Said by a bridge, never by the core: the request left but no answer came back (timeout, the
   * host restarting). It may or may not have been carried out; an intention is retried with its
   * request id, which makes the retry safe.
   */
  'NO_ANSWER',
  /** The agreement is stopped (by the customer in the app, or elsewhere) or expired: it cannot be changed; a new agreement can be made. */
  'AGREEMENT_NOT_ACTIVE',
] as const;
export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/**
 * What went wrong. `code` is coarse (what kind of problem: retry, check, setup...); `reason` and
 * `params` say exactly what, for the renderer to word in the active language (shared/reasons.ts);
 * an error without a reason is worded from its code alone. `message` is English, for logs only.
 * `fields` names the inputs the error belongs to (field name -> English note for logs); the
 * renderer shows the error's own worded reason at each named input.
 */
export const appErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  reason: reasonSchema.optional(),
  params: reasonParamsSchema.optional(),
  fields: z.record(z.string(), z.string()).optional(),
});
export type AppError = z.infer<typeof appErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: appErrorSchema }),
  ]);
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, fields?: Record<string, string>, why?: ReasonRef): Result<never> => ({
  ok: false,
  error: appError(code, message, fields, why),
});

/** An AppError without empty optional parts. */
export function appError(code: ErrorCode, message: string, fields?: Record<string, string>, why?: ReasonRef): AppError {
  return {
    code,
    message,
    ...(why ? { reason: why.reason } : {}),
    ...(why?.params ? { params: why.params } : {}),
    ...(fields ? { fields } : {}),
  };
}

/** An AppError that can be thrown inside the core and turned back into a Result at the boundary. */
export class KassaError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    /** Why, for the renderer to word: see shared/reasons.ts. */
    readonly why?: ReasonRef,
  ) {
    super(message);
    this.name = 'KassaError';
  }

  /** Rethrows a stored problem as it was (code, reason, params, fields). */
  static from(error: AppError): KassaError {
    return new KassaError(error.code, error.message, error.fields, error.reason ? { reason: error.reason, ...(error.params ? { params: error.params } : {}) } : undefined);
  }

  toAppError(): AppError {
    return appError(this.code, this.message, this.fields, this.why);
  }
}
