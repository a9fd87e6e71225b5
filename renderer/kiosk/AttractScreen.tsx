import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n';

/** The languages a customer can choose, each named in itself. */
const languages = [
  { code: 'nb', name: 'Norsk' },
  { code: 'da', name: 'Dansk' },
  { code: 'fi', name: 'Suomi' },
  { code: 'en', name: 'English' },
] as const;

export function AttractScreen({ shopName, onStart }: { shopName: string; onStart(): void }) {
  const { t } = useTranslation();
  return (
    <section className="kiosk-attract" aria-labelledby="kiosk-welcome">
      <h1 id="kiosk-welcome" className="kiosk-title">{shopName}</h1>
      <button type="button" className="kiosk-start" data-testid="kiosk-start" onClick={onStart}>
        {t('kiosk.start')}
      </button>
      <div className="kiosk-languages" role="group" aria-label={t('kiosk.language')}>
        {languages.map((language) => (
          <button
            key={language.code}
            type="button"
            lang={language.code}
            className="kiosk-language"
            aria-pressed={i18n.resolvedLanguage === language.code}
            data-testid={`kiosk-language-${language.code}`}
            onClick={() => void i18n.changeLanguage(language.code)}
          >
            {language.name}
          </button>
        ))}
      </div>
    </section>
  );
}
