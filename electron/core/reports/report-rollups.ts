import type { Rollup } from '../db/rollup-triggers';

/**
 * The day view and the Z add up quarter hours of sales and sold lines kept as roll-ups (migration
 * 0120) instead of every row of a busy day. A quarter hour, because every local midnight of every
 * time zone falls on one (offsets are whole quarter hours), so a calendar day is whole slots and its
 * hour buckets are exact; a window that starts or ends inside a slot (a Z-report's period) reads
 * those edge minutes from the rows themselves.
 */
export const SLOT_MS = 15 * 60_000;

const slotOf = (column: string) => `${column} - ${column} % ${SLOT_MS}`;

/** Completed sales per slot, tender and cashier ('' when no one was signed in): count and gross. */
export const salesRollup: Rollup = {
  name: 'sales_by_slot',
  source: 'sales',
  target: 'sales_by_slot',
  counts: (r) => `${r}.status = 'completed' AND ${r}.completed_at IS NOT NULL`,
  key: {
    slot: (r) => slotOf(`${r}.completed_at`),
    tender: (r) => `${r}.tender`,
    cashier_id: (r) => `COALESCE(${r}.cashier_id, '')`,
    cashier_name: (r) => `COALESCE(${r}.cashier_name, '')`,
  },
  sums: { row_count: () => '1', gross: (r) => `${r}.total` },
  reads: ['status', 'completed_at', 'tender', 'cashier_id', 'cashier_name', 'total'],
};

/** Sold lines per slot, product and VAT rate: quantity, total and VAT (each line's VAT as on its receipt). */
export const soldLinesRollup: Rollup = {
  name: 'sold_lines_by_slot',
  source: 'sold_lines',
  target: 'sold_lines_by_slot',
  counts: () => '1',
  key: {
    slot: (r) => slotOf(`${r}.completed_at`),
    product_id: (r) => `${r}.product_id`,
    name: (r) => `${r}.name`,
    vat_rate: (r) => `${r}.vat_rate`,
  },
  sums: { row_count: () => '1', quantity: (r) => `${r}.quantity`, total: (r) => `${r}.total`, vat: (r) => `${r}.vat` },
  reads: ['completed_at', 'product_id', 'name', 'vat_rate', 'quantity', 'total', 'vat'],
};

/**
 * How a window [from, to) splits: whole slots from the roll-ups, [from, head) and [tail, to) from
 * the rows. A window shorter than a slot or two is read from the rows alone.
 */
export function splitWindow(from: number, to: number): { head: number; tail: number } {
  const head = Math.ceil(from / SLOT_MS) * SLOT_MS;
  const tail = Math.floor(to / SLOT_MS) * SLOT_MS;
  return head < tail ? { head, tail } : { head: to, tail: to };
}
