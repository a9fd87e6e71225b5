import { useTranslation } from 'react-i18next';
import type { CashRounding } from '../../../shared/cash-rounding';
import { useFormat } from '../../format/locale-context';

/** The total, its rounding line and the amount to pay in cash, before the cashier counts the cash. */
export function CashDue({ rounding }: { rounding: CashRounding }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = (amount: number) => format.money(amount, rounding.currency);
  return (
    <dl className="cash-due" data-testid="cash-due">
      <div>
        <dt>{t('cash.total')}</dt>
        <dd data-testid="cash-due-total">{money(rounding.total)}</dd>
      </div>
      <div>
        <dt>{t('cash.rounding')}</dt>
        <dd data-testid="cash-due-rounding">{format.signedMoney(rounding.rounding, rounding.currency)}</dd>
      </div>
      <div className="cash-due-pay">
        <dt>{t('cash.toPay')}</dt>
        <dd data-testid="cash-due-amount">{money(rounding.rounded)}</dd>
      </div>
    </dl>
  );
}
