/**
 * CSV for spreadsheet programs: RFC 4180 quoting, CRLF line ends, UTF-8 with a byte-order mark (so
 * Excel reads "Kåre" as Kåre, not as mojibake), and cells that a spreadsheet would run as a formula
 * neutralised with a leading single quote (OWASP "CSV injection").
 */
export const BOM = '\uFEFF';

/** A plain decimal number ("-50.00", "12") is data, not a formula: it is left as a number. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

export type Cell = string | number | boolean | null | undefined;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: Iterable<readonly Cell[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
