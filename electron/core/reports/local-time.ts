/**
 * The till's calendar in the machine's local time zone (the shop's), from instants given by the
 * injected clock. Days are not always 24 hours long (summer time), so bounds come from the
 * calendar, never from adding 86 400 000.
 */
export function dayBounds(date: string): { from: number; to: number } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { from: new Date(y, m - 1, d).getTime(), to: new Date(y, m - 1, d + 1).getTime() };
}

/** The local midnight that starts the day of `at`: where "today" begins for every list of the day. */
export const startOfLocalDay = (at: number) => dayBounds(localDate(at)).from;

export function localDate(at: number): string {
  const date = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local hour an instant falls in (0–23). */
export const localHour = (at: number) => new Date(at).getHours();

/** "20261122-0930", for file names. */
export function fileStamp(at: number): string {
  const date = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${localDate(at).replaceAll('-', '')}-${pad(date.getHours())}${pad(date.getMinutes())}`;
}
