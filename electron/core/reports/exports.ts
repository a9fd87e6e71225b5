import type { AuditEntry } from '../../../shared/audit';
import { minorUnitsToDecimal } from '../../../shared/money';
import type { EndOfDayReport, Entry, ExportFile, ExportFormat } from '../../../shared/reports';
import { formatVatRate } from '../../../shared/vat';
import { toCsv, type Cell } from './csv';
import { fileStamp } from './local-time';

/**
 * Files a manager can take away: the sales list, a Z-report, the journal; as CSV (for a
 * spreadsheet) or JSON (for a program). Amounts are in major units as exact decimal strings
 * ("497.00") beside their currency, never floats; times are ISO 8601 with the till's UTC offset.
 */
const amount = (minor: number) => minorUnitsToDecimal(minor);

export function localIso(at: number): string {
  const date = new Date(at);
  const offset = -date.getTimezoneOffset();
  const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  const local = new Date(at + offset * 60_000).toISOString().slice(0, 19);
  return `${local}${offset >= 0 ? '+' : '-'}${pad(offset / 60)}:${pad(offset % 60)}`;
}

function file(base: string, format: ExportFormat, header: readonly string[], rows: Cell[][], json: unknown): ExportFile {
  if (format === 'csv') return { filename: `${base}.csv`, mimeType: 'text/csv;charset=utf-8', content: toCsv(header, rows) };
  return { filename: `${base}.json`, mimeType: 'application/json;charset=utf-8', content: `${JSON.stringify(json, null, 2)}\n` };
}

const ENTRY_HEADER = ['kind', 'id', 'created', 'status', 'tender', 'receipt_number', 'reference', 'amount', 'refunded', 'currency', 'cashier', 'phone_last4', 'description'] as const;

export function entriesFile(entries: Iterable<Entry>, format: ExportFormat, now: number, tillId: string): ExportFile {
  const rows: Cell[][] = [];
  const objects: Array<Record<string, Cell>> = [];
  for (const e of entries) {
    const row: Cell[] = [e.kind, e.id, localIso(e.createdAt), e.status, e.tender, e.receiptNumber, e.reference, amount(e.amount), amount(e.refunded), e.currency, e.cashier?.name ?? null, e.phoneLast4, e.description];
    rows.push(row);
    objects.push(Object.fromEntries(ENTRY_HEADER.map((key, i) => [key, row[i]])));
  }
  return file(`kassa-${tillId}-sales-${fileStamp(now)}`, format, ENTRY_HEADER, rows, { tillId, exportedAt: localIso(now), entries: objects });
}

const Z_HEADER = ['section', 'item', 'count', 'amount', 'currency'] as const;

/** A Z- (or X-) report as rows: the same lines a printed report has, section by section. */
export function zReportRows(report: EndOfDayReport): Cell[][] {
  const c = report.currency;
  const rows: Cell[][] = [
    ['report', report.type === 'Z' ? `Z ${report.number}` : 'X', null, null, null],
    ['report', 'period start', null, localIso(report.from), null],
    ['report', 'period end', null, localIso(report.to), null],
    ['totals', 'gross', report.totals.sales, amount(report.totals.gross), c],
    ['totals', 'refunds', report.totals.refundCount, amount(report.totals.refunds), c],
    ['totals', 'cash rounding', null, amount(report.totals.rounding), c],
    ['totals', 'net', null, amount(report.totals.net), c],
    ['totals', 'grand total before', null, amount(report.grandTotalBefore), c],
    ['totals', 'grand total', null, amount(report.grandTotal), c],
  ];
  for (const t of report.byTender) rows.push(['tender', t.tender, t.count, amount(t.net), c]);
  for (const v of report.byVat) {
    rows.push(['vat', `${formatVatRate(v.rate)} base`, null, amount(v.base - v.refundBase), c]);
    rows.push(['vat', `${formatVatRate(v.rate)} vat`, null, amount(v.vat - v.refundVat), c]);
  }
  const d = report.drawer;
  rows.push(['cash', 'float', null, amount(d.float), c], ['cash', 'sales', null, amount(d.cashSales), c], ['cash', 'refunds', null, amount(d.cashRefunds), c]);
  rows.push(['cash', 'rounding', null, amount(d.cashRounding), c]);
  rows.push(['cash', 'in', null, amount(d.cashIn), c], ['cash', 'out', null, amount(d.cashOut), c], ['cash', 'expected', null, amount(d.expected), c]);
  if (report.counted) rows.push(['cash', 'counted', null, amount(report.counted.total), c]);
  if (report.cashDifference !== null) rows.push(['cash', 'difference', null, amount(report.cashDifference), c]);
  const a = report.agreements;
  rows.push(['agreements', 'requested', a.requested, null, null], ['agreements', 'approved', a.approved, null, null], ['agreements', 'declined', a.declined, null, null]);
  rows.push(['agreements', 'expired', a.expired, null, null], ['agreements', 'cancelled', a.cancelled, null, null]);
  rows.push(['agreements', 'initial charges', a.initialCharges.count, amount(a.initialCharges.amount), c]);
  rows.push(['sync', 'unsynced at close', report.unsynced, null, null]);
  return rows;
}

export function zReportFile(report: EndOfDayReport, format: ExportFormat): ExportFile {
  const rows = zReportRows(report);
  const name = report.type === 'Z' ? `kassa-${report.tillId}-z${String(report.number).padStart(6, '0')}` : `kassa-${report.tillId}-x-${fileStamp(report.to)}`;
  const json = {
    type: report.type,
    id: report.id,
    number: report.number,
    tillId: report.tillId,
    currency: report.currency,
    rows: rows.map((row) => Object.fromEntries(Z_HEADER.map((key, i) => [key, row[i] ?? null]))),
  };
  return file(name, format, Z_HEADER, rows, json);
}

const AUDIT_HEADER = ['seq', 'at', 'till', 'action', 'actor', 'approver', 'subject', 'before', 'after'] as const;

export function auditFile(entries: Iterable<AuditEntry>, format: ExportFormat, now: number, tillId: string): ExportFile {
  const rows: Cell[][] = [];
  for (const e of entries) {
    rows.push([e.seq, localIso(e.at), e.tillId, e.action, e.actor?.name ?? null, e.approver?.name ?? null, e.subjectId, jsonCell(e.before), jsonCell(e.after)]);
  }
  const json = { tillId, exportedAt: localIso(now), entries: rows.map((row) => Object.fromEntries(AUDIT_HEADER.map((key, i) => [key, row[i] ?? null]))) };
  return file(`kassa-${tillId}-journal-${fileStamp(now)}`, format, AUDIT_HEADER, rows, json);
}

const jsonCell = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
