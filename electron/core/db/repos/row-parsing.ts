import type { z } from 'zod';
import { KassaError } from '../../../../shared/result';

/** A stored row that no longer parses. The row is kept untouched as evidence; the message says so. */
export class CorruptRowError extends KassaError {
  constructor(
    readonly table: string,
    readonly rowId: string,
    readonly detail: string,
  ) {
    super('INTERNAL', `The till's record of sale ${rowId} is damaged (${table}: ${detail}). It has been kept as it is; call support before acting on this sale.`);
    this.name = 'CorruptRowError';
  }
}

/** A row checked against its schema: rows read back from SQLite are a boundary like any other. */
export function parseRow<T>(table: string, raw: unknown, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new CorruptRowError(table, String((raw as { id?: unknown }).id ?? '?'), parsed.error.issues[0]?.message ?? 'invalid');
  return parsed.data;
}

/** A JSON column checked against its schema. */
export function parseJsonColumn<T>(table: string, id: string, column: string, text: string, schema: z.ZodType<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CorruptRowError(table, id, `${column} is not JSON`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CorruptRowError(table, id, `${column}: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** Parses every row; a damaged one is reported to `onCorrupt` and skipped, never stopping the rest. */
export function parseRows<T>(rows: unknown[], toRecord: (raw: unknown) => T, onCorrupt: (error: CorruptRowError) => void): T[] {
  const records: T[] = [];
  for (const row of rows) {
    try {
      records.push(toRecord(row));
    } catch (error) {
      if (!(error instanceof CorruptRowError)) throw error;
      onCorrupt(error);
    }
  }
  return records;
}

/** Who did something, from the pair of columns that keep it (null for rows older than staff). */
export function staffRef(id: string | null, name: string | null): { id: string; name: string } | null {
  return id !== null && name !== null ? { id, name } : null;
}
