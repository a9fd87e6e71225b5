import BetterSqlite3 from 'better-sqlite3';
import { chmodSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase } from '../../../electron/core/db/open-database';
import { makeTempDir } from '../../support/temp-dir';

/** The data directory holds customers' personal data: no one but Kassa's own user may read it. */

let dir: ReturnType<typeof makeTempDir>;
let umask: number;
beforeEach(() => {
  dir = makeTempDir();
  // The usual desktop umask, which lets everyone read what a program creates unless it says otherwise.
  umask = process.umask(0o022);
});
afterEach(() => {
  process.umask(umask);
  dir.cleanup();
});

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('the data directory', () => {
  it('is created 0700, with the database and its WAL and SHM files 0600', () => {
    const dataDir = join(dir.path, 'shop', '.kassa-data');
    const db = openDatabase(dataDir);
    try {
      db.exec('CREATE TABLE probe (x INTEGER); INSERT INTO probe VALUES (1)');
      expect(modeOf(dataDir)).toBe(0o700);
      const files = readdirSync(dataDir);
      expect(files).toEqual(expect.arrayContaining([DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`]));
      for (const file of files) expect(modeOf(join(dataDir, file)), file).toBe(0o600);
    } finally {
      db.close();
    }
  });

  it('tightens a database an older Kassa left readable, and writes the migration backup 0600', () => {
    chmodSync(dir.path, 0o755);
    const file = join(dir.path, DATABASE_FILE);
    const old = new BetterSqlite3(file);
    old.exec('CREATE TABLE legacy (x INTEGER)');
    old.close();
    expect(modeOf(file)).toBe(0o644);

    openDatabase(dir.path, () => Date.UTC(2026, 10, 22)).close();

    expect(modeOf(dir.path)).toBe(0o700);
    expect(modeOf(file)).toBe(0o600);
    const backups = join(dir.path, 'backups');
    expect(modeOf(backups)).toBe(0o700);
    const [backup] = readdirSync(backups);
    expect(modeOf(join(backups, backup!))).toBe(0o600);
    const copy = new BetterSqlite3(join(backups, backup!), { readonly: true });
    expect(copy.prepare("SELECT name FROM sqlite_master WHERE name = 'legacy'").get()).toEqual({ name: 'legacy' });
    copy.close();
  });
});
