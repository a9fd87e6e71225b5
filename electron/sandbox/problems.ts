/**
 * Error bodies, in the two shapes the real API uses.
 *
 * 1. `application/problem+json` ErrorV3 (RFC 7807) from the Recurring service itself:
 *    {type, title, status, detail, instance, contextId, extraDetails: [{name, reason}]}, where `type`
 *    is the problems page URL + '#' + identifier (recurring-api-problems.md). `status` is a number
 *    here: the spec says int32, although the knowledge base's example shows "400" as a string.
 * 2. The Azure API Management gateway's own JSON for errors raised before the request reaches the
 *    service (bad/missing subscription key, rate limit): spec schema `ErrorFromAzure`
 *    {responseInfo: {responseCode, responseMessage}, result: {message}}. The knowledge base warns
 *    that 401/403/422/429 may come in this shape, so a client must not assume problem+json.
 */
import { randomUUID } from 'node:crypto';
import { json, type SandboxResponse } from './http-kit';

export const RECURRING_PROBLEM_BASE = 'https://developer.vippsmobilepay.com/docs/APIs/recurring-api/recurring-api-problems#';

/** The identifiers listed on the official Recurring "Problems" page. */
export type ProblemId =
  | 'validation-error'
  | 'invalid-agreement-id'
  | 'invalid-json'
  | 'unsupported-media-type'
  | 'not-authorized'
  | 'idempotency-key-header'
  | 'charge-amount-too-high'
  | 'charge-due-too-soon'
  | 'charge-due-in-too-long'
  | 'unsupported-feature'
  | 'illegal-agreement-update'
  | 'invalid-suggested-max-amount'
  | 'cancel-charge-failed'
  | 'charge-creation-failed'
  | 'charge-capture-failed'
  | 'missing-request-header'
  | 'invalid-sale-unit'
  | 'resource-not-found'
  | 'operation-failed'
  | 'conflict'
  | 'idempotency-conflict';

export interface ExtraDetail {
  name: string;
  reason: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function statusTitle(status: number): string {
  return TITLES[status] ?? 'Error';
}

/** Thrown by handlers and domain code; the pipeline turns it into an ErrorV3 response. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly id: ProblemId,
    readonly detail: string,
    readonly extraDetails: ExtraDetail[] = [],
    readonly title: string = statusTitle(status),
  ) {
    super(`${status} ${id}: ${detail}`);
  }
}

export function problemResponse(problem: Problem, instance: string, headers: Record<string, string> = {}): SandboxResponse {
  return {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...headers },
    body: JSON.stringify({
      type: RECURRING_PROBLEM_BASE + problem.id,
      title: problem.title,
      status: problem.status,
      detail: problem.detail,
      instance,
      contextId: randomUUID(),
      // Always an array (possibly empty), so a client can iterate without a null check.
      extraDetails: problem.extraDetails,
    }),
  };
}

export function azureError(status: number, message: string, headers: Record<string, string> = {}): SandboxResponse {
  return json(status, { responseInfo: { responseCode: status, responseMessage: statusTitle(status) }, result: { message } }, headers);
}

/** A plain RFC 7807 body for the parts that are not Vipps (billing backend, control API misuse). */
export function plainProblem(status: number, detail: string, type = 'about:blank'): SandboxResponse {
  return {
    status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8' },
    body: JSON.stringify({ type, title: statusTitle(status), status, detail }),
  };
}
