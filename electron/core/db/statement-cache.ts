import type { Database, Statement } from 'better-sqlite3';

/**
 * Prepared statements, compiled once per SQL text. Preparing costs more than running a small
 * statement, and a till runs the same few statements all day.
 */
export class StatementCache {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Database) {}

  get(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
