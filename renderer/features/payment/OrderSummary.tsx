import { useTranslation } from 'react-i18next';
import type { CartLine, CartTotals } from '../../../shared/cart';
import { useFormat } from '../../format/locale-context';

/** What is being paid for, in a few lines, while the customer approves. */
export function OrderSummary({ lines, totals }: { lines: CartLine[]; totals: CartTotals }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="order-summary">
      <p className="field-label">{t('payment.waiting.goods')}</p>
      <ul className="order-lines">
        {lines.map((line) => (
          <li key={line.productId}>
            <span className="order-qty">{format.number(line.quantity)} ×</span>
            <span className="order-name">{line.name}</span>
            <span className="order-total">{format.money(line.total, totals.currency)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
