/**
 * Validation of `POST /recurring/v3/agreements` (DraftAgreementV3, recurring-v3.yaml 3.1.2) and the
 * other request bodies, with the rules the real API enforces on top of the schema.
 *
 * Choices where the spec is silent or loose:
 * - `phoneNumber`: MSISDN digits only, 8–15 (`^\d{8,15}$`; the schema only says maxLength 15). A
 *   number that lacks the country code still passes, as on the real API, where the push then never
 *   arrives; the phone page warns about it instead.
 * - `merchantRedirectUrl`: "HTTPS and deeplinks are allowed" — so `https://` or a custom scheme
 *   (`myapp://`); plain `http://` is refused.
 * - `merchantAgreementUrl`: https only, ≤1024; required for Norwegian sales units ("This URL is
 *   required for Norwegian Merchants"), optional for DK/FI.
 * - `pricing.type` is required (3.1.2 schema), although the 2023 guide calls LEGACY "the default".
 * - The campaign `end`/`eventDate` must be RFC 3339 and in the future; the spec's own examples
 *   ("2022/02/28T00:00:00Z") are not valid date-times (fact sheet §10.9) and are refused.
 * - A campaign price must be lower than the agreement price (a campaign "is a period where the
 *   price is lower than usual"); unconfirmed whether the API checks this.
 * - Unknown properties are ignored (the spec's own examples put `currency` inside `initialCharge`).
 * - `scope` words must come from `name address email phoneNumber birthDate nin`.
 */
import { Problem } from '../problems';
import { currencyByCountry, type Currency } from '../merchants';
import type { SandboxMerchant } from '../sandbox-api';
import {
  FieldErrors,
  readBoolean,
  readDateTime,
  readEnum,
  readInt,
  readObject,
  readString,
  requireObjectBody,
  type Json,
} from './field-checks';
import { scopeWords, type Campaign, type InitialChargeRequest, type Pricing, type ScopeWord, type TimePeriod, type ValidDraft } from './model';

export const PRODUCT_NAME_MAX = 45;
export const PRODUCT_DESCRIPTION_MAX = 100;
export const MERCHANT_AGREEMENT_URL_MAX = 1024;
export const MERCHANT_REDIRECT_URL_MAX = 2048;
export const MSISDN = /^\d{8,15}$/;
export const ORDER_ID = /^[a-zA-Z\d-]{1,64}$/;

/**
 * Ceilings for VARIABLE `suggestedMaxAmount`, in minor units. The guide states NOK 20 000; the 2026
 * summaries add "DKK 300 000, EUR 2 000" (quoted as-is, UNCONFIRMED which field they cap).
 */
export const SUGGESTED_MAX_AMOUNT_LIMIT: Record<Currency, number> = { NOK: 2_000_000, DKK: 30_000_000, EUR: 200_000 };

const intervalUnits = ['YEAR', 'MONTH', 'WEEK', 'DAY'] as const;

