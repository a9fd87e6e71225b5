/**
 * ePayment payments on the customer's phone:
 *
 *   GET  /phone/scan?url=<pasted QR address>   → 302 to the page the QR leads to (the index's "Scan a QR code" box)
 *   GET  /phone/payments/{token}               the page a QR payment's target URL opens ("scanned"); also the
 *                                              landing page of WEB_REDIRECT / NATIVE_REDIRECT payments
 *   GET  /phone/payments/{token}/view          JSON {version, html, serverNow, state}
 *   POST /phone/payments/{token}/approve       {phoneNumber?} → JSON {reference, state, outcome, declined}
 *   POST /phone/payments/{token}/reject        {phoneNumber?} → JSON {reference, state, outcome, declined}
 *
 * PUSH_MESSAGE payments also appear on `/phone/{msisdn}` (phone-routes.ts) of the number they were
 * sent to; a scanned payment appears there once that phone has answered it. The phone's buttons,
 * the control API and force approve share PaymentStore's approve/reject, so a tap on the phone is
 * exactly a customer answering in the app (test amounts decline here; force approve ignores them).
 */
import { escapeHtml, html, json, parseJsonBody, redirect, type Router, type SandboxResponse } from '../http-kit';
import { merchantDisplayName, type MerchantRegistry } from '../merchants';
import type { SandboxClock } from '../clock';
import { formatMoney } from '../recurring/presenters';
import { defaultCustomerPhone, testCustomers } from '../userinfo/customers';
import { formatMsisdn } from '../../../shared/phone';
import { EPAYMENT_MSISDN } from '../epayment/create-validation';
import { CustomerActionError, type ApproveResult, type PaymentStore } from '../epayment/payment-store';
import type { OrderLine, PaymentRecord } from '../epayment/model';
import { paymentCard, paymentFragment, renderPaymentPage, type OrderLineView, type PaymentView } from './payment-view';
import { page } from './phone-view';

export interface PaymentPhoneDeps {
  clock: SandboxClock;
  merchants: MerchantRegistry;
  payments: PaymentStore;
}

export function registerPaymentPhoneRoutes(router: Router, deps: PaymentPhoneDeps): void {
  const { payments, clock } = deps;

  router.add('GET', '/phone/scan', (req) => {
    const target = scannedPath(req.query['url'] ?? '');
    if (target) return redirect(target);
    return html(400, notFoundPage(`"${req.query['url'] ?? ''}" is not a QR code of this sandbox. Paste the address a payment's or agreement's QR code holds, e.g. http://127.0.0.1:4700/phone/payments/….`));
  });

  router.add('GET', '/phone/payments/:token', (req) => {
    const payment = payments.findByToken(req.params['token']!);
    if (!payment) return html(404, notFoundPage('There is no such payment in this sandbox (it may have been reset).'));
    const pushed = payment.userFlow === 'PUSH_MESSAGE' && payment.targetPhone !== null;
    const askPhone = payment.state === 'CREATED' && !pushed ? (payment.targetPhone ?? defaultCustomerPhone(payment.countryCode)) : null;
    const phoneChoices = testCustomers
      .filter((c) => c.address.country === payment.countryCode)
      .map((c) => ({ msisdn: c.phone, label: `${formatMsisdn(c.phone)} ${c.givenName} ${c.familyName}` }));
    return html(200, renderPaymentPage({ token: payment.token, card: paymentFragment(toPaymentView(deps, payment)), serverNow: clock.now(), askPhone, phoneChoices }));
  });

  router.add('GET', '/phone/payments/:token/view', (req) => {
    const payment = payments.findByToken(req.params['token']!);
    if (!payment) return json(404, { error: 'No such payment' });
    return json(200, { ...paymentFragment(toPaymentView(deps, payment)), serverNow: clock.now(), state: payment.state });
  });

  const byToken = (token: string) => {
    const payment = payments.findByToken(token);
    if (!payment) throw new CustomerActionError(404, 'No such payment');
    return payment;
  };
  router.add('POST', '/phone/payments/:token/approve', (req) =>
    paymentAction(req.rawBody, (body) => payments.approve(byToken(req.params['token']!), { phoneNumber: body.phoneNumber, force: false })),
  );
  router.add('POST', '/phone/payments/:token/reject', (req) =>
    paymentAction(req.rawBody, (body) => ({ payment: payments.reject(byToken(req.params['token']!), body.phoneNumber), declined: null })),
  );
}

/** Shared by the phone's buttons and the control API: JSON in, JSON summary out, 409 when no longer CREATED. */
export function paymentAction(rawBody: string, act: (body: { phoneNumber?: string }) => ApproveResult): SandboxResponse {
  const parsed = parseJsonBody(rawBody);
  const body = parsed.ok && typeof parsed.value === 'object' && parsed.value !== null ? (parsed.value as Record<string, unknown>) : {};
  const phoneNumber = typeof body['phoneNumber'] === 'string' && body['phoneNumber'] !== '' ? body['phoneNumber'] : undefined;
  if (phoneNumber !== undefined && !EPAYMENT_MSISDN.test(phoneNumber)) {
    return json(400, { error: `phoneNumber "${phoneNumber}" is not an MSISDN (9 to 15 digits with the country code).` });
  }
  try {
    const { payment, declined } = act({ phoneNumber });
    return json(200, { reference: payment.reference, state: payment.state, outcome: declined ? 'declined' : payment.outcome, declined });
  } catch (error) {
    if (error instanceof CustomerActionError) return json(error.status, { error: error.message });
    throw error;
  }
}

