import { useTranslation } from 'react-i18next';

/** Loud on purpose: nobody should think a training sale took real money, or miss that it did not. */
export function TrainingBanner({ phonePageUrl }: { phonePageUrl: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="training-banner" data-testid="training-banner" role="note">
      <strong>{t('header.trainingBanner')}</strong>
      {phonePageUrl && (
        <a href={phonePageUrl} target="_blank" rel="noopener noreferrer" data-testid="phone-page-link">
          {t('header.openPhonePage')}
          <span className="visually-hidden"> {t('header.opensInNewWindow')}</span>
        </a>
      )}
    </div>
  );
}
