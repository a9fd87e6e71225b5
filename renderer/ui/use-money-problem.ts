import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { minorUnitDigits, type Currency } from '../../shared/money';
import { useFormat } from '../format/locale-context';
import type { MoneyInputProblem } from '../format/parse-money';

/** Why a typed amount cannot be read, with an example in the shop's own notation ("125,50"). */
export function useMoneyProblem() {
  const { t } = useTranslation();
  const format = useFormat();
  return useCallback(
    (problem: MoneyInputProblem, currency: Currency) =>
      t(`money.problem.${problem}`, {
        example: format.moneyInput(12550, currency),
        decimal: format.separators.decimal,
        digits: minorUnitDigits[currency],
      }),
    [t, format],
  );
}
