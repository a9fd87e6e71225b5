/**
 * Recurring v3 endpoints (paths and status codes as in recurring-v3.yaml 3.1.2).
 *
 * Status codes where the spec offers a choice: PATCH (update/stop), DELETE (cancel charge) and
 * capture answer 204 — the sandbox enacts them synchronously — unless the control API's
 * `asyncMutations` setting is on, in which case they answer 202 ("accepted, will likely succeed")
 * with the same immediate effect, so a client's 202 path can be exercised too.
 */
import { empty, json, type Router, type SandboxResponse } from '../http-kit';
import { Problem } from '../problems';
import { recurringRateLimits } from '../rate-limiter';
import { vippsEndpoint, type GatewayDeps } from '../vipps-gateway';
import { validateDraft, validateForceAccept, validatePatch } from './draft-validation';
import { validateCapture, validateCreateCharge, validateRefund } from './charge-validation';
import { confirmationUrl, presentAgreement, presentCharge, type PresentContext } from './presenters';
import type { RecurringStore } from './recurring-store';
import type { AgreementStatus, ChargeStatus } from './model';

export interface RecurringRouteDeps extends GatewayDeps {
  store: RecurringStore;
  present: () => PresentContext;
  asyncMutations: () => boolean;
  /** In 202 mode: how long a PATCH waits before it shows. */
  patchEnactDelayMs: () => number;
  pendingStopAllowed: () => boolean;
}

