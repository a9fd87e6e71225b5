import { describe, expect, it } from 'vitest';
import { summariseReport } from '../../electron/core/outbox/report-summary';
import { outboxKinds, reportSummarySchema } from '../../shared/sync';

describe('a refused report summarised as data', () => {
  it('takes what each kind needs from an intact payload', () => {
    expect(summariseReport('sale', { saleId: 's-1', receiptNumber: 'till-1-000042', total: 49700, currency: 'NOK' })).toEqual({
      kind: 'sale',
      reference: 'till-1-000042',
      amount: { amount: 49700, currency: 'NOK' },
    });
    expect(summariseReport('sale', { saleId: 's-1', total: 100, currency: 'EUR' })).toMatchObject({ reference: 's-1' });
    expect(summariseReport('refund', { saleId: 's-1', amount: 2500, currency: 'DKK' })).toEqual({ kind: 'refund', reference: 's-1', amount: { amount: 2500, currency: 'DKK' } });
    expect(summariseReport('agreement', { agreementId: 'a-1', planId: 'gold', phoneNumber: '4791234567' })).toEqual({
      kind: 'agreement',
      reference: 'a-1',
      planId: 'gold',
      phoneNumber: '4791234567',
    });
    expect(summariseReport('agreement-event', { vippsAgreementId: 'agr_1', type: 'CHARGE_REFUNDED', amount: 9900, currency: 'NOK' })).toEqual({
      kind: 'agreement-event',
      reference: 'agr_1',
      eventType: 'CHARGE_REFUNDED',
      amount: { amount: 9900, currency: 'NOK' },
    });
    expect(summariseReport('agreement-event', { vippsAgreementId: 'agr_1', type: 'STOPPED' })).toMatchObject({ eventType: 'STOPPED', amount: null });
    expect(summariseReport('z-report', { zReportId: 'z-1', number: 7, net: -300, currency: 'EUR' })).toEqual({ kind: 'z-report', reference: '7', amount: { amount: -300, currency: 'EUR' } });
  });

  it.each(outboxKinds)('gives nulls, never throws, for a %s whose payload is damaged', (kind) => {
    const damaged: unknown[] = [
      null,
      undefined,
      'not an object',
      42,
      [1, 2],
      { saleId: 7, receiptNumber: '', total: 1.5, currency: 'XXX', amount: '100', agreementId: {}, planId: null, phoneNumber: 47, vippsAgreementId: [], type: 'EXPLODED', number: 'seven', zReportId: 3, net: Number.MAX_VALUE },
    ];
    for (const payload of damaged) {
      const summary = summariseReport(kind, payload);
      expect(reportSummarySchema.parse(summary)).toEqual(summary);
      expect(summary.kind).toBe(kind);
      expect(Object.entries(summary).filter(([key]) => key !== 'kind').every(([, value]) => value === null)).toBe(true);
    }
  });

  it('keeps a readable reference when the money is unreadable', () => {
    expect(summariseReport('sale', { receiptNumber: 'till-1-000042', total: 49700 })).toEqual({ kind: 'sale', reference: 'till-1-000042', amount: null });
  });
});
