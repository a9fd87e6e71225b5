import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { languageOfLocale } from '../../shared/languages';
import { useFormat } from '../format/locale-context';
import { usePlanText } from '../features/plans/use-plan-text';
import type { Started } from './KioskApp';
import { QrCode } from '../ui/QrCode';

/** How long the confirmation stays before the kiosk greets the next customer. */
const SHOW_MS = 15_000;

/**
 * The billing backend's page for this sale's receipt, in the language the customer chose here:
 * their phone may be set to another, and the receipt should read like the kiosk did.
 */
function receiptUrl(receiptUrlBase: string, saleId: string, screenLanguage: string): string {
  return `${receiptUrlBase}${encodeURIComponent(saleId)}?lang=${languageOfLocale(screenLanguage)}`;
}

/** A clear yes (what was bought or signed up for, and the amount) or a clear no, then the next customer. */
export function DoneScreen({ finished, receiptUrlBase, onDone }: { finished: Started; receiptUrlBase: string; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const planText = usePlanText();

  useEffect(() => {
    const timer = window.setTimeout(onDone, SHOW_MS);
    return () => window.clearTimeout(timer);
  }, [onDone]);

  const ok = finished.kind === 'payment' ? finished.sale.status === 'completed' : finished.sale.status === 'active';
  return (
    <section className={`kiosk-done kiosk-done--${ok ? 'ok' : 'not'}`} aria-labelledby="kiosk-done-title" data-testid="kiosk-done" data-outcome={ok ? 'ok' : 'not'}>
      <h1 id="kiosk-done-title" className="kiosk-heading">
        {ok ? t('kiosk.thanks') : t('kiosk.notDone')}
      </h1>
      {ok && finished.kind === 'payment' && (
        <>
          <p data-testid="kiosk-done-detail">{t('kiosk.paid', { amount: format.money(finished.sale.totals.total, finished.sale.totals.currency) })}</p>
          <div className="kiosk-qr">
            <p>{t('kiosk.receiptQr')}</p>
            <QrCode value={receiptUrl(receiptUrlBase, finished.sale.id, i18n.resolvedLanguage ?? i18n.language)} label={t('kiosk.receiptQrLabel')} testId="kiosk-receipt-qr" />
          </div>
        </>
      )}
      {ok && finished.kind === 'subscription' && (
        <p data-testid="kiosk-done-detail">{t('kiosk.subscribed', { plan: finished.sale.plan.name, price: planText.price(finished.sale.plan) })}</p>
      )}
      {!ok && <p data-testid="kiosk-done-detail">{t('kiosk.notDoneBody')}</p>}
      <button type="button" className="kiosk-primary" data-testid="kiosk-done-button" onClick={onDone}>
        {t('kiosk.finish')}
      </button>
    </section>
  );
}