const BASE = '/recurring/v3';
const agreementStatuses: AgreementStatus[] = ['PENDING', 'ACTIVE', 'STOPPED', 'EXPIRED'];
const chargeStatuses: ChargeStatus[] = ['PENDING', 'DUE', 'RESERVED', 'CHARGED', 'PARTIALLY_CAPTURED', 'FAILED', 'CANCELLED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'PROCESSING'];

export function registerRecurringRoutes(router: Router, deps: RecurringRouteDeps): void {
  const { store } = deps;
  const limits = recurringRateLimits;
  const mutated = (): SandboxResponse => empty(deps.asyncMutations() ? 202 : 204);

  // ListAgreementsV3: without `status` only ACTIVE agreements ("no way to list all statuses").
  router.add(
    'GET',
    `${BASE}/agreements`,
    vippsEndpoint(deps, { idempotent: false, rateLimit: () => ({ limit: limits.ListAgreements, key: 'merchant' }) }, ({ req, merchant }) => {
      const status = (req.query['status'] ?? 'ACTIVE') as AgreementStatus;
      if (!agreementStatuses.includes(status)) throw new Problem(400, 'validation-error', 'Unknown status filter.', [{ name: 'status', reason: `Must be one of ${agreementStatuses.join(', ')}` }]);
      const createdAfter = req.query['createdAfter'] === undefined ? undefined : Number(req.query['createdAfter']);
      const pageSize = Math.min(2000, Math.max(1, Number(req.query['pageSize'] ?? 500) || 500));
      const pageNumber = Math.max(1, Number(req.query['pageNumber'] ?? 1) || 1);
      const list = store
        .listAgreements(merchant.msn)
        .filter((agreement) => agreement.status === status && (createdAfter === undefined || agreement.createdAt > createdAfter))
        .sort((a, b) => a.createdAt - b.createdAt)
        .slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
      return json(200, list.map((agreement) => presentAgreement(agreement, deps.present())));
    }),
  );

  // DraftAgreementV3 → 201 DraftAgreementResponseV3.
  router.add(
    'POST',
    `${BASE}/agreements`,
    vippsEndpoint(deps, { idempotent: true, rateLimit: () => ({ limit: limits.DraftAgreement, key: 'merchant' }) }, ({ merchant, body, idempotencyKey }) => {
      const draft = validateDraft(body, merchant, deps.clock.now());
      if (draft.skipLandingPage && !merchant.skipLandingPageAllowed) {
        // Spec: "If the sales unit is not whitelisted, the request will fail … (statusCode=403)".
        // The exact body is UNCONFIRMED; `unsupported-feature` ("Feature not supported. Please
        // contact us") is the closest documented identifier.
        throw new Problem(403, 'unsupported-feature', 'skipLandingPage is not allowed for this sales unit. It must be whitelisted by Vipps MobilePay.', [
          { name: 'skipLandingPage', reason: 'The sales unit is not whitelisted for skipLandingPage' },
        ]);
      }
      const { agreement, charge } = store.createDraft(merchant, draft, idempotencyKey);
      // vippsConfirmationUrl is sent even with skipLandingPage (UNCONFIRMED whether the real API
      // omits it): a POS shows it as a QR when the push does not arrive.
      return json(201, {
        agreementId: agreement.id,
        uuid: agreement.uuid,
        vippsConfirmationUrl: confirmationUrl(agreement, deps.present()),
        chargeId: charge ? charge.id : null,
      });
    }),
  );

  // FetchAgreementV3.
  router.add(
    'GET',
    `${BASE}/agreements/:agreementId`,
    vippsEndpoint(deps, { idempotent: false, rateLimit: (req) => ({ limit: limits.FetchAgreement, key: req.params['agreementId']! }) }, ({ req, merchant }) =>
      json(200, presentAgreement(store.getAgreement(req.params['agreementId']!, merchant.msn), deps.present())),
    ),
  );

  // UpdateAgreementPatchV3 → 204 (or 202, see above).
  router.add(
    'PATCH',
    `${BASE}/agreements/:agreementId`,
    vippsEndpoint(deps, { idempotent: true, rateLimit: (req) => ({ limit: limits.UpdateAgreement, key: req.params['agreementId']! }) }, ({ req, merchant, body, idempotencyKey }) => {
      const id = req.params['agreementId']!;
      store.getAgreement(id, merchant.msn); // 404 before 400: an unknown agreement is the bigger problem
      const patch = validatePatch(body);
      if (patch.kind === 'stop') store.stopByMerchant(id, merchant.msn, idempotencyKey, deps.pendingStopAllowed());
      // 202 mode: accepted now, enacted patchEnactDelayMs later (sandbox clock); 204 mode: enacted now.
      else store.update(id, merchant.msn, patch, deps.asyncMutations() ? deps.patchEnactDelayMs() : 0);
      return mutated();
    }),
  );

  // acceptUsingPATCHV3 — test environment only: force-accepts as the given customer. 204.
  // Not rate limited in the published table; it counts as neither fetch nor update here.
  router.add(
    'PATCH',
    `${BASE}/agreements/:agreementId/accept`,
    vippsEndpoint(deps, { idempotent: true, rateLimit: null }, ({ req, merchant, body }) => {
      const id = req.params['agreementId']!;
      store.getAgreement(id, merchant.msn);
      const { phoneNumber } = validateForceAccept(body);
      store.approve(id, { phoneNumber });
      return empty(204);
    }),
  );

  // ListChargesV3 (all charges incl. the initial one; one page, so no Continuation-Token).
  router.add(
    'GET',
    `${BASE}/agreements/:agreementId/charges`,
    vippsEndpoint(deps, { idempotent: false, rateLimit: (req) => ({ limit: limits.ListCharges, key: req.params['agreementId']! }) }, ({ req, merchant }) => {
      const agreement = store.getAgreement(req.params['agreementId']!, merchant.msn);
      const status = req.query['status'] as ChargeStatus | undefined;
      if (status !== undefined && !chargeStatuses.includes(status)) {
        throw new Problem(400, 'validation-error', 'Unknown status filter.', [{ name: 'status', reason: `Must be one of ${chargeStatuses.join(', ')}` }]);
      }
      const charges = store.chargesOf(agreement).filter((charge) => status === undefined || charge.status === status);
      return json(200, charges.map((charge) => presentCharge(charge, agreement)));
    }),
  );

  // CreateChargeV3 → 201 {chargeId}. Rate key: agreementId + the charge (by idempotency key).
  router.add(
    'POST',
    `${BASE}/agreements/:agreementId/charges`,
    vippsEndpoint(
      deps,
      { idempotent: true, rateLimit: (req) => ({ limit: limits.CreateCharge, key: `${req.params['agreementId']}|${req.headers['idempotency-key'] ?? ''}` }) },
      ({ req, merchant, body, idempotencyKey }) => {
        const id = req.params['agreementId']!;
        store.getAgreement(id, merchant.msn);
        const charge = store.createCharge(id, merchant, validateCreateCharge(body), idempotencyKey);
        return json(201, { chargeId: charge.id });
      },
    ),
  );

  // FetchChargeByIdV3 ("not intended for automation").
  router.add(
    'GET',
    `${BASE}/charges/:chargeId`,
    vippsEndpoint(deps, { idempotent: false, rateLimit: (req) => ({ limit: limits.FetchChargeById, key: req.params['chargeId']! }) }, ({ req, merchant }) => {
      const charge = store.getChargeById(req.params['chargeId']!, merchant.msn);
      return json(200, presentCharge(charge, store.getAgreement(charge.agreementId, merchant.msn)));
    }),
  );

  // FetchChargeV3.
  router.add(
    'GET',
    `${BASE}/agreements/:agreementId/charges/:chargeId`,
    vippsEndpoint(deps, { idempotent: false, rateLimit: (req) => ({ limit: limits.FetchCharge, key: chargeKey(req.params) }) }, ({ req, merchant }) => {
      const charge = store.getCharge(req.params['agreementId']!, req.params['chargeId']!, merchant.msn);
      return json(200, presentCharge(charge, store.getAgreement(charge.agreementId, merchant.msn)));
    }),
  );

  // CancelChargeV3 → 204 (or 202).
  router.add(
    'DELETE',
    `${BASE}/agreements/:agreementId/charges/:chargeId`,
    vippsEndpoint(deps, { idempotent: true, rateLimit: (req) => ({ limit: limits.CancelCharge, key: chargeKey(req.params) }) }, ({ req, merchant, idempotencyKey }) => {
      store.cancelCharge(req.params['agreementId']!, req.params['chargeId']!, merchant.msn, idempotencyKey);
      return mutated();
    }),
  );

  // CaptureChargeV3 → 204 (or 202). "Capture is only successful when the response is 204".
  router.add(
    'POST',
    `${BASE}/agreements/:agreementId/charges/:chargeId/capture`,
    vippsEndpoint(deps, { idempotent: true, rateLimit: (req) => ({ limit: limits.CaptureCharge, key: chargeKey(req.params) }) }, ({ req, merchant, body, idempotencyKey }) => {
      store.getCharge(req.params['agreementId']!, req.params['chargeId']!, merchant.msn);
      const { amount } = validateCapture(body);
      store.captureCharge(req.params['agreementId']!, req.params['chargeId']!, merchant.msn, amount, idempotencyKey);
      return mutated();
    }),
  );

  // RefundChargeV3 → 204.
  router.add(
    'POST',
    `${BASE}/agreements/:agreementId/charges/:chargeId/refund`,
    vippsEndpoint(deps, { idempotent: true, rateLimit: (req) => ({ limit: limits.RefundCharge, key: chargeKey(req.params) }) }, ({ req, merchant, body, idempotencyKey }) => {
      store.getCharge(req.params['agreementId']!, req.params['chargeId']!, merchant.msn);
      const { amount } = validateRefund(body);
      store.refundCharge(req.params['agreementId']!, req.params['chargeId']!, merchant.msn, amount, idempotencyKey);
      return empty(204);
    }),
  );
}

function chargeKey(params: Record<string, string>): string {
  return `${params['agreementId']}|${params['chargeId']}`;
}
