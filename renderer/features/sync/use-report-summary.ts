import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Money } from '../../../shared/money';
import { formatMsisdn } from '../../../shared/phone';
import type { ReportSummary } from '../../../shared/sync';
import { useFormat } from '../../format/locale-context';

/** A refused report's summary (data from the core) as one line in the UI language, money the shop's way. */
export function useReportSummary(): (summary: ReportSummary) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return useCallback(
    (summary: ReportSummary) => {
      const unknown = t('deadLetters.summary.unknown');
      const reference = summary.reference ?? unknown;
      const amountOf = (money: Money | null) => (money ? format.money(money.amount, money.currency) : unknown);
      switch (summary.kind) {
        case 'sale':
          return t('deadLetters.summary.sale', { reference, amount: amountOf(summary.amount) });
        case 'refund':
          return t('deadLetters.summary.refund', { reference, amount: amountOf(summary.amount) });
        case 'agreement':
          return t('deadLetters.summary.agreement', { reference, plan: summary.planId ?? unknown, phone: summary.phoneNumber ? formatMsisdn(summary.phoneNumber) : unknown });
        case 'agreement-event': {
          const event = t(`deadLetters.summary.event.${summary.eventType ?? 'UNKNOWN'}`);
          return summary.amount
            ? t('deadLetters.summary.eventWithAmount', { event, reference, amount: amountOf(summary.amount) })
            : t('deadLetters.summary.eventOnly', { event, reference });
        }
        case 'z-report':
          return t('deadLetters.summary.zReport', { reference, amount: amountOf(summary.amount) });
      }
    },
    [t, format],
  );
}
