import { errorText } from '../../i18n/error-text';
import { useTranslation } from 'react-i18next';
import type { Currency } from '../../../shared/money';
import type { Refund } from '../../../shared/sale';
import { useFormat } from '../../format/locale-context';

const tones = { pending: 'busy', refunded: 'good', failed: 'bad' } as const;

export function RefundList({ refunds, currency }: { refunds: Refund[]; currency: Currency }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ul className="refund-list">
      {refunds.map((refund) => (
        <li key={refund.id} className="refund-row" data-testid={`refund-row-${refund.id}`} data-status={refund.status}>
          <span className="refund-time">{format.time(refund.createdAt)}</span>
          <span className="refund-amount">{format.money(refund.amount, currency)}</span>
          <span className={`badge badge--${tones[refund.status]}`}>{t(`refund.status.${refund.status}`)}</span>
          {refund.problem && <span className="refund-problem">{errorText(refund.problem)}</span>}
        </li>
      ))}
    </ul>
  );
}
