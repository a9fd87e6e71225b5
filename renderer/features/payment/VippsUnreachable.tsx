import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon';

interface Props {
  /** The cashier asked for a wallet payment just now: said as an alert, not in passing. */
  urgent: boolean;
  checking: boolean;
  onRetry(): void;
  /** Offered where the Cash button is not already next to the notice (the push form). */
  onCash?(): void;
}

/** Vipps MobilePay does not answer: said before anything is sent, with cash as the way on. */
export function VippsUnreachable({ urgent, checking, onRetry, onCash }: Props) {
  const { t } = useTranslation();
  return (
    <div
      className={`notice notice--warning vipps-unreachable${onCash ? '' : ' vipps-unreachable--compact'}`}
      role={urgent ? 'alert' : 'status'}
      data-testid="vipps-unreachable"
    >
      <Icon name="alert" />
      <div className="notice-body">
        <p className={urgent ? 'notice-title' : undefined}>{t('payment.vippsUnreachable.message')}</p>
        <div className="vipps-unreachable-actions">
          {onCash && (
            <button type="button" className="button button--primary" data-testid="vipps-take-cash" onClick={onCash}>
              <Icon name="cash" />
              {t('payment.vippsUnreachable.takeCash')}
            </button>
          )}
          <button type="button" className={`button ${onCash ? 'button--secondary' : 'button--ghost'}`} data-testid="vipps-retry-health" disabled={checking} onClick={onRetry}>
            <Icon name="refresh" />
            {checking ? t('payment.vippsUnreachable.checking') : t('payment.vippsUnreachable.retry')}
          </button>
        </div>
      </div>
    </div>
  );
}
