// The bare driver: a raw @journeyapps/sqlcipher connection, keyed (the encrypted floor) or not (plain SQLite).
import sqlite3 from '@journeyapps/sqlcipher';
import { pageCacheKiB } from '../../core/db/open';
import { observeStatements, type RawDatabase } from '../../core/db/sqlcipher-dialect';

export type { RawDatabase };

/** One statement as the desk sent it to the driver: its SQL and parameters, replayed unchanged. */
export interface Statement {
  sql: string;
  parameters: unknown[];
}

/**
 * Opens a raw connection. `keyHex`: the desk's data key (the same raw key the desk applies); null for the plain copy.
 * The desk's page cache by default (db/open.ts `pageCacheKiB`; `cacheSize` as PRAGMA cache_size takes it, negative = KiB)
 * and memory temp store, so the floor is not slowed by a smaller cache than the desk runs with. No integrity check:
 * that is the opening's cost, measured apart.
 */
export async function openRaw(file: string, keyHex: string | null, options: { readOnly?: boolean; cacheSize?: number } = {}): Promise<RawDatabase> {
  const mode = options.readOnly ? sqlite3.OPEN_READONLY : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE;
  const db = await new Promise<RawDatabase>((resolve, reject) => {
    const opened: RawDatabase = new sqlite3.Database(file, mode, (err: Error | null) => (err ? reject(err) : resolve(opened)));
  });
  if (keyHex !== null) await exec(db, `PRAGMA key = "x'${keyHex}'"`);
  await exec(db, `PRAGMA cache_size = ${Math.trunc(options.cacheSize ?? -pageCacheKiB)}; PRAGMA temp_store = MEMORY; PRAGMA busy_timeout = 5000`);
  return db;
}

export function exec(db: RawDatabase, sql: string): Promise<void> {
  return new Promise((resolve, reject) => db.exec(sql, (err: Error | null) => (err ? reject(err) : resolve())));
}

export function all<T = Record<string, unknown>>(db: RawDatabase, sql: string, parameters: unknown[] = []): Promise<T[]> {
  return new Promise((resolve, reject) => db.all(sql, parameters, (err: Error | null, rows: T[]) => (err ? reject(err) : resolve(rows))));
}

export function close(db: RawDatabase): Promise<void> {
  return new Promise((resolve, reject) => db.close((err: Error | null) => (err ? reject(err) : resolve())));
}

/** A prepared statement run many times (the bare import's inserts). */
export function prepare(db: RawDatabase, sql: string): Promise<sqlite3.Statement> {
  return new Promise((resolve, reject) => {
    const statement = db.prepare(sql, (err: Error | null) => (err ? reject(err) : resolve(statement)));
  });
}

export function runPrepared(statement: sqlite3.Statement, parameters: unknown[]): Promise<void> {
  return new Promise((resolve, reject) => statement.run(parameters, (err: Error | null) => (err ? reject(err) : resolve())));
}

export function finalize(statement: sqlite3.Statement): Promise<void> {
  return new Promise((resolve) => statement.finalize(() => resolve()));
}

/** Runs the statements one after another, as the desk's single connection does. */
export async function replay(db: RawDatabase, statements: readonly Statement[]): Promise<void> {
  for (const s of statements) await all(db, s.sql, s.parameters);
}

/** Records every statement the desk's connections send while `work` runs (the dialect's observer: db/sqlcipher-dialect.ts). */
export async function captureStatements<T>(work: () => Promise<T>): Promise<{ value: T; statements: Statement[] }> {
  const statements: Statement[] = [];
  const previous = observeStatements((sql, parameters) => statements.push({ sql, parameters: [...parameters] }));
  try {
    return { value: await work(), statements };
  } finally {
    observeStatements(previous);
  }
}

/** The SQLCipher and SQLite versions of the driver, for the machine's description. */
export async function versions(db: RawDatabase): Promise<{ sqlcipher: string; sqlite: string }> {
  const [cipher] = await all<{ cipher_version: string }>(db, 'PRAGMA cipher_version');
  const [lite] = await all<{ v: string }>(db, 'select sqlite_version() as v');
  return { sqlcipher: cipher?.cipher_version ?? 'unknown', sqlite: lite?.v ?? 'unknown' };
}