/** The path on this sandbox a pasted QR address leads to, or null. Accepts the image link too. */
export function scannedPath(pasted: string): string | null {
  let url: URL;
  try {
    url = new URL(pasted.trim(), 'http://sandbox.invalid');
  } catch {
    return null;
  }
  const payment = /^\/phone\/payments\/([A-Za-z0-9_-]+)\/?$/.exec(url.pathname);
  if (payment) return `/phone/payments/${payment[1]}`;
  const agreement = /^\/phone\/agreements\/([^/]+)\/?$/.exec(url.pathname);
  if (agreement) return `/phone/agreements/${agreement[1]}`;
  const token = url.searchParams.get('token');
  if (url.pathname === '/qr-image/v1' && token && /^[A-Za-z0-9_-]+$/.test(token)) return `/phone/payments/${token}`;
  return null;
}

/** Payments that belong on this phone's page: pushed to it, or answered by it. Newest first. */
export function paymentsOfPhone(payments: PaymentStore, msisdn: string): PaymentRecord[] {
  return payments.list().filter((p) => (p.userFlow === 'PUSH_MESSAGE' && p.targetPhone === msisdn) || p.customerPhone === msisdn);
}

export function paymentCardHtml(deps: Pick<PaymentPhoneDeps, 'merchants'>, payment: PaymentRecord): string {
  return paymentCard(toPaymentView(deps, payment));
}

export function toPaymentView(deps: Pick<PaymentPhoneDeps, 'merchants'>, payment: PaymentRecord): PaymentView {
  const money = (minor: number) => formatMoney(minor, payment.currency);
  const receipt = payment.request.receipt;
  const vat = receipt ? receipt.orderLines.reduce((sum, line) => sum + (line.isReturn ? -line.totalTaxAmount : line.totalTaxAmount), 0) : 0;
  return {
    reference: payment.reference,
    token: payment.token,
    state: payment.state,
    merchantName: merchantDisplayName(deps.merchants.byMsn(payment.msn), payment.msn),
    amountText: money(payment.value),
    description: payment.request.paymentDescription,
    lines: receipt ? receipt.orderLines.map((line) => lineView(line, money)) : [],
    vatText: receipt ? `VAT included: ${money(vat)}` : undefined,
    tipText: receipt?.bottomLine.tipAmount ? money(receipt.bottomLine.tipAmount) : undefined,
    outcomeText: outcomeText(payment, money),
    expiresAt: payment.expiresAt,
    declined: payment.declines.at(-1)?.reason,
    warnings: payment.receiptWarnings,
  };
}

const unitLabels: Record<string, string> = { PCS: '', KG: ' kg', KM: ' km', MINUTE: ' min', LITRE: ' l', KWH: ' kWh' };

function lineView(line: OrderLine, money: (minor: number) => string): OrderLineView {
  const unit = line.unitInfo;
  const quantity = unit ? `${unit.quantity}${unitLabels[unit.quantityUnit] ?? ''}` : '1';
  const notes = [line.isReturn ? 'return' : '', line.isShipping ? 'shipping' : '', line.discount ? `${money(line.discount)} discount` : ''].filter((n) => n !== '');
  return {
    name: line.name,
    quantityText: unit?.unitPrice != null ? `${quantity} × ${money(unit.unitPrice)}` : `${quantity} ×`,
    totalText: money(line.isReturn ? -line.totalAmount : line.totalAmount),
    ...(notes.length ? { note: notes.join(', ') } : {}),
  };
}

function outcomeText(payment: PaymentRecord, money: (minor: number) => string): string {
  switch (payment.state) {
    case 'CREATED':
      return 'Waiting for you';
    case 'ABORTED':
      return 'Rejected';
    case 'EXPIRED':
      return 'Expired — not answered within 10 minutes';
    case 'TERMINATED':
      return 'Cancelled by the shop';
    case 'AUTHORIZED': {
      if (payment.refunded > 0) return `Paid ${money(payment.captured)} — ${money(payment.refunded)} refunded`;
      if (payment.captured > 0 && payment.captured === payment.authorized) return `Paid ${money(payment.captured)}`;
      if (payment.captured > 0) return `Paid ${money(payment.captured)}${payment.cancelled > 0 ? ', the rest released' : `, ${money(payment.authorized - payment.captured)} still reserved`}`;
      if (payment.cancelled > 0) return 'Approved, then released by the shop — nothing was charged';
      return `Approved — ${money(payment.authorized)} reserved`;
    }
  }
}

function notFoundPage(message: string): string {
  return page('Vipps MobilePay', 'Sandbox phone', `<div class="card"><p class="error">${escapeHtml(message)}</p><p class="muted"><a href="/phone">All phones</a></p></div>`);
}
