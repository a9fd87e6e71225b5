import { currencySchema, type Money } from '../../../shared/money';
import { agreementEventTypeSchema, type OutboxKind, type ReportSummary } from '../../../shared/sync';

/**
 * What a manager can recognise a report by, as data, from whatever the stored payload still says.
 * A damaged payload (that is often why it was refused) gives nulls where it no longer makes sense;
 * this never throws. The renderer puts it into words.
 */
export function summariseReport(kind: OutboxKind, payload: unknown): ReportSummary {
  const p: Record<string, unknown> = typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as Record<string, unknown>) : {};
  const text = (...values: unknown[]): string | null => {
    for (const value of values) if (typeof value === 'string' && value.trim() !== '') return value;
    return null;
  };
  const money = (amount: unknown, currency: unknown): Money | null => {
    const parsed = currencySchema.safeParse(currency);
    return Number.isSafeInteger(amount) && parsed.success ? { amount: amount as number, currency: parsed.data } : null;
  };
  switch (kind) {
    case 'sale':
      return { kind, reference: text(p.receiptNumber, p.saleId), amount: money(p.total, p.currency) };
    case 'refund':
      return { kind, reference: text(p.saleId), amount: money(p.amount, p.currency) };
    case 'agreement':
      return { kind, reference: text(p.agreementId), planId: text(p.planId), phoneNumber: text(p.phoneNumber) };
    case 'agreement-event': {
      const type = agreementEventTypeSchema.safeParse(p.type);
      return { kind, reference: text(p.vippsAgreementId), eventType: type.success ? type.data : null, amount: money(p.amount, p.currency) };
    }
    case 'z-report':
      return { kind, reference: Number.isSafeInteger(p.number) ? String(p.number) : text(p.zReportId), amount: money(p.net, p.currency) };
  }
}
