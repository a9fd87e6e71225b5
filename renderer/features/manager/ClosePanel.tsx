import { errorText } from '../../i18n/error-text';
import { useMoneyProblem } from '../../ui/use-money-problem';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { drawerMovementKinds, type EndOfDayReport, type ExportFormat } from '../../../shared/reports';
import type { AppError } from '../../../shared/result';
import { useBridge } from '../../bridge/bridge-context';
import { useIntention } from '../../bridge/use-intention';
import { useFormat } from '../../format/locale-context';
import { download } from './download';
import { ReportView } from './ReportView';
import { useCall } from './use-call';

type MoveKind = (typeof drawerMovementKinds)[number];

/** The drawer since the last Z, cash in and out, the X-report, and closing the day with the counted cash. */
export function ClosePanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const bridge = useBridge();
  const drawer = useCall('drawer.status', {});
  const history = useCall('zreport.list', {});
  const move = useIntention('drawer.move');
  const close = useIntention('zreport.close');
  const [moveKind, setMoveKind] = useState<MoveKind>('float');
  const [moveAmount, setMoveAmount] = useState('');
  const [reason, setReason] = useState('');
  const [counted, setCounted] = useState('');
  const [report, setReport] = useState<EndOfDayReport | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  // What is wrong with a typed amount, said before anything is sent.
  const [problem, setProblem] = useState<string | null>(null);
  const describeProblem = useMoneyProblem();
  const amountProblem = (parsed: ReturnType<typeof format.parseMoney>) =>
    parsed.state === 'invalid' ? describeProblem(parsed.reason, currency) : t('cash.needAmount');
  const [unsynced, setUnsynced] = useState<number | null>(null);
  const currency = drawer.value?.currency ?? 'NOK';
  const money = (amount: number) => format.money(amount, currency);

  async function record(event: FormEvent) {
    event.preventDefault();
    const parsed = format.parseMoney(moveAmount, currency);
    if (parsed.state !== 'valid' || parsed.amount <= 0) return setProblem(amountProblem(parsed));
    setProblem(null);
    const result = await move({ kind: moveKind, amount: parsed.amount, reason: reason.trim() || t(`manager.drawer.kinds.${moveKind}`) });
    if (!result.ok) return setError(result.error);
    setError(null);
    setMoveAmount('');
    setReason('');
    void drawer.reload();
  }

  async function showX() {
    const result = await bridge.invoke('zreport.x', {});
    if (result.ok) setReport(result.value);
    else setError(result.error);
  }

  async function closeDay(event: FormEvent) {
    event.preventDefault();
    const parsed = format.parseMoney(counted, currency);
    if (parsed.state !== 'valid') return setProblem(amountProblem(parsed));
    setProblem(null);
    const result = await close({ count: { total: parsed.amount }, ...(unsynced !== null ? { confirmUnsynced: true } : {}) });
    if (!result.ok) {
      if (result.error.code === 'SYNC_PENDING') setUnsynced(Number(result.error.fields?.confirmUnsynced ?? 0));
      return setError(result.error);
    }
    setError(null);
    setUnsynced(null);
    setCounted('');
    setReport(result.value);
    void drawer.reload();
    void history.reload();
  }

  async function exportReport(number: number, formatName: ExportFormat) {
    const result = await bridge.invoke('export.zReport', { number, format: formatName });
    if (result.ok) download(result.value);
  }

  async function openReport(number: number) {
    const result = await bridge.invoke('zreport.get', { number });
    if (result.ok) setReport(result.value);
  }

  const d = drawer.value;
  return (
    <section aria-labelledby="close-heading" data-testid="close-panel" className="close-panel">
      <div className="no-print">
        <h2 id="close-heading">{t('manager.drawer.heading')}</h2>
        {d && (
          <>
            <p className="muted">{t('manager.drawer.since', { when: format.dateTime(d.periodStart) })}</p>
            <dl className="agreement-stats" data-testid="drawer">
              <div>
                <dt>{t('manager.drawer.float')}</dt>
                <dd>{money(d.float)}</dd>
              </div>
              <div>
                <dt>{t('manager.drawer.cashSales')}</dt>
                <dd>{money(d.cashSales)}</dd>
              </div>
              <div>
                <dt>{t('manager.drawer.cashRefunds')}</dt>
                <dd>{money(d.cashRefunds)}</dd>
              </div>
              <div>
                <dt>{t('manager.drawer.cashRounding')}</dt>
                <dd data-testid="drawer-rounding">{format.signedMoney(d.cashRounding, d.currency)}</dd>
              </div>
              <div>
                <dt>{t('manager.drawer.cashIn')}</dt>
                <dd>{money(d.cashIn)}</dd>
              </div>
              <div>
                <dt>{t('manager.drawer.cashOut')}</dt>
                <dd>{money(d.cashOut)}</dd>
              </div>
              <div>
                <dt>{t('manager.drawer.expected')}</dt>
                <dd data-testid="drawer-expected">{money(d.expected)}</dd>
              </div>
            </dl>
          </>
        )}
        <form className="entry-filters" onSubmit={record}>
          <label>
            {t('manager.drawer.kind')}
            <select data-testid="move-kind" value={moveKind} onChange={(e) => setMoveKind(e.target.value as MoveKind)}>
              {drawerMovementKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`manager.drawer.kinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('manager.drawer.amount')}
            <input inputMode="decimal" data-testid="move-amount" value={moveAmount} onChange={(e) => setMoveAmount(e.target.value)} />
          </label>
          <label>
            {t('manager.drawer.reason')}
            <input data-testid="move-reason" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="submit" className="button" data-testid="move-record">
            {t('manager.drawer.move')}
          </button>
        </form>

        <h2>{t('manager.close.heading')}</h2>
        <form className="entry-filters" onSubmit={closeDay}>
          <label>
            {t('manager.close.counted')}
            <input inputMode="decimal" data-testid="counted-cash" value={counted} onChange={(e) => setCounted(e.target.value)} aria-describedby="counted-hint" />
          </label>
          <span id="counted-hint" className="muted">
            {t('manager.close.countedHint', { example: format.moneyInput(d?.expected ?? 0, currency) })}
          </span>
          <button type="button" className="button button--secondary" data-testid="show-x" onClick={() => void showX()}>
            {t('manager.close.xReport')}
          </button>
          <button type="submit" className="button" data-testid="close-day">
            {unsynced !== null ? t('manager.close.confirmUnsynced', { count: unsynced }) : t('manager.close.close')}
          </button>
        </form>
        {(problem || error) && (
          <p role="alert" data-testid="close-error">
            {problem ?? errorText(error!)}
          </p>
        )}
      </div>
      {report && (
        <>
          <div className="no-print manager-toolbar">
            <button type="button" className="button button--secondary" data-testid="print-report" onClick={() => window.print()}>
              {t('manager.close.print')}
            </button>
            {report.number !== null && (
              <>
                <button type="button" className="button button--secondary" onClick={() => void exportReport(report.number!, 'csv')}>
                  {t('manager.close.exportCsv')}
                </button>
                <button type="button" className="button button--secondary" onClick={() => void exportReport(report.number!, 'json')}>
                  {t('manager.close.exportJson')}
                </button>
              </>
            )}
          </div>
          <ReportView report={report} />
        </>
      )}
      {history.value && history.value.length > 0 && (
        <div className="no-print">
          <h3>{t('manager.close.history')}</h3>
          <ul data-testid="z-history">
            {history.value.map((z) => (
              <li key={z.id}>
                <button type="button" className="button button--small" onClick={() => void openReport(z.number)}>
                  {t('manager.report.z', { number: z.number })}
                </button>{' '}
                {format.dateTime(z.closedAt)} · {money(z.net)} · {t('manager.report.difference')} {money(z.cashDifference)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
