import { describe, expect, it } from 'vitest';
import { refusalReason } from '../../electron/core/outbox/refusal-reason';

describe("a refused report's reason, for the manager's screen", () => {
  it.each([
    { status: 400, problemType: 'validation-error', reason: 'BILLING_REPORT_UNREADABLE' },
    { status: 422, problemType: 'unprocessable-report', reason: 'BILLING_REPORT_NOT_ACCEPTED' },
    { status: 409, problemType: 'report-conflict', reason: 'BILLING_REPORT_CONFLICT' },
    { status: 404, problemType: 'unknown-sale', reason: 'BILLING_REPORT_SUBJECT_UNKNOWN' },
    { status: 404, problemType: 'unknown-agreement', reason: 'BILLING_REPORT_SUBJECT_UNKNOWN' },
    // A backend that names no type (about:blank) is read by its status, as billing-api.yaml lists them.
    { status: 400, problemType: null, reason: 'BILLING_REPORT_UNREADABLE' },
    { status: 422, problemType: null, reason: 'BILLING_REPORT_NOT_ACCEPTED' },
    { status: 409, problemType: null, reason: 'BILLING_REPORT_CONFLICT' },
    { status: 404, problemType: null, reason: 'BILLING_REPORT_SUBJECT_UNKNOWN' },
  ])('$status $problemType -> $reason', ({ status, problemType, reason }) => {
    expect(refusalReason(status, { problemType, fields: [] }, 'detail').reason).toBe(reason);
  });

  it('passes the fields the backend named along as data, once each', () => {
    expect(refusalReason(422, { problemType: 'unprocessable-report', fields: ['total', 'tenders'] }, 'd')).toEqual({
      reason: 'BILLING_REPORT_NOT_ACCEPTED',
      params: { fields: 'total, tenders' },
    });
    expect(refusalReason(409, { problemType: 'report-conflict', fields: [] }, 'd')).toEqual({ reason: 'BILLING_REPORT_CONFLICT' });
  });

  it("keeps the backend's own words and status only when its refusal is of a kind the till does not know", () => {
    expect(refusalReason(418, { problemType: 'teapot', fields: [] }, "I'm a teapot")).toEqual({
      reason: 'BILLING_REFUSED_REPORT',
      params: { detail: "I'm a teapot", status: 418 },
    });
    expect(refusalReason(410, { problemType: null, fields: [] }, 'Gone')).toEqual({ reason: 'BILLING_REFUSED_REPORT', params: { detail: 'Gone', status: 410 } });
  });
});
