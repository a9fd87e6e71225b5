/**
 * Records → the spec's response shapes (AgreementResponseV3, ChargeResponseV3), and the texts the
 * customer's phone shows. Where the spec contradicts itself (fact sheet §10) the choice is noted
 * next to the field.
 */
import { isoSeconds } from '../clock';
import type { Currency } from '../merchants';
import type { AgreementRecord, Campaign, ChargeRecord, IntervalUnit, ScopeWord, TimePeriod } from './model';

const unitWords: Record<IntervalUnit, [string, string]> = {
  DAY: ['day', 'days'],
  WEEK: ['week', 'weeks'],
  MONTH: ['month', 'months'],
  YEAR: ['year', 'years'],
};

/** "every month", "every 2 months" — the `interval.text` of the documented examples. */
export function intervalText(interval: TimePeriod | undefined): string {
  if (!interval) return 'when used';
  const [one, many] = unitWords[interval.unit];
  return interval.count === 1 ? `every ${one}` : `every ${interval.count} ${many}`;
}

/** "3 months", "1 week". */
export function periodText(period: TimePeriod): string {
  const [one, many] = unitWords[period.unit];
  return `${period.count} ${period.count === 1 ? one : many}`;
}

/** Adds a calendar period in UTC (months clamp to the month's last day, as a customer would expect). */
export function addPeriod(from: number, period: TimePeriod): number {
  const date = new Date(from);
  switch (period.unit) {
    case 'DAY':
      return from + period.count * 86_400_000;
    case 'WEEK':
      return from + period.count * 7 * 86_400_000;
    case 'MONTH':
    case 'YEAR': {
      const months = period.unit === 'MONTH' ? period.count : period.count * 12;
      const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1, date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()));
      const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
      target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
      return target.getTime();
    }
  }
}

