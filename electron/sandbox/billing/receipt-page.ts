import { minorUnitsToDecimal } from '../../../shared/money';
import { escapeHtml as e, html, type Router, type SandboxResponse } from '../http-kit';
import type { BillingLedger } from './report-ledger';

/**
 * The customer's copy of a receipt, as the billing backend serves it (billing-api.yaml,
 * `GET /billing/v1/receipts/{saleId}`): a plain page a phone opens from the QR on the kiosk's last
 * screen. Kassa's sale ids are random UUIDs, so the address is the key; the page shows the goods
 * and the amounts, never who the customer is.
 */
export function registerReceiptPage(router: Router, ledger: BillingLedger): void {
  router.add('GET', '/billing/v1/receipts/:saleId', (req) => {
    const saleId = req.params['saleId'] ?? '';
    const report = ledger.saleReport(saleId);
    // The till reports the sale a moment after it ends: a customer scanning at once may be early.
    if (!report) return page(404, 'Receipt on its way', '<p>The receipt is on its way. Try again in a minute.</p>');
    const money = (amount: number) => `${minorUnitsToDecimal(amount)} ${e(report.currency)}`;
    const lines = report.lines.map((line) => `<tr><td>${line.quantity} × ${e(line.name)}</td><td>${money(line.total)}</td></tr>`).join('');
    const vat = report.vatSummary.map((rate) => `<tr><td>VAT ${minorUnitsToDecimal(rate.rate)} %</td><td>${money(rate.vat)}</td></tr>`).join('');
    return page(
      200,
      `Receipt ${e(report.receiptNumber)}`,
      `<table>${lines}<tr class="total"><td>Total</td><td>${money(report.total)}</td></tr>${vat}</table>
       <p>Receipt ${e(report.receiptNumber)} · ${e(report.completedAt)}</p>`,
    );
  });
}

function page(status: number, title: string, body: string): SandboxResponse {
  return html(
    status,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<style>body{font-family:system-ui,sans-serif;margin:1.5rem;color:#16181d}table{width:100%;border-collapse:collapse}td{padding:.4rem 0;border-bottom:1px solid #d9dde3}td:last-child{text-align:right}.total td{font-weight:700}</style>
</head><body><main><h1>${title}</h1>${body}</main></body></html>`,
  );
}
