/**
 * Errors of the billing backend: `application/problem+json` (RFC 7807) with the document's Problem
 * schema {type, title, status, detail?, instance?, errors?: [{field, message}]}
 * (electron/core/billing/billing-api.yaml).
 *
 * `type` (the document is silent): `about:blank` for the plain HTTP meanings (401, 429, 503 —
 * the title then is the status phrase, as RFC 7807 §4.2 asks), and a URI under the document's
 * example server for the billing-specific ones, so a client can tell them apart without parsing
 * `detail`: validation-error (400), unprocessable-report (422), unknown-sale (404),
 * report-conflict (409).
 *
 * Field names in `errors` (also not in the document): the JSON path of the body, dotted with
 * array indices (`total`, `lines[1].vat`, `subscriber.email`); `(body)` for the body as a whole;
 * a header by its name (`Content-Type`, `Idempotency-Key`); a path parameter as in the path
 * template (`{saleId}`).
 */
import type { SandboxResponse } from '../http-kit';
import { statusTitle } from '../problems';

export const BILLING_PROBLEM_BASE = 'https://billing.example.com/problems/';

export type BillingProblemType = 'validation-error' | 'unprocessable-report' | 'unknown-sale' | 'report-conflict' | 'unknown-agreement' | 'unknown-subscriber';

export interface FieldError {
  field: string;
  message: string;
}

export interface BillingProblemInput {
  status: number;
  detail: string;
  /** A billing-specific problem type; `about:blank` when absent. */
  type?: BillingProblemType;
  /** The request path. */
  instance?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
}

export function billingProblem(input: BillingProblemInput): SandboxResponse {
  const body = {
    type: input.type ? BILLING_PROBLEM_BASE + input.type : 'about:blank',
    title: statusTitle(input.status),
    status: input.status,
    detail: input.detail,
    ...(input.instance ? { instance: input.instance } : {}),
    ...(input.errors ? { errors: input.errors } : {}),
  };
  return {
    status: input.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...(input.headers ?? {}) },
    body: JSON.stringify(body),
  };
}

/** 429 in the billing API's shape (problem+json + Retry-After), for the injected rate-limit fault. */
export function billingRateLimited(retryAfterSeconds: number, instance: string): SandboxResponse {
  return billingProblem({
    status: 429,
    detail: `Too many requests. Try again in ${retryAfterSeconds} seconds.`,
    instance,
    headers: { 'retry-after': String(retryAfterSeconds) },
  });
}

export function isBillingPath(path: string): boolean {
  return path.startsWith('/billing/');
}
