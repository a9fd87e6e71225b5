/**
 * The reports a till sends its billing backend (billing-api.yaml), each idempotent on its path id:
 *   PUT /billing/v1/sales/{saleId}            SaleReport      → 201/200 {saleId, billingSaleId, recordedAt}
 *   PUT /billing/v1/agreements/{agreementId}  AgreementReport → 201/200 {agreementId, subscriberId, accountId, subscriberCreated, registeredAt}
 *   PUT /billing/v1/refunds/{refundId}        RefundReport    → 201/200 {refundId, saleId, recordedAt}
 *   PUT /billing/v1/z-reports/{zReportId}     ZReportReport   → 201/200 {zReportId, tillId, number, recordedAt}
 *
 * Order of decisions (each stops at the first answer):
 *   503 offline → 401 key → 400 (header, path id, Content-Type, JSON, the document's schema; all
 *   fields at once) → 200 replay / 409 conflict (report-ledger.ts) → 422 rules that need nothing
 *   else (report-rules.ts) → refunds only: 404 unknown sale, then 422 rules against the sale →
 *   201 recorded.
 *
 * The replay check comes after the schema but before the rules on purpose: a refund that used up
 * its sale would fail "amount ≤ what is left" when replayed, and a replay must get the first answer.
 * 400/404/409/422 are not stored under the id (a corrected report may follow), only listed.
 * `Content-Type` must be application/json (parameters allowed); the document lists no 415, so a
 * body in another type is a 400 naming `Content-Type`.
 */
import { json, parseJsonBody, type Router, type SandboxRequest, type SandboxResponse } from '../http-kit';
import type { BillingAccess } from './billing-access';
import { billingProblem, type BillingProblemType, type FieldError } from './billing-problems';
import type { BillingLedger, ReportKind } from './report-ledger';
import { agreementChecks, refundAgainstSale, refundChecks, saleChecks } from './report-rules';
import {
  agreementReportSchema,
  check,
  idempotencyKeySchema,
  pathIdSchema,
  refundReportSchema,
  saleReportSchema,
  zReportReportSchema,
  agreementEventReportSchema,
  type AgreementEventReport,
  type ZReportReport,
  type AgreementReport,
  type RefundReport,
  type SaleReport,
  type Schema,
} from './report-schema';

export interface ReportRouteDeps {
  access: BillingAccess;
  ledger: BillingLedger;
}

const PATH_PARAM: Record<ReportKind, string> = { sale: 'saleId', agreement: 'agreementId', refund: 'refundId', 'z-report': 'zReportId', 'agreement-event': 'eventId' };
const BODY_SCHEMA: Record<ReportKind, Schema> = {
  sale: saleReportSchema,
  agreement: agreementReportSchema,
  refund: refundReportSchema,
  'z-report': zReportReportSchema,
  'agreement-event': agreementEventReportSchema,
};
const NOUN: Record<ReportKind, string> = { sale: 'Sale', agreement: 'Agreement', refund: 'Refund', 'z-report': 'ZReport', 'agreement-event': 'AgreementEvent' };

export function registerReportRoutes(router: Router, deps: ReportRouteDeps): void {
  router.add('PUT', '/billing/v1/sales/:saleId', (req) => putReport(deps, 'sale', req));
  router.add('PUT', '/billing/v1/agreements/:agreementId', (req) => putReport(deps, 'agreement', req));
  router.add('PUT', '/billing/v1/refunds/:refundId', (req) => putReport(deps, 'refund', req));
  router.add('PUT', '/billing/v1/z-reports/:zReportId', (req) => putReport(deps, 'z-report', req));
  router.add('PUT', '/billing/v1/agreement-events/:eventId', (req) => putReport(deps, 'agreement-event', req));
}

