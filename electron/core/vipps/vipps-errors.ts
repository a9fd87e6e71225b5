import { z } from 'zod';
import type { AppError } from '../../../shared/result';

/** How a failed Vipps call should be treated; decides retries, never the wording. */
export type VippsFailureKind =
  | 'network' // no response: may or may not have been processed
  | 'timeout' // same
  | 'server' // 5xx
  | 'rate-limited' // 429
  | 'auth' // 401 after a token refresh
  | 'forbidden' // 403
  | 'not-found' // 404
  | 'conflict' // 409 (e.g. idempotency conflict)
  | 'client'; // other 4xx: the request itself is wrong

/** Recurring ErrorV3 and ePayment Problem share these fields; Azure gateway errors do not. */
export const problemSchema = z.looseObject({
  type: z.string().optional(),
  title: z.string().optional(),
  status: z.number().optional(),
  detail: z.string().nullable().optional(),
  instance: z.string().nullable().optional(),
  extraDetails: z.array(z.looseObject({ name: z.string().optional(), reason: z.string().optional() })).nullable().optional(),
});
export type Problem = z.infer<typeof problemSchema>;

export class VippsApiError extends Error {
  constructor(
    readonly kind: VippsFailureKind,
    readonly operation: string,
    readonly status: number | null,
    readonly problem: Problem | null,
    readonly retryAfterMs: number | null = null,
  ) {
    super(`Vipps MobilePay ${operation} failed: ${status ?? kind}${problem?.title ? ` ${problem.title}` : ''}`);
    this.name = 'VippsApiError';
  }

  /** Network trouble, 5xx and 429 are worth another attempt with the same idempotency key. */
  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.kind === 'server' || this.kind === 'rate-limited';
  }

  /** The field the API complained about, from extraDetails. */
  fieldNamed(name: string): string | null {
    const detail = this.problem?.extraDetails?.find((d) => d.name?.toLowerCase() === name.toLowerCase());
    return detail ? (detail.reason ?? 'invalid') : null;
  }
}

export function kindForStatus(status: number): VippsFailureKind {
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'client';
}

export interface CashierErrorContext {
  merchantSerialNumber: string;
}

/**
 * Turns a failed call into words a cashier can act on. Never includes credentials or headers; the
 * API's own title/detail is safe to show and helps support.
 */
export function cashierErrorFor(error: VippsApiError, context: CashierErrorContext): AppError {
  switch (error.kind) {
    case 'network':
    case 'timeout':
    case 'server':
      return {
        code: 'VIPPS_UNAVAILABLE',
        message: 'Vipps MobilePay cannot be reached right now. Nothing has been charged. Kassa keeps trying; you can also cancel.',
      };
    case 'rate-limited':
      return { code: 'RATE_LIMITED', message: 'Vipps MobilePay asked Kassa to slow down. Nothing has been charged; Kassa retries shortly.' };
    case 'auth':
      return {
        code: 'VIPPS_AUTH',
        message: "Vipps MobilePay did not accept this till's API keys. Ask the manager to check the Vipps MobilePay settings.",
      };
    case 'forbidden':
      return {
        code: 'SKIP_LANDING_PAGE_NOT_ALLOWED',
        message:
          `This shop's sales unit (MSN ${context.merchantSerialNumber}) is not enabled for in-shop requests sent straight ` +
          "to the customer's phone (skipLandingPage). The shop owner must ask Vipps MobilePay to enable it for this sales unit " +
          '(business portal or partner). Nothing has been charged.',
      };
    default: {
      const phone = error.fieldNamed('phoneNumber');
      if (phone) {
        return {
          code: 'VALIDATION',
          message: `Vipps MobilePay did not accept this phone number (${phone}). Check it with the customer.`,
          fields: { phone: `Vipps MobilePay did not accept this phone number (${phone}).` },
        };
      }
      const why = error.problem?.detail || error.problem?.title || `HTTP ${error.status}`;
      return { code: 'VIPPS_REJECTED', message: `Vipps MobilePay refused the request: ${why}. Nothing has been charged.` };
    }
  }
}
