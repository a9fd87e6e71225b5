/**
 * Triggers that keep a roll-up table (sums per key) equal to the rows of its source table, whatever
 * writes them: a repository, a migration's backfill, the bench, or a hand with sqlite3. They run in
 * the transaction of the write, so a roll-up never lags its rows.
 *
 * Each source row that `counts` adds its `sums` to the roll-up row of its `key`; an update takes
 * the old row's share out and puts the new one's in; a roll-up row whose `row_count` reaches zero
 * is deleted, so the reports never see an empty group.
 */
export interface Rollup {
  /** The trigger names start with this. */
  name: string;
  source: string;
  target: string;
  /** SQL of a source row (`r` is OLD or NEW) saying whether it counts. */
  counts(r: string): string;
  /** Roll-up key columns and the SQL that derives each from a source row; none may be NULL. */
  key: Record<string, (r: string) => string>;
  /** Summed columns and the SQL of each row's share. One named `row_count` counts the source rows. */
  sums: Record<string, (r: string) => string>;
  /** The source columns the key, the sums and `counts` read: other updates leave the roll-up alone. */
  reads: string[];
}

export function rollupTriggers(rollup: Rollup): string {
  const keyColumns = Object.keys(rollup.key);
  const sumColumns = Object.keys(rollup.sums);
  const keyMatch = (r: string) => keyColumns.map((column) => `${column} = ${rollup.key[column]!(r)}`).join(' AND ');
  const add = (r: string) => `
    INSERT INTO ${rollup.target} (${[...keyColumns, ...sumColumns].join(', ')})
      SELECT ${[...keyColumns.map((c) => rollup.key[c]!(r)), ...sumColumns.map((c) => rollup.sums[c]!(r))].join(', ')}
      WHERE ${rollup.counts(r)}
      ON CONFLICT DO UPDATE SET ${sumColumns.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')};`;
  const remove = (r: string) => `
    UPDATE ${rollup.target} SET ${sumColumns.map((c) => `${c} = ${c} - (${rollup.sums[c]!(r)})`).join(', ')}
      WHERE ${rollup.counts(r)} AND ${keyMatch(r)};
    DELETE FROM ${rollup.target} WHERE row_count = 0 AND ${keyMatch(r)};`;
  const changed = rollup.reads.map((column) => `OLD.${column} IS NOT NEW.${column}`).join(' OR ');
  return `
    CREATE TRIGGER ${rollup.name}_insert AFTER INSERT ON ${rollup.source} WHEN ${rollup.counts('NEW')}
      BEGIN ${add('NEW')} END;
    CREATE TRIGGER ${rollup.name}_delete AFTER DELETE ON ${rollup.source} WHEN ${rollup.counts('OLD')}
      BEGIN ${remove('OLD')} END;
    CREATE TRIGGER ${rollup.name}_update AFTER UPDATE OF ${rollup.reads.join(', ')} ON ${rollup.source}
      WHEN (${rollup.counts('OLD')} OR ${rollup.counts('NEW')}) AND (${changed})
      BEGIN ${remove('OLD')} ${add('NEW')} END;`;
}

/** Backfills a roll-up from the rows already in its source (run before its triggers exist). */
export function rollupBackfill(rollup: Rollup): string {
  const keyColumns = Object.keys(rollup.key);
  const sumColumns = Object.keys(rollup.sums);
  const r = rollup.source;
  return `
    INSERT INTO ${rollup.target} (${[...keyColumns, ...sumColumns].join(', ')})
      SELECT ${[...keyColumns.map((c) => rollup.key[c]!(r)), ...sumColumns.map((c) => `sum(${rollup.sums[c]!(r)})`)].join(', ')}
      FROM ${rollup.source} WHERE ${rollup.counts(r)}
      GROUP BY ${keyColumns.map((_, i) => i + 1).join(', ')};`;
}
