/**
 * What makes a schema-valid report unacceptable to a billing system: 422 with every failing field.
 * None of this is in the document's schemas (it could not be: sums are not JSON Schema); the
 * document only lists 422. The rules, and the choices where the document is silent:
 *
 * All reports
 * - The id in the body equals the id in the path.
 * - No amount is negative (MinorUnits has no minimum; a sale, tender or refund of minus 50 kr is
 *   not something Kassa sends, and a billing system would book it as the opposite transaction).
 *
 * Sale
 * - Σ lines[].total = total and Σ lines[].vat = vat (Kassa rounds VAT per line and adds lines up).
 * - A line's VAT is not more than its total.
 * - vatSummary, when not empty (the document allows an empty list): one entry per rate, each
 *   base + vat = total, and each equal to the lines at that rate added up — so Σ = total / vat.
 * - Σ tenders[].amount = total, for any mix of CASH and VIPPS_MOBILEPAY.
 * - A CASH tender that gives both `tendered` and `change`: tendered − change = amount + rounding.
 * - A CASH tender's `rounding` is the rounding of its amount to the currency's smallest coin
 *   (NOK whole kroner, DKK 50 øre, EUR 5 cents: shared/cash-rounding.ts); a VIPPS_MOBILEPAY
 *   tender is never rounded (no `rounding`, or 0).
 * - Not checked: unitPrice × quantity = line total (a billing system may see discounts), a line's
 *   VAT against its rate (rounding is the till's business), capturedAmount, times' order.
 *
 * Agreement
 * - initialCharge.amount is not negative. `planId` is not checked against the catalogue: a plan
 *   may leave the catalogue while the report waits in the till's outbox, and refusing the report
 *   then would lose a real agreement.
 *
 * Refund (refundChecks with the sale, after the caller found it; an unknown sale is a 404)
 * - amount > 0.
 * - currency equals the sale's; `reference`, when both have one, equals the sale's ePayment
 *   reference.
 * - amount ≤ what is left of the sale: its total minus the refunds already recorded.
 * - `rounding` (cash handed back beyond `amount`) only on a refund of a sale paid in cash, and at
 *   most one coin step either way.
 */
import { cashRoundingStep, roundCash } from '../../../shared/cash-rounding';
import type { FieldError } from './billing-problems';
import type { AgreementReport, Currency, RefundReport, SaleReport } from './report-schema';

/** Kassa's shops round cash by the country of their currency. */
const countryOf = { NOK: 'NO', DKK: 'DK', EUR: 'FI' } as const satisfies Record<Currency, string>;

