import { errorText } from '../../i18n/error-text';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/locale-context';
import { RefundForm } from '../sales/RefundForm';
import { useCall } from './use-call';

/** One sale or agreement: what it was, its timeline (when, what, who), and for a paid sale the refund form. */
export function EntryDetailPanel({ kind, id, onClose, onChanged }: { kind: 'sale' | 'agreement'; id: string; onClose(): void; onChanged(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { value, error, reload } = useCall('reports.entry', { kind, id });
  const sale = value?.sale ?? null;
  const refundable = sale ? sale.amounts.captured - sale.amounts.refunded - sale.refunds.filter((r) => r.status === 'pending').reduce((s, r) => s + r.amount, 0) : 0;
  return (
    <section className="entry-detail" aria-labelledby="entry-detail-heading" data-testid="entry-detail">
      <div className="manager-toolbar">
        <h3 id="entry-detail-heading">
          {t('manager.detail.heading')}: {sale?.receiptNumber ?? value?.agreement?.plan.name ?? id}
        </h3>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('manager.detail.close')}
        </button>
      </div>
      {error && <p role="alert">{t('manager.error', { message: errorText(error) })}</p>}
      {value && (
        <>
          <h4>{t('manager.detail.timeline')}</h4>
          <ol className="timeline" data-testid="timeline">
            {value.timeline.map((entry, i) => (
              <li key={i}>
                <time dateTime={new Date(entry.at).toISOString()}>{format.dateTime(entry.at)}</time> <strong>{entry.code}</strong>
                {entry.amount !== null && sale && <> {format.money(entry.amount, sale.totals.currency)}</>}
                {entry.actor && <> {t('manager.detail.by', { name: entry.actor.name })}</>}
                {entry.approver && entry.approver.id !== entry.actor?.id && <> ({t('manager.detail.approvedBy', { name: entry.approver.name })})</>}
              </li>
            ))}
          </ol>
          {sale && sale.status === 'completed' && refundable > 0 && (
            <RefundForm
              sale={sale}
              refundable={refundable}
              onChanged={() => {
                void reload();
                onChanged();
              }}
            />
          )}
        </>
      )}
    </section>
  );
}
