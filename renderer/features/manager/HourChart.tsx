import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Currency } from '../../../shared/money';
import type { DayView } from '../../../shared/reports';
import { useFormat } from '../../format/locale-context';

const WIDTH = 720;
const HEIGHT = 140;
const AXIS = 20;

/**
 * Money taken per hour as bars in plain SVG: goods sold and agreements' captured initial charges
 * (first payments), in the hour the money came; refunds are not subtracted. The legend says so
 * under the chart. Screen readers get a one-line summary (role="img" with a label), the legend as
 * its description, and the full numbers in a visually hidden table.
 */
export function HourChart({ day, currency }: { day: DayView; currency: Currency }) {
  const { t } = useTranslation();
  const format = useFormat();
  const legendId = useId();
  const hours = day.byHour;
  const most = Math.max(1, ...hours.map((h) => h.gross));
  const busiest = hours.reduce((best, h) => (h.gross > best.gross ? h : best), hours[0] ?? { hour: 0, gross: 0, count: 0, start: 0 });
  const summary = busiest.gross > 0 ? t('manager.chart.busiest', { hour: String(busiest.hour).padStart(2, '0'), amount: format.money(busiest.gross, currency) }) : t('manager.chart.empty');
  const slot = WIDTH / Math.max(1, hours.length);
  return (
    <figure className="hour-chart" data-testid="hour-chart">
      <svg role="img" aria-label={t('manager.chart.label', { date: day.date, busiest: summary })} aria-describedby={legendId} viewBox={`0 0 ${WIDTH} ${HEIGHT + AXIS}`} width="100%">
        {hours.map((h, i) => {
          const height = Math.round((h.gross / most) * HEIGHT);
          return (
            <g key={h.start}>
              <rect x={i * slot + 2} y={HEIGHT - height} width={slot - 4} height={height} className="hour-chart-bar" data-testid={h.gross > 0 ? 'hour-bar' : undefined} />
              {i % 3 === 0 && (
                <text x={i * slot + slot / 2} y={HEIGHT + 15} textAnchor="middle" className="hour-chart-label">
                  {String(h.hour).padStart(2, '0')}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption id={legendId} className="muted" data-testid="hour-chart-legend">
        {t('manager.chart.legend')}
      </figcaption>
      <table className="visually-hidden">
        <caption>{t('manager.tables.byHour')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('manager.tables.hour')}</th>
            <th scope="col">{t('manager.tables.count')}</th>
            <th scope="col">{t('manager.tables.gross')}</th>
          </tr>
        </thead>
        <tbody>
          {hours.map((h) => (
            <tr key={h.start}>
              <th scope="row">{`${String(h.hour).padStart(2, '0')}:00`}</th>
              <td>{format.number(h.count)}</td>
              <td>{format.money(h.gross, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
