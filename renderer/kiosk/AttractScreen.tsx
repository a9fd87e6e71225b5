import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n';
import { LanguageButtons } from '../ui/LanguageButtons';

export function AttractScreen({ shopName, onStart }: { shopName: string; onStart(): void }) {
  const { t } = useTranslation();
  return (
    <section className="kiosk-attract" aria-labelledby="kiosk-welcome">
      <h1 id="kiosk-welcome" className="kiosk-title">{shopName}</h1>
      <button type="button" className="kiosk-start" data-testid="kiosk-start" onClick={onStart}>
        {t('kiosk.start')}
      </button>
      <LanguageButtons
        label={t('kiosk.language')}
        onChoose={(language) => void i18n.changeLanguage(language)}
        testIdPrefix="kiosk-language"
        className="kiosk-languages"
        buttonClassName="kiosk-language"
      />
    </section>
  );
}
