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

  /** ePayment's numeric error code (e.g. "5080"), from extraDetails `ErrorCode`. */
  get errorCode(): string | null {
    return this.fieldNamed('ErrorCode');
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
  const byCode = error.errorCode ? epaymentCashierError(error.errorCode, error) : null;
  if (byCode) return byCode;
  switch (error.kind) {
    case 'network':
    case 'timeout':
    case 'server':
      return {
        code: 'VIPPS_UNAVAILABLE',
        message: 'Vipps MobilePay cannot be reached right now. Nothing has been charged. Kassa keeps trying; you can also cancel.',
        reason: 'VIPPS_UNREACHABLE',
      };
    case 'rate-limited':
      return { code: 'RATE_LIMITED', message: 'Vipps MobilePay asked Kassa to slow down. Nothing has been charged; Kassa retries shortly.', reason: 'VIPPS_SLOW_DOWN' };
    case 'auth':
      return {
        code: 'VIPPS_AUTH',
        message: "Vipps MobilePay did not accept this till's API keys. Ask the manager to check the Vipps MobilePay settings.",
        reason: 'VIPPS_KEYS_REFUSED',
      };
    case 'forbidden':
      if (error.operation === 'create agreement') {
        return {
          code: 'SKIP_LANDING_PAGE_NOT_ALLOWED',
          message:
            `This shop's sales unit (MSN ${context.merchantSerialNumber}) is not enabled for in-shop requests sent straight ` +
            "to the customer's phone (skipLandingPage). The shop owner must ask Vipps MobilePay to enable it for this sales unit " +
            '(business portal or partner). Nothing has been charged.',
          reason: 'SKIP_LANDING_PAGE_NOT_ALLOWED',
          params: { msn: context.merchantSerialNumber },
        };
      }
      return {
        code: 'VIPPS_REJECTED',
        message: `Vipps MobilePay does not allow this for the shop's sales unit (MSN ${context.merchantSerialNumber}): ${describe(error)}. Nothing has been charged.`,
        reason: 'SALES_UNIT_NOT_ALLOWED',
        params: { msn: context.merchantSerialNumber, detail: describe(error) },
      };
    default: {
      const phone = error.fieldNamed('phoneNumber') ?? error.fieldNamed('customer.phoneNumber');
      if (phone) {
        return {
          code: 'VALIDATION',
          message: `Vipps MobilePay did not accept this phone number (${phone}). Check it with the customer.`,
          fields: { phone: `Vipps MobilePay did not accept this phone number (${phone}).` },
          reason: 'PHONE_REFUSED_BY_VIPPS',
        };
      }
      return { code: 'VIPPS_REJECTED', message: `Vipps MobilePay refused the request: ${describe(error)}. Nothing has been charged.`, reason: 'VIPPS_REFUSED', params: { detail: describe(error) } };
    }
  }
}

function describe(error: VippsApiError): string {
  return error.problem?.detail || error.problem?.title || `HTTP ${error.status}`;
}

/**
 * ePayment's documented error codes that need their own words at the till (fact sheet §4.8).
 * Anything else falls back to the API's own title.
 */
function epaymentCashierError(code: string, error: VippsApiError): AppError | null {
  switch (code) {
    case '5080':
      return {
        code: 'PUSH_NOT_ALLOWED',
        message: "This shop may not send payment requests straight to a phone. Show the QR code for the customer to scan instead.",
        reason: 'PUSH_NOT_ALLOWED_FOR_SHOP',
      };
    case '4070':
      return { code: 'VALIDATION', message: 'Vipps MobilePay did not accept this phone number.', fields: { phone: 'Vipps MobilePay did not accept this phone number.' }, reason: 'PHONE_REFUSED_BY_VIPPS' };
    case '7010':
      // Vipps asks merchants not to tell the customer the number is wrong (it may be an age limit).
      return { code: 'PUSH_NOT_ALLOWED', message: 'Vipps MobilePay cannot send the request to this number. Show the QR code for the customer to scan instead.', reason: 'PUSH_NOT_POSSIBLE' };
    case '6010':
      return { code: 'VALIDATION', message: 'The amount is below what Vipps MobilePay accepts (1.00 kr in Norway).', reason: 'AMOUNT_BELOW_MINIMUM', params: { minAmount: 100 } };
    case '6150':
      return { code: 'PAYMENT_REFUSED', message: 'That is more than is left to refund on this sale.', reason: 'REFUND_EXCEEDS_REMAINING' };
    case '6220':
      return { code: 'PAYMENT_REFUSED', message: 'This sale is too old to refund through Vipps MobilePay (365 days).', reason: 'REFUND_TOO_OLD' };
    case '6040':
    case '6170':
      return { code: 'PAYMENT_REFUSED', message: 'The payment has already been captured, so it can no longer be cancelled. Refund it instead.', reason: 'ALREADY_CAPTURED' };
    case '6250':
      return { code: 'VIPPS_UNAVAILABLE', message: 'The customer is approving the payment right now; Kassa tries the cancel again in a moment.', reason: 'CUSTOMER_APPROVING_NOW' };
    default:
      if (error.kind === 'client' || error.kind === 'conflict' || error.kind === 'forbidden') {
        return { code: 'PAYMENT_REFUSED', message: `Vipps MobilePay refused: ${describe(error)} (code ${code}).`, reason: 'PAYMENT_REFUSED_BY_VIPPS', params: { detail: describe(error), code } };
      }
      return null;
  }
}
