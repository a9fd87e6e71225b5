import { errorText } from '../../i18n/error-text';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import { errorKind } from '../../ui/error-kind';
import { Icon } from '../../ui/Icon';

interface Props {
  error: AppError;
  /** Offered when the shop may not push: one click starts the QR instead. */
  onOfferQr(): void;
  offering: boolean;
}

export function PaymentError({ error, onOfferQr, offering }: Props) {
  const { t } = useTranslation();
  const pushRefused = error.code === 'PUSH_NOT_ALLOWED';
  return (
    <div className="notice notice--error" role="alert" data-testid="payment-error" data-code={error.code}>
      <Icon name="alert" />
      <div className="notice-body">
        <p className="notice-title">{pushRefused ? t('payment.pushNotAllowed') : t(`payment.errorTitle.${errorKind(error.code)}`)}</p>
        <p>{errorText(error)}</p>
        {pushRefused && (
          <button type="button" className="button button--primary" data-testid="offer-qr" disabled={offering} onClick={onOfferQr}>
            <Icon name="qr" />
            {offering ? t('payment.startingQr') : t('payment.offerQr')}
          </button>
        )}
      </div>
    </div>
  );
}
