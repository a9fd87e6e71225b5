import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { auditActionSchema, type AuditEntry } from '../../../shared/audit';
import type { AuditFilter } from '../../../shared/reports';
import { StatementCache } from '../db/statement-cache';
import { parseRow, staffRef } from '../db/repos/row-parsing';

const row = z.object({
  seq: z.number().int(),
  at: z.number().int(),
  till_id: z.string(),
  action: auditActionSchema,
  actor_id: z.string().nullable(),
  actor_name: z.string().nullable(),
  approver_id: z.string().nullable(),
  approver_name: z.string().nullable(),
  subject_id: z.string().nullable(),
  before_json: z.string().nullable(),
  after_json: z.string().nullable(),
});

function conditions(filter: AuditFilter): { where: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (condition: string, name: string, value: unknown) => {
    if (value === undefined || value === '') return;
    where.push(condition);
    params[name] = value;
  };
  add('at >= @from', 'from', filter.from);
  add('at < @to', 'to', filter.to);
  add('action = @action', 'action', filter.action);
  add('(actor_id = @actorId OR approver_id = @actorId)', 'actorId', filter.actorId);
  add('subject_id = @subjectId', 'subjectId', filter.subjectId);
  return { where: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** The journal as a manager reads it: newest first, filtered, paged with its total count. */
export class AuditQuery {
  private readonly sql: StatementCache;

  constructor(db: Database) {
    this.sql = new StatementCache(db);
  }

  page(filter: AuditFilter, page: number, pageSize: number): { items: AuditEntry[]; total: number; page: number; pageSize: number } {
    const { where, params } = conditions(filter);
    const total = (this.sql.get(`SELECT count(*) AS n FROM audit_log ${where}`).get(params) as { n: number }).n;
    const rows = this.sql.get(`SELECT * FROM audit_log ${where} ORDER BY seq DESC LIMIT @limit OFFSET @offset`).all({ ...params, limit: pageSize, offset: (page - 1) * pageSize });
    return { items: rows.map(toEntry), total, page, pageSize };
  }

  /** Oldest first, as a journal is read on paper. */
  *all(filter: AuditFilter): Generator<AuditEntry> {
    const { where, params } = conditions(filter);
    for (const raw of this.sql.get(`SELECT * FROM audit_log ${where} ORDER BY seq`).all(params)) yield toEntry(raw);
  }
}

function toEntry(raw: unknown): AuditEntry {
  const r = parseRow('audit_log', raw, row);
  const json = (text: string | null): unknown => {
    if (text === null) return null;
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  };
  return {
    seq: r.seq,
    at: r.at,
    tillId: r.till_id,
    action: r.action,
    actor: staffRef(r.actor_id, r.actor_name),
    approver: staffRef(r.approver_id, r.approver_name),
    subjectId: r.subject_id,
    before: json(r.before_json),
    after: json(r.after_json),
  };
}
