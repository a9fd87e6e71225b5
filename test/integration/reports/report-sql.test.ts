import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { entryQueries } from '../../../electron/core/reports/entry-list';
import { AGREEMENTS_APPROVED, AGREEMENTS_REQUESTED, CASH_REFUNDS_ROUNDING, CASH_SALES_ROUNDING, DRAWER_MOVEMENTS, REFUNDS_IN_WINDOW, SALES_BY_TENDER_CASHIER_HOUR, SOLD_LINES_BY_PRODUCT_AND_RATE } from '../../../electron/core/reports/report-sql';

/**
 * The hot report queries use indexes, never a scan of a whole table: on a till with a year of
 * sales a day view must read one day. (The SQL lives in electron/core/reports/report-sql.ts and
 * entry-list.ts; this is its EXPLAIN QUERY PLAN test.)
 */
/** A full scan of a table that grows with the till's history. */
const NO_SCAN = /SCAN (sales|sold_lines|refunds|refund_parts|sales_by_slot|sold_lines_by_slot|subscription_sales|cash_movements)\b(?! USING)/;

function plan(sql: string, params: Record<string, unknown>): string {
  const db = new BetterSqlite3(':memory:');
  migrate(db);
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>;
  db.close();
  return rows.map((r) => r.detail).join(' | ');
}

const window = { from: 0, to: 1, head: 0, tail: 1 };
/** A part of a compound query: between one "UNION ALL" (or the start) and the next. */
const parts = (found: string) => found.split(/\| UNION ALL \|/);

describe('EXPLAIN QUERY PLAN of the report queries', () => {
  it.each([
    ['cash rounding of the sales', CASH_SALES_ROUNDING, /SEARCH sales USING COVERING INDEX sales_cash_rounding/],
    ['cash rounding of the refunds', CASH_REFUNDS_ROUNDING, /SEARCH refunds USING INDEX refunds_by_refunded_at/],
    ['refunds in the window', REFUNDS_IN_WINDOW, /SEARCH refund_parts USING COVERING INDEX refund_parts_by_time \(refunded_at>\? AND refunded_at<\?\)/],
    ['agreements requested', AGREEMENTS_REQUESTED, /SEARCH subscription_sales USING COVERING INDEX subscription_sales_by_time/],
    ['agreements approved', AGREEMENTS_APPROVED, /SEARCH subscription_sales USING INDEX subscription_sales_approved/],
    ['drawer movements', DRAWER_MOVEMENTS, /SEARCH cash_movements USING INDEX cash_movements_by_time/],
  ])('%s', (_name, sql, expected) => {
    const found = plan(sql, window);
    expect(found).toMatch(expected);
    expect(found).not.toMatch(NO_SCAN);
  });

  it.each([
    ['sales by tender, cashier and hour', SALES_BY_TENDER_CASHIER_HOUR, 'SEARCH sales USING COVERING INDEX sales_completed (completed_at>? AND completed_at<?)', 'SEARCH sales_by_slot USING PRIMARY KEY (slot>? AND slot<?)'],
    ['sold lines by product and rate', SOLD_LINES_BY_PRODUCT_AND_RATE, 'SEARCH sold_lines USING COVERING INDEX sold_lines_by_time (completed_at>? AND completed_at<?)', 'SEARCH sold_lines_by_slot USING PRIMARY KEY (slot>? AND slot<?)'],
  ])('%s: the edge minutes from a covering index range, the whole quarter hours from a range of the roll-up', (_name, sql, edge, rollup) => {
    const found = plan(sql, window);
    const [head, middle, tail] = parts(found);
    expect(head).toContain(edge);
    expect(middle).toContain(rollup);
    expect(tail).toContain(edge);
    expect(found).not.toMatch(NO_SCAN);
  });

  it('one page of the filtered sales list is chosen from covering indexes, its count too', () => {
    const { listSql, countSql, params } = entryQueries({ from: 0, to: 1, tender: 'cash', status: 'completed', cashierId: 'x' });
    const list = plan(listSql!, { ...params, limit: 50, offset: 0 });
    expect(list).toMatch(/SEARCH sales USING COVERING INDEX sales_list/);
    expect(plan(countSql, params)).toMatch(/SEARCH sales USING COVERING INDEX sales_list/);

    const both = entryQueries({ from: 0, to: 1, status: 'completed' });
    const mixed = plan(both.listSql!, { ...both.params, limit: 50, offset: 0 });
    expect(mixed).toMatch(/SEARCH sales USING COVERING INDEX sales_list/);
    expect(mixed).toMatch(/SEARCH subscription_sales USING COVERING INDEX subscription_sales_by_time/);
    expect(plan(both.countSql, both.params)).not.toMatch(/SCAN (sales|subscription_sales)/);
  });
});
