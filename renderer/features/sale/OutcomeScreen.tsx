import { useTranslation } from 'react-i18next';
import { formatMsisdn } from '../../../shared/phone';
import type { SubscriptionSale } from '../../../shared/subscription';
import { Icon, type IconName } from '../../ui/Icon';
import { useFocusOnMount } from '../../ui/use-focus-on-mount';
import { SharedProfile } from './SharedProfile';

type FinalStatus = 'active' | 'rejected' | 'expired' | 'cancelled' | 'failed';

const look: Record<FinalStatus, { icon: IconName; tone: 'good' | 'bad' | 'neutral' }> = {
  active: { icon: 'check', tone: 'good' },
  rejected: { icon: 'cross', tone: 'bad' },
  expired: { icon: 'clock', tone: 'neutral' },
  cancelled: { icon: 'stop', tone: 'neutral' },
  failed: { icon: 'alert', tone: 'bad' },
};

const knownChargeStates = ['CHARGED', 'RESERVED', 'PARTIALLY_CAPTURED', 'PENDING', 'DUE', 'PROCESSING', 'FAILED', 'CANCELLED', 'REFUNDED', 'PARTIALLY_REFUNDED'] as const;
type KnownChargeState = (typeof knownChargeStates)[number];
const isKnownChargeState = (status: string): status is KnownChargeState => (knownChargeStates as readonly string[]).includes(status);

interface Props {
  sale: SubscriptionSale;
  onNewSale(): void;
}

export function OutcomeScreen({ sale, onNewSale }: Props) {
  const { t } = useTranslation();
  const titleRef = useFocusOnMount<HTMLHeadingElement>();
  const status = sale.status as FinalStatus;
  const { icon, tone } = look[status];

  const body =
    status === 'failed'
      ? (sale.problem?.message ?? t('outcome.body.failed'))
      : status === 'expired' && sale.outcomeReason === 'initial-charge-failed'
        ? t('outcome.body.expiredChargeFailed')
        : t(`outcome.body.${status}`);

  const chargeStatus = sale.initialCharge?.status ?? null;
  const chargeText = !sale.initialCharge
    ? null
    : chargeStatus === null
      ? t('outcome.charge.none')
      : isKnownChargeState(chargeStatus)
        ? t(`outcome.charge.${chargeStatus}`)
        : t('outcome.charge.unknown', { status: chargeStatus });

  return (
    <section className={`outcome panel outcome--${tone}`} data-testid="outcome-screen" data-status={status}>
      <div className="outcome-icon">
        <Icon name={icon} className="icon icon--large" />
      </div>
      <h2 className="outcome-title" data-testid="outcome-title" ref={titleRef} tabIndex={-1}>
        {t(`outcome.title.${status}`)}
      </h2>
      <p className="outcome-body">{body}</p>

      <dl className="facts">
        {status === 'active' && sale.agreementId && (
          <div>
            <dt>{t('outcome.agreementId')}</dt>
            <dd data-testid="agreement-id" className="mono">{sale.agreementId}</dd>
          </div>
        )}
        {sale.receiptNumber && (
          <div>
            {/* Also the initial charge's externalId: the order id in Vipps' settlement report. */}
            <dt>{t('sales.column.receipt')}</dt>
            <dd data-testid="receipt-number" className="mono">{sale.receiptNumber}</dd>
          </div>
        )}
        <div>
          <dt>{t('sale.plan')}</dt>
          <dd>{sale.plan.name}</dd>
        </div>
        <div>
          <dt>{t('outcome.phone')}</dt>
          <dd>{formatMsisdn(sale.phone.msisdn)}</dd>
        </div>
        {chargeText && (status === 'active' || chargeStatus) && (
          <div>
            <dt>{t('outcome.firstPayment')}</dt>
            <dd data-testid="initial-charge">{chargeText}</dd>
          </div>
        )}
      </dl>

      {status === 'active' && sale.profileScopes.length > 0 && <SharedProfile profile={sale.profile} />}

      <button type="button" className="button button--primary button--large" data-testid="new-sale" onClick={onNewSale}>
        {t('outcome.newSale')}
      </button>
    </section>
  );
}
