import { useTranslation } from 'react-i18next';
import type { Sale, SaleStatus } from '../../../shared/sale';
import { useFormat } from '../../format/locale-context';
import { Icon, type IconName } from '../../ui/Icon';
import { useFocusOnMount } from '../../ui/use-focus-on-mount';
import { Receipt } from './Receipt';
import { useAfterPayment } from './use-after-payment';

export type FinalStatus = Exclude<SaleStatus, 'requested' | 'waiting' | 'capturing'>;

export const outcomeLook: Record<FinalStatus, { icon: IconName; tone: 'good' | 'bad' | 'neutral' }> = {
  completed: { icon: 'check', tone: 'good' },
  aborted: { icon: 'cross', tone: 'bad' },
  expired: { icon: 'clock', tone: 'neutral' },
  terminated: { icon: 'stop', tone: 'neutral' },
  released: { icon: 'stop', tone: 'neutral' },
  failed: { icon: 'alert', tone: 'bad' },
};

interface Props {
  sale: Sale;
  shopName: string;
  onLeave(): void;
}

/** How the payment ended: the receipt when paid, otherwise why not and the way back to the goods. */
export function PaymentOutcome({ sale, shopName, onLeave }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const titleRef = useFocusOnMount<HTMLHeadingElement>();
  const { newSale, backToCart, busy } = useAfterPayment(sale, onLeave);
  const status = sale.status as FinalStatus;
  const { icon, tone } = outcomeLook[status];
  const paid = status === 'completed';
  const change = sale.cash?.change ?? 0;

  const body = paid
    ? t(sale.tender === 'cash' ? 'payment.outcome.body.completedCash' : 'payment.outcome.body.completed')
    : status === 'failed'
      ? (sale.problem?.message ?? t('payment.outcome.body.failed'))
      : t(`payment.outcome.body.${status}`);

  return (
    <section className={`payment-outcome${paid ? ' payment-outcome--paid' : ''}`} data-testid="payment-outcome" data-status={status}>
      <div className={`outcome panel outcome--${tone}`}>
        <div className="outcome-icon">
          <Icon name={icon} className="icon icon--large" />
        </div>
        <h2 className="outcome-title" data-testid="payment-outcome-title" ref={titleRef} tabIndex={-1}>
          {t(`payment.outcome.title.${status}`)}
        </h2>
        <p className="outcome-body">{body}</p>
        {paid && sale.tender === 'cash' && change > 0 && (
          <p className="change-callout">
            <span>{t('payment.outcome.giveChange')}</span>
            <strong>{format.money(change, sale.totals.currency)}</strong>
          </p>
        )}
        {!paid && (
          <p className="outcome-total">
            {t('payment.outcome.notPaidTotal', { amount: format.money(sale.totals.total, sale.totals.currency) })}
          </p>
        )}
        <div className={`outcome-actions${paid ? '' : ' outcome-actions--two'}`}>
          {!paid && (
            <button type="button" className="button button--primary button--large" data-testid="back-to-cart" disabled={busy} onClick={() => void backToCart()}>
              {t('payment.outcome.backToCart')}
            </button>
          )}
          <button
            type="button"
            className={`button button--large ${paid ? 'button--primary' : 'button--secondary'}`}
            data-testid="new-sale-goods"
            disabled={busy}
            onClick={() => void newSale()}
          >
            {t('payment.outcome.newSale')}
          </button>
        </div>
      </div>
      {paid && <Receipt sale={sale} shopName={shopName} />}
    </section>
  );
}
