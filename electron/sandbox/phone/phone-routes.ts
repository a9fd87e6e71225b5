/**
 * The customer's phone, served by the sandbox:
 *
 *   GET  /phone                              index of phones that have requests, a box to open any number
 *   GET  /phone?number=<digits>              → 302 to that phone's page
 *   GET  /phone/{msisdn}                     the phone's pending requests with Approve/Reject (polls every 1 s)
 *   GET  /phone/{msisdn}/requests            JSON {version, html, serverNow, pending: [agreementId…], pendingPayments: [reference…]}
 *   GET  /phone/agreements/{agreementId}     the page `vippsConfirmationUrl` points to (the QR target)
 *   GET  /phone/agreements/{agreementId}/view  JSON {version, html, serverNow, status}
 *   POST /phone/agreements/{agreementId}/approve  {phoneNumber?, maxAmount?} → JSON agreement summary
 *   POST /phone/agreements/{agreementId}/reject   {phoneNumber?}             → JSON agreement summary
 *   …/phone/scan, /phone/payments/…          ePayment payments (payment-routes.ts)
 *
 * A phone's page lists its agreement requests and the ePayment payments pushed to it together,
 * pending ones oldest first (answer in order), then the last answered ones newest first.
 * Approve/Reject call the same store functions as the control API and the force-accept endpoint,
 * so approving on the phone is exactly a customer approving in the app.
 */
import { empty, html, json, parseJsonBody, redirect, type Router, type SandboxResponse } from '../http-kit';
import { Problem } from '../problems';
import { callingCodeByCountry, merchantDisplayName, type MerchantRegistry } from '../merchants';
import type { SandboxClock } from '../clock';
import { PENDING_LIFETIME_MS, type RecurringStore } from '../recurring/recurring-store';
import { campaignExplanation, formatMoney, priceText, scopeLabel } from '../recurring/presenters';
import type { AgreementRecord } from '../recurring/model';
import { MSISDN } from '../recurring/draft-validation';
import { countryOfPhone, customerFor, defaultCustomerPhone, testCustomers } from '../userinfo/customers';
import { formatMsisdn } from '../../../shared/phone';
import { agreementCard, agreementFragment, inboxFragment, renderAgreementPage, renderPhoneIndex, renderPhonePage, type RequestView } from './phone-view';
import type { PaymentStore } from '../epayment/payment-store';
import { paymentCardHtml, paymentsOfPhone, registerPaymentPhoneRoutes } from './payment-routes';

export interface PhoneDeps {
  clock: SandboxClock;
  store: RecurringStore;
  merchants: MerchantRegistry;
  payments: PaymentStore;
}

const HANDLED_SHOWN = 10;

