import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isFinalSaleStatus, type Sale } from '../../shared/sale';
import { isFinalSubscriptionStatus, type SubscriptionSale } from '../../shared/subscription';
import { useBridge } from '../bridge/bridge-context';
import { Countdown } from '../features/sale/Countdown';
import { QrCode } from '../ui/QrCode';
import type { Started } from './KioskApp';

/**
 * What to do on the phone, the live status and the time left, with Cancel. A QR on the screen is
 * the way in when the push does not arrive (the payment's QR, or the agreement's confirmation).
 */
export function WaitingScreen({ started, onFinished }: { started: Started; onFinished(finished: Started): void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const [current, setCurrent] = useState<Started>(started);
  const [cancelling, setCancelling] = useState(false);
  const id = started.sale.id;

  useEffect(() => {
    const accept = (next: Started) => {
      setCurrent(next);
      const final = next.kind === 'payment' ? isFinalSaleStatus(next.sale.status) : isFinalSubscriptionStatus(next.sale.status);
      if (final) onFinished(next);
    };
    const off =
      started.kind === 'payment'
        ? bridge.on('sale.changed', (sale: Sale) => sale.id === id && accept({ kind: 'payment', sale }))
        : bridge.on('subscription.changed', (sale: SubscriptionSale) => sale.id === id && accept({ kind: 'subscription', sale }));
    // The sale may have moved on before this screen listened.
    void (started.kind === 'payment' ? bridge.invoke('sale.get', { saleId: id }) : bridge.invoke('subscription.get', { saleId: id })).then((result) => {
      if (result.ok) accept(started.kind === 'payment' ? { kind: 'payment', sale: result.value as Sale } : { kind: 'subscription', sale: result.value as SubscriptionSale });
    });
    return off;
  }, [bridge, id, started.kind, onFinished]);

  const cancel = async () => {
    setCancelling(true);
    await (current.kind === 'payment' ? bridge.invoke('sale.cancel', { saleId: id }) : bridge.invoke('subscription.cancel', { saleId: id }));
  };

  const qr = current.kind === 'payment' ? current.sale.qrUrl : current.sale.confirmationUrl;
  const byQr = current.kind === 'payment' && current.sale.tender === 'vipps-qr';
  return (
    <section className="kiosk-waiting" aria-labelledby="kiosk-waiting-title" data-testid="kiosk-waiting">
      <h1 id="kiosk-waiting-title" className="kiosk-heading">
        {byQr ? t('kiosk.scanTitle') : t('kiosk.approveTitle')}
      </h1>
      <p role="status" data-testid="kiosk-waiting-status">
        {byQr ? t('kiosk.scanBody') : t('kiosk.approveBody')}
      </p>
      <Countdown expiresAt={current.sale.expiresAt} testId="kiosk-countdown" />
      {qr && (
        <div className="kiosk-qr">
          {!byQr && <p>{t('kiosk.noPush')}</p>}
          <QrCode value={qr} label={t('kiosk.qrLabel')} testId="kiosk-qr" />
        </div>
      )}
      <button type="button" className="kiosk-secondary" data-testid="kiosk-cancel" disabled={cancelling} onClick={() => void cancel()}>
        {cancelling ? t('kiosk.cancelling') : t('kiosk.cancel')}
      </button>
    </section>
  );
}
