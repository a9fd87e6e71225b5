import BetterSqlite3 from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseFromFutureError, migrate, schemaVersion } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations/index';
import { DATABASE_FILE, openDatabase } from '../../../electron/core/db/open-database';
import { makeTempDir } from '../../support/temp-dir';

let dir: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => dir.cleanup());

describe('migrations', () => {
  it('are numbered in ascending steps', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('0010 creates the sale and cache tables with their constraints', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, MIGRATIONS, 10);
    expect(schemaVersion(db)).toBe(10);
    const insert = db.prepare(
      `INSERT INTO subscription_sales (id, created_at, updated_at, plan_json, phone_country, msisdn, profile_scopes, status, create_key, stop_key, capture_key)
       VALUES (?, 1, 1, '{}', 'NO', ?, '', ?, ?, ?, ?)`,
    );
    insert.run('a', '4791234567', 'requested', 'k1', 'k2', 'k3');
    expect(() => insert.run('b', '4791234567', 'approved', 'k4', 'k5', 'k6')).toThrow(/CHECK/);
    expect(() => insert.run('c', '47-912', 'requested', 'k7', 'k8', 'k9')).toThrow(/CHECK/);
    expect(() => insert.run('d', '4791234567', 'requested', 'k1', 'k10', 'k11')).toThrow(/UNIQUE/);
    // The start-up query for open sales uses the partial index.
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT * FROM subscription_sales WHERE status IN ('requested', 'pending', 'capturing') ORDER BY created_at")
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/subscription_sales_open/);
    db.close();
  });

  it('apply all-or-nothing: a failing migration leaves the old schema', () => {
    const db = new BetterSqlite3(':memory:');
    const broken = [...MIGRATIONS, { version: 9990, name: 'broken', up: () => { throw new Error('boom'); } }];
    expect(() => migrate(db, broken)).toThrow('boom');
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'subscription_sales'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('0040 keeps one row per request id, for the intention calls only, and never changes one', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, MIGRATIONS, 30);
    migrate(db, MIGRATIONS, 40);
    const insert = db.prepare('INSERT INTO client_requests (request_id, call, body_hash, subject_id, created_at) VALUES (?, ?, ?, ?, 1)');
    const hash = 'a'.repeat(64);
    insert.run('11111111-1111-4111-8111-111111111111', 'sale.refund', hash, 'refund-1');
    expect(() => insert.run('11111111-1111-4111-8111-111111111111', 'sale.refund', hash, 'refund-2')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insert.run('22222222-2222-4222-8222-222222222222', 'cart.add', hash, 'x')).toThrow(/CHECK/);
    expect(() => insert.run('33333333-3333-4333-8333-333333333333', 'payment.cash', 'short', 'x')).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE client_requests SET subject_id = 'other'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM client_requests').run()).toThrow(/append-only/);
    db.close();
  });

  it('refuse a database written by a newer Kassa, untouched', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('user_version = 99999');
    expect(() => migrate(db)).toThrow(DatabaseFromFutureError);
    expect(schemaVersion(db)).toBe(99999);
    db.close();
  });
});

describe('openDatabase', () => {
  it('uses WAL with full fsync, foreign keys and a busy timeout', () => {
    const db = openDatabase(dir.path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('backs up an existing database before migrating it', () => {
    const old = new BetterSqlite3(join(dir.path, DATABASE_FILE));
    old.exec('CREATE TABLE legacy (x INTEGER)');
    old.close();
    const db = openDatabase(dir.path, () => Date.UTC(2026, 10, 22));
    db.close();
    const backups = readdirSync(join(dir.path, 'backups'));
    expect(backups).toHaveLength(1);
    const copy = new BetterSqlite3(join(dir.path, 'backups', backups[0]!), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(0);
    expect(copy.prepare("SELECT name FROM sqlite_master WHERE name = 'legacy'").get()).toEqual({ name: 'legacy' });
    copy.close();
  });

  it('does not back up a brand-new database', () => {
    openDatabase(dir.path).close();
    expect(existsSync(join(dir.path, 'backups'))).toBe(false);
  });
});
