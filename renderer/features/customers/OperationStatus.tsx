import { useTranslation } from 'react-i18next';
import type { AgreementOperation } from '../../../shared/agreements';
import type { AppError } from '../../../shared/result';
import { errorText } from '../../i18n/error-text';

export interface OperationStatusProps {
  operation: AgreementOperation | null;
  error: AppError | null;
  /** For a change the till stopped following (unconfirmed): one more look at Vipps. */
  onCheckAgain(): void;
  checking: boolean;
}

/** Where a change stands, said on the cashier's screen in every state. */
export function OperationStatus({ operation, error, onCheckAgain, checking }: OperationStatusProps) {
  const { t } = useTranslation();
  if (error) {
    return (
      <div className="notice notice--error" role="alert" data-testid="operation-error" data-code={error.code}>
        <p className="notice-title">{t(`customers.operation.errorTitle.${error.code === 'AGREEMENT_NOT_ACTIVE' ? 'notActive' : 'other'}`)}</p>
        <p>{errorText(error)}</p>
      </div>
    );
  }
  if (!operation) return null;
  const tone = operation.status === 'failed' ? 'notice--error' : operation.status === 'unconfirmed' ? 'notice--warning' : 'notice--info';
  return (
    <div className={`notice ${tone}`} role="status" data-testid="operation-status" data-status={operation.status}>
      <p className="notice-title">{t(`customers.operation.${operation.kind}.${operation.status}`)}</p>
      {operation.status === 'unconfirmed' ? (
        <>
          <p>{t('customers.operation.unconfirmedHelp')}</p>
          <button type="button" className="button button--secondary" data-testid="operation-check-again" disabled={checking} onClick={onCheckAgain}>
            {checking ? t('customers.operation.checking') : t('customers.operation.checkAgain')}
          </button>
        </>
      ) : (
        operation.problem && <p>{errorText(operation.problem)}</p>
      )}
    </div>
  );
}
