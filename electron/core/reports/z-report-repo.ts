import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { Currency } from '../../../shared/money';
import { endOfDayReportSchema, type EndOfDayReport, type ZReportSummary } from '../../../shared/reports';
import type { StaffRef } from '../../../shared/staff';
import { StatementCache } from '../db/statement-cache';
import { parseJsonColumn, parseRow, staffRef } from '../db/repos/row-parsing';
import { DRAWER_MOVEMENTS } from './report-sql';

const summaryRow = z.object({
  id: z.string(),
  number: z.number().int(),
  period_start: z.number().int(),
  closed_at: z.number().int(),
  currency: z.enum(['NOK', 'DKK', 'EUR']),
  net: z.number().int(),
  grand_total: z.number().int(),
  cash_difference: z.number().int(),
});

export interface DrawerMovementRow {
  id: string;
  at: number;
  kind: 'float' | 'in' | 'out';
  amount: number;
  reason: string;
  by: StaffRef | null;
}

/**
 * z_reports and cash_movements. Both are append-only: this class only inserts and reads, and the
 * tables' triggers refuse any UPDATE or DELETE (and, for Z-reports, a number out of sequence or a
 * grand total that is not the previous one plus this net).
 */
export class ZReportRepo {
  private readonly sql: StatementCache;

  constructor(
    db: Database,
    private readonly tillId: string,
  ) {
    this.sql = new StatementCache(db);
  }

  last(): { number: number; closedAt: number; grandTotal: number } | null {
    const row = this.sql.get('SELECT number, closed_at, grand_total FROM z_reports WHERE till_id = ? ORDER BY number DESC LIMIT 1').get(this.tillId) as
      | { number: number; closed_at: number; grand_total: number }
      | undefined;
    return row ? { number: row.number, closedAt: row.closed_at, grandTotal: row.grand_total } : null;
  }

  /** When the first period began: the first thing this till ever recorded (or now, on a new till). */
  firstActivity(now: number): number {
    const row = this.sql
      .get(
        `SELECT min(at) AS at FROM (
           SELECT min(created_at) AS at FROM sales UNION ALL SELECT min(created_at) FROM subscription_sales
           UNION ALL SELECT min(at) FROM cash_movements)`,
      )
      .get() as { at: number | null };
    return Math.min(row.at ?? now, now);
  }

  insert(report: EndOfDayReport & { id: string; number: number }): void {
    this.sql
      .get(
        `INSERT INTO z_reports (till_id, number, id, period_start, closed_at, currency, net, grand_total, expected_cash, counted_cash,
           cash_difference, unsynced, closed_by_id, closed_by_name, report_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        this.tillId,
        report.number,
        report.id,
        report.from,
        report.to,
        report.currency,
        report.totals.net,
        report.grandTotal,
        report.drawer.expected,
        report.counted?.total ?? 0,
        report.cashDifference ?? 0,
        report.unsynced,
        report.closedBy?.id ?? null,
        report.closedBy?.name ?? null,
        JSON.stringify(report),
      );
  }

  get(number: number): EndOfDayReport | null {
    const row = this.sql.get('SELECT id, report_json FROM z_reports WHERE till_id = ? AND number = ?').get(this.tillId, number) as { id: string; report_json: string } | undefined;
    return row ? parseJsonColumn('z_reports', row.id, 'report_json', row.report_json, endOfDayReportSchema) : null;
  }

  list(): ZReportSummary[] {
    return (this.sql.get('SELECT * FROM z_reports WHERE till_id = ? ORDER BY number DESC').all(this.tillId) as unknown[]).map((raw) => {
      const row = parseRow('z_reports', raw, summaryRow);
      return { id: row.id, number: row.number, periodStart: row.period_start, closedAt: row.closed_at, currency: row.currency, net: row.net, grandTotal: row.grand_total, cashDifference: row.cash_difference };
    });
  }

  insertMovement(movement: DrawerMovementRow & { currency: Currency; approver: StaffRef | null }): void {
    this.sql
      .get(
        `INSERT INTO cash_movements (id, at, kind, amount, currency, reason, actor_id, actor_name, approver_id, approver_name)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(movement.id, movement.at, movement.kind, movement.amount, movement.currency, movement.reason, movement.by?.id ?? null, movement.by?.name ?? null, movement.approver?.id ?? null, movement.approver?.name ?? null);
  }

  movements(from: number, to: number): DrawerMovementRow[] {
    return (this.sql.get(DRAWER_MOVEMENTS).all({ from, to }) as Array<{ id: string; at: number; kind: DrawerMovementRow['kind']; amount: number; reason: string; actor_id: string | null; actor_name: string | null }>).map(
      (row) => ({ id: row.id, at: row.at, kind: row.kind, amount: row.amount, reason: row.reason, by: staffRef(row.actor_id, row.actor_name) }),
    );
  }
}
