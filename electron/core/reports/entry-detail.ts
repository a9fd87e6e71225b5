import { because } from '../../../shared/reasons';
import type { Database } from 'better-sqlite3';
import { KassaError } from '../../../shared/result';
import type { EntryDetail, TimelineEntry } from '../../../shared/reports';
import type { Sale } from '../../../shared/sale';
import type { SubscriptionSale } from '../../../shared/subscription';
import { StatementCache } from '../db/statement-cache';
import { staffRef } from '../db/repos/row-parsing';

type EventRow = { at: number; status: string; actor_id: string | null; actor_name: string | null };
type JournalRow = { at: number; action: string; actor_id: string | null; actor_name: string | null; approver_id: string | null; approver_name: string | null; after_json: string | null };

/**
 * A sale or agreement with its timeline, put together from what the till keeps anyway: the status
 * changes (sale_events), the journal entries about it or its refunds (audit_log: who asked, who
 * approved), and its refunds.
 */
export class EntryDetailQuery {
  private readonly sql: StatementCache;

  constructor(
    db: Database,
    private readonly load: { sale(id: string): Sale | null; agreement(id: string): SubscriptionSale | null },
  ) {
    this.sql = new StatementCache(db);
  }

  detail(kind: 'sale' | 'agreement', id: string): EntryDetail {
    const sale = kind === 'sale' ? this.load.sale(id) : null;
    const agreement = kind === 'agreement' ? this.load.agreement(id) : null;
    if (!sale && !agreement) throw new KassaError('NOT_FOUND', `No ${kind} ${id} on this till.`, undefined, because('ENTRY_NOT_FOUND', { id }));
    const subjects = [id, ...(sale?.refunds.map((r) => r.id) ?? [])];

    const timeline: TimelineEntry[] = [];
    for (const row of this.sql.get('SELECT at, status, actor_id, actor_name FROM sale_events WHERE subject_id = ? ORDER BY seq').all(id) as EventRow[]) {
      timeline.push({ at: row.at, kind: 'status', code: row.status, actor: staffRef(row.actor_id, row.actor_name), approver: null, amount: null });
    }
    const journal = this.sql.get(
      `SELECT at, action, actor_id, actor_name, approver_id, approver_name, after_json FROM audit_log
       WHERE subject_id IN (SELECT value FROM json_each(?)) ORDER BY seq`,
    );
    for (const row of journal.all(JSON.stringify(subjects)) as JournalRow[]) {
      timeline.push({
        at: row.at,
        kind: 'journal',
        code: row.action,
        actor: staffRef(row.actor_id, row.actor_name),
        approver: staffRef(row.approver_id, row.approver_name),
        amount: amountIn(row.after_json),
      });
    }
    for (const refund of sale?.refunds ?? []) {
      const refundedAt = (this.sql.get('SELECT refunded_at FROM refunds WHERE id = ?').get(refund.id) as { refunded_at: number | null } | undefined)?.refunded_at;
      timeline.push({ at: refundedAt ?? refund.createdAt, kind: 'refund', code: refund.status, actor: refund.cashier, approver: refund.approvedBy, amount: refund.amount });
    }
    // Stable: entries of the same millisecond keep the order they were gathered in.
    timeline.sort((a, b) => a.at - b.at);
    return { kind, sale, agreement, timeline };
  }
}

function amountIn(json: string | null): number | null {
  if (!json) return null;
  try {
    const value = (JSON.parse(json) as { amount?: unknown }).amount;
    return Number.isSafeInteger(value) ? (value as number) : null;
  } catch {
    return null;
  }
}