export function validateDraft(body: unknown, merchant: SandboxMerchant, now: number): ValidDraft {
  const obj = requireObjectBody(body);
  const errors = new FieldErrors();

  const pricing = readPricing(errors, obj, merchant);
  const interval = readTimePeriod(errors, obj, 'interval', 'interval', false);
  const initialCharge = readInitialCharge(errors, obj);
  const campaign = readCampaign(errors, obj, pricing, now);
  const phoneNumber = readString(errors, obj, 'phoneNumber', 'phoneNumber', {
    nullable: true,
    max: 15,
    pattern: MSISDN,
    patternReason: 'Must be an MSISDN: 8 to 15 digits with the country code and no "+" or spaces, e.g. 4791234567',
  });
  const merchantRedirectUrl = readString(errors, obj, 'merchantRedirectUrl', 'merchantRedirectUrl', {
    required: true,
    min: 1,
    max: MERCHANT_REDIRECT_URL_MAX,
  });
  if (merchantRedirectUrl !== undefined && !isHttpsOrDeeplink(merchantRedirectUrl)) {
    errors.add('merchantRedirectUrl', 'Must be an https:// URL or an app deeplink (e.g. myapp://home)');
  }
  const merchantAgreementUrl = readString(errors, obj, 'merchantAgreementUrl', 'merchantAgreementUrl', {
    required: merchant.countryCode === 'NO',
    min: 1,
    max: MERCHANT_AGREEMENT_URL_MAX,
  });
  if (merchantAgreementUrl !== undefined && !isHttpsUrl(merchantAgreementUrl)) {
    errors.add('merchantAgreementUrl', 'Only the HTTPS scheme is allowed');
  }
  const productName = readString(errors, obj, 'productName', 'productName', { required: true, min: 1, max: PRODUCT_NAME_MAX });
  const productDescription = readString(errors, obj, 'productDescription', 'productDescription', { max: PRODUCT_DESCRIPTION_MAX });
  const scope = readScope(errors, obj);
  const isApp = readBoolean(errors, obj, 'isApp', 'isApp') ?? false;
  const skipLandingPage = readBoolean(errors, obj, 'skipLandingPage', 'skipLandingPage') ?? false;
  const externalId = readString(errors, obj, 'externalId', 'externalId', { nullable: true, min: 1, max: 64 });

  if (skipLandingPage && phoneNumber === undefined && !errors.has('phoneNumber')) {
    errors.add('phoneNumber', 'Is required when skipLandingPage is true: the push goes to this number');
  }
  errors.throwIfAny();

  // Only reached when every field above was valid, so the non-null assertions hold.
  if (pricing!.type === 'VARIABLE' && pricing!.suggestedMaxAmount > SUGGESTED_MAX_AMOUNT_LIMIT[pricing!.currency]) {
    throw new Problem(400, 'invalid-suggested-max-amount', `suggestedMaxAmount may be at most ${SUGGESTED_MAX_AMOUNT_LIMIT[pricing!.currency]} (minor units) for ${pricing!.currency}.`, [
      { name: 'pricing.suggestedMaxAmount', reason: 'Too high' },
    ]);
  }
  return {
    pricing: pricing!,
    interval,
    initialCharge,
    campaign,
    phoneNumber,
    merchantRedirectUrl: merchantRedirectUrl!,
    merchantAgreementUrl,
    productName: productName!,
    productDescription,
    scope,
    isApp,
    skipLandingPage,
    externalId,
  };
}

function readPricing(errors: FieldErrors, obj: Json, merchant: SandboxMerchant): Pricing | undefined {
  const pricing = readObject(errors, obj, 'pricing', 'pricing', { required: true });
  if (!pricing) return undefined;
  const type = readEnum(errors, pricing, 'type', 'pricing.type', ['LEGACY', 'VARIABLE', 'FLEXIBLE'] as const, { required: true });
  const currency = readEnum(errors, pricing, 'currency', 'pricing.currency', ['NOK', 'EUR', 'DKK'] as const, { required: true });
  const expected = currencyByCountry[merchant.countryCode];
  if (currency !== undefined && currency !== expected) {
    errors.add('pricing.currency', `Must be ${expected} for a sales unit in ${merchant.countryCode}: cross-border agreements are not supported`);
  }
  if (type === 'LEGACY') {
    const amount = readInt(errors, pricing, 'amount', 'pricing.amount', { required: true, min: 1 });
    return currency && amount !== undefined ? { type, currency, amount } : undefined;
  }
  if (type === 'VARIABLE') {
    const suggestedMaxAmount = readInt(errors, pricing, 'suggestedMaxAmount', 'pricing.suggestedMaxAmount', { required: true, min: 1 });
    return currency && suggestedMaxAmount !== undefined ? { type, currency, suggestedMaxAmount } : undefined;
  }
  if (type === 'FLEXIBLE') return currency ? { type, currency } : undefined;
  return undefined;
}

export function readTimePeriod(errors: FieldErrors, obj: Json, key: string, path: string, required: boolean): TimePeriod | undefined {
  const period = readObject(errors, obj, key, path, { required });
  if (!period) return undefined;
  const unit = readEnum(errors, period, 'unit', `${path}.unit`, intervalUnits, { required: true });
  const count = readInt(errors, period, 'count', `${path}.count`, { required: true, min: 1, max: 31 });
  return unit && count !== undefined ? { unit, count } : undefined;
}

