import {
  createPaymentResponseSchema,
  getPaymentResponseSchema,
  modificationResponseSchema,
  type CreatePaymentRequest,
  type GetPaymentResponse,
  type ModificationResponse,
} from './epayment-schemas';
import type { VippsHttpClient } from './vipps-http-client';

const enc = encodeURIComponent;
const BASE = '/epayment/v1/payments';

/** ePayment v1, the calls a till makes. Each mutation takes the idempotency key stored for it. */
export class EpaymentClient {
  constructor(private readonly vipps: VippsHttpClient) {}

  create(body: CreatePaymentRequest, idempotencyKey: string) {
    return this.vipps.call({ operation: 'create payment', method: 'POST', path: BASE, json: body, idempotencyKey, expect: [201], schema: createPaymentResponseSchema });
  }

  get(reference: string): Promise<GetPaymentResponse> {
    return this.vipps.call({ operation: 'get payment', method: 'GET', path: `${BASE}/${enc(reference)}`, expect: [200], schema: getPaymentResponseSchema });
  }

  capture(reference: string, amount: { currency: string; value: number }, idempotencyKey: string): Promise<ModificationResponse> {
    return this.modify('capture', reference, { modificationAmount: amount }, idempotencyKey);
  }

  refund(reference: string, amount: { currency: string; value: number }, idempotencyKey: string): Promise<ModificationResponse> {
    return this.modify('refund', reference, { modificationAmount: amount }, idempotencyKey);
  }

  /** Before authorization the payment becomes TERMINATED; after it, the reservation is released. */
  cancel(reference: string, idempotencyKey: string): Promise<ModificationResponse> {
    return this.modify('cancel', reference, {}, idempotencyKey);
  }

  private modify(action: 'capture' | 'refund' | 'cancel', reference: string, json: unknown, idempotencyKey: string) {
    return this.vipps.call({
      operation: `${action} payment`,
      method: 'POST',
      path: `${BASE}/${enc(reference)}/${action}`,
      json,
      idempotencyKey,
      expect: [200],
      schema: modificationResponseSchema,
    });
  }
}
