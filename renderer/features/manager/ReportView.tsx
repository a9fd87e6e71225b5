import { useTranslation } from 'react-i18next';
import type { EndOfDayReport } from '../../../shared/reports';
import { useFormat } from '../../format/locale-context';
import { Table } from './DayPanel';

/** An X- or Z-report as it prints: the same figures, in the order a Z-report is read. */
export function ReportView({ report }: { report: EndOfDayReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = (amount: number) => format.money(amount, report.currency);
  const d = report.drawer;
  return (
    <article className="z-report" data-testid={report.type === 'Z' ? 'z-report' : 'x-report'}>
      <h3 data-testid="report-title">{report.type === 'Z' ? t('manager.report.z', { number: report.number }) : t('manager.report.x')}</h3>
      <p>{t('manager.report.period', { from: format.dateTime(report.from), to: format.dateTime(report.to) })}</p>
      {report.closedBy && <p>{t('manager.report.closedBy', { name: report.closedBy.name })}</p>}
      <dl className="z-report-totals">
        <div>
          <dt>{t('manager.day.gross')}</dt>
          <dd>{money(report.totals.gross)}</dd>
        </div>
        <div>
          <dt>{t('manager.day.refunds')}</dt>
          <dd>{money(report.totals.refunds)}</dd>
        </div>
        <div>
          <dt>{t('manager.day.rounding')}</dt>
          <dd data-testid="report-rounding">{format.signedMoney(report.totals.rounding, report.currency)}</dd>
        </div>
        <div>
          <dt>{t('manager.day.net')}</dt>
          <dd data-testid="report-net">{money(report.totals.net)}</dd>
        </div>
        <div>
          <dt>{t('manager.report.grandTotalBefore')}</dt>
          <dd>{money(report.grandTotalBefore)}</dd>
        </div>
        <div>
          <dt>{t('manager.report.grandTotal')}</dt>
          <dd data-testid="report-grand-total">{money(report.grandTotal)}</dd>
        </div>
      </dl>
      <Table caption={t('manager.tables.byTender')} head={[t('manager.tables.tender'), t('manager.tables.count'), t('manager.tables.net')]}>
        {report.byTender.map((r) => (
          <tr key={r.tender}>
            <th scope="row">{t(`manager.tender.${r.tender}`)}</th>
            <td>{format.number(r.count)}</td>
            <td>{money(r.net)}</td>
          </tr>
        ))}
      </Table>
      <Table caption={t('manager.tables.byVat')} head={[t('manager.tables.rate'), t('manager.tables.base'), t('manager.tables.vat')]}>
        {report.byVat.map((r) => (
          <tr key={r.rate}>
            <th scope="row">{format.vatRate(r.rate)}</th>
            <td>{money(r.base - r.refundBase)}</td>
            <td>{money(r.vat - r.refundVat)}</td>
          </tr>
        ))}
      </Table>
      <Table caption={t('manager.drawer.heading')} head={['', '']}>
        <tr>
          <th scope="row">{t('manager.drawer.float')}</th>
          <td>{money(d.float)}</td>
        </tr>
        <tr>
          <th scope="row">{t('manager.drawer.cashSales')}</th>
          <td>{money(d.cashSales)}</td>
        </tr>
        <tr>
          <th scope="row">{t('manager.drawer.cashRefunds')}</th>
          <td>{money(d.cashRefunds)}</td>
        </tr>
        <tr>
          <th scope="row">{t('manager.drawer.cashRounding')}</th>
          <td>{format.signedMoney(d.cashRounding, report.currency)}</td>
        </tr>
        <tr>
          <th scope="row">{t('manager.drawer.cashIn')}</th>
          <td>{money(d.cashIn)}</td>
        </tr>
        <tr>
          <th scope="row">{t('manager.drawer.cashOut')}</th>
          <td>{money(d.cashOut)}</td>
        </tr>
        <tr>
          <th scope="row">{t('manager.drawer.expected')}</th>
          <td data-testid="report-expected">{money(d.expected)}</td>
        </tr>
        {report.counted && (
          <tr>
            <th scope="row">{t('manager.report.counted')}</th>
            <td>{money(report.counted.total)}</td>
          </tr>
        )}
        {report.cashDifference !== null && (
          <tr>
            <th scope="row">{t('manager.report.difference')}</th>
            <td data-testid="report-difference">{money(report.cashDifference)}</td>
          </tr>
        )}
      </Table>
      <dl className="agreement-stats">
        <div>
          <dt>{t('manager.agreements.requested')}</dt>
          <dd>{format.number(report.agreements.requested)}</dd>
        </div>
        <div>
          <dt>{t('manager.agreements.approved')}</dt>
          <dd>{format.number(report.agreements.approved)}</dd>
        </div>
        <div>
          <dt>{t('manager.agreements.initialCharges')}</dt>
          <dd>{money(report.agreements.initialCharges.amount)}</dd>
        </div>
      </dl>
      {report.unsynced > 0 && <p>{t('manager.report.unsynced', { count: report.unsynced })}</p>}
    </article>
  );
}
