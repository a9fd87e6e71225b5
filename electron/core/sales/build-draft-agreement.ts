import type { SoldPlan } from '../../../shared/catalogue';
import type { ProfileScope } from '../../../shared/subscription';
import type { DraftAgreementRequest } from '../vipps/recurring-schemas';

export interface AgreementUrls {
  /** Required by the API even though the customer never lands on it when the landing page is skipped. */
  merchantRedirectUrl: string;
  /** Where the customer manages the subscription; required for Norwegian merchants, HTTPS only. */
  merchantAgreementUrl: string;
}

/**
 * The DraftAgreementV3 body for a sale. It must be byte-for-byte the same on every retry of one
 * sale (same Idempotency-Key, same body), so it is derived only from what the sale row stores.
 */
export function buildDraftAgreement(
  sale: { id: string; plan: SoldPlan; msisdn: string; profileScopes: ProfileScope[] },
  urls: AgreementUrls,
): DraftAgreementRequest {
  const { plan } = sale;
  const body: DraftAgreementRequest = {
    pricing:
      plan.pricing.type === 'LEGACY'
        ? { type: 'LEGACY', currency: plan.currency, amount: plan.pricing.amount }
        : { type: 'VARIABLE', currency: plan.currency, suggestedMaxAmount: plan.pricing.suggestedMaxAmount },
    interval: { unit: plan.interval.unit, count: plan.interval.count },
    merchantRedirectUrl: urls.merchantRedirectUrl,
    merchantAgreementUrl: urls.merchantAgreementUrl,
    phoneNumber: sale.msisdn,
    productName: plan.name,
    externalId: sale.id,
    skipLandingPage: true,
  };
  if (plan.description) body.productDescription = plan.description;
  if (sale.profileScopes.length > 0) body.scope = sale.profileScopes.join(' ');
  if (plan.initialCharge) {
    body.initialCharge = {
      amount: plan.initialCharge.amount,
      description: plan.initialCharge.description,
      transactionType: plan.initialCharge.transactionType,
    };
  }
  if (plan.campaign) body.campaign = { ...plan.campaign };
  return body;
}
