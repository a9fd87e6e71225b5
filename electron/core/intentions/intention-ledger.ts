import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { intentionCalls, type IntentionCall } from '../../../shared/intention';
import { KassaError } from '../../../shared/result';
import { StatementCache } from '../db/statement-cache';
import { parseRow } from '../db/repos/row-parsing';

/** Called by a flow inside the transaction that creates its row, so the id and the row commit together. */
export type RecordIntention = (subjectId: string) => void;

interface Claim {
  call: IntentionCall;
  bodyHash: string;
}

const storedRow = z.object({ id: z.string(), call: z.enum(intentionCalls), body_hash: z.string(), subject_id: z.string() });

/**
 * Makes every cashier intention that moves money happen once, however often its request arrives.
 *
 * The renderer sends one request id per intention and the same id on every retry. The first
 * attempt runs; the flow records the id beside the row it creates, in the same transaction. A
 * repeat is answered from what the first made: while the first still runs it waits for it, and
 * afterwards (also after a restart) it reads the stored row. Only a request that created nothing
 * (refused before any row was written) runs again, because nothing happened the first time.
 */
export class IntentionLedger {
  private readonly sql: StatementCache;
  private readonly running = new Map<string, Claim & { done: Promise<unknown> }>();

  constructor(
    db: Database,
    private readonly now: () => number,
  ) {
    this.sql = new StatementCache(db);
  }

  async once<T>(
    call: IntentionCall,
    request: { requestId: string },
    first: (record: RecordIntention) => Promise<T> | T,
    replay: (subjectId: string) => Promise<T> | T,
  ): Promise<T> {
    const { requestId, ...body } = request;
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

    const record: RecordIntention = (subjectId) => this.insert(requestId, claim, subjectId);
    const done = Promise.resolve().then(() => first(record));
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

function assertSameIntention(known: Claim, claim: Claim): void {
  if (known.call === claim.call && known.bodyHash === claim.bodyHash) return;
  throw new KassaError(
    'CONFLICT',
    'This request id was already used for a different request, so nothing was done. Start the action again.',
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
