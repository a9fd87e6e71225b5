/**
 * HTML of the customer's phone: self-contained pages (inline CSS and a small inline script, no
 * external assets) that work on a real phone that scanned the confirmation QR as well as in a
 * Playwright test.
 *
 * The request list is rendered on the server only — the page's script polls a JSON endpoint every
 * second that returns the same fragment plus a version hash, and swaps the DOM only when the
 * version changes. One renderer means the first paint and the refreshed list cannot disagree, and a
 * list that does not change is never re-created under a test's click. The expiry countdown is the
 * only thing that moves every second, so it is computed in the browser from `data-expires-at` and
 * the sandbox clock (`serverNow`), and is not part of the versioned HTML.
 *
 * Stable test ids: `request-<agreementId>` (pending request card), `approve-<agreementId>`,
 * `reject-<agreementId>` (its buttons), `handled-<agreementId>` (a request already answered or
 * expired), `phone-link-<msisdn>` (index entries), `scan-qr-input` / `scan-qr` (the index's
 * "Scan a QR code" box). ePayment payment cards have their own (payment-view.ts).
 */
import { createHash } from 'node:crypto';
import { escapeHtml as e } from '../http-kit';

export interface RequestView {
  id: string;
  status: 'PENDING' | 'ACTIVE' | 'STOPPED' | 'EXPIRED';
  outcomeText: string;
  merchantName: string;
  productName: string;
  productDescription?: string;
  priceText: string;
  campaignExplanation?: string;
  initialCharge?: { amountText: string; description: string; transactionType: 'DIRECT_CAPTURE' | 'RESERVE_CAPTURE' };
  scopes: string[];
  expiresAt: number;
}

export interface Fragment {
  html: string;
  version: string;
}

export function fragment(html: string): Fragment {
  return { html, version: createHash('sha1').update(html).digest('hex').slice(0, 16) };
}

