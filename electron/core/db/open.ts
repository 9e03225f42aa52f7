// Opening the encrypted database: the raw key first, the pragmas of ARCHITECTURE.md, the migrations; and the check of
// the whole file, which reads every page and so runs beside the desk's work instead of before it (inspectDatabase).
import sqlite3 from '@journeyapps/sqlcipher';
import { Kysely } from 'kysely';
import { DeskError } from '../errors';
import { SqlcipherDialect, type RawDatabase } from './sqlcipher-dialect';
import type { Database } from './schema';
import { migrateToLatest } from './migrations';

function openRaw(file: string, mode?: number): Promise<RawDatabase> {
  return new Promise((resolve, reject) => {
    const db: RawDatabase = mode === undefined
      ? new sqlite3.Database(file, (err: Error | null) => (err ? reject(err) : resolve(db)))
      : new sqlite3.Database(file, mode, (err: Error | null) => (err ? reject(err) : resolve(db)));
  });
}

function exec(db: RawDatabase, sql: string): Promise<void> {
  return new Promise((resolve, reject) => db.exec(sql, (err: Error | null) => (err ? reject(err) : resolve())));
}

function all<T>(db: RawDatabase, sql: string): Promise<T[]> {
  return new Promise((resolve, reject) => db.all(sql, [], (err: Error | null, rows: T[]) => (err ? reject(err) : resolve(rows))));
}

function close(db: RawDatabase): Promise<void> {
  return new Promise((resolve) => db.close(() => resolve()));
}

/**
 * SQLite's words for a page that fails its HMAC or its structure: the file is damaged, never "internal". Looked for in
 * the message too, where a wrapper (the migrator's error) kept only the text.
 */
export function isDamage(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') return true;
  return err instanceof Error && /\bSQLITE_(CORRUPT|NOTADB)\b/.test(err.message);
}

/** Reads every page: the HMAC of each page of the file, then every b-tree through the WAL. Null when sound. */
async function wholeFileProblem(db: RawDatabase): Promise<DeskError | null> {
  const pages = await all<Record<string, unknown>>(db, 'PRAGMA cipher_integrity_check');
  if (pages.length > 0) return new DeskError('INTEGRITY', 'database.damaged', { pages: pages.length });
  const quick = await all<{ quick_check: string }>(db, 'PRAGMA quick_check');
  if (quick.length !== 1 || quick[0]!.quick_check !== 'ok') return new DeskError('INTEGRITY', 'database.damaged', { problems: quick.length });
  return null;
}

/**
 * The page cache of the desk's connection, in KiB (SQLite's default is 2 MiB). Every page read from the encrypted file
 * is decrypted and HMAC-checked, while plain SQLite gets its misses from the OS's cache almost free: the cache is what
 * keeps encryption cheap. With 64 MiB, searches at a million customers (a 3.5 GB file) took 1.51× the plain figure
 * (p95); with 256 MiB, 1.01–1.04× (bench, 2026-11-25). It is a ceiling, not an allocation: a desk of 10,000 customers
 * (39 MB) never holds more than its file.
 */
export const pageCacheKiB = 262_144;

/**
 * Applies the key and pragmas to a fresh connection. Reading the schema proves the key: a wrong key, or a damaged
 * first page, fails with SQLITE_NOTADB. With `wholeFile` (the default) every page is read and checked too; the desk's
 * unlock leaves that to `inspectDatabase`, beside the work. Either way SQLCipher checks each page's HMAC whenever it is
 * read: a damaged page is never returned as data.
 */
export async function keyConnection(db: RawDatabase, dataKey: Buffer, options: { wholeFile?: boolean } = {}): Promise<void> {
  if (dataKey.length !== 32) throw new Error('the data key must be 256 bits');
  // A raw key skips SQLCipher's own key derivation: ours is argon2id on the password, done once in keys/.
  await exec(db, `PRAGMA key = "x'${dataKey.toString('hex')}'"`);
  let problem: DeskError | null;
  try {
    await all(db, 'SELECT count(*) AS n FROM sqlite_schema');
    problem = options.wholeFile === false ? null : await wholeFileProblem(db);
  } catch {
    // SQLITE_NOTADB: the key does not open this file, or its first page is damaged.
    throw new DeskError('INTEGRITY', 'database.unreadable');
  }
  if (problem) throw problem;
  await exec(
    db,
    [
      'PRAGMA foreign_keys = ON',
      'PRAGMA journal_mode = WAL',
      // Every commit is on the disk before the call answers (SQLite's default, said out loud): an acknowledged write
      // survives a power cut, and the chain-head record written after it can never be ahead of the database.
      'PRAGMA synchronous = FULL',
      // Deleted personal data is overwritten, not left in free pages.
      'PRAGMA secure_delete = ON',
      // Temporary tables and sort spills stay in memory, never in a plaintext temp file.
      'PRAGMA temp_store = MEMORY',
      'PRAGMA busy_timeout = 5000',
      `PRAGMA cache_size = -${pageCacheKiB}`,
    ].join(';\n'),
  );
}

export interface OpenOptions {
  /** false: the reading of every page is left to `inspectDatabase` (the desk's unlock). */
  wholeFile?: boolean;
}

