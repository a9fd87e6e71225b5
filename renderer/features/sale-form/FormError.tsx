import { useTranslation } from 'react-i18next';
import type { AppError, ErrorCode } from '../../../shared/result';
import { Icon } from '../../ui/Icon';

type Kind = 'retry' | 'setup' | 'check' | 'other';

/** The UI switches on the code only to say what kind of problem it is; the core's message says the rest. */
const kindOf: Record<ErrorCode, Kind> = {
  VIPPS_UNAVAILABLE: 'retry',
  RATE_LIMITED: 'retry',
  BILLING_UNAVAILABLE: 'retry',
  INTERNAL: 'retry',
  SKIP_LANDING_PAGE_NOT_ALLOWED: 'setup',
  VIPPS_AUTH: 'setup',
  VALIDATION: 'check',
  VIPPS_REJECTED: 'check',
  NOT_FOUND: 'check',
  CONFLICT: 'other',
};

export function FormError({ error }: { error: AppError }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice--error" role="alert" data-testid="form-error" data-code={error.code}>
      <Icon name="alert" />
      <div>
        <p className="notice-title">{t(`form.errorTitle.${kindOf[error.code]}`)}</p>
        <p>{error.message}</p>
      </div>
    </div>
  );
}
