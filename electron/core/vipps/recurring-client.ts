import { z } from 'zod';
import type { VippsHttpClient } from './vipps-http-client';
import {
  agreementResponseSchema,
  chargeResponseSchema,
  draftAgreementResponseSchema,
  type AgreementResponse,
  type ChargeResponse,
  type DraftAgreementRequest,
  type DraftAgreementResponse,
} from './recurring-schemas';

const enc = encodeURIComponent;

/** Recurring v3, the calls a till makes. Each mutation takes the idempotency key stored for it. */
export class RecurringClient {
  constructor(private readonly vipps: VippsHttpClient) {}

  createAgreement(body: DraftAgreementRequest, idempotencyKey: string): Promise<DraftAgreementResponse> {
    return this.vipps.call({
      operation: 'create agreement',
      method: 'POST',
      path: '/recurring/v3/agreements',
      json: body,
      idempotencyKey,
      expect: [201],
      schema: draftAgreementResponseSchema,
    });
  }

  getAgreement(agreementId: string): Promise<AgreementResponse> {
    return this.vipps.call({
      operation: 'get agreement',
      method: 'GET',
      path: `/recurring/v3/agreements/${enc(agreementId)}`,
      expect: [200],
      schema: agreementResponseSchema,
    });
  }

  /** Stops the agreement. The body must be `{status: 'STOPPED'}` alone, or Vipps answers 400. */
  stopAgreement(agreementId: string, idempotencyKey: string): Promise<void> {
    return this.vipps.call({
      operation: 'stop agreement',
      method: 'PATCH',
      path: `/recurring/v3/agreements/${enc(agreementId)}`,
      json: { status: 'STOPPED' },
      idempotencyKey,
      expect: [202, 204],
    });
  }

  getCharge(agreementId: string, chargeId: string): Promise<ChargeResponse> {
    return this.vipps.call({
      operation: 'get charge',
      method: 'GET',
      path: `/recurring/v3/agreements/${enc(agreementId)}/charges/${enc(chargeId)}`,
      expect: [200],
      schema: chargeResponseSchema,
    });
  }

  /** Captures a reserved charge. Only 202/204 mean success (the guide: "only successful when 204"). */
  captureCharge(agreementId: string, chargeId: string, amount: number, idempotencyKey: string): Promise<void> {
    return this.vipps.call({
      operation: 'capture charge',
      method: 'POST',
      path: `/recurring/v3/agreements/${enc(agreementId)}/charges/${enc(chargeId)}/capture`,
      json: { amount },
      idempotencyKey,
      expect: [202, 204],
    });
  }

  /**
   * UpdateAgreementPatchV3 with anything but a stop: resolves 202 (accepted, not enacted yet: follow
   * with GET until the agreement shows it) or 204 (done).
   */
  updateAgreement(agreementId: string, body: AgreementPatch, idempotencyKey: string): Promise<202 | 204> {
    return this.vipps.call<202 | 204>({
      operation: 'update agreement',
      method: 'PATCH',
      path: `/recurring/v3/agreements/${enc(agreementId)}`,
      json: body,
      idempotencyKey,
      expect: [202, 204],
      returnStatus: true,
    });
  }

  /** ListChargesV3: every charge of the agreement (the initial one too). */
  listCharges(agreementId: string): Promise<ChargeResponse[]> {
    return this.vipps.call({
      operation: 'list charges',
      method: 'GET',
      path: `/recurring/v3/agreements/${enc(agreementId)}/charges`,
      expect: [200],
      schema: z.array(chargeResponseSchema),
    });
  }

  /** RefundChargeV3: 204 only. `description` is required by the API (1..100). */
  refundCharge(agreementId: string, chargeId: string, body: { amount: number; description: string }, idempotencyKey: string): Promise<void> {
    return this.vipps.call({
      operation: 'refund charge',
      method: 'POST',
      path: `/recurring/v3/agreements/${enc(agreementId)}/charges/${enc(chargeId)}/refund`,
      json: body,
      idempotencyKey,
      expect: [204],
    });
  }

  /** CancelChargeV3: 202 (follow with GET) or 204. */
  cancelCharge(agreementId: string, chargeId: string, idempotencyKey: string): Promise<202 | 204> {
    return this.vipps.call<202 | 204>({
      operation: 'cancel charge',
      method: 'DELETE',
      path: `/recurring/v3/agreements/${enc(agreementId)}/charges/${enc(chargeId)}`,
      idempotencyKey,
      expect: [202, 204],
      returnStatus: true,
    });
  }
}

/** PatchAgreementV3 as Kassa sends it (never with `status`: a stop goes alone, see stopAgreement). */
export interface AgreementPatch {
  productName?: string;
  productDescription?: string;
  pricing?: { amount: number } | { suggestedMaxAmount: number };
  interval?: { type: 'RECURRING'; period: { unit: 'YEAR' | 'MONTH' | 'WEEK' | 'DAY'; count: number } } | { type: 'FLEXIBLE' };
  externalId?: string;
}
