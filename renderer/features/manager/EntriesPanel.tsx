import { errorText } from '../../i18n/error-text';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaleStatus } from '../../../shared/sale';
import type { SubscriptionStatus } from '../../../shared/subscription';
import type { EntryFilter, ExportFormat } from '../../../shared/reports';
import { entryStatuses, reportTenders } from '../../../shared/reports';
import { useBridge } from '../../bridge/bridge-context';
import { useFormat } from '../../format/locale-context';
import { EntryDetailPanel } from './EntryDetailPanel';
import { download } from './download';
import { Table } from './DayPanel';

type EntryStatus = SaleStatus | SubscriptionStatus;
import { useCall } from './use-call';

const PAGE_SIZE = 25;

/** Every sale and agreement: paged with its total, filtered, searched, exported; one opens with its timeline. */
export function EntriesPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const bridge = useBridge();
  const [filter, setFilter] = useState<EntryFilter>({});
  const [draft, setDraft] = useState<EntryFilter>({});
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<{ kind: 'sale' | 'agreement'; id: string } | null>(null);
  const { value, error, reload } = useCall('reports.entries', { filter, page, pageSize: PAGE_SIZE });

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilter(draft);
    setPage(1);
  }

  async function exportAs(formatName: ExportFormat) {
    const result = await bridge.invoke('export.entries', { filter, format: formatName });
    if (result.ok) download(result.value);
  }

  const set = (patch: Partial<EntryFilter>) => setDraft((d) => ({ ...d, ...patch }));
  const total = value?.total ?? 0;
  const first = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  const last = Math.min(total, page * PAGE_SIZE);
  return (
    <section aria-labelledby="entries-heading" data-testid="entries-panel">
      <h2 id="entries-heading">{t('manager.entries.heading')}</h2>
      <form className="entry-filters" onSubmit={apply}>
        <label className="entry-search">
          {t('manager.entries.search')}
          <input type="search" data-testid="entries-search" value={draft.search ?? ''} onChange={(e) => set({ search: e.target.value || undefined })} maxLength={64} />
        </label>
        <label>
          {t('manager.entries.status')}
          <select data-testid="entries-status" value={draft.status ?? ''} onChange={(e) => set({ status: e.target.value || undefined })}>
            <option value="">{t('manager.entries.any')}</option>
            {entryStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`manager.statuses.${s as EntryStatus}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('manager.entries.tender')}
          <select data-testid="entries-tender" value={draft.tender ?? ''} onChange={(e) => set({ tender: (e.target.value || undefined) as EntryFilter['tender'] })}>
            <option value="">{t('manager.entries.any')}</option>
            {reportTenders.map((tender) => (
              <option key={tender} value={tender}>
                {t(`manager.tender.${tender}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('manager.entries.from')}
          <input type="datetime-local" value={toInput(draft.from)} onChange={(e) => set({ from: fromInput(e.target.value) })} />
        </label>
        <label>
          {t('manager.entries.to')}
          <input type="datetime-local" value={toInput(draft.to)} onChange={(e) => set({ to: fromInput(e.target.value) })} />
        </label>
        <button type="submit" className="button" data-testid="entries-apply">
          {t('manager.entries.apply')}
        </button>
        <button type="button" className="button button--secondary" data-testid="export-csv" onClick={() => void exportAs('csv')}>
          {t('manager.entries.exportCsv')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void exportAs('json')}>
          {t('manager.entries.exportJson')}
        </button>
      </form>
      {error && <p role="alert">{t('manager.error', { message: errorText(error) })}</p>}
      {value && (
        <>
          <p role="status" data-testid="entries-count">
            {t('manager.entries.shown', { from: first, to: last, total })}
          </p>
          {value.items.length === 0 ? (
            <p>{t('manager.entries.none')}</p>
          ) : (
            <Table caption={t('manager.entries.heading')} head={[t('manager.entries.when'), t('manager.entries.kind'), t('manager.entries.reference'), t('manager.entries.tender'), t('manager.entries.status_'), t('manager.entries.cashier'), t('manager.entries.amount'), '']} testId="entries-table">
              {value.items.map((e) => (
                <tr key={`${e.kind}:${e.id}`} data-testid="entry-row">
                  <td>{format.moment(e.createdAt)}</td>
                  <td>{e.kind === 'sale' ? t('manager.entries.kindSale') : t('manager.entries.kindAgreement')}</td>
                  <td>
                    {e.receiptNumber ?? e.reference}
                    <span className="muted"> {e.description}</span>
                  </td>
                  <td>{t(`manager.tender.${e.tender}`)}</td>
                  <td>{t(`manager.statuses.${e.status as EntryStatus}`)}</td>
                  <td>{e.cashier?.name ?? ''}</td>
                  <td>{format.money(e.amount - e.refunded, e.currency)}</td>
                  <td>
                    <button type="button" className="button button--small" onClick={() => setOpen({ kind: e.kind, id: e.id })}>
                      {t('manager.entries.open')}
                    </button>
                  </td>
                </tr>
              ))}
            </Table>
          )}
          <nav className="pager" aria-label={t('manager.entries.heading')}>
            <button type="button" className="button button--secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              {t('manager.entries.previous')}
            </button>
            <button type="button" className="button button--secondary" data-testid="entries-next" disabled={last >= total} onClick={() => setPage(page + 1)}>
              {t('manager.entries.next')}
            </button>
          </nav>
        </>
      )}
      {open && <EntryDetailPanel kind={open.kind} id={open.id} onClose={() => setOpen(null)} onChanged={() => void reload()} />}
    </section>
  );
}

function toInput(at: number | undefined): string {
  if (at === undefined) return '';
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function fromInput(text: string): number | undefined {
  const at = text ? new Date(text).getTime() : NaN;
  return Number.isNaN(at) ? undefined : at;
}
