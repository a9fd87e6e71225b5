/**
 * The SQL of the day view and the Z-report, kept in one place so its EXPLAIN QUERY PLAN test
 * (test/integration/reports/report-sql.test.ts) checks exactly what runs. Every window is
 * half-open, [@from, @to), on the moment the money moved (see shared/reports.ts).
 */

/** Completed sales by tender, cashier and hour bucket: one scan of the covering index sales_completed. */
export const SALES_BY_TENDER_CASHIER_HOUR = `
  SELECT tender, cashier_id, cashier_name, CAST((completed_at - @from) / 3600000 AS INTEGER) AS bucket, count(*) AS n, sum(total) AS gross
  FROM sales
  WHERE status = 'completed' AND completed_at >= @from AND completed_at < @to
  GROUP BY tender, cashier_id, cashier_name, bucket`;

/** Sold lines by product and VAT rate: one scan of the covering index sold_lines_by_time. */
export const SOLD_LINES_BY_PRODUCT_AND_RATE = `
  SELECT product_id, name, vat_rate, sum(quantity) AS quantity, sum(total) AS total, sum(vat) AS vat
  FROM sold_lines
  WHERE completed_at >= @from AND completed_at < @to
  GROUP BY product_id, name, vat_rate`;

/** The cash rounding of the cash sales completed in the window: one scan of the covering index sales_cash_rounding. */
export const CASH_SALES_ROUNDING = `
  SELECT COALESCE(sum(cash_rounding), 0) AS rounding
  FROM sales
  WHERE status = 'completed' AND tender = 'cash' AND completed_at >= @from AND completed_at < @to`;

/** Refunds paid back in the window, with the tender and VAT split of the sale they came from. */
export const REFUNDS_IN_WINDOW = `
  SELECT r.amount, r.cash_rounding, r.cashier_id, r.cashier_name, s.tender, s.totals_json
  FROM refunds r JOIN sales s ON s.id = r.sale_id
  WHERE r.status = 'refunded' AND r.refunded_at >= @from AND r.refunded_at < @to`;

/** Agreement requests made in the window, by how they ended (or not yet). */
export const AGREEMENTS_REQUESTED = `
  SELECT status, count(*) AS n
  FROM subscription_sales
  WHERE created_at >= @from AND created_at < @to
  GROUP BY status`;

/** Agreements the customer approved in the window: the initial charges, the plans, the waiting times. */
export const AGREEMENTS_APPROVED = `
  SELECT approved_at - created_at AS waited, initial_charge_amount, initial_charge_status, cashier_id, cashier_name,
         json_extract(plan_json, '$.id') AS plan_id, json_extract(plan_json, '$.name') AS plan_name
  FROM subscription_sales
  WHERE approved_at >= @from AND approved_at < @to AND status = 'active'`;

export const DRAWER_MOVEMENTS = `
  SELECT id, at, kind, amount, reason, actor_id, actor_name
  FROM cash_movements
  WHERE at >= @from AND at < @to
  ORDER BY at, id`;
