import { errorText } from '../../i18n/error-text';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import { Icon } from '../../ui/Icon';

export function StartupScreen({ error, onRetry }: { error?: AppError; onRetry(): void }) {
  const { t } = useTranslation();
  if (!error) {
    return (
      <main className="startup" aria-busy="true">
        <div className="spinner" aria-hidden="true" />
        <p role="status">{t('app.loading')}</p>
      </main>
    );
  }
  return (
    <main className="startup">
      <div className="panel startup-error" role="alert" data-testid="startup-error">
        <Icon name="alert" className="icon icon--large" />
        <h1>{t('app.startupFailed')}</h1>
        <p>{errorText(error)}</p>
        <button type="button" className="button button--primary button--large" onClick={onRetry}>
          {t('app.tryAgain')}
        </button>
      </div>
    </main>
  );
}