// Vipps orange darkened to #c2410c: white text on the brand's #ff5b24 is 3.1:1, below WCAG AA's 4.5:1.
const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f1ee;color:#1f1b16}
header{background:#c2410c;color:#fff;padding:14px 16px}
header h1{margin:0;font-size:20px}
header p{margin:2px 0 0;font-size:14px}
main{max-width:520px;margin:0 auto;padding:12px}
.card{background:#fff;border-radius:14px;padding:16px;margin:12px 0;box-shadow:0 1px 3px rgba(0,0,0,.12)}
.merchant{font-size:13px;color:#6b6259;text-transform:uppercase;letter-spacing:.04em}
.card h2{margin:4px 0 6px;font-size:20px}
.price{font-size:18px;font-weight:600;margin:6px 0}
.campaign{background:#fff3d6;border-radius:8px;padding:8px 10px;margin:8px 0}
.initial{background:#eef6ff;border-radius:8px;padding:8px 10px;margin:8px 0}
.profile{font-size:14px;color:#3d3731}
.muted{color:#6b6259;font-size:14px}
.actions{display:flex;gap:10px;margin-top:14px}
button{flex:1;font-size:18px;font-weight:600;border:0;border-radius:12px;padding:16px 10px;cursor:pointer;min-height:56px}
button.approve{background:#c2410c;color:#fff}
button.reject{background:#e9e4df;color:#1f1b16}
button:disabled{opacity:.5;cursor:default}
.status{font-weight:600}
.status.ACTIVE{color:#1c7c3a}.status.STOPPED,.status.EXPIRED{color:#9b2c2c}
.warning{background:#ffe1e1;border-radius:8px;padding:8px 10px}
.error{color:#9b2c2c;font-size:14px;margin-top:8px}
input{font-size:18px;padding:12px;border:1px solid #cfc6bd;border-radius:10px;width:100%}
form{display:flex;gap:8px}form button{flex:0 0 auto;padding:12px 16px;min-height:0}
ul.phones{list-style:none;padding:0}ul.phones li{margin:8px 0}
ul.phones a{display:block;background:#fff;border-radius:10px;padding:12px;color:inherit;text-decoration:none}
h3{margin:18px 0 6px;font-size:16px;color:#6b6259}
.amount{font-size:28px;font-weight:700;margin:4px 0 6px}
table.lines{width:100%;border-collapse:collapse;font-size:15px;margin:8px 0}
table.lines td{padding:4px 0;border-bottom:1px solid #eee7e0;vertical-align:top}
table.lines td.qty{color:#6b6259;white-space:nowrap;padding:4px 8px}
table.lines td.sum{text-align:right;white-space:nowrap}
table.lines tr.total td{font-weight:600;border-bottom:0}
.status.AUTHORIZED{color:#1c7c3a}.status.ABORTED,.status.TERMINATED{color:#9b2c2c}
`;

export function page(title: string, subtitle: string, body: string, script = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${e(title)}</h1><p>${e(subtitle)}</p></header>
<main>
${body}
</main>
${script ? `<script>${script}</script>` : ''}
</body>
</html>`;
}

function requestCard(view: RequestView): string {
  const pending = view.status === 'PENDING';
  const testId = pending ? `request-${view.id}` : `handled-${view.id}`;
  const initial = view.initialCharge
    ? `<p class="initial">${view.initialCharge.transactionType === 'DIRECT_CAPTURE' ? 'Pay now' : 'Reserved now, charged when delivered'}: <strong>${e(view.initialCharge.amountText)}</strong> — ${e(view.initialCharge.description)}</p>`
    : '';
  const campaign = view.campaignExplanation ? `<p class="campaign">${e(view.campaignExplanation)}</p>` : '';
  const profile = view.scopes.length > 0 ? `<p class="profile">Shares with the shop: your ${e(listText(view.scopes))}.</p>` : '';
  const footer = pending
    ? `<p class="muted">Expires in <span data-expires-at="${view.expiresAt}">10:00</span></p>
<div class="actions">
<button type="button" class="reject" data-action="reject" data-agreement="${e(view.id)}" data-testid="reject-${e(view.id)}">Reject</button>
<button type="button" class="approve" data-action="approve" data-agreement="${e(view.id)}" data-testid="approve-${e(view.id)}">Approve</button>
</div>
<p class="error" data-error-for="${e(view.id)}" hidden></p>`
    : `<p class="status ${e(view.status)}" data-testid="status-${e(view.id)}">${e(view.outcomeText)}</p>`;
  return `<article class="card" data-testid="${e(testId)}" data-agreement-id="${e(view.id)}" data-status="${e(view.status)}">
<div class="merchant">${e(view.merchantName)}</div>
<h2>${e(view.productName)}</h2>
${view.productDescription ? `<p class="muted">${e(view.productDescription)}</p>` : ''}
<p class="price">${e(view.priceText)}</p>
${campaign}${initial}${profile}${footer}
</article>`;
}

/** "name, email address and address". */
function listText(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * The list on a phone's page: pending requests first, then the last answered ones. Takes finished
 * cards, so agreements and ePayment payments (payment-view.ts) share one phone.
 */
export function inboxFragment(pending: string[], handled: string[]): Fragment {
  const pendingHtml = pending.length > 0 ? pending.join('\n') : '<p class="muted" data-testid="no-requests">No requests waiting. Keep this page open: new requests appear by themselves.</p>';
  const handledHtml = handled.length > 0 ? `<h3>Earlier</h3>\n${handled.join('\n')}` : '';
  return fragment(`${pendingHtml}\n${handledHtml}`);
}

export function agreementCard(view: RequestView): string {
  return requestCard(view);
}

export function agreementFragment(view: RequestView): Fragment {
  return fragment(requestCard(view));
}

/**
 * The client script. Polls `data-src` every second, swaps the list when its version changes, keeps
 * the countdowns on the sandbox clock, and posts Approve/Reject to the phone's action endpoints.
 */
export const SCRIPT = `
(function () {
  var root = document.getElementById('requests');
  var version = root.getAttribute('data-version');
  var offset = Number(root.getAttribute('data-server-now')) - Date.now();
  function fmt(ms) { var s = Math.ceil(ms / 1000), m = Math.floor(s / 60); s = s % 60; return m + ':' + (s < 10 ? '0' : '') + s; }
  function tick() {
    var els = root.querySelectorAll('[data-expires-at]');
    for (var i = 0; i < els.length; i++) {
      var left = Number(els[i].getAttribute('data-expires-at')) - (Date.now() + offset);
      els[i].textContent = left > 0 ? fmt(left) : 'now';
    }
  }
  function poll() {
    return fetch(root.getAttribute('data-src'), { cache: 'no-store' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (d) {
        if (!d) return;
        offset = d.serverNow - Date.now();
        if (d.version !== version) { version = d.version; root.innerHTML = d.html; }
        tick();
      })
      .catch(function () {});
  }
  root.addEventListener('click', function (ev) {
    var btn = ev.target.closest ? ev.target.closest('button[data-action]') : null;
    if (!btn) return;
    var id = btn.getAttribute('data-agreement');
    var action = btn.getAttribute('data-action');
    var url = btn.getAttribute('data-url') || ('/phone/agreements/' + encodeURIComponent(id) + '/' + action);
    var card = btn.closest('article');
    var buttons = card.querySelectorAll('button');
    for (var i = 0; i < buttons.length; i++) buttons[i].disabled = true;
    var input = document.getElementById('phone-number');
    var phone = input ? input.value.replace(/\\D/g, '') : root.getAttribute('data-phone');
    var body = phone ? { phoneNumber: phone } : {};
    fetch(url, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body)
    }).then(function (r) {
      if (r.ok) return;
      return r.json().then(function (d) {
        var err = card.querySelector('[data-error-for]');
        if (err) { err.textContent = (d && d.error) || ('Failed: HTTP ' + r.status); err.hidden = false; }
        for (var i = 0; i < buttons.length; i++) buttons[i].disabled = false;
      });
    }).catch(function () {
      for (var i = 0; i < buttons.length; i++) buttons[i].disabled = false;
    }).then(poll);
  });
  tick();
  setInterval(poll, 1000);
  setInterval(tick, 1000);
})();
`;

export function listContainer(src: string, initial: Fragment, serverNow: number, phone: string | null): string {
  return `<section id="requests" data-src="${e(src)}" data-version="${initial.version}" data-server-now="${serverNow}"${phone ? ` data-phone="${e(phone)}"` : ''}>
${initial.html}
</section>`;
}

export function renderPhonePage(input: { msisdn: string; displayNumber: string; warning: string | null; customerName: string; list: Fragment; serverNow: number }): string {
  const warning = input.warning ? `<p class="warning" data-testid="phone-warning">${e(input.warning)}</p>` : '';
  const body = `${warning}${listContainer(`/phone/${encodeURIComponent(input.msisdn)}/requests`, input.list, input.serverNow, input.msisdn)}
<p class="muted"><a href="/phone">All phones</a></p>`;
  return page(`Vipps MobilePay · ${input.displayNumber}`, `Training phone of ${input.customerName} — sandbox, no real money`, body, SCRIPT);
}

export function renderAgreementPage(input: { agreementId: string; card: Fragment; serverNow: number; askPhone: string | null }): string {
  const phoneBox = input.askPhone
    ? `<div class="card"><label for="phone-number">Your phone number (MSISDN)</label><input id="phone-number" inputmode="numeric" value="${e(input.askPhone)}"></div>`
    : '';
  const body = `${phoneBox}${listContainer(`/phone/agreements/${encodeURIComponent(input.agreementId)}/view`, input.card, input.serverNow, null)}
<p class="muted"><a href="/phone">All phones</a></p>`;
  return page('Vipps MobilePay', 'Approve the agreement — sandbox, no real money', body, SCRIPT);
}

export function renderPhoneIndex(input: { phones: { msisdn: string; label: string; pending: number }[]; samples: { msisdn: string; label: string }[]; error: string | null }): string {
  const phones = input.phones.length
    ? `<ul class="phones">${input.phones
        .map((p) => `<li><a href="/phone/${e(p.msisdn)}" data-testid="phone-link-${e(p.msisdn)}">${e(p.label)}${p.pending > 0 ? ` — <strong>${p.pending} waiting</strong>` : ''}</a></li>`)
        .join('')}</ul>`
    : '<p class="muted">No phone has received a request yet.</p>';
  const samples = `<ul class="phones">${input.samples.map((p) => `<li><a href="/phone/${e(p.msisdn)}">${e(p.label)}</a></li>`).join('')}</ul>`;
  const error = input.error ? `<p class="error">${e(input.error)}</p>` : '';
  const body = `<div class="card">
<form method="get" action="/phone"><input name="number" inputmode="numeric" placeholder="MSISDN, e.g. 4791234567" aria-label="Phone number" data-testid="open-phone-input"><button type="submit" class="approve" data-testid="open-phone">Open</button></form>
${error}
</div>
<div class="card">
<label for="scan-url">Scan a QR code — paste the address the till's QR code holds (or its image link)</label>
<form method="get" action="/phone/scan"><input id="scan-url" name="url" inputmode="url" placeholder="http://127.0.0.1:…/phone/payments/…" data-testid="scan-qr-input"><button type="submit" class="approve" data-testid="scan-qr">Scan</button></form>
</div>
<h3>Phones with requests</h3>
${phones}
<h3>Test customers</h3>
${samples}
<script>setInterval(function () { if (document.activeElement && document.activeElement.tagName === 'INPUT') return; location.reload(); }, 5000);</script>`;
  return page('Customer phones', 'Vipps MobilePay sandbox', body);
}
