import type { StatementCache } from '../statement-cache';

/**
 * The next receipt number of a till ("till-1-000042"), taken inside the caller's transaction:
 * goods sales and subscription sign-ups share the counter, so a number is never used twice.
 */
export function takeReceiptNumber(sql: StatementCache, tillId: string): string {
  const { last } = sql
    .get('INSERT INTO receipt_counter (till_id, last) VALUES (?, 1) ON CONFLICT (till_id) DO UPDATE SET last = last + 1 RETURNING last')
    .get(tillId) as { last: number };
  return `${tillId}-${String(last).padStart(6, '0')}`;
}
