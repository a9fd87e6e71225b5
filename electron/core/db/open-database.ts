import BetterSqlite3, { type Database } from 'better-sqlite3';
import { join } from 'node:path';
import { migrate, pendingMigrations } from './migrate';
import { ensurePrivateDir, ensurePrivateFile, tightenIfPresent } from './private-files';

export const DATABASE_FILE = 'kassa.sqlite';

export class DatabaseCorruptError extends Error {
  constructor(detail: string) {
    super(`The till's database failed its integrity check (${detail}). Call support before selling; do not delete the file.`);
    this.name = 'DatabaseCorruptError';
  }
}

/**
 * Opens (or creates) the till's database with settings chosen for money rows:
 * - WAL: a crash never leaves a half-written page, and readers do not block the writer.
 * - synchronous=FULL: with WAL, NORMAL can lose the last commits on power loss; a sale the
 *   cashier saw as recorded must survive a power cut, so every commit is fsynced.
 * - foreign_keys on, a busy timeout for the odd second connection (backup, tests).
 * Checks integrity first, then backs the file up before any migration touches it.
 * The directory is 0700 and every file 0600 (private-files.ts): they hold customers' personal data.
 */
export function openDatabase(dataDir: string, now: () => number = Date.now): Database {
  ensurePrivateDir(dataDir);
  const file = join(dataDir, DATABASE_FILE);
  ensurePrivateFile(file);
  for (const suffix of ['-wal', '-shm', '-journal']) tightenIfPresent(file + suffix);
  const db = new BetterSqlite3(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const integrity = db.pragma('quick_check', { simple: true });
    if (integrity !== 'ok') throw new DatabaseCorruptError(String(integrity));
    if (pendingMigrations(db).length > 0 && hasTables(db)) backupBeforeMigration(db, dataDir, now());
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function hasTables(db: Database): boolean {
  return (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n > 0;
}

function backupBeforeMigration(db: Database, dataDir: string, at: number): void {
  const backupDir = join(dataDir, 'backups');
  ensurePrivateDir(backupDir);
  const stamp = new Date(at).toISOString().replace(/[:.]/g, '-');
  const backup = join(backupDir, `kassa-before-migration-${stamp}.sqlite`);
  // VACUUM INTO fills an empty file, keeping the 0600 it was made with.
  ensurePrivateFile(backup);
  // VACUUM INTO writes a consistent, compact copy even while WAL frames are pending.
  db.prepare('VACUUM INTO ?').run(backup);
}
