import type { Database } from 'better-sqlite3';
import type { Currency } from '../../../shared/money';
import type { Entry, EntryFilter, EntryPage } from '../../../shared/reports';
import { StatementCache } from '../db/statement-cache';
import { staffRef } from '../db/repos/row-parsing';

type Key = { kind: 'sale' | 'agreement'; rid: number; created_at: number };
type Row = {
  kind: 'sale' | 'agreement';
  id: string;
  created_at: number;
  status: string;
  tender: Entry['tender'];
  receipt_number: string | null;
  reference: string | null;
  amount: number;
  refunded: number;
  currency: string | null;
  cashier_id: string | null;
  cashier_name: string | null;
  msisdn: string | null;
  first_line: string | null;
  line_count: number | null;
};

const SALE_COLUMNS = `'sale' AS kind, id, created_at, status, tender, receipt_number, reference, total AS amount, refunded, currency,
  cashier_id, cashier_name, msisdn, json_extract(lines_json, '$[0].name') AS first_line, json_array_length(lines_json) AS line_count`;
const AGREEMENT_COLUMNS = `'agreement' AS kind, id, created_at, status, 'agreement' AS tender, NULL AS receipt_number, agreement_id AS reference,
  COALESCE(initial_charge_amount, 0) AS amount, 0 AS refunded, json_extract(plan_json, '$.currency') AS currency,
  cashier_id, cashier_name, msisdn, json_extract(plan_json, '$.name') AS first_line, NULL AS line_count`;

/** LIKE patterns treat % and _ as wildcards: typed text is matched literally. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Where-clauses for one side of the list (sales or agreements). Built from a fixed set of pieces
 * with every value bound as a parameter, so the SQL texts are few and cached.
 */
export function entryConditions(side: 'sale' | 'agreement', filter: EntryFilter): { where: string[]; params: Record<string, unknown> } | null {
  if (filter.tender && (filter.tender === 'agreement') !== (side === 'agreement')) return null;
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.from !== undefined) {
    where.push('created_at >= @from');
    params.from = filter.from;
  }
  if (filter.to !== undefined) {
    where.push('created_at < @to');
    params.to = filter.to;
  }
  if (filter.tender && side === 'sale') {
    where.push('tender = @tender');
    params.tender = filter.tender;
  }
  if (filter.status) {
    where.push('status = @status');
    params.status = filter.status;
  }
  if (filter.cashierId) {
    where.push('cashier_id = @cashierId');
    params.cashierId = filter.cashierId;
  }
  const search = filter.search?.trim();
  if (search) {
    params.search = search;
    params.searchSuffix = `%${likeLiteral(search)}`;
    const byNumber =
      side === 'sale'
        ? "reference = @search OR receipt_number = @search OR receipt_number LIKE @searchSuffix ESCAPE '\\'"
        : "agreement_id = @search OR id = @search";
    // The last digits of a phone number: 2 to 8 digits typed.
    const byPhone = /^\d{2,8}$/.test(search) ? " OR msisdn LIKE @searchSuffix ESCAPE '\\'" : '';
    where.push(`(${byNumber}${byPhone})`);
  }
  return { where, params };
}

const clause = (where: string[]) => (where.length > 0 ? `WHERE ${where.join(' AND ')}` : '');

/** The list of sales and agreements, newest first, paged with its total count: nothing is silently cut off. */
export class EntryList {
  private readonly sql: StatementCache;

  constructor(
    db: Database,
    private readonly currency: Currency,
  ) {
    this.sql = new StatementCache(db);
  }

  page(filter: EntryFilter, page: number, pageSize: number): EntryPage {
    const { listSql, countSql, params } = entryQueries(filter);
    if (!listSql) return { items: [], total: 0, page, pageSize };
    const total = (this.sql.get(countSql).get(params) as { n: number }).n;
    const keys = this.sql.get(listSql).all({ ...params, limit: pageSize, offset: (page - 1) * pageSize }) as Key[];
    return { items: keys.map((key) => this.load(key)), total, page, pageSize };
  }

  /** The page is chosen from the indexes alone (kind, rowid, time); only its rows are then read whole. */
  private load(key: Key): Entry {
    const table = key.kind === 'sale' ? 'sales' : 'subscription_sales';
    const columns = key.kind === 'sale' ? SALE_COLUMNS : AGREEMENT_COLUMNS;
    return this.toEntry(this.sql.get(`SELECT ${columns} FROM ${table} WHERE rowid = ?`).get(key.rid) as Row);
  }

  /** Every entry matching the filter, for an export; read in pages so memory stays flat. */
  *all(filter: EntryFilter): Generator<Entry> {
    const { listSql, params } = entryQueries(filter);
    if (!listSql) return;
    const keys = this.sql.get(listSql).all({ ...params, limit: -1, offset: 0 }) as Key[];
    for (const key of keys) yield this.load(key);
  }

  private toEntry(row: Row): Entry {
    const more = row.line_count !== null && row.line_count > 1 ? ` +${row.line_count - 1}` : '';
    return {
      kind: row.kind,
      id: row.id,
      createdAt: row.created_at,
      status: row.status,
      tender: row.tender,
      receiptNumber: row.receipt_number,
      reference: row.reference,
      amount: row.amount,
      refunded: row.refunded,
      currency: (row.currency as Currency | null) ?? this.currency,
      cashier: staffRef(row.cashier_id, row.cashier_name),
      phoneLast4: row.msisdn ? row.msisdn.slice(-4) : null,
      description: `${row.first_line ?? ''}${more}`,
    };
  }
}

/** The SQL of one filtered list (exported for the EXPLAIN QUERY PLAN test). */
export function entryQueries(filter: EntryFilter): { listSql: string | null; countSql: string; params: Record<string, unknown> } {
  const sales = entryConditions('sale', filter);
  const agreements = entryConditions('agreement', filter);
  const params = { ...sales?.params, ...agreements?.params };
  const parts: string[] = [];
  const counts: string[] = [];
  if (sales) {
    parts.push(`SELECT 'sale' AS kind, rowid AS rid, created_at FROM sales ${clause(sales.where)}`);
    counts.push(`(SELECT count(*) FROM sales ${clause(sales.where)})`);
  }
  if (agreements) {
    parts.push(`SELECT 'agreement' AS kind, rowid AS rid, created_at FROM subscription_sales ${clause(agreements.where)}`);
    counts.push(`(SELECT count(*) FROM subscription_sales ${clause(agreements.where)})`);
  }
  if (parts.length === 0) return { listSql: null, countSql: 'SELECT 0 AS n', params };
  return {
    listSql: `${parts.join(' UNION ALL ')} ORDER BY created_at DESC, kind DESC, rid DESC LIMIT @limit OFFSET @offset`,
    countSql: `SELECT ${counts.join(' + ')} AS n`,
    params,
  };
}
