import type { UiLanguage } from '../../../shared/languages';
import { escapeHtml as e, html, type Router, type SandboxResponse } from '../http-kit';
import type { BillingLedger } from './report-ledger';
import { fill, receiptFormat, receiptLanguage, receiptTexts } from './receipt-texts';

/**
 * The customer's copy of a receipt, as the billing backend serves it (billing-api.yaml,
 * `GET /billing/v1/receipts/{saleId}`): a plain page a phone opens from the QR on the kiosk's last
 * screen. Kassa's sale ids are random UUIDs, so the address is the key; the page shows the goods
 * and the amounts, never who the customer is. It speaks the customer's language: the kiosk's
 * `?lang=`, else the phone's Accept-Language (receipt-texts.ts).
 */
export function registerReceiptPage(router: Router, ledger: BillingLedger): void {
  router.add('GET', '/billing/v1/receipts/:saleId', (req) => {
    const language = receiptLanguage(req.query['lang'], req.headers['accept-language']);
    const words = receiptTexts[language];
    const report = ledger.saleReport(req.params['saleId'] ?? '');
    // The till reports the sale a moment after it ends: a customer scanning at once may be early.
    if (!report) return page(404, language, e(words.waitingTitle), `<p>${e(words.waitingBody)}</p>`);
    const format = receiptFormat(language, report.currency);
    const number = e(report.receiptNumber);
    const lines = report.lines.map((line) => `<tr><td>${format.count(line.quantity)} × ${e(line.name)}</td><td>${format.money(line.total)}</td></tr>`).join('');
    const vat = report.vatSummary.map((rate) => `<tr><td>${fill(e(words.vat), { rate: format.rate(rate.rate) })}</td><td>${format.money(rate.vat)}</td></tr>`).join('');
    return page(
      200,
      language,
      fill(e(words.title), { number }),
      `<table>${lines}<tr class="total"><td>${e(words.total)}</td><td>${format.money(report.total)}</td></tr>${vat}</table>
       <p>${fill(e(words.footer), { number, when: e(format.moment(report.completedAt)) })}</p>`,
    );
  });
}

function page(status: number, language: UiLanguage, title: string, body: string): SandboxResponse {
  return html(
    status,
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<style>body{font-family:system-ui,sans-serif;margin:1.5rem;color:#16181d}table{width:100%;border-collapse:collapse}td{padding:.4rem 0;border-bottom:1px solid #d9dde3}td:last-child{text-align:right}.total td{font-weight:700}</style>
</head><body><main><h1>${title}</h1>${body}</main></body></html>`,
    // The same address answers in different languages: caches must key on the header it followed.
    { 'content-language': language, vary: 'Accept-Language' },
  );
}
