import { useTranslation } from 'react-i18next';
import type { CustomerDisplay } from '../../../shared/sale';
import { Icon } from '../../ui/Icon';
import { QrCode } from '../../ui/QrCode';
import { DisplayCountdown } from './DisplayCountdown';
import { DisplayTotal } from './DisplayTotal';

/** Paying with Vipps MobilePay: the QR as large as the screen allows, or "approve on your phone". */
export function DisplayWaiting({ display }: { display: CustomerDisplay }) {
  const { t } = useTranslation();
  const qr = display.phase === 'waiting-qr';
  return (
    <div className={`display-waiting${qr ? ' display-waiting--qr' : ''}`}>
      {qr && (
        <div className="display-qr">
          {display.qrUrl ? <QrCode value={display.qrUrl} label={t('display.qrAlt')} testId="display-qr" /> : <div className="qr-placeholder" aria-hidden="true" />}
        </div>
      )}
      <div className="display-waiting-text">
        {!qr && <Icon name="phone" className="icon display-big-icon" />}
        <h1 className="display-heading display-heading--large">{qr ? t('display.scan') : t('display.approve')}</h1>
        <p className="display-instruction">{qr ? t('display.scanHelp') : t('display.approveHelp')}</p>
        <DisplayTotal totals={display.totals} />
        <DisplayCountdown expiresAt={display.expiresAt} />
      </div>
    </div>
  );
}
