import type { Database } from 'better-sqlite3';

export interface TableRebuild {
  table: string;
  /** The columns the table has before the rebuild, each copied to the new table under its name. */
  columns: readonly string[];
  /** `CREATE TABLE <table> (...)`: the new definition, under the table's own name. */
  create: string;
}

/**
 * Rebuilds a table SQLite cannot ALTER (a changed CHECK) inside the migration's transaction, keeping
 * every row, every index and trigger on it, and every foreign key that other tables hold on it.
 *
 * Why not "create new, copy, drop old, rename new" as in 0070–0100: those tables had no children.
 * Renaming a table rewrites the REFERENCES of its children to follow it. So the rows wait in a
 * temporary copy while the table is dropped and made again under its own name, and the children
 * keep pointing at that name. The migration runs with foreign keys off (Migration.foreignKeysOff)
 * so that neither the drop nor the copy back checks every child row; should they be on after all,
 * they are deferred, and the copy back settles what the drop counted. Either way the children are
 * checked at the end: a row that lost its parent in the rebuild fails the migration.
 *
 * A column the table has that `columns` does not list throws instead of being lost: a migration
 * merged after this one was written that added a column must be added here first.
 */
export function rebuildTable(db: Database, rebuild: TableRebuild): void {
  const { table, columns } = rebuild;
  const present = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as Array<{ name: string }>).map((c) => c.name);
  const unknown = present.filter((name) => !columns.includes(name));
  const missing = columns.filter((name) => !present.includes(name));
  if (unknown.length > 0 || missing.length > 0) {
    throw new Error(`Rebuilding ${table}: columns differ from the migration's list (not listed: ${unknown.join(', ') || '-'}; absent: ${missing.join(', ') || '-'})`);
  }
  // Indexes and triggers go with the dropped table; their own SQL makes them again. Automatic
  // indexes (UNIQUE, PRIMARY KEY) have no SQL: the new CREATE TABLE makes those.
  const dependents = db
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name")
    .all(table) as Array<{ type: string; name: string; sql: string }>;
  const children = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> ?").all(table) as Array<{ name: string }>)
    .map((t) => t.name)
    .filter((child) => (db.prepare('SELECT "table" AS parent FROM pragma_foreign_key_list(?)').all(child) as Array<{ parent: string }>).some((fk) => fk.parent === table));

  // Rows that had no parent before (written with foreign keys off by a hand or a tool) are not
  // the rebuild's doing and do not stop a till from starting; new ones do.
  const orphansOf = (child: string) => (db.prepare('SELECT count(*) AS n FROM pragma_foreign_key_check(?)').get(child) as { n: number }).n;
  const orphansBefore = new Map(children.map((child) => [child, orphansOf(child)]));

  const list = columns.map((c) => `"${c}"`).join(', ');
  const copy = `${table}_rebuild_copy`;
  db.pragma('defer_foreign_keys = ON');
  db.exec(`CREATE TEMP TABLE "${copy}" AS SELECT ${list} FROM "${table}"`);
  db.exec(`DROP TABLE "${table}"`);
  db.exec(rebuild.create);
  db.exec(`INSERT INTO "${table}" (${list}) SELECT ${list} FROM temp."${copy}"`);
  db.exec(`DROP TABLE temp."${copy}"`);
  for (const dependent of dependents) db.exec(dependent.sql);

  for (const child of children) {
    const lost = orphansOf(child) - orphansBefore.get(child)!;
    if (lost > 0) throw new Error(`Rebuilding ${table} left ${lost} row(s) of ${child} without their ${table} row`);
  }
}
