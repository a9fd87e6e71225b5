import { useTranslation } from 'react-i18next';
import { ConfirmedCancel } from '../../ui/ConfirmedCancel';

interface Props {
  disabled: boolean;
  cancelling: boolean;
  onConfirm(): Promise<boolean>;
}

/** Cancelling loses the customer's chance to approve, so it always asks first. */
export function CancelSale(props: Props) {
  const { t } = useTranslation();
  const texts = {
    button: t('sale.cancel'),
    busy: t('sale.status.cancelling'),
    title: t('sale.cancelTitle'),
    body: t('sale.cancelBody'),
    keep: t('sale.keepWaiting'),
    confirm: t('sale.confirmCancel'),
  };
  return <ConfirmedCancel texts={texts} testId="cancel-sale" confirmTestId="confirm-cancel" {...props} />;
}
