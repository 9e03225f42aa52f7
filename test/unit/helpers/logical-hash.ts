// A hash of what the database holds, table by table, so a test can tell that a refused call changed nothing.
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

/**
 * The audit trail is left out by default: a refusal is rightly recorded (the router appends a `denied` or `failed`
 * event), and that is the one change a refused call must make.
 */
export const auditTables = ['audit_events', 'audit_head'] as const;

interface TableInfo {
  name: string;
  /** Rows of a rowid table come in rowid order; a WITHOUT ROWID table in its key's order. */
  order: string;
}

const tableCache = new WeakMap<object, Map<string, TableInfo[]>>();

async function tablesOf(db: Kysely<any>, except: readonly string[]): Promise<TableInfo[]> {
  const { rows } = await sql<{ name: string; sql: string | null }>`select name, sql from sqlite_schema where type = 'table' order by name`.execute(db);
  return rows
    // A virtual table (FTS5) is read through its shadow tables, which are ordinary tables listed here too.
    .filter((r) => !r.name.startsWith('sqlite_') && !except.includes(r.name) && !/^create virtual/i.test(r.sql ?? ''))
    .map((r) => ({ name: r.name, order: /without\s+rowid\s*$/i.test(r.sql ?? '') ? '1' : 'rowid' }));
}

function rowText(row: Record<string, unknown>): string {
  return JSON.stringify(row, (_k, v) => (v instanceof Uint8Array || (v && v.type === 'Buffer') ? `<${Buffer.from(v.data ?? v).length} bytes>` : v));
}

function hashRows(rows: readonly Record<string, unknown>[]): string {
  const hash = createHash('sha256');
  for (const row of rows) {
    for (const [column, value] of Object.entries(row)) {
      hash.update(column).update('\u0001');
      if (value instanceof Uint8Array) hash.update('b').update(value);
      else hash.update(typeof value === 'string' ? `s${value}` : `${typeof value}${String(value)}`);
      hash.update('\u0002');
    }
    hash.update('\u0003');
  }
  return hash.digest('hex');
}

export interface LogicalHash {
  /** One hash over every table's hash. */
  hash: string;
  /** table → hash of its rows (rowid included), for naming what changed. */
  tables: Record<string, string>;
  /** table → its rows as text, to show what changed (kept only when asked). */
  rows?: Record<string, string[]>;
}

/** Every table's rows, in order, except the audit trail (or the tables given). The table list is read once per database. */
export async function logicalHash(db: Kysely<any>, except: readonly string[] = auditTables, keepRows = false): Promise<LogicalHash> {
  const cached = tableCache.get(db) ?? new Map<string, TableInfo[]>();
  tableCache.set(db, cached);
  let tables = cached.get(except.join(','));
  if (!tables) {
    tables = await tablesOf(db, except);
    cached.set(except.join(','), tables);
  }
  const perTable: Record<string, string> = {};
  const kept: Record<string, string[]> = {};
  for (const table of tables) {
    const { rows } = await sql<Record<string, unknown>>`select ${sql.raw(table.order === 'rowid' ? 'rowid as "rowid", ' : '')}* from ${sql.table(table.name)} order by ${sql.raw(table.order)}`.execute(db);
    perTable[table.name] = hashRows(rows);
    if (keepRows) kept[table.name] = rows.map(rowText);
  }
  const all = createHash('sha256');
  for (const [name, hash] of Object.entries(perTable)) all.update(`${name}=${hash}\n`);
  return { hash: all.digest('hex'), tables: perTable, ...(keepRows ? { rows: kept } : {}) };
}

/** The tables whose rows differ between two hashes (a table added or dropped counts too). */
export function changedTables(before: LogicalHash, after: LogicalHash): string[] {
  const names = new Set([...Object.keys(before.tables), ...Object.keys(after.tables)]);
  return [...names].filter((n) => before.tables[n] !== after.tables[n]).sort();
}

/** The first rows that differ in a table, before and after: what a failing test shows. */
export function rowDifference(before: LogicalHash, after: LogicalHash, table: string): { before: string[]; after: string[] } {
  const was = before.rows?.[table] ?? [];
  const is = after.rows?.[table] ?? [];
  return { before: was.filter((r) => !is.includes(r)).slice(0, 3), after: is.filter((r) => !was.includes(r)).slice(0, 3) };
}
