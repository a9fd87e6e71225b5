import { because, type ReasonRef } from '../../../shared/reasons';
import type { BillingRefusal } from '../billing/billing-client';

/**
 * Why the billing backend refused a report for good, as a reason the manager's screen words in its
 * language: the problem's type when the backend named one (billing-api.yaml's problems), else its
 * status. The fields it named go along as `fields` (their JSON paths: data, not words); the
 * backend's English detail only when nothing more specific is known.
 */
export function refusalReason(status: number | null, refusal: BillingRefusal, detail: string): ReasonRef {
  const fields = refusal.fields.length > 0 ? { fields: refusal.fields.join(', ') } : undefined;
  switch (refusal.problemType ?? statusMeaning[status ?? 0]) {
    case 'validation-error':
      return because('BILLING_REPORT_UNREADABLE', fields);
    case 'unprocessable-report':
      return because('BILLING_REPORT_NOT_ACCEPTED', fields);
    case 'report-conflict':
      return because('BILLING_REPORT_CONFLICT');
    case 'unknown-sale':
    case 'unknown-agreement':
    case 'unknown-subscriber':
      return because('BILLING_REPORT_SUBJECT_UNKNOWN');
    default:
      return because('BILLING_REFUSED_REPORT', { detail, ...(status !== null ? { status } : {}) });
  }
}

/** What a status means when the backend gave no problem type (billing-api.yaml lists these for reports). */
const statusMeaning: Record<number, string> = {
  400: 'validation-error',
  404: 'unknown-sale',
  409: 'report-conflict',
  422: 'unprocessable-report',
};
