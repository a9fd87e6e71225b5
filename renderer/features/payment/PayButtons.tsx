import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon';
import { PaymentError } from './PaymentError';
import type { PayFlow } from './use-pay-flow';
import { VippsUnreachable } from './VippsUnreachable';

/**
 * The three ways to pay, under the total. Push and cash open their form; the QR starts at once,
 * once Vipps MobilePay has said it answers. While it does not, cash is the obvious button.
 */
export function PayButtons({ pay, canPay }: { pay: PayFlow; canPay: boolean }) {
  const { t } = useTranslation();
  const busy = pay.starting !== null;
  // Cash stays open while Vipps MobilePay is being asked: a hung check must not hold the customer.
  const walletBusy = busy || pay.checkingQr;
  const vippsDown = pay.health.unreachable;
  // The push and cash forms show their own problems; only the QR's land here.
  const shownError = pay.mode === 'choose' && pay.error ? pay.error.error : null;
  const qrLabel = pay.checkingQr ? t('payment.checkingVipps') : pay.starting === 'qr' ? t('payment.startingQr') : t('payment.method.qr');

  return (
    <div className="pay-panel">
      <div className={`pay-buttons${vippsDown ? ' pay-buttons--vipps-down' : ''}`}>
        <button
          type="button"
          className="button button--pay button--pay-vipps"
          data-testid="pay-push"
          aria-pressed={pay.mode === 'push'}
          disabled={!canPay || walletBusy}
          onClick={() => pay.open('push')}
        >
          <Icon name="phone" />
          {t('payment.method.push')}
        </button>
        <button type="button" className="button button--pay button--pay-vipps" data-testid="pay-qr" disabled={!canPay || walletBusy} onClick={() => void pay.startQr()}>
          <Icon name="qr" />
          {qrLabel}
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
      {vippsDown && pay.mode === 'choose' && (
        // The Cash button right above is the way on; the notice says why and offers "Try again".
        <VippsUnreachable urgent={pay.attempt === 'qr'} checking={pay.health.checking} onRetry={pay.retryHealth} />
      )}
      {shownError && <PaymentError error={shownError} offering={pay.starting === 'qr' || pay.checkingQr} onOfferQr={() => void pay.startQr()} />}
    </div>
  );
}
