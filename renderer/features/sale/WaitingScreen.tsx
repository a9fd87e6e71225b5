import { errorText } from '../../i18n/error-text';
import { useId } from 'react';
import { WarningNotice } from '../../ui/WarningNotice';
import { Trans, useTranslation } from 'react-i18next';
import { formatMsisdn } from '../../../shared/phone';
import type { AppError } from '../../../shared/result';
import type { SubscriptionSale } from '../../../shared/subscription';
import { Icon } from '../../ui/Icon';
import { useFocusOnMount } from '../../ui/use-focus-on-mount';
import { PlanSummary } from '../plans/PlanSummary';
import { CancelSale } from './CancelSale';
import { ConfirmationQr } from './ConfirmationQr';
import { Countdown } from './Countdown';
import { useCancelSale } from './use-cancel-sale';

interface Props {
  sale: SubscriptionSale;
  loadError: AppError | null;
  accept(sale: SubscriptionSale): void;
}

export function WaitingScreen({ sale, loadError, accept }: Props) {
  const { t } = useTranslation();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const headingId = useId();
  const { cancel, cancelling, error: cancelError } = useCancelSale(sale.id, accept);
  const approved = sale.status === 'capturing';
  const statusKey = sale.cancelRequested ? 'cancelling' : (sale.status as 'requested' | 'pending' | 'capturing');

  return (
    <section className={`waiting${approved ? ' waiting--approved' : ''}`} data-testid="waiting-screen" data-status={sale.status} aria-labelledby={headingId}>
      <div className="waiting-main panel">
        <h2 className="waiting-heading" id={headingId} ref={headingRef} tabIndex={-1}>
          <Trans
            i18nKey="sale.approveOn"
            values={{ phone: formatMsisdn(sale.phone.msisdn) }}
            components={{ phone: <span className="waiting-phone" /> }}
          />
        </h2>
        <p className={`sale-status sale-status--${statusKey}`} data-testid="sale-status" role="status">
          <span className="pulse" aria-hidden="true" />
          {t(`sale.status.${statusKey}`)}
        </p>
        {sale.problem && sale.status === 'requested' && (
          <WarningNotice testId="sale-problem">{errorText(sale.problem)}</WarningNotice>
        )}
        {loadError && (
          <WarningNotice>{t('sale.loadFailed')} {errorText(loadError)}</WarningNotice>
        )}
        {/* Once approved there is nothing left to approve or scan; only the capture is running. */}
        {!approved && <Countdown expiresAt={sale.expiresAt} />}
        <div className="waiting-plan">
          <p className="field-label">{t('sale.plan')}</p>
          <PlanSummary plan={sale.plan} />
        </div>
        {cancelError && (
          <div className="notice notice--error" role="alert" data-testid="cancel-error">
            <Icon name="alert" />
            <span>{errorText(cancelError)}</span>
          </div>
        )}
        <div className="waiting-actions">
          {/* Once approved (capturing) the money is moving: cancelling would need a refund, not a cancel. */}
          <CancelSale disabled={sale.cancelRequested || approved} cancelling={cancelling} onConfirm={cancel} />
        </div>
      </div>
      {!approved && <ConfirmationQr url={sale.confirmationUrl} />}
    </section>
  );
}
