import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon';
import { PaymentError } from './PaymentError';
import type { PayFlow } from './use-pay-flow';

/** The three ways to pay, under the total. Push and cash open their form; the QR starts at once. */
export function PayButtons({ pay, canPay }: { pay: PayFlow; canPay: boolean }) {
  const { t } = useTranslation();
  const busy = pay.starting !== null;
  // The push and cash forms show their own problems; only the QR's land here.
  const shownError = pay.mode === 'choose' && pay.error ? pay.error.error : null;

  return (
    <div className="pay-panel">
      <div className="pay-buttons">
        <button
          type="button"
          className="button button--pay button--pay-vipps"
          data-testid="pay-push"
          aria-pressed={pay.mode === 'push'}
          disabled={!canPay || busy}
          onClick={() => pay.open('push')}
        >
          <Icon name="phone" />
          {t('payment.method.push')}
        </button>
        <button type="button" className="button button--pay button--pay-vipps" data-testid="pay-qr" disabled={!canPay || busy} onClick={pay.startQr}>
          <Icon name="qr" />
          {pay.starting === 'qr' ? t('payment.startingQr') : t('payment.method.qr')}
        </button>
        <button
          type="button"
          className="button button--pay button--pay-cash"
          data-testid="pay-cash"
          aria-pressed={pay.mode === 'cash'}
          disabled={!canPay || busy}
          onClick={() => pay.open('cash')}
        >
          <Icon name="cash" />
          {t('payment.method.cash')}
        </button>
      </div>
      {!canPay && <p className="muted pay-hint">{t('payment.emptyCart')}</p>}
      {shownError && <PaymentError error={shownError} offering={pay.starting === 'qr'} onOfferQr={pay.startQr} />}
    </div>
  );
}