function readInitialCharge(errors: FieldErrors, obj: Json): InitialChargeRequest | undefined {
  const charge = readObject(errors, obj, 'initialCharge', 'initialCharge');
  if (!charge) return undefined;
  const amount = readInt(errors, charge, 'amount', 'initialCharge.amount', { required: true, min: 1 });
  const description = readString(errors, charge, 'description', 'initialCharge.description', { required: true, min: 1, max: 100 });
  const transactionType = readEnum(errors, charge, 'transactionType', 'initialCharge.transactionType', ['RESERVE_CAPTURE', 'DIRECT_CAPTURE'] as const, {
    required: true,
  });
  const orderId = readString(errors, charge, 'orderId', 'initialCharge.orderId', {
    min: 1,
    max: 64,
    pattern: ORDER_ID,
    patternReason: 'Only letters, digits and "-" are allowed',
  });
  const externalId = readString(errors, charge, 'externalId', 'initialCharge.externalId', { min: 1, max: 64 });
  if (amount === undefined || description === undefined || transactionType === undefined) return undefined;
  return { amount, description, transactionType, orderId, externalId };
}

function readCampaign(errors: FieldErrors, obj: Json, pricing: Pricing | undefined, now: number): Campaign | undefined {
  const campaign = readObject(errors, obj, 'campaign', 'campaign');
  if (!campaign) return undefined;
  if (pricing && pricing.type !== 'LEGACY') {
    errors.add('campaign', `A campaign cannot be combined with ${pricing.type} pricing`);
    return undefined;
  }
  if (campaign['type'] === 'FULL_FLEX_CAMPAIGN') {
    errors.add('campaign.type', 'FULL_FLEX_CAMPAIGN is not available in this API version: contact Vipps MobilePay');
    return undefined;
  }
  const type = readEnum(errors, campaign, 'type', 'campaign.type', ['PRICE_CAMPAIGN', 'PERIOD_CAMPAIGN', 'EVENT_CAMPAIGN'] as const, { required: true });
  const price = readInt(errors, campaign, 'price', 'campaign.price', { required: true, min: 0 });
  if (price !== undefined && pricing?.type === 'LEGACY' && price >= pricing.amount) {
    errors.add('campaign.price', 'Must be lower than the agreement price');
  }
  if (type === 'PRICE_CAMPAIGN') {
    const end = readDateTime(errors, campaign, 'end', 'campaign.end', { required: true });
    if (end !== undefined && end <= now) errors.add('campaign.end', 'Must be in the future');
    return price !== undefined && end !== undefined ? { type, price, end } : undefined;
  }
  if (type === 'PERIOD_CAMPAIGN') {
    const period = readTimePeriod(errors, campaign, 'period', 'campaign.period', true);
    return price !== undefined && period ? { type, price, period } : undefined;
  }
  if (type === 'EVENT_CAMPAIGN') {
    const eventDate = readDateTime(errors, campaign, 'eventDate', 'campaign.eventDate', { required: true });
    if (eventDate !== undefined && eventDate <= now) errors.add('campaign.eventDate', 'Must be in the future');
    const eventText = readString(errors, campaign, 'eventText', 'campaign.eventText', { required: true, min: 1, max: 15 });
    return price !== undefined && eventDate !== undefined && eventText !== undefined ? { type, price, eventDate, eventText } : undefined;
  }
  return undefined;
}

function readScope(errors: FieldErrors, obj: Json): ScopeWord[] {
  const scope = readString(errors, obj, 'scope', 'scope', { nullable: true });
  if (scope === undefined) return [];
  const words = scope.split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) {
    errors.add('scope', 'Must list at least one of: ' + scopeWords.join(' '));
    return [];
  }
  const unknown = words.filter((word) => !(scopeWords as readonly string[]).includes(word));
  if (unknown.length > 0) {
    errors.add('scope', `Unknown scope ${unknown.map((w) => `"${w}"`).join(', ')}; allowed: ${scopeWords.join(' ')}`);
    return [];
  }
  return [...new Set(words)] as ScopeWord[];
}

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '';
  } catch {
    return false;
  }
}

