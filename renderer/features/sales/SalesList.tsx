import { useTranslation } from 'react-i18next';
import type { Sale } from '../../../shared/sale';
import { useFormat } from '../../format/locale-context';
import { useSaleStatusText } from './sale-words';

interface Props {
  sales: Sale[];
  selectedId: string | null;
  onSelect(saleId: string): void;
}

export function SalesList({ sales, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const statusOf = useSaleStatusText();
  return (
    <div className="sales-table" data-testid="sales-list">
      <div className="sales-row sales-row--head" aria-hidden="true">
        <span>{t('sales.column.time')}</span>
        <span>{t('sales.column.tender')}</span>
        <span className="sales-money">{t('sales.column.total')}</span>
        <span>{t('sales.column.status')}</span>
      </div>
      <ul className="sales-rows">
        {sales.map((sale) => {
          const status = statusOf(sale);
          return (
            <li key={sale.id}>
              <button
                type="button"
                className="sales-row"
                data-testid={`sales-row-${sale.id}`}
                data-status={sale.status}
                aria-current={sale.id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(sale.id)}
              >
                <span className="sales-when">
                  <span className="sales-time">{format.time(sale.createdAt)}</span>
                  <span className="sales-receipt">
                    <span className="visually-hidden">{t('sales.column.receipt')} </span>
                    {sale.receiptNumber}
                  </span>
                </span>
                <span>{t(`sales.tender.${sale.tender}`)}</span>
                <span className="sales-money">{format.money(sale.totals.total, sale.totals.currency)}</span>
                <span>
                  <span className={`badge badge--${status.tone}`}>{status.text}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
