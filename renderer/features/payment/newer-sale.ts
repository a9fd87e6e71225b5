import { isFinalSaleStatus, type Sale } from '../../../shared/sale';

/**
 * Newer wins, and a sale that has ended never comes back to life from a late, stale copy. An
 * ended sale still changes (refunds), so final -> final is decided by `updatedAt` too.
 */
export function newerSale(current: Sale, next: Sale): Sale {
  if (next.id !== current.id) return current;
  if (isFinalSaleStatus(current.status) && !isFinalSaleStatus(next.status)) return current;
  return next.updatedAt >= current.updatedAt ? next : current;
}
