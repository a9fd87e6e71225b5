import { useTranslation } from 'react-i18next';
import type { AgreementOperation } from '../../../shared/agreements';
import type { AppError } from '../../../shared/result';

/** Where a change stands, said on the cashier's screen in every state. */
export function OperationStatus({ operation, error }: { operation: AgreementOperation | null; error: AppError | null }) {
  const { t } = useTranslation();
  if (error) {
    return (
      <div className="notice notice--error" role="alert" data-testid="operation-error" data-code={error.code}>
        <p className="notice-title">{t(`customers.operation.errorTitle.${error.code === 'AGREEMENT_NOT_ACTIVE' ? 'notActive' : 'other'}`)}</p>
        <p>{error.message}</p>
      </div>
    );
  }
  if (!operation) return null;
  return (
    <div className={`notice ${operation.status === 'failed' ? 'notice--error' : 'notice--info'}`} role="status" data-testid="operation-status" data-status={operation.status}>
      <p className="notice-title">{t(`customers.operation.${operation.kind}.${operation.status}`)}</p>
      {operation.problem && <p>{operation.problem.message}</p>}
    </div>
  );
}
