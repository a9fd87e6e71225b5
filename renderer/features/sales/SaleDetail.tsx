import { errorText } from '../../i18n/error-text';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isFinalSaleStatus, type Sale } from '../../../shared/sale';
import { useFormat } from '../../format/locale-context';
import { OrderSummary } from '../payment/OrderSummary';
import type { FinalStatus } from '../payment/PaymentOutcome';
import { Receipt } from '../payment/Receipt';
import { RefundForm } from './RefundForm';
import { RefundList } from './RefundList';
import { isVipps, refundableOf, useSaleStatusText } from './sale-words';

interface Props {
  sale: Sale;
  shopName: string;
  onChanged(sale: Sale): void;
}

/** One of today's sales: its receipt, and for a paid Vipps MobilePay sale, its refunds. */
export function SaleDetail({ sale, shopName, onChanged }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const status = useSaleStatusText()(sale);
  const paid = sale.status === 'completed';

  return (
    <div className="sale-detail" data-testid="sale-detail" data-status={sale.status} aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 className="panel-title" id={headingId}>{t('sales.detailHeading', { time: format.time(sale.createdAt) })}</h2>
        <span className={`badge badge--${status.tone}`}>{status.text}</span>
      </div>

      {paid ? (
        <Receipt sale={sale} shopName={shopName} />
      ) : (
        <div className="unpaid-sale">
          <p className="unpaid-title">
            {isFinalSaleStatus(sale.status) ? t(`payment.outcome.title.${sale.status as FinalStatus}`) : t('sales.stillWaiting')}
          </p>
          {sale.problem && <p>{errorText(sale.problem)}</p>}
          <p className="muted">{t('sales.startedAt', { time: format.dateTime(sale.createdAt) })}</p>
          <OrderSummary lines={sale.lines} totals={sale.totals} />
          <p className="outcome-total">{t('payment.outcome.notPaidTotal', { amount: format.money(sale.totals.total, sale.totals.currency) })}</p>
        </div>
      )}

      {paid && isVipps(sale) && (
        <section className="refunds" aria-label={t('refund.heading')}>
          <h3 className="subheading">{t('refund.heading')}</h3>
          {sale.refunds.length > 0 ? <RefundList refunds={sale.refunds} currency={sale.totals.currency} /> : <p className="muted">{t('refund.none')}</p>}
          <p className="refundable">
            <span>{t('refund.refundable')}</span>
            <strong data-testid="refundable-amount">{format.money(refundableOf(sale), sale.totals.currency)}</strong>
          </p>
          {refundableOf(sale) > 0 ? (
            <RefundForm key={sale.id} sale={sale} refundable={refundableOf(sale)} onChanged={onChanged} />
          ) : (
            <p className="muted">{t('refund.nothingLeft')}</p>
          )}
        </section>
      )}
      {paid && sale.tender === 'cash' && <p className="muted cash-refund-note">{t('refund.cashNote')}</p>}
    </div>
  );
}
