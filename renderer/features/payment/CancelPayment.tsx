import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

interface Props {
  disabled: boolean;
  cancelling: boolean;
  /** The customer has approved: cancelling now gives the reserved money back. */
  approved: boolean;
  onConfirm(): Promise<boolean>;
}

/** Only the cashier cancels, and always after a question inside the app. */
export function CancelPayment({ disabled, cancelling, approved, onConfirm }: Props) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button--danger-outline"
        data-testid="cancel-payment"
        disabled={disabled || cancelling}
        onClick={() => setAsking(true)}
      >
        {cancelling ? t('payment.status.cancelling') : t('payment.cancel.button')}
      </button>
      {asking && (
        <ConfirmDialog
          title={t('payment.cancel.title')}
          body={approved ? t('payment.cancel.bodyApproved') : t('payment.cancel.body')}
          cancelLabel={t('payment.cancel.keep')}
          confirmLabel={t('payment.cancel.confirm')}
          confirmTestId="confirm-cancel-payment"
          busy={cancelling}
          onCancel={() => setAsking(false)}
          onConfirm={async () => {
            await onConfirm();
            setAsking(false);
          }}
        />
      )}
    </>
  );
}
