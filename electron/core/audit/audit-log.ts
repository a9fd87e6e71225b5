import type { Database } from 'better-sqlite3';
import type { AuditAction } from '../../../shared/audit';
import type { StaffMember } from '../../../shared/staff';
import { StatementCache } from '../db/statement-cache';

export interface AuditRecord {
  action: AuditAction;
  actor: Pick<StaffMember, 'id' | 'name'> | null;
  approver?: Pick<StaffMember, 'id' | 'name'> | null;
  subjectId?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * The till's electronic journal. Append-only by construction: this class has no update or delete,
 * and the table's triggers refuse both. A money movement is journalled in the transaction that
 * makes it, so the journal never misses one and never shows one that did not happen.
 */
export class AuditLog {
  private readonly sql: StatementCache;

  constructor(
    db: Database,
    private readonly tillId: string,
    private readonly now: () => number,
  ) {
    this.sql = new StatementCache(db);
  }

  record(entry: AuditRecord): void {
    this.sql
      .get(
        `INSERT INTO audit_log (at, till_id, action, actor_id, actor_name, approver_id, approver_name, subject_id, before_json, after_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        this.now(),
        this.tillId,
        entry.action,
        entry.actor?.id ?? null,
        entry.actor?.name ?? null,
        entry.approver?.id ?? null,
        entry.approver?.name ?? null,
        entry.subjectId ?? null,
        entry.before === undefined ? null : JSON.stringify(entry.before),
        entry.after === undefined ? null : JSON.stringify(entry.after),
      );
  }
}
