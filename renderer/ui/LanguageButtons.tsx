import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../shared/languages';

/** The languages a customer can choose, each named in itself ("Norsk", not "Norwegian"). */
const customerLanguages: ReadonlyArray<{ code: UiLanguage; name: string }> = [
  { code: 'nb', name: 'Norsk' },
  { code: 'da', name: 'Dansk' },
  { code: 'fi', name: 'Suomi' },
  { code: 'en', name: 'English' },
];

interface Props {
  /** What the group is, in the screen's language ("Language"), for screen readers. */
  label: string;
  onChoose(language: UiLanguage): void;
  /** Each button's test id is `${testIdPrefix}-${code}`. */
  testIdPrefix: string;
  className: string;
  buttonClassName: string;
}

/**
 * A customer's language choice as a row of toggle buttons: one tap, no menu to open, the language
 * on screen pressed. Each name carries its own `lang`, so a screen reader says "Suomi" the Finnish way.
 */
export function LanguageButtons({ label, onChoose, testIdPrefix, className, buttonClassName }: Props) {
  const { i18n } = useTranslation();
  return (
    <div className={className} role="group" aria-label={label}>
      {customerLanguages.map((language) => (
        <button
          key={language.code}
          type="button"
          lang={language.code}
          className={buttonClassName}
          aria-pressed={i18n.resolvedLanguage === language.code}
          data-testid={`${testIdPrefix}-${language.code}`}
          onClick={() => onChoose(language.code)}
        >
          {language.name}
        </button>
      ))}
    </div>
  );
}
