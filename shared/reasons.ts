import { z } from 'zod';

/**
 * Fine-grained, stable reasons for an AppError, beside its coarse `code`. The core says *why* with
 * a reason and its parameters; the renderer words `errors.reason.<REASON>` in the active language
 * (renderer/i18n; a test holds every reason to a text in every language). A reason never changes
 * meaning once shipped; add a new one instead.
 *
 * Parameter conventions, so the renderer can format them for the locale:
 * - a name ending in `Amount` is minor units, formatted as money in `currency`;
 * - `country` is a PhoneCountry, named in the active language;
 * - `count` selects the plural form.
 */
export const reasons = [
  // Phone numbers (per PhoneProblem; `country` and `example`).
  'PHONE_EMPTY',
  'PHONE_CHARACTERS',
  'PHONE_TOO_SHORT',
  'PHONE_TOO_LONG',
  'PHONE_NOT_MOBILE',
  'PHONE_OTHER_COUNTRY',
  'PHONE_MISSING_PLUS',
  // Amounts and cash.
  'AMOUNT_BELOW_MINIMUM',
  'AMOUNT_ABOVE_MAXIMUM',
  'CASH_TOO_LITTLE',
  'CASH_TOO_MUCH',
  'CART_TOTAL_TOO_LARGE',
  // Sales, carts and refunds.
  'PAYMENT_ALREADY_WAITING',
  'SUBSCRIPTION_ALREADY_WAITING',
  'SALE_NOT_FOUND',
  'REFUND_NOT_FOUND',
  'REFUND_ONLY_COMPLETED',
  'REFUND_TOO_MUCH',
  'CART_EMPTY',
  'CART_LINE_NOT_FOUND',
  'CART_LOCKED_BY_PAYMENT',
  'QUANTITY_TOO_LARGE',
  'BARCODE_UNKNOWN',
  'CHOOSE_PLAN',
  'CHOOSE_PRODUCT',
  'ENTRY_NOT_SELLABLE',
  'REQUEST_ID_REUSED',
  'CAPTURE_PENDING',
  'AGREEMENT_NOT_WITHDRAWN',
  'PROFILE_NOT_FETCHED',
  // Catalogue (also the reason a plan or product is refused: see RejectedEntry.problem).
  'CATALOGUE_KEY_REFUSED',
  'CATALOGUE_UNREACHABLE',
  'CURRENCY_NOT_SHOPS',
  'DUPLICATE_ID',
  'ENTRY_INVALID',
  'VAT_RATE_MISSING',
  // Staff.
  'STAFF_EXISTS',
  'APPROVAL_NEEDED',
  'APPROVER_NOT_MANAGER',
  'SIGN_IN_FIRST',
  'STAFF_UNKNOWN',
  'PIN_WRONG',
  'STAFF_LOCKED_SECONDS',
  'STAFF_LOCKED_MINUTES',
  // Reports and end of day.
  'REPORT_NOT_REFUSED',
  'ENTRY_NOT_FOUND',
  'REPORTS_UNSYNCED',
  'Z_REPORT_NOT_FOUND',
  'REPORT_DAMAGED',
  'BILLING_UNREACHABLE',
  'BILLING_KEY_REFUSED',
  'BILLING_REFUSED_REPORT',
  // Why a report became a dead letter, from the backend's problem type or status (`fields`: the JSON paths it named).
  'BILLING_REPORT_UNREADABLE',
  'BILLING_REPORT_NOT_ACCEPTED',
  'BILLING_REPORT_CONFLICT',
  'BILLING_REPORT_SUBJECT_UNKNOWN',
  'REFUSED_WITHOUT_REASON',
  // Vipps MobilePay.
  'VIPPS_UNREACHABLE',
  'VIPPS_SLOW_DOWN',
  'VIPPS_KEYS_REFUSED',
  'SKIP_LANDING_PAGE_NOT_ALLOWED',
  'SALES_UNIT_NOT_ALLOWED',
  'PHONE_REFUSED_BY_VIPPS',
  'VIPPS_REFUSED',
  'PUSH_NOT_ALLOWED_FOR_SHOP',
  'PUSH_NOT_POSSIBLE',
  'REFUND_EXCEEDS_REMAINING',
  'REFUND_TOO_OLD',
  'ALREADY_CAPTURED',
  'CUSTOMER_APPROVING_NOW',
  'PAYMENT_REFUSED_BY_VIPPS',
  'INTERNAL_ERROR',
  // Said by a bridge, never by the core.
  'BROWSER_NOT_SIGNED_IN',
  'DISPLAY_ONLY',
  'CORE_NOT_ANSWERING',
  'CORE_UNEXPECTED_ANSWER',
] as const;
export const reasonSchema = z.enum(reasons);
export type Reason = z.infer<typeof reasonSchema>;

export const reasonParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type ReasonParams = z.infer<typeof reasonParamsSchema>;

/** A reason with what the sentence needs: `{ reason: 'PHONE_TOO_SHORT', params: { country: 'DK' } }`. */
export const reasonRefSchema = z.object({ reason: reasonSchema, params: reasonParamsSchema.optional() });
export type ReasonRef = z.infer<typeof reasonRefSchema>;

/** A shorthand for core code: `because('PIN_WRONG', { count: 2 })`. */
export const because = (reason: Reason, params?: ReasonParams): ReasonRef => (params ? { reason, params } : { reason });
