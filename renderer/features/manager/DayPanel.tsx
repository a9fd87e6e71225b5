import { errorText } from '../../i18n/error-text';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayView } from '../../../shared/reports';
import { useFormat } from '../../format/locale-context';
import { HourChart } from './HourChart';
import { useCall } from './use-call';

/** The manager's day: totals, the tables, the hour chart and the subscriptions. Any past day opens the same way. */
export function DayPanel() {
  const { t } = useTranslation();
  const [date, setDate] = useState<string | undefined>(undefined);
  const { value: day, error } = useCall('reports.day', date ? { date } : {});
  return (
    <section aria-labelledby="day-heading" data-testid="day-panel">
      <div className="manager-toolbar">
        <h2 id="day-heading">{t('manager.day.heading')}</h2>
        <label>
          {t('manager.day.date')}{' '}
          <input type="date" data-testid="day-date" value={date ?? day?.date ?? ''} onChange={(e) => setDate(e.target.value || undefined)} />
        </label>
      </div>
      {error && <p role="alert">{t('manager.error', { message: errorText(error) })}</p>}
      {day ? <DayFigures day={day} /> : !error && <p>{t('manager.loading')}</p>}
    </section>
  );
}

function DayFigures({ day }: { day: DayView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = (amount: number) => format.money(amount, day.currency);
  const a = day.agreements;
  return (
    <>
      <div className="totals-cards">
        <Card label={t('manager.day.gross')} value={money(day.totals.gross)} note={t('manager.day.salesCount', { count: day.totals.sales })} testId="total-gross" />
        <Card label={t('manager.day.refunds')} value={money(day.totals.refunds)} note={t('manager.day.refundCount', { count: day.totals.refundCount })} testId="total-refunds" />
        {day.totals.rounding !== 0 && <Card label={t('manager.day.rounding')} value={format.signedMoney(day.totals.rounding, day.currency)} testId="total-rounding" />}
        <Card label={t('manager.day.net')} value={money(day.totals.net)} testId="total-net" />
      </div>
      <h3>{t('manager.tables.byHour')}</h3>
      <HourChart day={day} currency={day.currency} />
      <div className="manager-tables">
        <Table caption={t('manager.tables.byTender')} head={[t('manager.tables.tender'), t('manager.tables.count'), t('manager.tables.gross'), t('manager.tables.refunds'), t('manager.tables.rounding'), t('manager.tables.net')]} testId="by-tender">
          {day.byTender.map((r) => (
            <tr key={r.tender}>
              <th scope="row">{t(`manager.tender.${r.tender}`)}</th>
              <td>{format.number(r.count)}</td>
              <td>{money(r.gross)}</td>
              <td>{money(r.refunds)}</td>
              <td data-testid={`by-tender-rounding-${r.tender}`}>{format.signedMoney(r.rounding, day.currency)}</td>
              <td>{money(r.net)}</td>
            </tr>
          ))}
        </Table>
        <Table caption={t('manager.tables.byVat')} head={[t('manager.tables.rate'), t('manager.tables.base'), t('manager.tables.vat'), t('manager.tables.refunds'), t('manager.tables.net')]} testId="by-vat">
          {day.byVat.map((r) => (
            <tr key={r.rate}>
              <th scope="row">{format.vatRate(r.rate)}</th>
              <td>{money(r.base)}</td>
              <td>{money(r.vat)}</td>
              <td>{money(r.refundTotal)}</td>
              <td>{money(r.total - r.refundTotal)}</td>
            </tr>
          ))}
        </Table>
        <Table caption={t('manager.tables.byItem')} head={[t('manager.tables.item'), t('manager.tables.quantity'), t('manager.tables.total')]} testId="by-item">
          {day.byItem.map((r) => (
            <tr key={`${r.kind}:${r.id}`}>
              <th scope="row">
                {r.name}
                {r.kind === 'plan' && <span className="muted"> ({t('manager.tables.plan')})</span>}
              </th>
              <td>{format.number(r.quantity)}</td>
              <td>{money(r.total)}</td>
            </tr>
          ))}
        </Table>
        <Table caption={t('manager.tables.byCashier')} head={[t('manager.tables.cashier'), t('manager.tables.count'), t('manager.tables.gross'), t('manager.tables.refunds'), t('manager.tables.net')]} testId="by-cashier">
          {day.byCashier.map((r) => (
            <tr key={r.cashier?.id ?? ''}>
              <th scope="row">{r.cashier?.name ?? t('manager.tables.unknownCashier')}</th>
              <td>{format.number(r.count)}</td>
              <td>{money(r.gross)}</td>
              <td>{money(r.refunds)}</td>
              <td>{money(r.net)}</td>
            </tr>
          ))}
        </Table>
      </div>
      <h3>{t('manager.agreements.heading')}</h3>
      <dl className="agreement-stats" data-testid="agreement-stats">
        <Stat label={t('manager.agreements.requested')} value={format.number(a.requested)} />
        <Stat label={t('manager.agreements.approved')} value={format.number(a.approved)} />
        <Stat label={t('manager.agreements.declined')} value={format.number(a.declined)} />
        <Stat label={t('manager.agreements.expired')} value={format.number(a.expired)} />
        <Stat label={t('manager.agreements.cancelled')} value={format.number(a.cancelled)} />
        <Stat label={t('manager.agreements.approvalRate')} value={a.approvalRate === null ? t('manager.agreements.none') : `${Math.round(a.approvalRate * 100)} %`} />
        <Stat label={t('manager.agreements.medianApproval')} value={a.medianApprovalMs === null ? t('manager.agreements.none') : format.elapsed(a.medianApprovalMs)} />
        <Stat label={t('manager.agreements.initialCharges')} value={money(a.initialCharges.amount)} />
      </dl>
    </>
  );
}

function Card({ label, value, note, testId }: { label: string; value: string; note?: string; testId: string }) {
  return (
    <div className="total-card" data-testid={testId}>
      <span className="total-card-label">{label}</span>
      <strong className="total-card-value">{value}</strong>
      {note && <span className="muted">{note}</span>}
    </div>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

export function Table({ caption, head, children, testId }: { caption: string; head: string[]; children: ReactNode; testId?: string }) {
  return (
    <table className="report-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
