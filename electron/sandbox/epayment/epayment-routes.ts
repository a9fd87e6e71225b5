/**
 * ePayment v1 endpoints (epayment-v1.yaml 1.8.1; the spec's server is `…/epayment` with paths
 * `/v1/...`). Statuses: create 201, adjustments 200 with a ModificationResponse, reads 200, force
 * approve 200 without a body.
 *
 * An unknown reference is 404 with code 5090 "Reference not found" on every per-payment endpoint;
 * it is looked up before the body is validated (an unknown payment is the bigger problem, and the
 * body's currency is checked against the payment's). A reference that cannot be one (pattern
 * `^[a-zA-Z0-9-]{8,64}$`) is a 400 validation problem naming `reference`.
 */
import { empty, json, type Router, type SandboxRequest } from '../http-kit';
import { epaymentRateLimits } from '../rate-limiter';
import { coded, validationProblem } from './epayment-problems';
import { bodyReference, epaymentEndpoint, type EpaymentCall, type EpaymentGatewayDeps } from './epayment-gateway';
import { REFERENCE, validateCancel, validateCreatePayment, validateForceApprove, validateModification } from './create-validation';
import { CustomerActionError, type PaymentStore } from './payment-store';
import { presentCreated, presentEvents, presentModification, presentPayment, type PaymentPresentContext } from './presenters';
import type { PaymentRecord } from './model';

export interface EpaymentRouteDeps extends EpaymentGatewayDeps {
  payments: PaymentStore;
  present: () => PaymentPresentContext;
}

const BASE = '/epayment/v1';
const limits = epaymentRateLimits;
const pathReference = (req: SandboxRequest) => req.params['reference'] ?? '';

export function registerEpaymentRoutes(router: Router, deps: EpaymentRouteDeps): void {
  const { payments } = deps;
  const paymentOf = ({ req, merchant }: EpaymentCall): PaymentRecord => {
    const reference = pathReference(req);
    if (!REFERENCE.test(reference)) throw validationProblem([{ name: 'reference', reason: 'Must match ^[a-zA-Z0-9-]{8,64}$' }], `\`${reference}\` is not a valid reference.`);
    return payments.get(merchant.msn, reference);
  };

  // createPayment → 201 CreatePaymentResponse.
  router.add(
    'POST',
    `${BASE}/payments`,
    epaymentEndpoint(deps, { operation: 'create', keyRequired: true, rateLimit: limits.CreatePayment, reference: bodyReference }, ({ merchant, body, idempotencyKey }) => {
      const valid = validateCreatePayment(body, merchant);
      const payment = payments.create(merchant, valid, idempotencyKey!);
      return json(201, presentCreated(payment, deps.present()));
    }),
  );

  // getPayment.
  router.add(
    'GET',
    `${BASE}/payments/:reference`,
    epaymentEndpoint(deps, { operation: null, keyRequired: false, rateLimit: limits.GetPayment, reference: pathReference }, (call) => json(200, presentPayment(paymentOf(call), deps.present()))),
  );

  // getPaymentEventLog.
  router.add(
    'GET',
    `${BASE}/payments/:reference/events`,
    epaymentEndpoint(deps, { operation: null, keyRequired: false, rateLimit: limits.GetPaymentEventLog, reference: pathReference }, (call) => json(200, presentEvents(paymentOf(call)))),
  );

  // capturePayment → 200 ModificationResponse.
  router.add(
    'POST',
    `${BASE}/payments/:reference/capture`,
    epaymentEndpoint(deps, { operation: 'capture', keyRequired: true, rateLimit: limits.CapturePayment, reference: pathReference }, (call) => {
      const payment = paymentOf(call);
      const value = validateModification(call.body, payment.currency);
      return json(200, presentModification(payments.capture(payment, value, call.idempotencyKey!)));
    }),
  );

  // refundPayment → 200 ModificationResponse.
  router.add(
    'POST',
    `${BASE}/payments/:reference/refund`,
    epaymentEndpoint(deps, { operation: 'refund', keyRequired: true, rateLimit: limits.RefundPayment, reference: pathReference }, (call) => {
      const payment = paymentOf(call);
      const value = validateModification(call.body, payment.currency);
      return json(200, presentModification(payments.refund(payment, value, call.idempotencyKey!)));
    }),
  );

  // cancelPayment → 200 ModificationResponse. Idempotency-Key optional (see epayment-gateway.ts).
  router.add(
    'POST',
    `${BASE}/payments/:reference/cancel`,
    epaymentEndpoint(deps, { operation: 'cancel', keyRequired: false, rateLimit: limits.CancelPayment, reference: pathReference }, (call) => {
      const payment = paymentOf(call);
      const options = validateCancel(call.body);
      return json(200, presentModification(payments.cancel(payment, options, call.idempotencyKey)));
    }),
  );

  // forceApprove (test environment only) → 200, no body. Test amounts do not decline here
  // ("The force approve endpoint does not support this functionality"). Not in the rate-limit table.
  router.add(
    'POST',
    `${BASE}/test/payments/:reference/approve`,
    epaymentEndpoint(deps, { operation: null, keyRequired: false, rateLimit: null, reference: pathReference }, (call) => {
      const payment = paymentOf(call);
      const { phoneNumber, token } = validateForceApprove(call.body);
      if (token !== undefined && token !== payment.token) {
        throw coded(400, 10010, 'Force approve payment failed. Reason: `the token does not belong to this payment`.');
      }
      try {
        payments.approve(payment, { phoneNumber, force: true });
      } catch (error) {
        if (error instanceof CustomerActionError) throw coded(400, 10010, `Force approve payment failed. Reason: \`${error.message}\``);
        throw error;
      }
      return empty(200);
    }),
  );
}
