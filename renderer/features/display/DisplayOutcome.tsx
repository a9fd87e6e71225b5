import { useTranslation } from 'react-i18next';
import type { CustomerDisplay } from '../../../shared/sale';
import { useFormat } from '../../format/locale-context';
import { Icon } from '../../ui/Icon';
import { DisplayTotal } from './DisplayTotal';

export function DisplayOutcome({ display }: { display: CustomerDisplay }) {
  const { t } = useTranslation();
  const format = useFormat();
  const paid = display.phase === 'paid';
  return (
    <div className={`display-outcome display-outcome--${paid ? 'paid' : 'not-paid'}`}>
      <div className="display-outcome-icon">
        <Icon name={paid ? 'check' : 'cross'} className="icon display-big-icon" />
      </div>
      <h1 className="display-heading display-heading--large">{paid ? t('display.paid') : t('display.notPaid')}</h1>
      {paid && display.change !== null && display.change > 0 && (
        <p className="display-change">
          <span>{t('display.change')}</span>
          <strong data-testid="display-change">{format.money(display.change, display.totals.currency)}</strong>
        </p>
      )}
      {paid ? <DisplayTotal totals={display.totals} /> : <p className="display-instruction">{t('display.notPaidHelp')}</p>}
      {paid && display.rounding !== null && display.rounding !== 0 && (
        <p className="display-rounding">
          <span>{t('display.rounding')}</span>
          <strong data-testid="display-rounding">{format.signedMoney(display.rounding, display.totals.currency)}</strong>
        </p>
      )}
    </div>
  );
}
