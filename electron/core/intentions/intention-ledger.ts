import { because } from '../../../shared/reasons';
import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { intentionCalls, type IntentionCall } from '../../../shared/intention';
import { KassaError } from '../../../shared/result';
import { StatementCache } from '../db/statement-cache';
import { parseRow } from '../db/repos/row-parsing';
import type { StaffRef } from '../../../shared/staff';
import type { AuditLog } from '../audit/audit-log';
import type { CallContext } from '../staff/staff-service';

/** One cashier intention as a flow sees it: who asked, who approved, and how to record it. */
export interface Intention {
  by: StaffRef | null;
  approvedBy: StaffRef | null;
  /**
   * Called by the flow inside the transaction that creates its row, so the request id, the
   * journal entry and the row commit together.
   */
  record(subjectId: string): void;
}

interface Claim {
  call: IntentionCall;
  bodyHash: string;
}

const storedRow = z.object({ id: z.string(), call: z.enum(intentionCalls), body_hash: z.string(), subject_id: z.string() });

/**
 * Makes every cashier intention that moves money happen once, however often its request arrives.
 *
 * The renderer sends one request id per intention and the same id on every retry. The first
 * attempt runs; the flow records the id beside the row it creates, in the same transaction, with
 * the journal entry of who asked (and who approved). A
 * repeat is answered from what the first made: while the first still runs it waits for it, and
 * afterwards (also after a restart) it reads the stored row. Only a request that created nothing
 * (refused before any row was written) runs again, because nothing happened the first time.
 */
export class IntentionLedger {
  private readonly sql: StatementCache;
  private readonly running = new Map<string, Claim & { done: Promise<unknown> }>();

  constructor(
    db: Database,
    private readonly audit: AuditLog,
    private readonly now: () => number,
  ) {
    this.sql = new StatementCache(db);
  }

  async once<T>(
    call: IntentionCall,
    request: { requestId: string; approval?: unknown },
    context: CallContext,
    first: (intention: Intention) => Promise<T> | T,
    replay: (subjectId: string) => Promise<T> | T,
  ): Promise<T> {
    // The approval is a manager's PIN: it is never hashed, stored or journalled, and a retry may
    // carry it or not without being another request.
    const { requestId, approval: _approval, ...body } = request;
    const claim: Claim = { call, bodyHash: hashBody(body) };

    const running = this.running.get(requestId);
    if (running) {
      assertSameIntention(running, claim);
      return running.done as Promise<T>;
    }
    const stored = this.find(requestId);
    if (stored) {
      assertSameIntention(stored, claim);
      return replay(stored.subjectId);
    }

    const intention: Intention = {
      by: ref(context.actor),
      approvedBy: ref(context.approver),
      record: (subjectId) => {
        this.insert(requestId, claim, subjectId);
        this.audit.record({ action: call, actor: context.actor, approver: context.approver, subjectId, after: body });
      },
    };
    const done = Promise.resolve().then(() => first(intention));
    this.running.set(requestId, { ...claim, done });
    try {
      return await done;
    } finally {
      this.running.delete(requestId);
    }
  }

  private find(requestId: string): (Claim & { subjectId: string }) | null {
    const row = this.sql.get('SELECT request_id AS id, call, body_hash, subject_id FROM client_requests WHERE request_id = ?').get(requestId);
    if (!row) return null;
    const parsed = parseRow('client_requests', row, storedRow);
    return { call: parsed.call, bodyHash: parsed.body_hash, subjectId: parsed.subject_id };
  }

  private insert(requestId: string, claim: Claim, subjectId: string): void {
    this.sql
      .get('INSERT INTO client_requests (request_id, call, body_hash, subject_id, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(requestId, claim.call, claim.bodyHash, subjectId, this.now());
  }
}

const ref = (member: StaffRef | null): StaffRef | null => (member ? { id: member.id, name: member.name } : null);

function assertSameIntention(known: Claim, claim: Claim): void {
  if (known.call === claim.call && known.bodyHash === claim.bodyHash) return;
  throw new KassaError(
    'CONFLICT',
    'This request id was already used for a different request, so nothing was done. Start the action again.',
    undefined,
    because('REQUEST_ID_REUSED'),
  );
}

/** SHA-256 of the request without its id, with object keys sorted so key order never matters. */
export function hashBody(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
