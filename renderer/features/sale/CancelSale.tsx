import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

interface Props {
  disabled: boolean;
  cancelling: boolean;
  onConfirm(): Promise<boolean>;
}

/** Cancelling loses the customer's chance to approve, so it always asks first. */
export function CancelSale({ disabled, cancelling, onConfirm }: Props) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button--danger-outline"
        data-testid="cancel-sale"
        disabled={disabled || cancelling}
        onClick={() => setAsking(true)}
      >
        {cancelling ? t('sale.status.cancelling') : t('sale.cancel')}
      </button>
      {asking && (
        <ConfirmDialog
          title={t('sale.cancelTitle')}
          body={t('sale.cancelBody')}
          cancelLabel={t('sale.keepWaiting')}
          confirmLabel={t('sale.confirmCancel')}
          confirmTestId="confirm-cancel"
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
