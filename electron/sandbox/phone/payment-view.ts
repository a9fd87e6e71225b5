/**
 * HTML of an ePayment payment on the customer's phone: what the app shows for a push or a scanned
 * QR — the shop, the amount, the description and the receipt's order lines — with Approve/Reject.
 * Rendered on the server only, like the agreement cards (phone-view.ts), into the same polled list.
 *
 * Stable test ids (`<reference>` is the merchant's payment reference):
 *   `payment-request-<reference>`  pending payment card     `approve-payment-<reference>`, `reject-payment-<reference>`
 *   `payment-handled-<reference>`  answered / expired card  `payment-status-<reference>` its outcome text
 *   `order-lines-<reference>`      the receipt's lines      `order-line-<reference>-<n>` one line (0-based)
 *   `payment-declined-<reference>` the card was declined (test amount); the card stays pending
 *   `receipt-warning-<reference>`  the receipt does not add up (the payment was accepted anyway)
 *   `payment-phone-number`         the number input on a scanned payment's page
 * References are unique per sales unit only; two shops using the same one on the same phone would
 * share test ids (the sandbox's demo has one shop).
 */
import { escapeHtml as e } from '../http-kit';
import { fragment, listContainer, page, SCRIPT, type Fragment } from './phone-view';

export interface OrderLineView {
  name: string;
  /** "2 × 39 kr", "0.822 kg × 150 kr", or "1 ×" when the line has no unit info. */
  quantityText: string;
  totalText: string;
  note?: string;
}

export interface PaymentView {
  reference: string;
  token: string;
  state: 'CREATED' | 'ABORTED' | 'EXPIRED' | 'AUTHORIZED' | 'TERMINATED';
  merchantName: string;
  amountText: string;
  description?: string;
  lines: OrderLineView[];
  vatText?: string;
  tipText?: string;
  outcomeText: string;
  expiresAt: number;
  declined?: string;
  warnings: string[];
}

export function paymentCard(view: PaymentView): string {
  const pending = view.state === 'CREATED';
  const ref = e(view.reference);
  const lines = view.lines.length
    ? `<table class="lines" data-testid="order-lines-${ref}">
${view.lines
  .map(
    (line, i) =>
      `<tr data-testid="order-line-${ref}-${i}"><td class="name">${e(line.name)}${line.note ? ` <span class="muted">(${e(line.note)})</span>` : ''}</td><td class="qty">${e(line.quantityText)}</td><td class="sum">${e(line.totalText)}</td></tr>`,
  )
  .join('\n')}
${view.tipText ? `<tr><td class="name">Tip</td><td class="qty"></td><td class="sum">${e(view.tipText)}</td></tr>\n` : ''}<tr class="total"><td>Total</td><td></td><td class="sum">${e(view.amountText)}</td></tr>
</table>${view.vatText ? `\n<p class="muted">${e(view.vatText)}</p>` : ''}`
    : '';
  const warnings = view.warnings.length ? `<p class="warning" data-testid="receipt-warning-${ref}">Receipt does not add up: ${e(view.warnings.join('; '))}</p>` : '';
  const declined =
    pending && view.declined
      ? `<p class="warning" data-testid="payment-declined-${ref}">Payment declined: ${e(view.declined)}. In the real app you could try another card; in the sandbox this amount always declines.</p>`
      : '';
  const footer = pending
    ? `<p class="muted">Expires in <span data-expires-at="${view.expiresAt}">10:00</span></p>
<div class="actions">
<button type="button" class="reject" data-action="reject" data-url="/phone/payments/${e(view.token)}/reject" data-testid="reject-payment-${ref}">Reject</button>
<button type="button" class="approve" data-action="approve" data-url="/phone/payments/${e(view.token)}/approve" data-testid="approve-payment-${ref}">Approve</button>
</div>
<p class="error" data-error-for="${ref}" hidden></p>`
    : `<p class="status ${e(view.state)}" data-testid="payment-status-${ref}">${e(view.outcomeText)}</p>`;
  return `<article class="card" data-testid="${pending ? 'payment-request' : 'payment-handled'}-${ref}" data-payment-reference="${ref}" data-state="${e(view.state)}">
<div class="merchant">${e(view.merchantName)}</div>
<p class="amount">${e(view.amountText)}</p>
${view.description ? `<h2>${e(view.description)}</h2>\n` : ''}${lines}
${warnings}${declined}${footer}
</article>`;
}

export function paymentFragment(view: PaymentView): Fragment {
  return fragment(paymentCard(view));
}

/** The page a QR code's target URL opens: the payment, and who is paying when the shop did not say. */
export function renderPaymentPage(input: { token: string; card: Fragment; serverNow: number; askPhone: string | null; phoneChoices: { msisdn: string; label: string }[] }): string {
  const phoneBox = input.askPhone
    ? `<div class="card"><label for="phone-number">You are paying as (MSISDN — any number, or pick a test customer)</label>
<input id="phone-number" inputmode="numeric" list="test-customers" value="${e(input.askPhone)}" data-testid="payment-phone-number">
<datalist id="test-customers">${input.phoneChoices.map((c) => `<option value="${e(c.msisdn)}">${e(c.label)}</option>`).join('')}</datalist></div>`
    : '';
  const body = `${phoneBox}${listContainer(`/phone/payments/${encodeURIComponent(input.token)}/view`, input.card, input.serverNow, null)}
<p class="muted"><a href="/phone">All phones</a></p>`;
  return page('Vipps MobilePay', 'Approve the payment — sandbox, no real money', body, SCRIPT);
}
