/**
 * PaymentRecord → the spec's response shapes (epayment-v1.yaml 1.8.1), and the control API's view.
 *
 * - GetPaymentResponse: aggregate, amount, state, paymentMethod {type}, profile {sub?}, pspReference
 *   (the creation event's), reference; `redirectUrl` for every flow but PUSH_MESSAGE (the same URL
 *   the create answered with); `metadata` when the payment had some. No `captureGuaranteedUntil`
 *   (newer than 1.8.1) and no Express fields.
 * - ModificationResponse: amount, state, aggregate, pspReference (the creation event's, as the
 *   spec's `PspReference` says for adjustments), reference.
 * - PaymentEvent: reference, pspReference (the event's own), name, amount, timestamp (ISO with
 *   milliseconds, as in the docs), idempotencyKey (left out when none, as in the docs' CANCELLED
 *   example), success.
 */
import type { Currency } from '../merchants';
import { isoSeconds } from '../clock';
import type { PaymentRecord } from './model';

export interface PaymentPresentContext {
  baseUrl: string;
}

export const money = (currency: Currency, value: number) => ({ currency, value });

export function presentAggregate(payment: PaymentRecord) {
  return {
    authorizedAmount: money(payment.currency, payment.authorized),
    cancelledAmount: money(payment.currency, payment.cancelled),
    capturedAmount: money(payment.currency, payment.captured),
    refundedAmount: money(payment.currency, payment.refunded),
  };
}

/** The page a QR code or a redirect leads to: the sandbox's stand-in for the app / landing page. */
export function targetUrl(payment: PaymentRecord, ctx: PaymentPresentContext): string {
  return `${ctx.baseUrl}/phone/payments/${payment.token}`;
}

/**
 * `redirectUrl` by flow. QR: the target URL itself for TEXT/TARGETURL, otherwise a link to the QR
 * image (IMAGE/SVG+XML by default, IMAGE/PNG on request) shaped like the real
 * `https://qr-image.vipps.no/v1?token=…`. WEB_REDIRECT and NATIVE_REDIRECT: the sandbox's phone page
 * (a real NATIVE_REDIRECT gives a `vipps://` deeplink no desktop can open). PUSH_MESSAGE: none
 * ("Nothing will be returned when userFlow is PUSH_MESSAGE").
 */
export function redirectUrl(payment: PaymentRecord, ctx: PaymentPresentContext): string | undefined {
  if (payment.userFlow === 'PUSH_MESSAGE') return undefined;
  if (payment.userFlow === 'QR' && payment.request.qrFormat?.format !== 'TEXT/TARGETURL') return `${ctx.baseUrl}/qr-image/v1?token=${payment.token}`;
  return targetUrl(payment, ctx);
}

export function presentCreated(payment: PaymentRecord, ctx: PaymentPresentContext) {
  const url = redirectUrl(payment, ctx);
  return { ...(url !== undefined ? { redirectUrl: url } : {}), reference: payment.reference };
}

export function presentPayment(payment: PaymentRecord, ctx: PaymentPresentContext) {
  const url = redirectUrl(payment, ctx);
  return {
    aggregate: presentAggregate(payment),
    amount: money(payment.currency, payment.value),
    state: payment.state,
    paymentMethod: { type: 'WALLET' as const },
    profile: payment.sub ? { sub: payment.sub } : {},
    pspReference: payment.pspReference,
    reference: payment.reference,
    ...(url !== undefined ? { redirectUrl: url } : {}),
    ...(payment.request.metadata ? { metadata: payment.request.metadata } : {}),
  };
}

export function presentModification(payment: PaymentRecord) {
  return {
    amount: money(payment.currency, payment.value),
    state: payment.state,
    aggregate: presentAggregate(payment),
    pspReference: payment.pspReference,
    reference: payment.reference,
  };
}

export function presentEvents(payment: PaymentRecord) {
  return payment.events.map((event) => ({
    reference: payment.reference,
    pspReference: event.pspReference,
    name: event.name,
    amount: money(payment.currency, event.value),
    timestamp: new Date(event.at).toISOString(),
    ...(event.idempotencyKey !== null ? { idempotencyKey: event.idempotencyKey } : {}),
    success: event.success,
  }));
}

/** The control API's view: the API's GET plus what only the sandbox knows. */
export function presentForControl(payment: PaymentRecord, ctx: PaymentPresentContext) {
  const request = payment.request;
  return {
    ...presentPayment(payment, ctx),
    msn: payment.msn,
    userFlow: payment.userFlow,
    targetUrl: targetUrl(payment, ctx),
    qrFormat: payment.userFlow === 'QR' ? (request.qrFormat?.format ?? 'IMAGE/SVG+XML') : null,
    phoneNumber: payment.targetPhone,
    customerPhone: payment.customerPhone,
    customerInteraction: request.customerInteraction,
    paymentDescription: request.paymentDescription ?? null,
    receipt: request.receipt ?? null,
    receiptWarnings: payment.receiptWarnings,
    scope: request.scope,
    outcome: payment.outcome,
    declines: payment.declines.map((d) => ({ at: isoSeconds(d.at), amount: d.amount, reason: d.reason, phoneNumber: d.phone })),
    created: new Date(payment.createdAt).toISOString(),
    expiresAt: payment.state === 'CREATED' ? new Date(payment.expiresAt).toISOString() : null,
    events: presentEvents(payment),
  };
}