export function registerPhoneRoutes(router: Router, deps: PhoneDeps): void {
  const { store, clock } = deps;

  // Browsers ask for it on every page; an empty answer keeps their consoles (and e2e logs) clean.
  router.add('GET', '/favicon.ico', () => empty(204));

  router.add('GET', '/phone', (req) => {
    const requested = req.query['number'];
    if (requested !== undefined) {
      const digits = requested.replace(/[\s+()-]/g, '').replace(/^00/, '');
      if (MSISDN.test(digits)) return redirect(`/phone/${digits}`);
      return html(400, indexPage(deps, `"${requested}" is not an MSISDN: use digits with the country code, e.g. 4791234567.`));
    }
    return html(200, indexPage(deps, null));
  });

  // Literal routes before `/phone/:msisdn`.
  registerPaymentPhoneRoutes(router, deps);
  router.add('GET', '/phone/agreements/:agreementId', (req) => {
    const agreement = store.findAgreement(req.params['agreementId']!);
    if (!agreement) return html(404, renderNotFound(req.params['agreementId']!));
    const askPhone = agreement.status === 'PENDING' && !agreement.draft.phoneNumber ? defaultCustomerPhone(agreement.countryCode) : null;
    return html(200, renderAgreementPage({ agreementId: agreement.id, card: agreementFragment(toView(deps, agreement)), serverNow: clock.now(), askPhone }));
  });

  router.add('GET', '/phone/agreements/:agreementId/view', (req) => {
    const agreement = store.findAgreement(req.params['agreementId']!);
    if (!agreement) return json(404, { error: 'No such agreement' });
    return json(200, { ...agreementFragment(toView(deps, agreement)), serverNow: clock.now(), status: agreement.status });
  });

  router.add('POST', '/phone/agreements/:agreementId/approve', (req) =>
    customerAction(req.rawBody, (body) => store.approve(req.params['agreementId']!, { phoneNumber: body.phoneNumber, maxAmount: body.maxAmount })),
  );

  router.add('POST', '/phone/agreements/:agreementId/reject', (req) =>
    customerAction(req.rawBody, (body) => store.reject(req.params['agreementId']!, body.phoneNumber)),
  );

  router.add('GET', '/phone/:msisdn', (req) => {
    const msisdn = req.params['msisdn']!;
    if (!/^\d{1,15}$/.test(msisdn)) return html(400, indexPage(deps, `"${msisdn}" is not an MSISDN.`));
    const customer = customerFor(msisdn, 'NO');
    return html(
      200,
      renderPhonePage({
        msisdn,
        displayNumber: formatMsisdn(msisdn),
        warning: phoneWarning(msisdn),
        customerName: `${customer.givenName} ${customer.familyName}`,
        list: phoneFragment(deps, msisdn),
        serverNow: clock.now(),
      }),
    );
  });

  router.add('GET', '/phone/:msisdn/requests', (req) => {
    const msisdn = req.params['msisdn']!;
    const pending = agreementsOfPhone(deps, msisdn).filter((a) => a.status === 'PENDING').map((a) => a.id);
    const pendingPayments = paymentsOfPhone(deps.payments, msisdn).filter((p) => p.state === 'CREATED').map((p) => p.reference);
    return json(200, { ...phoneFragment(deps, msisdn), serverNow: clock.now(), pending, pendingPayments });
  });
}

/** Shared by the phone's buttons: JSON body in, JSON summary out, 409 when the request is no longer pending. */
export function customerAction(rawBody: string, act: (body: { phoneNumber?: string; maxAmount?: number }) => AgreementRecord): SandboxResponse {
  const parsed = parseJsonBody(rawBody);
  const body = parsed.ok && typeof parsed.value === 'object' && parsed.value !== null ? (parsed.value as Record<string, unknown>) : {};
  const phoneNumber = typeof body['phoneNumber'] === 'string' && body['phoneNumber'] !== '' ? body['phoneNumber'] : undefined;
  if (phoneNumber !== undefined && !MSISDN.test(phoneNumber)) return json(400, { error: `phoneNumber "${phoneNumber}" is not an MSISDN (digits with country code).` });
  const maxAmount = typeof body['maxAmount'] === 'number' && Number.isInteger(body['maxAmount']) && body['maxAmount'] > 0 ? body['maxAmount'] : undefined;
  try {
    const agreement = act({ phoneNumber, maxAmount });
    return json(200, { agreementId: agreement.id, status: agreement.status, outcome: agreement.outcome });
  } catch (error) {
    if (error instanceof Problem) return json(error.status === 404 ? 404 : 409, { error: error.detail });
    throw error;
  }
}

function agreementsOfPhone(deps: PhoneDeps, msisdn: string): AgreementRecord[] {
  return deps.store
    .listAgreements()
    .filter((a) => a.draft.phoneNumber === msisdn || a.customerPhone === msisdn)
    .sort((a, b) => b.createdAt - a.createdAt);
}

