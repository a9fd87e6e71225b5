import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isFinalSubscriptionStatus, type SubscriptionSale } from '../../../shared/subscription';
import { useBridge } from '../../bridge/bridge-context';
import { useFormat } from '../../format/locale-context';
import { usePlanText } from '../plans/use-plan-text';
import { newerSubscriptionSale } from '../sale/use-sale';
import { useDayList } from './use-day-list';
import type { SaleTone } from './sale-words';

const toneOf = (sale: SubscriptionSale): SaleTone =>
  !isFinalSubscriptionStatus(sale.status) ? 'busy' : sale.status === 'active' ? 'good' : sale.status === 'rejected' || sale.status === 'failed' ? 'bad' : 'neutral';

/** The first payment of a sign-up: its amount and where the charge stands, or a dash when the plan has none. */
function FirstPayment({ sale }: { sale: SubscriptionSale }) {
  const { t } = useTranslation();
  const format = useFormat();
  const planned = sale.plan.initialCharge;
  if (!planned) return <span aria-label={t('sales.signUps.noFirstPayment')}>—</span>;
  const status = sale.initialCharge?.status;
  return (
    <span className="sales-money" data-testid="sign-up-first-payment">
      {format.money(planned.amount, sale.plan.currency)}
      {status && <span className="muted sign-up-charge"> {t(`outcome.charge.${status}`, { defaultValue: status })}</span>}
    </span>
  );
}

/** Today's subscription sign-ups on this till, beside the goods: time, receipt, plan and price, first payment, state. */
export function SignUpList() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const format = useFormat();
  const text = usePlanText();
  const fetchList = useCallback(() => bridge.invoke('sales.signUps', {}), [bridge]);
  const { items: signUps } = useDayList(fetchList, 'subscription.changed', newerSubscriptionSale);
  if (!signUps || signUps.length === 0) return null;
  return (
    <section className="sign-ups" aria-labelledby="sign-ups-heading" data-testid="sign-up-list">
      <h3 className="subheading" id="sign-ups-heading">
        {t('sales.signUps.heading')}
      </h3>
      <div className="sales-table">
        <div className="sales-row sales-row--head" aria-hidden="true">
          <span>{t('sales.column.time')}</span>
          <span>{t('sales.signUps.plan')}</span>
          <span className="sales-money">{t('sales.signUps.firstPayment')}</span>
          <span>{t('sales.column.status')}</span>
        </div>
        <ul className="sales-rows">
          {signUps.map((sale) => (
            <li key={sale.id} className="sales-row" data-testid={`sign-up-${sale.id}`} data-status={sale.status}>
              <span className="sales-when">
                <span className="sales-time">{format.time(sale.createdAt)}</span>
                {sale.receiptNumber && (
                  <span className="sales-receipt">
                    <span className="visually-hidden">{t('sales.column.receipt')} </span>
                    {sale.receiptNumber}
                  </span>
                )}
              </span>
              <span>
                <span className="visually-hidden">{t('sales.signUps.plan')} </span>
                {sale.plan.name} · {text.price(sale.plan)}
              </span>
              <FirstPayment sale={sale} />
              <span>
                <span className={`badge badge--${toneOf(sale)}`}>{t(`sales.signUps.status.${sale.status}`)}</span>
              </span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
