import { useTranslation } from 'react-i18next';
import { ConfirmedCancel } from '../../ui/ConfirmedCancel';

interface Props {
  disabled: boolean;
  cancelling: boolean;
  /** The customer has approved: cancelling now gives the reserved money back. */
  approved: boolean;
  onConfirm(): Promise<boolean>;
}

/** Only the cashier cancels, and always after a question inside the app. */
export function CancelPayment({ approved, ...props }: Props) {
  const { t } = useTranslation();
  const texts = {
    button: t('payment.cancel.button'),
    busy: t('payment.status.cancelling'),
    title: t('payment.cancel.title'),
    body: approved ? t('payment.cancel.bodyApproved') : t('payment.cancel.body'),
    keep: t('payment.cancel.keep'),
    confirm: t('payment.cancel.confirm'),
  };
  return <ConfirmedCancel texts={texts} testId="cancel-payment" confirmTestId="confirm-cancel-payment" {...props} />;
}