/** "299 kr", "149,50 kr", "9,90 €" — Nordic style, minor units in. */
export function formatMoney(minor: number, currency: Currency): string {
  const major = Math.trunc(minor / 100);
  const cents = Math.abs(minor % 100);
  const grouped = String(Math.abs(major)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  const number = `${minor < 0 ? '-' : ''}${grouped}${cents === 0 ? '' : ',' + String(cents).padStart(2, '0')}`;
  return currency === 'EUR' ? `${number}\u00a0€` : currency === 'DKK' ? `${number}\u00a0kr.` : `${number}\u00a0kr`;
}

/** The moment a period campaign ends: counted from activation, or from creation while pending. */
export function campaignEnd(agreement: AgreementRecord, campaign: Campaign): number {
  if (campaign.type === 'PRICE_CAMPAIGN') return campaign.end;
  if (campaign.type === 'EVENT_CAMPAIGN') return campaign.eventDate;
  return addPeriod(agreement.startAt ?? agreement.createdAt, campaign.period);
}

/**
 * The `explanation` the app shows. Wording follows the guide's campaign table ("10 weeks for 1kr
 * and then 349kr every month", "1kr until Christmas and then 349kr every month").
 */
export function campaignExplanation(agreement: AgreementRecord, campaign: Campaign): string {
  const currency = agreement.pricing.currency;
  const every = intervalText(agreement.interval);
  const normal = agreement.pricing.type === 'LEGACY' ? `${formatMoney(agreement.pricing.amount, currency)} ${every}` : every;
  const price = formatMoney(campaign.price, currency);
  switch (campaign.type) {
    case 'PRICE_CAMPAIGN':
      return `${price} ${every} until ${isoSeconds(campaign.end).slice(0, 10)}, then ${normal}`;
    case 'PERIOD_CAMPAIGN':
      return `${price} for ${periodText(campaign.period)}, then ${normal}`;
    case 'EVENT_CAMPAIGN':
      return `${price} ${campaign.eventText}, then ${normal}`;
  }
}

/**
 * Campaign in the AgreementResponseV3 shape. The spec's response options overlap (fact sheet §10.5:
 * a price campaign matches the price *and* legacy schemas, a period campaign three of them), so a
 * validator must discriminate on `type`. Per type we send exactly the required fields of the
 * matching schema: PRICE {type, price, end}, PERIOD {type, price, end, period}, EVENT
 * {type, price, eventDate, eventText} — an event campaign carries no `end`, so it matches only the
 * event schema — plus `explanation`.
 */
function campaignResponse(agreement: AgreementRecord, campaign: Campaign) {
  const explanation = campaignExplanation(agreement, campaign);
  switch (campaign.type) {
    case 'PRICE_CAMPAIGN':
      return { type: campaign.type, price: campaign.price, end: isoSeconds(campaign.end), explanation };
    case 'PERIOD_CAMPAIGN':
      return { type: campaign.type, price: campaign.price, end: isoSeconds(campaignEnd(agreement, campaign)), period: campaign.period, explanation };
    case 'EVENT_CAMPAIGN':
      return { type: campaign.type, price: campaign.price, eventDate: isoSeconds(campaign.eventDate), eventText: campaign.eventText, explanation };
  }
}

/**
 * Pricing in the response. The spec's discriminator names no schema (fact sheet §10.4): map by
 * `type`. VARIABLE carries `maxAmount` only once the customer has accepted (they choose it then).
 */
function pricingResponse(agreement: AgreementRecord) {
  const pricing = agreement.pricing;
  switch (pricing.type) {
    case 'LEGACY':
      return { type: pricing.type, currency: pricing.currency, amount: pricing.amount };
    case 'FLEXIBLE':
      return { type: pricing.type, currency: pricing.currency };
    case 'VARIABLE':
      return pricing.maxAmount === undefined
        ? { type: pricing.type, currency: pricing.currency, suggestedMaxAmount: pricing.suggestedMaxAmount }
        : { type: pricing.type, currency: pricing.currency, suggestedMaxAmount: pricing.suggestedMaxAmount, maxAmount: pricing.maxAmount };
  }
}

export interface PresentContext {
  /** Absolute base of this sandbox, e.g. http://127.0.0.1:4700 (for userinfoUrl and the confirmation URL). */
  baseUrl: string;
}

export function confirmationUrl(agreement: AgreementRecord, ctx: PresentContext): string {
  const url = `${ctx.baseUrl}/phone/agreements/${encodeURIComponent(agreement.id)}`;
  // isApp forces an app deeplink; the test app's scheme is vippsMT://. The sandbox's deeplink
  // carries the https page as a parameter so a human can still find it.
  return agreement.draft.isApp ? `vippsMT://recurring/agreement?id=${encodeURIComponent(agreement.id)}&url=${encodeURIComponent(url)}` : url;
}

/**
 * AgreementResponseV3. Choices:
 * - `merchantAgreementUrl` is required in the response but optional in the request (DK/FI): sent
 *   as "" when the merchant gave none.
 * - `interval` is required but its fields are not: an agreement without interval (pay-per-use)
 *   gets `{text: "when used"}` only.
 * - `externalId` and `productDescription` are omitted when not set (schema: minLength 1, not nullable).
 * - `sub`/`userinfoUrl` are null until the customer approved an agreement that asked for `scope`.
 * - `stop` is set when the agreement was stopped (merchant, customer, or rejection); null for EXPIRED.
 * - `campaign` is OMITTED when there is none. The guide's examples show `"campaign": null`, but the
 *   spec writes it as `$ref` + `nullable: true`, and in OpenAPI 3.0 siblings of `$ref` are ignored,
 *   so a strict validator refuses null. Omitting it is valid under every reading (it is optional);
 *   clients should accept both (e.g. zod `.nullish()`).
 */
export function presentAgreement(agreement: AgreementRecord, ctx: PresentContext) {
  const campaign = agreement.draft.campaign;
  return {
    id: agreement.id,
    created: isoSeconds(agreement.createdAt),
    start: agreement.startAt === null ? null : isoSeconds(agreement.startAt),
    stop: agreement.stopAt === null ? null : isoSeconds(agreement.stopAt),
    status: agreement.status,
    productName: agreement.productName,
    ...(agreement.productDescription !== undefined ? { productDescription: agreement.productDescription } : {}),
    pricing: pricingResponse(agreement),
    interval: agreement.interval
      ? { unit: agreement.interval.unit, count: agreement.interval.count, text: intervalText(agreement.interval) }
      : { text: intervalText(undefined) },
    ...(campaign ? { campaign: campaignResponse(agreement, campaign) } : {}),
    merchantRedirectUrl: agreement.draft.merchantRedirectUrl,
    merchantAgreementUrl: agreement.merchantAgreementUrl ?? '',
    ...(agreement.externalId !== undefined ? { externalId: agreement.externalId } : {}),
    sub: agreement.sub,
    userinfoUrl: agreement.sub === null ? null : `${ctx.baseUrl}/vipps-userinfo-api/userinfo/${agreement.sub}`,
    uuid: agreement.uuid,
    countryCode: agreement.countryCode,
    vippsConfirmationUrl: confirmationUrl(agreement, ctx),
  };
}

/**
 * ChargeResponseV3. Choices (fact sheet §10.6–7):
 * - `transactionId` is required and non-null in the schema although described as "null until DUE":
 *   the sandbox always sends a 10-digit string.
 * - `externalId` is required (minLength 1, not nullable) but optional in requests: when the merchant
 *   gave none, the charge id is sent.
 * - `id` may exceed the schema's 15 characters when the merchant's `orderId` (≤64) became the id —
 *   the real API does that too.
 * - `due` is a date-time (`2026-12-01T00:00:00Z`) although requests use `YYYY-MM-DD`; an initial
 *   charge is due when the agreement was drafted.
 * - `failureReason` and `failureDescription` are sent only when FAILED. The spec makes
 *   failureReason `nullable` *and* an enum without null; validators disagree on whether null then
 *   passes (OpenAPI 3.0.3 leaves the enum in charge), so the sandbox leaves the field out instead.
 */
export function presentCharge(charge: ChargeRecord, agreement: AgreementRecord) {
  return {
    id: charge.id,
    agreementId: charge.agreementId,
    externalId: charge.externalId ?? charge.id,
    ...(agreement.externalId !== undefined ? { externalAgreementId: agreement.externalId } : {}),
    amount: charge.amount,
    currency: charge.currency,
    description: charge.description,
    due: isoSeconds(charge.due),
    status: charge.status,
    type: charge.type,
    transactionType: charge.transactionType,
    transactionId: charge.transactionId,
    retryDays: charge.retryDays,
    processingMode: charge.processingMode,
    ...(charge.failureReason !== null ? { failureReason: charge.failureReason } : {}),
    ...(charge.failureDescription !== undefined ? { failureDescription: charge.failureDescription } : {}),
    summary: { captured: charge.captured, refunded: charge.refunded, cancelled: charge.cancelled },
    history: charge.history.map((event) => ({
      occurred: isoSeconds(event.occurred),
      event: event.event,
      amount: event.amount,
      idempotencyKey: event.idempotencyKey,
      success: event.success,
      transactionId: charge.transactionId,
    })),
  };
}

const scopeLabels: Record<ScopeWord, string> = {
  name: 'name',
  address: 'address',
  email: 'email address',
  phoneNumber: 'phone number',
  birthDate: 'date of birth',
  nin: 'national identity number',
};

export function scopeLabel(word: ScopeWord): string {
  return scopeLabels[word];
}

/** "299 kr every month", "Up to 1 500 kr every month (variable)", "Price varies". */
export function priceText(agreement: AgreementRecord): string {
  const pricing = agreement.pricing;
  const every = intervalText(agreement.interval);
  switch (pricing.type) {
    case 'LEGACY':
      return `${formatMoney(pricing.amount, pricing.currency)} ${every}`;
    case 'VARIABLE':
      return `Variable amount, up to ${formatMoney(pricing.maxAmount ?? pricing.suggestedMaxAmount, pricing.currency)} ${every}`;
    case 'FLEXIBLE':
      return `Price varies, charged ${every}`;
  }
}