export function isHttpsOrDeeplink(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:') return url.hostname !== '';
    // Deeplinks use the app's own scheme; http, javascript: and friends are not deeplinks.
    return !['http:', 'javascript:', 'data:', 'file:', 'ftp:'].includes(url.protocol);
  } catch {
    return false;
  }
}

/** PATCH /agreements/{id} (PatchAgreementV3). `{"status":"STOPPED"}` must come alone. */
export type ValidPatch =
  | { kind: 'stop' }
  | {
      kind: 'update';
      productName?: string;
      productDescription?: string;
      merchantAgreementUrl?: string;
      externalId?: string;
      pricing?: { amount?: number; suggestedMaxAmount?: number };
      interval?: { type: 'RECURRING'; period: TimePeriod } | { type: 'FLEXIBLE' };
    };

export function validatePatch(body: unknown): ValidPatch {
  const obj = requireObjectBody(body);
  const errors = new FieldErrors();
  const status = readEnum(errors, obj, 'status', 'status', ['STOPPED'] as const);
  const others = Object.keys(obj).filter((key) => key !== 'status');
  if (status === 'STOPPED') {
    if (others.length > 0) {
      throw new Problem(400, 'validation-error', 'When stopping an agreement no other changes are allowed: send {"status":"STOPPED"} alone.', others.map((name) => ({ name, reason: 'Not allowed together with status STOPPED' })));
    }
    return { kind: 'stop' };
  }
  const productName = readString(errors, obj, 'productName', 'productName', { min: 1, max: PRODUCT_NAME_MAX });
  const productDescription = readString(errors, obj, 'productDescription', 'productDescription', { max: PRODUCT_DESCRIPTION_MAX });
  const merchantAgreementUrl = readString(errors, obj, 'merchantAgreementUrl', 'merchantAgreementUrl', { min: 1, max: MERCHANT_AGREEMENT_URL_MAX });
  if (merchantAgreementUrl !== undefined && !isHttpsUrl(merchantAgreementUrl)) errors.add('merchantAgreementUrl', 'Only the HTTPS scheme is allowed');
  const externalId = readString(errors, obj, 'externalId', 'externalId', { min: 1, max: 64 });
  let pricing: { amount?: number; suggestedMaxAmount?: number } | undefined;
  const pricingObj = readObject(errors, obj, 'pricing', 'pricing');
  if (pricingObj) {
    pricing = {
      amount: readInt(errors, pricingObj, 'amount', 'pricing.amount', { min: 1 }),
      suggestedMaxAmount: readInt(errors, pricingObj, 'suggestedMaxAmount', 'pricing.suggestedMaxAmount', { min: 1 }),
    };
  }
  let interval: { type: 'RECURRING'; period: TimePeriod } | { type: 'FLEXIBLE' } | undefined;
  const intervalObj = readObject(errors, obj, 'interval', 'interval');
  if (intervalObj) {
    const type = readEnum(errors, intervalObj, 'type', 'interval.type', ['RECURRING', 'FLEXIBLE'] as const) ?? 'RECURRING';
    if (type === 'FLEXIBLE') {
      if (intervalObj['period'] !== undefined) errors.add('interval.period', 'Not allowed when interval.type is FLEXIBLE');
      interval = { type };
    } else {
      const period = readTimePeriod(errors, intervalObj, 'period', 'interval.period', true);
      if (period) interval = { type, period };
    }
  }
  errors.throwIfAny();
  return { kind: 'update', productName, productDescription, merchantAgreementUrl, externalId, pricing, interval };
}

/** PATCH /agreements/{id}/accept (ForceAcceptAgreementV3). */
export function validateForceAccept(body: unknown): { phoneNumber: string } {
  const obj = requireObjectBody(body);
  const errors = new FieldErrors();
  const phoneNumber = readString(errors, obj, 'phoneNumber', 'phoneNumber', {
    required: true,
    pattern: MSISDN,
    patternReason: 'Must be an MSISDN: 8 to 15 digits with the country code, e.g. 4791234567',
  });
  errors.throwIfAny();
  return { phoneNumber: phoneNumber! };
}
