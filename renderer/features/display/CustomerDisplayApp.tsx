import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDisplay } from '../../../shared/sale';
import { LocaleProvider } from '../../format/locale-context';
import { DisplayCart } from './DisplayCart';
import { DisplayOutcome } from './DisplayOutcome';
import { DisplayWaiting } from './DisplayWaiting';
import { useCustomerDisplay } from './use-customer-display';

/**
 * The screen that faces the customer. It shows only what the core puts in `display.*`: no staff
 * controls, no connection or sync status, no errors. Until the core answers it simply welcomes.
 */
export function CustomerDisplayApp() {
  const { t } = useTranslation();
  const { info, display } = useCustomerDisplay();

  useEffect(() => {
    document.documentElement.classList.add('customer-display-page');
    document.title = t('display.windowTitle');
  }, [t]);

  if (!info || !display) {
    return (
      <main className="display" data-testid="display-root" data-phase="starting">
        <Welcome shopName={null} />
      </main>
    );
  }
  return (
    <LocaleProvider locale={info.shop.locale}>
      <DisplayScreen display={display} shopName={info.shop.name} />
    </LocaleProvider>
  );
}

function DisplayScreen({ display, shopName }: { display: CustomerDisplay; shopName: string }) {
  const { phase } = display;
  return (
    <main className={`display display--${phase}`} data-testid="display-root" data-phase={phase}>
      {phase === 'idle' && <Welcome shopName={shopName} />}
      {phase === 'cart' && <DisplayCart display={display} />}
      {(phase === 'waiting-qr' || phase === 'waiting-push') && <DisplayWaiting display={display} />}
      {(phase === 'paid' || phase === 'not-paid') && <DisplayOutcome display={display} />}
    </main>
  );
}

function Welcome({ shopName }: { shopName: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="display-idle">
      <h1 className="display-welcome">{shopName ? t('display.welcomeTo', { shop: shopName }) : t('display.welcome')}</h1>
      <p className="display-instruction">{t('display.idleHelp')}</p>
    </div>
  );
}
