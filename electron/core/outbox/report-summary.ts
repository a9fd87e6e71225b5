import { minorUnitsToDecimal } from '../../../shared/money';
import type { OutboxKind } from '../../../shared/sync';

/** One line a manager can recognise a report by, from whatever the stored payload still says. */
export function summariseReport(kind: OutboxKind, payload: unknown): string {
  const p = (payload ?? {}) as Record<string, unknown>;
  const amount = (value: unknown, currency: unknown) =>
    Number.isSafeInteger(value) ? `${minorUnitsToDecimal(value as number)} ${typeof currency === 'string' ? currency : ''}`.trim() : '?';
  switch (kind) {
    case 'sale':
      return `Sale ${String(p.receiptNumber ?? p.saleId ?? '?')}, ${amount(p.total, p.currency)}`;
    case 'refund':
      return `Refund of ${amount(p.amount, p.currency)} on sale ${String(p.saleId ?? '?')}`;
    case 'agreement':
      return `Agreement ${String(p.agreementId ?? '?')} (plan ${String(p.planId ?? '?')}, +${String(p.phoneNumber ?? '?')})`;
    case 'agreement-event':
      return `${String(p.type ?? 'Change')} on agreement ${String(p.vippsAgreementId ?? '?')}${p.amount !== undefined ? `, ${amount(p.amount, p.currency)}` : ''}`;
    case 'z-report':
      return `Z-report ${String(p.number ?? p.zReportId ?? '?')}, net ${amount(p.net, p.currency)}`;
  }
}
