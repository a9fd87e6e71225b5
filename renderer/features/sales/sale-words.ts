import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isFinalSaleStatus, type Sale } from '../../../shared/sale';

export type SaleTone = 'good' | 'bad' | 'neutral' | 'busy';

/** Refunds the cashier may still ask for: captured, less refunded, less refunds still on their way. */
export function refundableOf(sale: Sale): number {
  const pending = sale.refunds.filter((refund) => refund.status === 'pending').reduce((sum, refund) => sum + refund.amount, 0);
  return Math.max(0, sale.amounts.captured - sale.amounts.refunded - pending);
}

export const isVipps = (sale: Sale) => sale.tender !== 'cash';

/**
 * The cash a cash sale leaves in the drawer: what it took (the total and its rounding line), less
 * the cash its refunds handed back (each refund's amount and its rounding). Zero for a wallet sale.
 */
export function cashKeptOf(sale: Sale): number {
  if (sale.tender !== 'cash' || sale.status !== 'completed') return 0;
  const handedBack = sale.refunds.filter((refund) => refund.status === 'refunded').reduce((sum, refund) => sum + refund.amount + refund.cashRounding, 0);
  return sale.totals.total + (sale.cash?.rounding ?? 0) - handedBack;
}

/** A sale's state in a word or two for the list, and the tone of its badge. */
export function useSaleStatusText() {
  const { t } = useTranslation();
  return useCallback(
    (sale: Sale): { text: string; tone: SaleTone } => {
      if (!isFinalSaleStatus(sale.status)) return { text: t(`sales.status.${sale.status}`), tone: 'busy' };
      if (sale.status === 'completed' && sale.amounts.refunded > 0) {
        const all = sale.amounts.refunded >= sale.amounts.captured;
        return { text: t(all ? 'sales.status.refunded' : 'sales.status.partlyRefunded'), tone: 'neutral' };
      }
      const tone: SaleTone = sale.status === 'completed' ? 'good' : sale.status === 'aborted' || sale.status === 'failed' ? 'bad' : 'neutral';
      return { text: t(`sales.status.${sale.status}`), tone };
    },
    [t],
  );
}
