import { useTranslation } from 'react-i18next';
import type { CartTotals } from '../../../shared/cart';
import { useFormat } from '../../format/locale-context';

interface Props {
  totals: CartTotals;
  /** Row test ids are `<prefix><rate in basis points>`, e.g. vat-row-2500. */
  rowTestIdPrefix: string;
}

/** VAT per rate as the core summed it: base, VAT and total for each rate, so lines and summary agree. */
export function VatTable({ totals, rowTestIdPrefix }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = (amount: number) => format.money(amount, totals.currency);
  return (
    <table className="vat-table">
      <caption className="visually-hidden">{t('vat.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('vat.rate')}</th>
          <th scope="col">{t('vat.base')}</th>
          <th scope="col">{t('vat.vat')}</th>
          <th scope="col">{t('vat.total')}</th>
        </tr>
      </thead>
      <tbody>
        {totals.byRate.map((row) => (
          <tr key={row.rate} data-testid={`${rowTestIdPrefix}${row.rate}`}>
            <th scope="row">{format.vatRate(row.rate)}</th>
            <td>{money(row.base)}</td>
            <td>{money(row.vat)}</td>
            <td>{money(row.total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