/** Opens (or creates) the database with the data key, checks it (see OpenOptions) and runs the migrations. */
export async function openDatabase(file: string, dataKey: Buffer, options: OpenOptions = {}): Promise<Kysely<Database>> {
  const raw = await openRaw(file);
  try {
    await keyConnection(raw, dataKey, { wholeFile: options.wholeFile });
  } catch (err) {
    await close(raw);
    throw err;
  }
  const db = new Kysely<Database>({ dialect: new SqlcipherDialect({ open: async () => raw }) });
  try {
    await migrateToLatest(db as unknown as Kysely<unknown>);
  } catch (err) {
    await db.destroy();
    if (isDamage(err)) throw new DeskError('INTEGRITY', 'database.damaged');
    throw err;
  }
  return db;
}

/**
 * The same finding, interruptible: `quick_check` reads every page in use through the WAL, and SQLCipher checks each
 * one's HMAC as it is read (a damaged page makes it fail with SQLITE_ERROR); only then does `cipher_integrity_check`,
 * which cannot be interrupted, count the damaged pages. Free pages are not read: nothing is ever read from them.
 */
async function pagesInUseProblem(db: RawDatabase): Promise<DeskError | null> {
  let problems: number;
  let failure: unknown = null;
  try {
    const quick = await all<{ quick_check: string }>(db, 'PRAGMA quick_check');
    if (quick.length === 1 && quick[0]!.quick_check === 'ok') return null;
    problems = quick.length;
  } catch (err) {
    // A page failing its HMAC surfaces as a row, or as SQLITE_CORRUPT, SQLITE_ERROR or even SQLITE_NOMEM (all seen
    // here): the count of damaged pages decides, then SQLite's own word for damage.
    if ((err as { code?: unknown }).code === 'SQLITE_INTERRUPT') throw err;
    problems = 1;
    failure = err;
  }
  const pages = await all<Record<string, unknown>>(db, 'PRAGMA cipher_integrity_check');
  if (pages.length > 0) return new DeskError('INTEGRITY', 'database.damaged', { pages: pages.length });
  if (failure !== null && !isDamage(failure)) throw failure;
  return new DeskError('INTEGRITY', 'database.damaged', { problems });
}

export type WholeFileVerdict = { kind: 'sound' } | { kind: 'damaged'; error: DeskError } | { kind: 'notChecked'; cause: unknown };

export interface Inspection {
  /** The key opened the file and the caller's check passed; rejects with the typed error otherwise. */
  ready: Promise<void>;
  /** Every page read: what the check of the whole file found. */
  verdict: Promise<WholeFileVerdict>;
  /** Stops the check of the whole file (the desk is closing); its verdict is then `notChecked`. */
  cancel(): void;
}

/**
 * Looks at the database on a read-only connection, which can neither write nor checkpoint: a database found short or
 * damaged is left byte for byte as it was found, its -wal included (a read-write connection's close would fold the
 * -wal into the file and delete it). First the key and the caller's `check`, then every page in use
 * (pagesInUseProblem). Measured here at 100,000 customers (350 MB), reading every page takes 3–4.5 s (`quick_check`;
 * `cipher_integrity_check` another 1.3–2.7 s): run before the desk opens, that would keep a large desk's officer
 * waiting close to a minute at a million, so the desk waits for it only briefly and lets it finish beside the work
 * (desk.ts). WAL lets the two connections read side by side; node-sqlite3 runs the check on its own threads.
 */
export function inspectDatabase(file: string, dataKey: Buffer, check?: (db: Kysely<Database>) => Promise<void>): Inspection {
  const key = Buffer.from(dataKey);
  let raw: RawDatabase | null = null;
  let cancelled = false;
  let markReady!: () => void;
  let refuse!: (err: unknown) => void;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    refuse = reject;
  });
  const inspect = async (): Promise<WholeFileVerdict> => {
    try {
      try {
        raw = await openRaw(file, sqlite3.OPEN_READONLY);
        await exec(raw, `PRAGMA key = "x'${key.toString('hex')}'"`);
        await all(raw, 'SELECT count(*) AS n FROM sqlite_schema');
      } catch {
        throw new DeskError('INTEGRITY', 'database.unreadable');
      }
      const opened = raw;
      try {
        await check?.(new Kysely<Database>({ dialect: new SqlcipherDialect({ open: async () => opened }) }));
      } catch (err) {
        throw isDamage(err) ? new DeskError('INTEGRITY', 'database.damaged') : err;
      }
    } catch (err) {
      refuse(err);
      return { kind: 'notChecked', cause: err };
    }
    markReady();
    try {
      if (cancelled) return { kind: 'notChecked', cause: 'cancelled' };
      const problem = await pagesInUseProblem(raw);
      return problem ? { kind: 'damaged', error: problem } : { kind: 'sound' };
    } catch (err) {
      if (cancelled) return { kind: 'notChecked', cause: 'cancelled' };
      if (isDamage(err)) return { kind: 'damaged', error: new DeskError('INTEGRITY', 'database.damaged') };
      return { kind: 'notChecked', cause: err };
    }
  };
  const verdict = inspect().finally(async () => {
    key.fill(0);
    if (raw) await close(raw);
  });
  return {
    ready,
    verdict,
    cancel() {
      cancelled = true;
      try {
        raw?.interrupt();
      } catch {
        /* already closed */
      }
    },
  };
}
