/**
 * The sandbox's own records for agreements and charges. They hold times as epoch milliseconds on
 * the sandbox clock and keep everything the presenters need to produce the spec's response shapes
 * (presenters.ts), plus a few things only the phone page and the control API show (who approved,
 * why it ended).
 */
import type { CountryCode, Currency } from '../merchants';

export type AgreementStatus = 'PENDING' | 'ACTIVE' | 'STOPPED' | 'EXPIRED';
export type ChargeStatus =
  | 'PENDING'
  | 'DUE'
  | 'RESERVED'
  | 'CHARGED'
  | 'PARTIALLY_CAPTURED'
  | 'FAILED'
  | 'CANCELLED'
  | 'PARTIALLY_REFUNDED'
  | 'REFUNDED'
  | 'PROCESSING';
export type TransactionType = 'DIRECT_CAPTURE' | 'RESERVE_CAPTURE';
export type ChargeType = 'INITIAL' | 'RECURRING' | 'UNSCHEDULED';
export type ProcessingMode = 'MULTIPLE_ATTEMPTS' | 'SINGLE_ATTEMPT';
export type FailureReason = 'user_action_required' | 'charge_amount_too_high' | 'non_technical_error' | 'technical_error';
export type IntervalUnit = 'YEAR' | 'MONTH' | 'WEEK' | 'DAY';

export const scopeWords = ['name', 'address', 'email', 'phoneNumber', 'birthDate', 'nin'] as const;
export type ScopeWord = (typeof scopeWords)[number];

export interface TimePeriod {
  unit: IntervalUnit;
  count: number;
}

export type Pricing =
  | { type: 'LEGACY'; currency: Currency; amount: number }
  | { type: 'VARIABLE'; currency: Currency; suggestedMaxAmount: number; maxAmount?: number }
  | { type: 'FLEXIBLE'; currency: Currency };

export type Campaign =
  | { type: 'PRICE_CAMPAIGN'; price: number; end: number }
  | { type: 'PERIOD_CAMPAIGN'; price: number; period: TimePeriod }
  | { type: 'EVENT_CAMPAIGN'; price: number; eventDate: number; eventText: string };

export interface InitialChargeRequest {
  amount: number;
  description: string;
  transactionType: TransactionType;
  orderId?: string;
  externalId?: string;
}

/** A draft that passed validation (draft-validation.ts). */
export interface ValidDraft {
  pricing: Pricing;
  interval?: TimePeriod;
  initialCharge?: InitialChargeRequest;
  campaign?: Campaign;
  phoneNumber?: string;
  merchantRedirectUrl: string;
  merchantAgreementUrl?: string;
  productName: string;
  productDescription?: string;
  scope: ScopeWord[];
  isApp: boolean;
  skipLandingPage: boolean;
  externalId?: string;
}

/** How an agreement reached its current state; shown on the phone page and in the control API. */
export type AgreementOutcome =
  | 'approved'
  | 'rejected'
  | 'expired'
  | 'initial-charge-failed'
  | 'stopped-by-merchant'
  | 'stopped-by-user';

export interface AgreementRecord {
  id: string;
  uuid: string;
  msn: string;
  countryCode: CountryCode;
  status: AgreementStatus;
  createdAt: number;
  startAt: number | null;
  stopAt: number | null;
  draft: ValidDraft;
  /** Current pricing (PATCH may change amount / suggestedMaxAmount; maxAmount is set on approval). */
  pricing: Pricing;
  interval?: TimePeriod;
  productName: string;
  productDescription?: string;
  merchantAgreementUrl?: string;
  externalId?: string;
  initialChargeId: string | null;
  chargeIds: string[];
  /** The phone that approved or rejected it. */
  customerPhone: string | null;
  sub: string | null;
  outcome: AgreementOutcome | null;
}

export interface ChargeEvent {
  occurred: number;
  event: 'CREATE' | 'RESERVE' | 'CAPTURE' | 'REFUND' | 'CANCEL' | 'FAIL';
  amount: number;
  idempotencyKey: string;
  success: boolean;
}

export interface ChargeRecord {
  id: string;
  agreementId: string;
  msn: string;
  amount: number;
  currency: Currency;
  description: string;
  type: ChargeType;
  transactionType: TransactionType;
  status: ChargeStatus;
  /** Epoch ms. For an initial charge: when the agreement was drafted. */
  due: number;
  transactionId: string;
  externalId?: string;
  retryDays: number;
  processingMode: ProcessingMode;
  captured: number;
  refunded: number;
  cancelled: number;
  history: ChargeEvent[];
  failureReason: FailureReason | null;
  failureDescription?: string;
  reservedAt: number | null;
  capturedAt: number | null;
}
