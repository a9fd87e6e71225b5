import { errorText } from '../../i18n/error-text';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import { errorKind } from '../../ui/error-kind';
import { Icon } from '../../ui/Icon';

export function FormError({ error }: { error: AppError }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice--error" role="alert" data-testid="form-error" data-code={error.code}>
      <Icon name="alert" />
      <div>
        <p className="notice-title">{t(`form.errorTitle.${errorKind(error.code)}`)}</p>
        <p>{errorText(error)}</p>
      </div>
    </div>
  );
}
