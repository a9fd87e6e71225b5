import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDisplay } from '../../../shared/sale';
import { LocaleProvider } from '../../format/locale-context';
import { DisplayCart } from './DisplayCart';
import { DisplayOutcome } from './DisplayOutcome';
import { DisplaySignUp } from './DisplaySignUp';
import { DisplayWaiting } from './DisplayWaiting';
import { useCustomerDisplay } from './use-customer-display';
import { useDisplayLanguage } from './use-display-language';
import { LanguageButtons } from '../../ui/LanguageButtons';
import type { UiLanguage } from '../../../shared/languages';

/**
 * The screen that faces the customer. It shows only what the core puts in `display.*`: no staff
 * controls, no connection or sync status, no errors. Until the core answers it simply welcomes.
 * The customer may pick the language it speaks (use-display-language.ts).
 */
export function CustomerDisplayApp() {
  const { t } = useTranslation();
  const { info, display } = useCustomerDisplay();
  const chooseLanguage = useDisplayLanguage(info?.shop ?? null, display?.phase ?? null);

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
      <DisplayScreen display={display} shopName={info.shop.name} onChooseLanguage={chooseLanguage} />
    </LocaleProvider>
  );
}

function DisplayScreen({ display, shopName, onChooseLanguage }: { display: CustomerDisplay; shopName: string; onChooseLanguage(language: UiLanguage): void }) {
  const { t } = useTranslation();
  const { phase } = display;
  return (
    <main className={`display display--${phase}`} data-testid="display-root" data-phase={phase}>
      {phase === 'idle' && <Welcome shopName={shopName} />}
      {phase === 'cart' && <DisplayCart display={display} />}
      {(phase === 'waiting-qr' || phase === 'waiting-push') && <DisplayWaiting display={display} />}
      {(phase === 'paid' || phase === 'not-paid') && <DisplayOutcome display={display} />}
      {(phase === 'signup-waiting' || phase === 'signed-up' || phase === 'not-signed-up') && <DisplaySignUp display={display} />}
      <LanguageButtons
        label={t('display.language')}
        onChoose={onChooseLanguage}
        testIdPrefix="display-language"
        className="display-languages"
        buttonClassName="display-language"
      />
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
