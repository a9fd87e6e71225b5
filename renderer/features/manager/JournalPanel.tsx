import { errorText } from '../../i18n/error-text';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditActions, type AuditAction } from '../../../shared/audit';
import type { ExportFormat } from '../../../shared/reports';
import { useBridge } from '../../bridge/bridge-context';
import { useFormat } from '../../format/locale-context';
import { Table } from './DayPanel';
import { download } from './download';
import { useCall } from './use-call';

const PAGE_SIZE = 50;

/** The electronic journal, newest first, filtered by action, paged, exportable. */
export function JournalPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const bridge = useBridge();
  const [action, setAction] = useState<AuditAction | undefined>(undefined);
  const [page, setPage] = useState(1);
  const filter = action ? { action } : {};
  const { value, error } = useCall('audit.list', { filter, page, pageSize: PAGE_SIZE });

  async function exportAs(formatName: ExportFormat) {
    const result = await bridge.invoke('export.audit', { filter, format: formatName });
    if (result.ok) download(result.value);
  }

  const total = value?.total ?? 0;
  return (
    <section aria-labelledby="journal-heading" data-testid="journal-panel">
      <h2 id="journal-heading">{t('manager.journal.heading')}</h2>
      <div className="entry-filters">
        <label>
          {t('manager.journal.action')}
          <select
            value={action ?? ''}
            onChange={(e) => {
              setAction((e.target.value || undefined) as AuditAction | undefined);
              setPage(1);
            }}
          >
            <option value="">{t('manager.journal.any')}</option>
            {auditActions.map((a) => (
              <option key={a} value={a}>
                {t(`manager.actions.${a}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button--secondary" onClick={() => void exportAs('csv')}>
          {t('manager.entries.exportCsv')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void exportAs('json')}>
          {t('manager.entries.exportJson')}
        </button>
      </div>
      {error && <p role="alert">{t('manager.error', { message: errorText(error) })}</p>}
      {value && (
        <>
          <p role="status">{t('manager.entries.shown', { from: total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1, to: Math.min(total, page * PAGE_SIZE), total })}</p>
          <Table caption={t('manager.journal.heading')} head={[t('manager.journal.when'), t('manager.journal.action'), t('manager.journal.who'), t('manager.journal.approver'), t('manager.journal.subject'), t('manager.journal.details')]}>
            {value.items.map((e) => (
              <tr key={e.seq}>
                <td>{format.dateTime(e.at)}</td>
                <td>{t(`manager.actions.${e.action}`)}</td>
                <td>{e.actor?.name ?? ''}</td>
                <td>{e.approver?.name ?? ''}</td>
                <td className="muted">{e.subjectId ?? ''}</td>
                <td className="muted">{describeDetails(e.after)}</td>
              </tr>
            ))}
          </Table>
          <nav className="pager" aria-label={t('manager.journal.heading')}>
            <button type="button" className="button button--secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              {t('manager.entries.previous')}
            </button>
            <button type="button" className="button button--secondary" disabled={page * PAGE_SIZE >= total} onClick={() => setPage(page + 1)}>
              {t('manager.entries.next')}
            </button>
          </nav>
        </>
      )}
    </section>
  );
}

/** What an entry recorded, as "key: value" pairs a manager can read (the export keeps the raw data). */
function describeDetails(after: unknown): string {
  if (after === null || typeof after !== 'object') return after === null || after === undefined ? '' : String(after);
  return Object.entries(after as Record<string, unknown>)
    .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join(', ');
}
