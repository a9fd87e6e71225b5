import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { uiLanguageSchema, type UiLanguage } from '../../../shared/languages';
import { staffRoleSchema, type StaffMember, type StaffRole } from '../../../shared/staff';
import { StatementCache } from '../db/statement-cache';
import { parseRow, parseRows } from '../db/repos/row-parsing';

export interface StoredStaffMember extends StaffMember {
  pinHash: string;
  failedAttempts: number;
  lockouts: number;
  lockedUntil: number | null;
}

const staffRow = z.object({
  id: z.string(),
  name: z.string(),
  role: staffRoleSchema,
  pin_hash: z.string(),
  failed_attempts: z.number().int(),
  lockouts: z.number().int(),
  locked_until: z.number().int().nullable(),
  language: uiLanguageSchema.nullable(),
});

function toMember(raw: unknown): StoredStaffMember {
  const row = parseRow('staff', raw, staffRow);
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    pinHash: row.pin_hash,
    failedAttempts: row.failed_attempts,
    lockouts: row.lockouts,
    lockedUntil: row.locked_until,
    language: row.language,
  };
}

/** SQLite access for staff members. The PIN hash never leaves the core: see toPublic in the service. */
export class StaffRepo {
  private readonly sql: StatementCache;

  constructor(
    db: Database,
    private readonly now: () => number,
  ) {
    this.sql = new StatementCache(db);
  }

  count(): number {
    return (this.sql.get('SELECT count(*) AS n FROM staff WHERE active = 1').get() as { n: number }).n;
  }

  list(): StoredStaffMember[] {
    return parseRows(this.sql.get('SELECT * FROM staff WHERE active = 1 ORDER BY role DESC, name').all(), toMember, () => undefined);
  }

  get(id: string): StoredStaffMember | null {
    const row = this.sql.get('SELECT * FROM staff WHERE id = ? AND active = 1').get(id);
    return row ? toMember(row) : null;
  }

  insert(member: { id: string; name: string; role: StaffRole; pinHash: string }): StoredStaffMember {
    this.sql.get('INSERT INTO staff (id, name, role, pin_hash, created_at) VALUES (?, ?, ?, ?, ?)').run(member.id, member.name, member.role, member.pinHash, this.now());
    return this.get(member.id)!;
  }

  /** One more wrong PIN, counted atomically, so two tries at once cannot both see the old count. */
  countFailure(id: string): number {
    return (this.sql.get('UPDATE staff SET failed_attempts = failed_attempts + 1 WHERE id = ? RETURNING failed_attempts').get(id) as { failed_attempts: number }).failed_attempts;
  }

  lock(id: string, until: number): number {
    return (this.sql.get('UPDATE staff SET failed_attempts = 0, lockouts = lockouts + 1, locked_until = ? WHERE id = ? RETURNING lockouts').get(until, id) as { lockouts: number }).lockouts;
  }

  setLanguage(id: string, language: UiLanguage | null): void {
    this.sql.get('UPDATE staff SET language = ? WHERE id = ?').run(language, id);
  }

  clearFailures(id: string): void {
    this.sql.get('UPDATE staff SET failed_attempts = 0, lockouts = 0, locked_until = NULL WHERE id = ?').run(id);
  }
}