function notNegative(errors: FieldError[], field: string, value: number | undefined): void {
  if (value !== undefined && value < 0) errors.push({ field, message: 'must not be negative' });
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export function saleChecks(pathId: string, report: SaleReport): FieldError[] {
  const errors: FieldError[] = [];
  if (report.saleId !== pathId) errors.push({ field: 'saleId', message: `must equal the saleId in the path (${pathId})` });

  notNegative(errors, 'total', report.total);
  notNegative(errors, 'vat', report.vat);
  report.lines.forEach((line, i) => {
    for (const key of ['unitPrice', 'total', 'vat'] as const) notNegative(errors, `lines[${i}].${key}`, line[key]);
    if (line.total >= 0 && line.vat > line.total) errors.push({ field: `lines[${i}].vat`, message: `must not be more than the line total (${line.total})` });
  });
  report.vatSummary.forEach((entry, i) => {
    for (const key of ['base', 'vat', 'total'] as const) notNegative(errors, `vatSummary[${i}].${key}`, entry[key]);
  });
  report.tenders.forEach((tender, i) => {
    for (const key of ['amount', 'capturedAmount', 'tendered', 'change'] as const) notNegative(errors, `tenders[${i}].${key}`, tender[key]);
  });

  const linesTotal = sum(report.lines.map((l) => l.total));
  const linesVat = sum(report.lines.map((l) => l.vat));
  if (linesTotal !== report.total) errors.push({ field: 'total', message: `must equal the lines' totals added up (${linesTotal})` });
  if (linesVat !== report.vat) errors.push({ field: 'vat', message: `must equal the lines' VAT added up (${linesVat})` });

  if (report.vatSummary.length > 0) {
    const seen = new Set<number>();
    report.vatSummary.forEach((entry, i) => {
      const at = `vatSummary[${i}]`;
      if (seen.has(entry.rate)) {
        errors.push({ field: `${at}.rate`, message: `rate ${entry.rate} is listed more than once` });
        return;
      }
      seen.add(entry.rate);
      if (entry.base + entry.vat !== entry.total) errors.push({ field: `${at}.total`, message: `must equal base + vat (${entry.base + entry.vat})` });
      const lines = report.lines.filter((line) => line.vatRate === entry.rate);
      const total = sum(lines.map((l) => l.total));
      const vat = sum(lines.map((l) => l.vat));
      if (entry.total !== total) errors.push({ field: `${at}.total`, message: `must equal the totals of the lines at rate ${entry.rate} (${total})` });
      if (entry.vat !== vat) errors.push({ field: `${at}.vat`, message: `must equal the VAT of the lines at rate ${entry.rate} (${vat})` });
    });
    for (const rate of new Set(report.lines.map((line) => line.vatRate))) {
      if (!seen.has(rate)) errors.push({ field: 'vatSummary', message: `has no entry for rate ${rate}, which the lines use` });
    }
  }

  const tendered = sum(report.tenders.map((t) => t.amount));
  if (tendered !== report.total) errors.push({ field: 'tenders', message: `amounts must add up to the total (${report.total}), not ${tendered}` });
  report.tenders.forEach((tender, i) => errors.push(...cashTenderChecks(tender, `tenders[${i}]`, report.currency)));
  return errors;
}

function cashTenderChecks(tender: SaleReport['tenders'][number], at: string, currency: Currency): FieldError[] {
  const rounding = tender.rounding ?? 0;
  if (tender.type !== 'CASH') return rounding === 0 ? [] : [{ field: `${at}.rounding`, message: 'must be 0: a Vipps MobilePay payment is never rounded' }];
  const errors: FieldError[] = [];
  const expected = roundCash(tender.amount, currency, countryOf[currency]).rounding;
  if (rounding !== expected) errors.push({ field: `${at}.rounding`, message: `must be the cash rounding of ${tender.amount} ${currency} (${expected})` });
  const taken = tender.amount + rounding;
  if (tender.tendered !== undefined && tender.change !== undefined && tender.tendered - tender.change !== taken) {
    errors.push({ field: `${at}.change`, message: `must be tendered − (amount + rounding) (${tender.tendered - taken})` });
  }
  return errors;
}

export function agreementChecks(pathId: string, report: AgreementReport): FieldError[] {
  const errors: FieldError[] = [];
  if (report.agreementId !== pathId) errors.push({ field: 'agreementId', message: `must equal the agreementId in the path (${pathId})` });
  notNegative(errors, 'initialCharge.amount', report.initialCharge?.amount);
  return errors;
}

/** The checks that need no sale. */
export function refundChecks(pathId: string, report: RefundReport): FieldError[] {
  const errors: FieldError[] = [];
  if (report.refundId !== pathId) errors.push({ field: 'refundId', message: `must equal the refundId in the path (${pathId})` });
  if (report.amount <= 0) errors.push({ field: 'amount', message: 'must be more than 0' });
  return errors;
}

/** The checks against the refunded sale; `left` is its total minus the refunds already recorded. */
export function refundAgainstSale(report: RefundReport, sale: SaleReport, left: number): FieldError[] {
  const errors: FieldError[] = [];
  if (report.currency !== sale.currency) errors.push({ field: 'currency', message: `must be the sale's currency (${sale.currency})` });
  const saleReference = sale.tenders.find((t) => t.type === 'VIPPS_MOBILEPAY' && t.reference !== undefined)?.reference;
  if (report.reference !== undefined && saleReference !== undefined && report.reference !== saleReference) {
    errors.push({ field: 'reference', message: `must be the sale's ePayment reference (${saleReference})` });
  }
  if (report.amount > left) errors.push({ field: 'amount', message: `is more than what is left of sale ${sale.saleId} (${left} of ${sale.total})` });
  const rounding = report.rounding ?? 0;
  if (rounding !== 0 && !sale.tenders.some((t) => t.type === 'CASH')) {
    errors.push({ field: 'rounding', message: 'must be 0: the sale was paid with Vipps MobilePay, which is never rounded' });
  } else if (Math.abs(rounding) >= 2 * cashRoundingStep[countryOf[report.currency]]) {
    errors.push({ field: 'rounding', message: `must be less than two coin steps (${2 * cashRoundingStep[countryOf[report.currency]]}) either way` });
  }
  return errors;
}
