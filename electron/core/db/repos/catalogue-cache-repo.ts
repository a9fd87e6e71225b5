import type { Database } from 'better-sqlite3';
import { StatementCache } from '../statement-cache';

export interface CachedCatalogue {
  etag: string | null;
  body: string;
  fetchedAt: number;
}

/** The last catalogue the billing backend sent, so the till can sell while the backend is down. */
export class CatalogueCacheRepo {
  private readonly sql: StatementCache;

  constructor(private readonly db: Database) {
    this.sql = new StatementCache(db);
  }

  get(kind: string): CachedCatalogue | null {
    const row = this.sql.get('SELECT etag, body, fetched_at FROM catalogue_cache WHERE kind = ?').get(kind) as
      | { etag: string | null; body: string; fetched_at: number }
      | undefined;
    return row ? { etag: row.etag, body: row.body, fetchedAt: row.fetched_at } : null;
  }

  put(kind: string, entry: CachedCatalogue): void {
    this.sql
      .get(
        `INSERT INTO catalogue_cache (kind, etag, body, fetched_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (kind) DO UPDATE SET etag = excluded.etag, body = excluded.body, fetched_at = excluded.fetched_at`,
      )
      .run(kind, entry.etag, entry.body, entry.fetchedAt);
  }

  touch(kind: string, fetchedAt: number): void {
    this.sql.get('UPDATE catalogue_cache SET fetched_at = ? WHERE kind = ?').run(fetchedAt, kind);
  }
}