function putReport(deps: ReportRouteDeps, kind: ReportKind, req: SandboxRequest): SandboxResponse {
  const gate = deps.access.gate(req);
  if ('refusal' in gate) return gate.refusal;
  const { ledger } = deps;
  const param = PATH_PARAM[kind];
  const id = req.params[param]!;
  const idempotencyKey = req.headers['idempotency-key'] ?? null;

  const refuse = (status: number, detail: string, errors: FieldError[], type: BillingProblemType): SandboxResponse => {
    ledger.reject({ kind, id, status, detail, errors, idempotencyKey });
    return billingProblem({ status, type, detail, instance: req.path, ...(errors.length > 0 ? { errors } : {}) });
  };

  // 400: everything the document's schemas say, all at once.
  const errors: FieldError[] = [];
  if (idempotencyKey !== null) check(idempotencyKeySchema, idempotencyKey, 'Idempotency-Key', errors);
  check(pathIdSchema[kind], id, `{${param}}`, errors);
  const contentType = req.headers['content-type'];
  let body: unknown;
  if (req.rawBody.trim() === '') {
    errors.push({ field: '(body)', message: `is required: a ${NOUN[kind]}Report as JSON` });
  } else if (!contentType || contentType.split(';')[0]!.trim().toLowerCase() !== 'application/json') {
    errors.push({ field: 'Content-Type', message: `must be application/json, not ${contentType ?? 'missing'}` });
  } else {
    const parsed = parseJsonBody(req.rawBody);
    if (!parsed.ok) errors.push({ field: '(body)', message: `is not valid JSON: ${parsed.error}` });
    else {
      body = parsed.value;
      check(BODY_SCHEMA[kind], body, '', errors);
      for (const error of errors) if (error.field === '') error.field = '(body)';
    }
  }
  if (errors.length > 0) return refuse(400, `The ${kind} report is not valid (${errors.length} field${errors.length === 1 ? '' : 's'}).`, errors, 'validation-error');

  // 200 / 409: the path id decides.
  const lookup = ledger.lookup(kind, id, req.rawBody, idempotencyKey);
  if (lookup.kind === 'replay') return json(200, lookup.answer);
  if (lookup.kind === 'conflict') {
    return refuse(409, `${NOUN[kind]} ${id} was already recorded with a different body; a report cannot be changed by sending it again.`, [], 'report-conflict');
  }

  const unprocessable = (found: FieldError[]) => refuse(422, `The ${kind} report cannot be recorded (${found.length} problem${found.length === 1 ? '' : 's'}).`, found, 'unprocessable-report');
  switch (kind) {
    case 'sale': {
      const report = body as SaleReport;
      const found = saleChecks(id, report);
      if (found.length > 0) return unprocessable(found);
      return json(201, ledger.recordSale(report, lookup.fingerprint, idempotencyKey));
    }
    case 'agreement': {
      const report = body as AgreementReport;
      const found = agreementChecks(id, report);
      if (found.length > 0) return unprocessable(found);
      return json(201, ledger.registerAgreement(report, lookup.fingerprint, idempotencyKey));
    }
    case 'z-report': {
      const report = body as ZReportReport;
      if (report.zReportId !== id) return unprocessable([{ field: 'zReportId', message: `must equal the zReportId in the path (${id})` }]);
      return json(201, ledger.recordZReport(report, lookup.fingerprint, idempotencyKey));
    }
    case 'agreement-event': {
      const report = body as AgreementEventReport;
      if (report.eventId !== id) return unprocessable([{ field: 'eventId', message: `must equal the eventId in the path (${id})` }]);
      if (!ledger.billingAgreement(report.vippsAgreementId)) {
        return refuse(
          404,
          `No agreement ${report.vippsAgreementId} has been registered. An agreement must be registered before changes to it are reported.`,
          [{ field: 'vippsAgreementId', message: 'is not an agreement this backend has registered' }],
          'unknown-agreement',
        );
      }
      return json(201, ledger.recordAgreementEvent(report, lookup.fingerprint, idempotencyKey));
    }
    case 'refund': {
      const report = body as RefundReport;
      const found = refundChecks(id, report);
      if (found.length > 0) return unprocessable(found);
      const sale = ledger.saleReport(report.saleId);
      if (!sale) {
        return refuse(
          404,
          `No sale ${report.saleId} has been reported. A sale's report must be recorded before its refunds.`,
          [{ field: 'saleId', message: 'is not a sale this backend has recorded' }],
          'unknown-sale',
        );
      }
      const againstSale = refundAgainstSale(report, sale, ledger.leftOf(report.saleId));
      if (againstSale.length > 0) return unprocessable(againstSale);
      return json(201, ledger.recordRefund(report, lookup.fingerprint, idempotencyKey));
    }
  }
}
