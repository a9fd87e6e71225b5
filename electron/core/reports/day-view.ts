import type { DayView } from '../../../shared/reports';
import { dayBounds, localDate, localHour } from './local-time';
import { periodFiguresOnly, type PeriodFiguresQuery } from './period-figures';

const HOUR = 3_600_000;

/** One calendar day of the till (today by the injected clock, or any past day), hour by hour. */
export function dayView(figures: PeriodFiguresQuery, date: string | undefined, now: number): DayView {
  const day = date ?? localDate(now);
  const { from, to } = dayBounds(day);
  const found = figures.figures(from, to);
  // Local days are 23, 24 or 25 hours long; each bucket is labelled with the local hour it starts at.
  const byHour = Array.from({ length: Math.round((to - from) / HOUR) }, (_, k) => {
    const start = from + k * HOUR;
    const bucket = found.buckets.get(k) ?? { count: 0, gross: 0 };
    return { hour: localHour(start), start, ...bucket };
  });
  return { ...periodFiguresOnly(found), date: day, byHour };
}