function phoneFragment(deps: PhoneDeps, msisdn: string) {
  const cards = [
    ...agreementsOfPhone(deps, msisdn).map((a) => ({ createdAt: a.createdAt, pending: a.status === 'PENDING', html: () => agreementCard(toView(deps, a)) })),
    ...paymentsOfPhone(deps.payments, msisdn).map((p) => ({ createdAt: p.createdAt, pending: p.state === 'CREATED', html: () => paymentCardHtml(deps, p) })),
  ].sort((a, b) => b.createdAt - a.createdAt);
  const pending = cards.filter((c) => c.pending).reverse(); // oldest first: answer in order
  const handled = cards.filter((c) => !c.pending).slice(0, HANDLED_SHOWN);
  return inboxFragment(
    pending.map((c) => c.html()),
    handled.map((c) => c.html()),
  );
}

const outcomeTexts: Record<string, string> = {
  approved: 'Approved',
  rejected: 'Rejected',
  expired: 'Expired — not answered within 10 minutes',
  'initial-charge-failed': 'Payment failed — the agreement was not started',
  'stopped-by-merchant': 'Stopped by the shop',
  'stopped-by-user': 'Stopped by you',
};

function toView(deps: PhoneDeps, agreement: AgreementRecord): RequestView {
  const initial = deps.store.chargesOf(agreement).find((charge) => charge.type === 'INITIAL');
  const campaign = agreement.draft.campaign;
  const status = agreement.status;
  return {
    id: agreement.id,
    status,
    outcomeText: (agreement.outcome && outcomeTexts[agreement.outcome]) ?? status,
    merchantName: merchantDisplayName(deps.merchants.byMsn(agreement.msn), agreement.msn),
    productName: agreement.productName,
    productDescription: agreement.productDescription,
    priceText: priceText(agreement),
    campaignExplanation: campaign ? campaignExplanation(agreement, campaign) : undefined,
    initialCharge: initial
      ? { amountText: formatMoney(initial.amount, initial.currency), description: initial.description, transactionType: initial.transactionType }
      : undefined,
    scopes: agreement.draft.scope.map(scopeLabel),
    expiresAt: agreement.createdAt + PENDING_LIFETIME_MS,
  };
}

/** The real push needs the right MSISDN ("If not, the payment will fail"); say so instead of hiding it. */
function phoneWarning(msisdn: string): string | null {
  if (countryOfPhone(msisdn)) return null;
  const codes = Object.values(callingCodeByCountry).join(', ');
  return `This number does not start with a Vipps MobilePay country code (${codes}). A real push to it would never arrive.`;
}

function indexPage(deps: PhoneDeps, error: string | null): string {
  const phones = new Map<string, number>();
  for (const agreement of deps.store.listAgreements()) {
    for (const phone of new Set([agreement.draft.phoneNumber, agreement.customerPhone])) {
      if (!phone) continue;
      phones.set(phone, (phones.get(phone) ?? 0) + (agreement.status === 'PENDING' && agreement.draft.phoneNumber === phone ? 1 : 0));
    }
  }
  for (const payment of deps.payments.list()) {
    const pushedTo = payment.userFlow === 'PUSH_MESSAGE' ? payment.targetPhone : null;
    for (const phone of new Set([pushedTo, payment.customerPhone])) {
      if (!phone) continue;
      phones.set(phone, (phones.get(phone) ?? 0) + (payment.state === 'CREATED' && pushedTo === phone ? 1 : 0));
    }
  }
  return renderPhoneIndex({
    phones: [...phones.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([msisdn, pending]) => ({ msisdn, label: `${formatMsisdn(msisdn)} ${nameOf(msisdn)}`, pending })),
    samples: testCustomers.map((c) => ({ msisdn: c.phone, label: `${formatMsisdn(c.phone)} ${c.givenName} ${c.familyName} (${c.address.country})` })),
    error,
  });
}

function nameOf(msisdn: string): string {
  const customer = customerFor(msisdn, 'NO');
  return `${customer.givenName} ${customer.familyName}`;
}

function renderNotFound(agreementId: string): string {
  return renderPhoneIndex({ phones: [], samples: [], error: `There is no agreement ${agreementId} in this sandbox (it may have been reset).` });
}
