import { useTranslation } from 'react-i18next';
import { QrCode } from '../../ui/QrCode';

/**
 * The fallback when the push does not arrive: the customer scans Vipps' confirmation URL. The
 * column is there before the URL is, so the screen does not jump when it arrives.
 */
export function ConfirmationQr({ url }: { url: string | null }) {
  const { t } = useTranslation();
  return (
    <figure className="qr panel">
      {url ? <QrCode value={url} label={t('sale.qrAlt')} testId="confirmation-qr" /> : <div className="qr-placeholder" aria-hidden="true" />}
      <figcaption>{url ? t('sale.qrLabel') : t('sale.qrNotYet')}</figcaption>
    </figure>
  );
}
