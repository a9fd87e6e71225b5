import { useTranslation } from 'react-i18next';
import type { CartTotals } from '../../../shared/cart';
import { useFormat } from '../../format/locale-context';

export function DisplayTotal({ totals }: { totals: CartTotals }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="display-total">
      <span className="display-total-label">{t('display.total')}</span>
      <strong className="display-total-amount" data-testid="display-total">{format.money(totals.total, totals.currency)}</strong>
      <span className="display-total-vat">{t('display.vatIncluded', { amount: format.money(totals.vat, totals.currency) })}</span>
    </div>
  );
}
