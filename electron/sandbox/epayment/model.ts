/**
 * The sandbox's own record of an ePayment payment. Amounts are integer minor units of the
 * payment's currency; times are epoch milliseconds on the sandbox clock. The presenters
 * (presenters.ts) turn it into the spec's shapes; the phone page and the control API read the
 * extra fields (who answered, declines, receipt warnings).
 */
import type { CountryCode, Currency } from '../merchants';

/** epayment-v1.yaml `State`. Captured/refunded/cancelled are events and aggregate amounts, not states. */
export type PaymentState = 'CREATED' | 'ABORTED' | 'EXPIRED' | 'AUTHORIZED' | 'TERMINATED';
export type PaymentEventName = 'CREATED' | 'ABORTED' | 'EXPIRED' | 'CANCELLED' | 'CAPTURED' | 'REFUNDED' | 'AUTHORIZED' | 'TERMINATED';
export type UserFlow = 'PUSH_MESSAGE' | 'NATIVE_REDIRECT' | 'WEB_REDIRECT' | 'QR';
export type QrFormat = 'TEXT/TARGETURL' | 'IMAGE/SVG+XML' | 'IMAGE/PNG';
export type CustomerInteraction = 'CUSTOMER_PRESENT' | 'CUSTOMER_NOT_PRESENT';
export type QuantityUnit = 'PCS' | 'KG' | 'KM' | 'MINUTE' | 'LITRE' | 'KWH';

export const userFlows: readonly UserFlow[] = ['PUSH_MESSAGE', 'NATIVE_REDIRECT', 'WEB_REDIRECT', 'QR'];
export const qrFormats: readonly QrFormat[] = ['TEXT/TARGETURL', 'IMAGE/SVG+XML', 'IMAGE/PNG'];
export const quantityUnits: readonly QuantityUnit[] = ['PCS', 'KG', 'KM', 'MINUTE', 'LITRE', 'KWH'];

export interface OrderLine {
  name: string;
  id: string;
  totalAmount: number;
  totalAmountExcludingTax: number;
  totalTaxAmount: number;
  /** Basis points (2500 = 25 %); a deprecated `taxPercentage` is converted. */
  taxRate: number;
  unitInfo?: { unitPrice: number | null; quantity: string; quantityUnit: QuantityUnit };
  discount?: number;
  isReturn: boolean;
  isShipping: boolean;
}

export interface Receipt {
  orderLines: OrderLine[];
  bottomLine: { currency: Currency; tipAmount?: number; posId?: string; receiptNumber?: string };
}

/** A `POST /epayment/v1/payments` body that passed validation (create-validation.ts). */
export interface ValidCreatePayment {
  reference: string;
  amount: { currency: Currency; value: number };
  userFlow: UserFlow;
  customer?: { phoneNumber: string } | { personalQr: string } | { customerToken: string };
  customerInteraction: CustomerInteraction;
  paymentDescription?: string;
  returnUrl?: string;
  receipt?: Receipt;
  receiptUrl?: string;
  qrFormat?: { format: QrFormat; size?: number };
  metadata?: Record<string, string>;
  scope: string[];
  blockedSources: string[];
  /** Present when sent; the create is then refused (5050), but the field was valid. */
  expiresAt?: number;
  shipping: boolean;
  minimumUserAge?: number;
}

export interface PaymentEventRecord {
  name: PaymentEventName;
  pspReference: string;
  value: number;
  at: number;
  /** The request's Idempotency-Key; absent for events no keyed request caused (e.g. a keyless cancel). */
  idempotencyKey: string | null;
  success: boolean;
}

export interface Decline {
  at: number;
  /** The test amount that caused it (151, 182, …). */
  amount: number;
  reason: string;
  phone: string;
}

export interface PaymentRecord {
  /** Global, unguessable id: the phone page and the QR point at it (references are unique per MSN only). */
  token: string;
  reference: string;
  msn: string;
  countryCode: CountryCode;
  currency: Currency;
  value: number;
  userFlow: UserFlow;
  request: ValidCreatePayment;
  /** The phone the payment is addressed to (PUSH_MESSAGE, or a personal QR), else null. */
  targetPhone: string | null;
  createdAt: number;
  expiresAt: number;
  state: PaymentState;
  /** Creation event's pspReference: GET and the adjustments answer with it (spec `PspReference`). */
  pspReference: string;
  createIdempotencyKey: string;
  authorized: number;
  captured: number;
  refunded: number;
  cancelled: number;
  /** Who answered (approved, rejected); null while nobody has. */
  customerPhone: string | null;
  sub: string | null;
  outcome: 'approved' | 'force-approved' | 'rejected' | 'expired' | 'terminated' | null;
  declines: Decline[];
  /** Receipt inconsistencies a real app would show wrongly; never a reason to refuse (see create-validation.ts). */
  receiptWarnings: string[];
  events: PaymentEventRecord[];
}
