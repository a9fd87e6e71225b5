import type { Migration } from './index';
import { rebuildTable } from './rebuild-table';

/** The columns of `sales` as 0020, 0050 and 0060 left them. */
const SALES_COLUMNS = [
  'id', 'reference', 'receipt_number', 'created_at', 'updated_at', 'tender', 'status', 'currency', 'total', 'lines_json', 'totals_json',
  'phone_country', 'msisdn', 'create_key', 'capture_key', 'cancel_key', 'qr_url', 'expires_at', 'psp_reference', 'authorized', 'captured',
  'refunded', 'cancelled', 'cash_tendered', 'cash_change', 'problem_json', 'cancel_requested', 'create_attempts', 'cashier_id',
  'cashier_name', 'completed_at',
] as const;

export const migration0140CashRounding: Migration = {
  version: 140,
  name: 'cash rounding: the rounding line of a cash sale and of a cash refund',
  // sales is the parent of refunds and sold_lines: see rebuildTable.
  foreignKeysOff: true,
  up(db) {
    // cash_rounding is what the cash taken differs from the total by (shared/cash-rounding.ts):
    // at most half the largest step (NOK: 100 øre) either way, and never on a wallet payment. The
    // change is then counted from the rounded amount, which may be below the total (NOK 10.49 is
    // paid with 10.00). Old rows were never rounded: 0.
    rebuildTable(db, {
      table: 'sales',
      columns: SALES_COLUMNS,
      create: `
        CREATE TABLE sales (
          id TEXT PRIMARY KEY,
          reference TEXT NOT NULL UNIQUE CHECK (length(reference) BETWEEN 8 AND 64 AND reference NOT GLOB '*[^a-zA-Z0-9-]*'),
          receipt_number TEXT NOT NULL UNIQUE,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          tender TEXT NOT NULL CHECK (tender IN ('vipps-push', 'vipps-qr', 'cash')),
          status TEXT NOT NULL CHECK (status IN
            ('requested', 'waiting', 'capturing', 'completed', 'aborted', 'expired', 'terminated', 'released', 'failed')),
          currency TEXT NOT NULL CHECK (currency IN ('NOK', 'DKK', 'EUR')),
          total INTEGER NOT NULL CHECK (total > 0),
          lines_json TEXT NOT NULL,
          totals_json TEXT NOT NULL,
          phone_country TEXT CHECK (phone_country IN ('NO', 'DK', 'FI')),
          msisdn TEXT CHECK (msisdn GLOB '[0-9]*'),
          create_key TEXT NOT NULL UNIQUE,
          capture_key TEXT NOT NULL UNIQUE,
          cancel_key TEXT NOT NULL UNIQUE,
          qr_url TEXT,
          expires_at INTEGER,
          psp_reference TEXT,
          authorized INTEGER NOT NULL DEFAULT 0 CHECK (authorized >= 0),
          captured INTEGER NOT NULL DEFAULT 0 CHECK (captured >= 0),
          refunded INTEGER NOT NULL DEFAULT 0 CHECK (refunded >= 0 AND refunded <= captured),
          cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled >= 0),
          cash_tendered INTEGER CHECK (cash_tendered IS NULL OR cash_tendered >= total + cash_rounding),
          cash_change INTEGER CHECK (cash_change IS NULL OR cash_change = cash_tendered - (total + cash_rounding)),
          problem_json TEXT,
          cancel_requested INTEGER NOT NULL DEFAULT 0 CHECK (cancel_requested IN (0, 1)),
          create_attempts INTEGER NOT NULL DEFAULT 0,
          cashier_id TEXT,
          cashier_name TEXT,
          completed_at INTEGER,
          cash_rounding INTEGER NOT NULL DEFAULT 0 CHECK (cash_rounding BETWEEN -50 AND 50 AND (tender = 'cash' OR cash_rounding = 0))
        ) STRICT`,
    });
    // A cash refund hands back a rounded amount too (PaymentSales.cashRefund): what it hands back
    // beyond the refunded goods. Two steps of rounding at most (it settles the sale's refunds so
    // far, see cashRefundRounding), so below a whole krone either way.
    db.exec('ALTER TABLE refunds ADD COLUMN cash_rounding INTEGER NOT NULL DEFAULT 0 CHECK (cash_rounding BETWEEN -99 AND 99)');
    // The day's rounding is one range scan of the completed cash sales (report-sql.ts).
    db.exec("CREATE INDEX sales_cash_rounding ON sales (completed_at, cash_rounding) WHERE status = 'completed' AND tender = 'cash'");
  },
};
