import { errorText } from '../../i18n/error-text';
import { useId } from 'react';
import { WarningNotice } from '../../ui/WarningNotice';
import { Trans, useTranslation } from 'react-i18next';
import { formatMsisdn } from '../../../shared/phone';
import type { AppError } from '../../../shared/result';
import type { Sale } from '../../../shared/sale';
import { useFormat } from '../../format/locale-context';
import { Icon } from '../../ui/Icon';
import { QrCode } from '../../ui/QrCode';
import { useFocusOnMount } from '../../ui/use-focus-on-mount';
import { Countdown } from '../sale/Countdown';
import { CancelPayment } from './CancelPayment';
import { OrderSummary } from './OrderSummary';
import { useCancelPayment } from './use-cancel-payment';

interface Props {
  sale: Sale;
  loadError: AppError | null;
  accept(sale: Sale): void;
}

type StatusKey = 'requested' | 'waitingPush' | 'waitingQr' | 'capturing' | 'cancelling';

function statusKeyOf(sale: Sale): StatusKey {
  if (sale.cancelRequested) return 'cancelling';
  if (sale.status === 'capturing') return 'capturing';
  if (sale.status === 'requested') return 'requested';
  return sale.tender === 'vipps-qr' ? 'waitingQr' : 'waitingPush';
}

/** A Vipps MobilePay payment on its way: who must do what, how long is left, and Cancel. */
export function PaymentWaiting({ sale, loadError, accept }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const headingId = useId();
  const { cancel, cancelling, error: cancelError } = useCancelPayment(sale.id, accept);
  const qr = sale.tender === 'vipps-qr';
  const approved = sale.status === 'capturing';
  const statusKey = statusKeyOf(sale);
  // Once approved the capture normally follows at once; cancelling (releasing) is offered only
  // while the capture is held up, so the cashier is never racing it.
  const canCancel = !sale.cancelRequested && (!approved || sale.problem !== null);

  return (
    <section
      className={`payment-waiting${qr ? ' payment-waiting--qr' : ''}${approved ? ' payment-waiting--approved' : ''}`}
      data-testid="payment-waiting"
      data-status={sale.status}
      data-tender={sale.tender}
      aria-labelledby={headingId}
    >
      {qr && !approved && (
        <figure className="panel payment-qr">
          {sale.qrUrl ? (
            <QrCode value={sale.qrUrl} label={t('payment.waiting.qrAlt')} testId="payment-qr" />
          ) : (
            <div className="qr-placeholder" aria-hidden="true" />
          )}
          <figcaption>{sale.qrUrl ? t('payment.waiting.qrCaption') : t('payment.waiting.qrNotYet')}</figcaption>
        </figure>
      )}
      <div className="panel payment-waiting-main">
        <h2 className="waiting-heading" id={headingId} ref={headingRef} tabIndex={-1}>
          {qr ? (
            t('payment.waiting.scanHeading')
          ) : (
            <Trans
              i18nKey="payment.waiting.approveOn"
              values={{ phone: sale.phone ? formatMsisdn(sale.phone.msisdn) : '' }}
              components={{ phone: <span className="waiting-phone" /> }}
            />
          )}
        </h2>
        <p className="payment-amount">
          <span>{t('payment.waiting.toPay')}</span>
          <strong data-testid="payment-amount">{format.money(sale.totals.total, sale.totals.currency)}</strong>
        </p>
        <p className={`sale-status sale-status--${statusKey}`} data-testid="payment-status" role="status">
          <span className="pulse" aria-hidden="true" />
          {t(`payment.status.${statusKey}`)}
        </p>
        {approved && sale.problem && (
          <div className="notice notice--warning" data-testid="capture-pending">
            <Icon name="alert" />
            <div className="notice-body">
              <p className="notice-title">{t('payment.capturePending')}</p>
              <p>{errorText(sale.problem)}</p>
            </div>
          </div>
        )}
        {!approved && sale.problem && (
          <WarningNotice testId="payment-problem">{errorText(sale.problem)}</WarningNotice>
        )}
        {loadError && (
          <WarningNotice>{t('payment.loadFailed')} {errorText(loadError)}</WarningNotice>
        )}
        {!approved && <Countdown expiresAt={sale.expiresAt} testId="payment-countdown" />}
        <OrderSummary lines={sale.lines} totals={sale.totals} />
        {cancelError && (
          <div className="notice notice--error" role="alert" data-testid="cancel-payment-error">
            <Icon name="alert" />
            <span>{errorText(cancelError)}</span>
          </div>
        )}
        <div className="waiting-actions">
          <CancelPayment disabled={!canCancel} cancelling={cancelling} approved={approved} onConfirm={cancel} />
        </div>
      </div>
    </section>
  );
}
