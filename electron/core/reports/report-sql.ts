/**
 * The SQL of the day view and the Z-report, kept in one place so its EXPLAIN QUERY PLAN test
 * (test/integration/reports/report-sql.test.ts) checks exactly what runs. Every window is
 * half-open, [@from, @to), on the moment the money moved (see shared/reports.ts). Sales and sold
 * lines are read as quarter-hour roll-ups for [@head, @tail) and as rows for the minutes around
 * it (report-rollups.ts, splitWindow); refunds from their parts per VAT rate (refund-facts.ts).
 */

/** Completed sales in [lo, hi) by tender, cashier and hour bucket: a range of the covering index sales_completed. */
const salesRows = (lo: string, hi: string) => `
  SELECT tender, cashier_id, cashier_name, CAST((completed_at - @from) / 3600000 AS INTEGER) AS bucket, count(*) AS n, sum(total) AS gross
  FROM sales
  WHERE status = 'completed' AND completed_at >= ${lo} AND completed_at < ${hi}
  GROUP BY tender, cashier_id, cashier_name, bucket`;

/**
 * Completed sales by tender, cashier and hour bucket: the whole quarter hours [@head, @tail) from
 * the roll-up sales_by_slot, the minutes before and after from the rows (see report-rollups.ts).
 * The same key can come back from more than one part; the caller adds them up.
 */
export const SALES_BY_TENDER_CASHIER_HOUR = `
  ${salesRows('@from', '@head')}
  UNION ALL
  SELECT tender, NULLIF(cashier_id, '') AS cashier_id, NULLIF(cashier_name, '') AS cashier_name, CAST((slot - @from) / 3600000 AS INTEGER) AS bucket,
         sum(row_count) AS n, sum(gross) AS gross
  FROM sales_by_slot
  WHERE slot >= @head AND slot < @tail
  GROUP BY tender, cashier_id, cashier_name, bucket
  UNION ALL
  ${salesRows('@tail', '@to')}`;

/** Sold lines in [lo, hi) by product and VAT rate: a range of the covering index sold_lines_by_time. */
const lineRows = (lo: string, hi: string) => `
  SELECT product_id, name, vat_rate, sum(quantity) AS quantity, sum(total) AS total, sum(vat) AS vat
  FROM sold_lines
  WHERE completed_at >= ${lo} AND completed_at < ${hi}
  GROUP BY product_id, name, vat_rate`;

/** The cash rounding of the cash sales completed in the window: one scan of the covering index sales_cash_rounding. */
export const CASH_SALES_ROUNDING = `
  SELECT COALESCE(sum(cash_rounding), 0) AS rounding
  FROM sales
  WHERE status = 'completed' AND tender = 'cash' AND completed_at >= @from AND completed_at < @to`;

/** What refunds of cash sales paid back in the window handed back beyond their amounts: the index refunds_by_refunded_at, then the row. */
export const CASH_REFUNDS_ROUNDING = `
  SELECT COALESCE(sum(cash_rounding), 0) AS rounding
  FROM refunds
  WHERE status = 'refunded' AND refunded_at >= @from AND refunded_at < @to`;

/** Sold lines by product and VAT rate: whole quarter hours from sold_lines_by_slot, the edges from the rows. */
export const SOLD_LINES_BY_PRODUCT_AND_RATE = `
  ${lineRows('@from', '@head')}
  UNION ALL
  SELECT product_id, name, vat_rate, sum(quantity) AS quantity, sum(total) AS total, sum(vat) AS vat
  FROM sold_lines_by_slot
  WHERE slot >= @head AND slot < @tail
  GROUP BY product_id, name, vat_rate
  UNION ALL
  ${lineRows('@tail', '@to')}`;

/**
 * Money paid back in the window (goods refunds and refunds of initial charges), by tender, the
 * cashier who paid it back and VAT rate: one range of the covering index refund_parts_by_time.
 * Part 0 of each refund counts it.
 */
export const REFUNDS_IN_WINDOW = `
  SELECT tender, cashier_id, cashier_name, vat_rate, sum(part_no = 0) AS n, sum(total) AS total, sum(vat) AS vat
  FROM refund_parts
  WHERE refunded_at >= @from AND refunded_at < @to
  GROUP BY tender, cashier_id, cashier_name, vat_rate`;

/** Agreement requests made in the window, by how they ended (or not yet). */
export const AGREEMENTS_REQUESTED = `
  SELECT status, count(*) AS n
  FROM subscription_sales
  WHERE created_at >= @from AND created_at < @to
  GROUP BY status`;

/** Agreements the customer approved in the window: the initial charges (with their VAT rate), the plans, the waiting times. */
export const AGREEMENTS_APPROVED = `
  SELECT approved_at - created_at AS waited, CAST((approved_at - @from) / 3600000 AS INTEGER) AS bucket,
         initial_charge_amount, initial_charge_status, initial_charge_vat_rate AS vat_rate, cashier_id, cashier_name,
         json_extract(plan_json, '$.id') AS plan_id, json_extract(plan_json, '$.name') AS plan_name
  FROM subscription_sales
  WHERE approved_at >= @from AND approved_at < @to AND status = 'active'`;

export const DRAWER_MOVEMENTS = `
  SELECT id, at, kind, amount, reason, actor_id, actor_name
  FROM cash_movements
  WHERE at >= @from AND at < @to
  ORDER BY at, id`;
