// The SQLCipher files a backup, a restore and a key rotation handle beside the desk's own connection: opened with a raw
// key, exported with sqlcipher_export into an attached file under a key, and checked page by page.
import sqlite3 from '@journeyapps/sqlcipher';
import { sql, type Kysely } from 'kysely';
import { genesisHash } from '../audit/chain';
import type { RawDatabase } from '../db/sqlcipher-dialect';
import { DeskError } from '../errors';

export function openFile(file: string): Promise<RawDatabase> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, (err: Error | null) => (err ? reject(err) : resolve(db)));
  });
}

export function run(db: RawDatabase, statement: string, params: unknown[] = []): Promise<void> {
  return new Promise((resolve, reject) => db.run(statement, params, (err: Error | null) => (err ? reject(err) : resolve())));
}

export function all<T>(db: RawDatabase, statement: string, params: unknown[] = []): Promise<T[]> {
  return new Promise((resolve, reject) => db.all(statement, params, (err: Error | null, rows: T[]) => (err ? reject(err) : resolve(rows))));
}

export function closeFile(db: RawDatabase): Promise<void> {
  return new Promise((resolve) => db.close(() => resolve()));
}

/** SQLCipher's raw-key form: the key is used as it is, with no key derivation of its own. */
export function keyText(dataKey: Buffer): string {
  return `x'${dataKey.toString('hex')}'`;
}

/** The key first, then no plaintext temp file ever (sorting and export spill to memory). */
export async function keyFile(db: RawDatabase, dataKey: Buffer): Promise<void> {
  await run(db, `PRAGMA key = "${keyText(dataKey)}"`);
  await run(db, 'PRAGMA temp_store = MEMORY');
  await run(db, 'PRAGMA busy_timeout = 5000');
}

/** What a backup's header says of its database, read from the database itself. */
export interface DatabaseFacts {
  installationId: string;
  events: number;
  chainHead: string;
  /** The newest migration applied: a backup from a newer desk is refused rather than half-read. */
  schemaVersion: string;
}

export async function readFacts(db: RawDatabase, schema = 'main'): Promise<DatabaseFacts> {
  const [installation] = await all<{ installation_id: string }>(db, `SELECT installation_id FROM ${schema}.installation WHERE id = 1`);
  const [head] = await all<{ seq: number; hash: string }>(db, `SELECT seq, hash FROM ${schema}.audit_head WHERE id = 1`);
  const [migration] = await all<{ name: string }>(db, `SELECT name FROM ${schema}.kysely_migration ORDER BY name DESC LIMIT 1`);
  if (!installation || !migration) throw new DeskError('INTEGRITY', 'database.damaged');
  return { installationId: installation.installation_id, events: head?.seq ?? 0, chainHead: head?.hash ?? genesisHash, schemaVersion: migration.name };
}

/**
 * Opens a copy with its key and checks every page's HMAC (cipher_integrity_check) and the b-trees (quick_check);
 * returns its facts. `failure` is the error key for a copy that does not pass.
 */
export async function checkDatabaseFile(file: string, dataKey: Buffer, failure: string): Promise<DatabaseFacts> {
  const db = await openFile(file);
  try {
    await keyFile(db, dataKey);
    const pages = await all(db, 'PRAGMA cipher_integrity_check');
    const quick = await all<{ quick_check: string }>(db, 'PRAGMA quick_check');
    if (pages.length > 0 || quick.length !== 1 || quick[0]!.quick_check !== 'ok') throw new DeskError('INTEGRITY', failure);
    return await readFacts(db);
  } catch (err) {
    if (err instanceof DeskError) throw err;
    // SQLITE_NOTADB: the key does not open it, or its first page is damaged.
    throw new DeskError('INTEGRITY', failure);
  } finally {
    await closeFile(db);
  }
}

/**
 * Copies the open database into a new file under `dataKey` (sqlcipher_export: schema, rows, indexes, triggers, FTS
 * tables). The copy is whole as of one read transaction. Paths and key are bound, never spliced into the SQL.
 */
export async function exportRaw(db: RawDatabase, target: string, dataKey: Buffer): Promise<DatabaseFacts> {
  await run(db, 'ATTACH DATABASE ? AS copy KEY ?', [target, keyText(dataKey)]);
  try {
    await run(db, 'BEGIN');
    try {
      const facts = await readFacts(db);
      await run(db, "SELECT sqlcipher_export('copy')");
      await run(db, 'COMMIT');
      return facts;
    } catch (err) {
      await run(db, 'ROLLBACK').catch(() => undefined);
      throw err;
    }
  } finally {
    await run(db, 'DETACH DATABASE copy');
  }
}

/** The same through the desk's Kysely connection (a key rotation, which holds that connection throughout). */
export async function exportThrough(db: Kysely<unknown>, target: string, dataKey: Buffer): Promise<void> {
  await sql`ATTACH DATABASE ${target} AS copy KEY ${keyText(dataKey)}`.execute(db);
  try {
    await sql`SELECT sqlcipher_export('copy')`.execute(db);
  } finally {
    await sql`DETACH DATABASE copy`.execute(db);
  }
}

/**
 * Folds a write-ahead log left beside a closed database into it: the last read-write connection to close checkpoints
 * and removes it. A key rotation needs this before its swap, for an old -wal must never meet the new file.
 */
export async function foldWriteAheadLog(file: string, dataKey: Buffer): Promise<void> {
  const db = await openFile(file);
  try {
    await keyFile(db, dataKey);
    await all(db, 'PRAGMA wal_checkpoint(TRUNCATE)');
  } finally {
    await closeFile(db);
  }
}
