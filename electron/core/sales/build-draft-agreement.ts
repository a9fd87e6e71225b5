import { isFlexibleInterval, type SoldPlan } from '../../../shared/catalogue';
import type { ProfileScope } from '../../../shared/subscription';
import type { DraftAgreementRequest } from '../vipps/recurring-schemas';

export interface AgreementUrls {
  /** Required by the API even though the customer never lands on it when the landing page is skipped. */
  merchantRedirectUrl: string;
  /** Where the customer manages the subscription; required for Norwegian merchants, HTTPS only. */
  merchantAgreementUrl: string;
}

/** Recurring v3 `externalId` (agreement and initial charge): 1 to 64 characters, `^.{1,64}$`. */
export const EXTERNAL_ID = /^.{1,64}$/;

export function checkedExternalId(value: string, what: string): string {
  if (!EXTERNAL_ID.test(value)) throw new Error(`${what} "${value}" cannot be an externalId: Vipps MobilePay takes 1 to 64 characters on one line.`);
  return value;
}

/**
 * The DraftAgreementV3 body for a sale. It must be byte-for-byte the same on every retry of one
 * sale (same Idempotency-Key, same body), so it is derived only from what the sale row stores.
 *
 * The agreement's externalId is the sale's id, not the billing backend's agreement id: the backend
 * makes that id only when the till registers the agreement, after the customer approved, and the
 * draft is sent before. The sale id is stable from the first attempt and is in every report the
 * backend gets (`saleId`), so the backend maps Vipps' agreement to its own through it. The
 * initial charge's externalId is the sale's receipt number: the order id on Vipps' settlement
 * report and the number on the customer's receipt.
 */
export function buildDraftAgreement(
  sale: { id: string; plan: SoldPlan; msisdn: string; profileScopes: ProfileScope[]; receiptNumber: string | null },
  urls: AgreementUrls,
): DraftAgreementRequest {
  const { plan } = sale;
  const body: DraftAgreementRequest = {
    pricing: draftPricing(plan),
    merchantRedirectUrl: urls.merchantRedirectUrl,
    merchantAgreementUrl: urls.merchantAgreementUrl,
    phoneNumber: sale.msisdn,
    productName: plan.name,
    externalId: checkedExternalId(sale.id, 'The sale id'),
    skipLandingPage: true,
  };
  // FLEXIBLE: no interval at all ("Omit interval entirely for pay-per-use").
  if (!isFlexibleInterval(plan.interval)) body.interval = { unit: plan.interval.unit, count: plan.interval.count };
  if (plan.description) body.productDescription = plan.description;
  if (sale.profileScopes.length > 0) body.scope = sale.profileScopes.join(' ');
  if (plan.initialCharge) {
    body.initialCharge = {
      amount: plan.initialCharge.amount,
      description: plan.initialCharge.description,
      transactionType: plan.initialCharge.transactionType,
      // Sales made before receipt numbers for sign-ups keep the body they were first sent with.
      ...(sale.receiptNumber ? { externalId: checkedExternalId(sale.receiptNumber, 'The receipt number') } : {}),
    };
  }
  if (plan.campaign) body.campaign = { ...plan.campaign };
  return body;
}

/** A plan's price as the Recurring API writes it: the same in a draft and in a PATCH (live-agreement.ts). */
export function draftPricing(plan: Pick<SoldPlan, 'pricing' | 'currency'>): DraftAgreementRequest['pricing'] {
  switch (plan.pricing.type) {
    case 'LEGACY':
      return { type: 'LEGACY', currency: plan.currency, amount: plan.pricing.amount };
    case 'VARIABLE':
      return { type: 'VARIABLE', currency: plan.currency, suggestedMaxAmount: plan.pricing.suggestedMaxAmount };
    case 'FLEXIBLE':
      return { type: 'FLEXIBLE', currency: plan.currency };
  }
}
