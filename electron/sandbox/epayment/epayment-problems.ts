/**
 * ePayment's error body — not Recurring's ErrorV3. epayment-v1.yaml `Problem`:
 *   {type (uri), title, detail, status, traceId, extraDetails: [{name, reason}]}, required type,
 *   title, status, traceId; content type `application/problem+json`.
 * Shaped after the one real example the docs give (fact sheet §4.8):
 *   {"type":"https://httpstatuses.io/400","title":"Cannot capture before reservation",
 *    "detail":"The amount you tried to capture is not reserved. …",
 *    "instance":"/v1/payments/577531734343670112/capture","status":400,
 *    "extraDetails":[{"name":"ErrorCode","reason":"6080"}],
 *    "traceId":"00-813b63975adcaaeef2b0ec7c103c40e3-706492e906541d31-01"}
 * so: `type` is the httpstatuses.io URL of the status, `instance` is the path under the API's
 * server root (`/v1/...`, without `/epayment`), `traceId` is a W3C traceparent.
 *
 * Business errors carry their numeric code as `{name: "ErrorCode", reason: "6080"}` — the thing a
 * client must branch on, never the text. Validation errors (the body does not match the schema)
 * carry no code and name each failing field instead (`{name: "amount.value", reason: "…"}`).
 * A coded error about one field (4140 "Missing required parameter") carries both.
 * `extraDetails` is always an array, so a client can iterate without a null check.
 */
import { randomBytes } from 'node:crypto';
import type { SandboxResponse } from '../http-kit';
import { statusTitle, type ExtraDetail } from '../problems';

/** The path of the spec's server URL; `instance` is the request path below it. */
export const EPAYMENT_ROOT = '/epayment';

/**
 * Titles of the codes the sandbox answers with, worded as in the ePayment FAQ's error table and
 * the 2026 error reference (fact sheet §4.8). A few codes have two wordings in the docs; the
 * caller may override the title (4150 is "Idempotency error" for a taken reference and
 * "Refund idempotency conflict" for a changed refund).
 */
export const errorTitles = {
  3010: 'Internal error',
  4010: 'Capture idempotency conflict',
  4020: 'Idempotency error',
  4040: 'Invalid amount',
  4050: 'Invalid CustomerToken',
  4060: 'Invalid PersonalQr',
  4080: 'Invalid scope',
  4090: 'Invalid URL',
  4100: 'Metadata capacity exceeded',
  4120: 'Metadata key length exceeded',
  4130: 'Metadata value length exceeded',
  4140: 'Missing required parameter',
  4150: 'Idempotency error',
  5010: 'Blocking sources not applicable',
  5020: 'Express payment not allowed',
  5040: 'Invalid currency for merchant',
  5050: 'Long-living payment not allowed',
  5080: 'PUSH_MESSAGE not allowed',
  5090: 'Reference not found',
  5100: 'Refund not possible',
  6010: 'Amount too small',
  6020: 'Attempted refund before reservation',
  6040: 'Cannot cancel a captured payment',
  6060: 'Cannot cancel authorized payment',
  6070: 'Cannot capture a cancelled payment',
  6080: 'Cannot capture before reservation',
  6090: 'Capture amount too high',
  6150: 'Not enough refundable',
  6190: 'Payment cannot be cancelled',
  6200: 'Payment cannot be captured',
  6220: 'Refund period expired',
  10010: 'Approve failed',
  10060: 'Operation not supported',
} as const;

export type ErrorCode = keyof typeof errorTitles;

export class EpaymentProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly code: ErrorCode | null = null,
    readonly fields: ExtraDetail[] = [],
  ) {
    super(`${status} ${code ?? 'validation'}: ${detail}`);
  }
}

/** A business error with its documented code. */
export function coded(status: number, code: ErrorCode, detail: string, options: { title?: string; fields?: ExtraDetail[] } = {}): EpaymentProblem {
  return new EpaymentProblem(status, options.title ?? errorTitles[code], detail, code, options.fields ?? []);
}

/** 400 for a body, header or path parameter that does not match the spec: fields, no code. */
export function validationProblem(fields: ExtraDetail[], detail = 'One or more validation errors occurred.'): EpaymentProblem {
  return new EpaymentProblem(400, 'Bad Request', detail, null, fields);
}

export function epaymentProblemResponse(problem: EpaymentProblem, path: string, headers: Record<string, string> = {}): SandboxResponse {
  const extraDetails: ExtraDetail[] = [...(problem.code !== null ? [{ name: 'ErrorCode', reason: String(problem.code) }] : []), ...problem.fields];
  return {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...headers },
    body: JSON.stringify({
      type: `https://httpstatuses.io/${problem.status}`,
      title: problem.title,
      detail: problem.detail,
      instance: path.startsWith(`${EPAYMENT_ROOT}/`) ? path.slice(EPAYMENT_ROOT.length) : path,
      status: problem.status,
      traceId: traceId(),
      extraDetails,
    }),
  };
}

/** A plain status problem (404 route, injected 5xx) in the ePayment shape. */
export function epaymentStatusProblem(status: number, detail: string, path: string): SandboxResponse {
  return epaymentProblemResponse(new EpaymentProblem(status, statusTitle(status), detail), path);
}

/** W3C traceparent, as in the docs' example: 00-<32 hex trace id>-<16 hex span id>-01. */
function traceId(): string {
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
}
