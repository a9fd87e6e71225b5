import type { Database } from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations/index';

export class DatabaseFromFutureError extends Error {
  constructor(found: number, known: number) {
    super(
      `This till's database was written by a newer Kassa (schema ${found}; this version knows up to ${known}). ` +
        'Update Kassa on this till; the database was left untouched.',
    );
    this.name = 'DatabaseFromFutureError';
  }
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database up to `target` (default: the newest migration) in one transaction, so a
 * crash mid-way leaves the old schema intact. Refuses a database from a newer Kassa, because an
 * older build writing to it could corrupt sales it does not understand.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS, target?: number): number {
  assertAscending(migrations);
  const newest = migrations.at(-1)?.version ?? 0;
  const current = schemaVersion(db);
  if (current > newest) throw new DatabaseFromFutureError(current, newest);
  const goal = target ?? newest;
  const pending = migrations.filter((m) => m.version > current && m.version <= goal);
  if (pending.length === 0) return current;
  // PRAGMA foreign_keys is a no-op inside a transaction: it is switched around it.
  const switchOff = pending.some((m) => m.foreignKeysOff) && db.pragma('foreign_keys', { simple: true }) === 1;
  if (switchOff) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const migration of pending) {
        migration.up(db);
        db.pragma(`user_version = ${migration.version}`);
      }
    })();
  } finally {
    if (switchOff) db.pragma('foreign_keys = ON');
  }
  return schemaVersion(db);
}

export function pendingMigrations(db: Database, migrations: readonly Migration[] = MIGRATIONS): Migration[] {
  const current = schemaVersion(db);
  return migrations.filter((m) => m.version > current);
}

function assertAscending(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    const previous = migrations[i - 1];
    if (previous && m.version <= previous.version) {
      throw new Error(`Migration ${m.version} (${m.name}) is not after ${previous.version}`);
    }
  });
}
