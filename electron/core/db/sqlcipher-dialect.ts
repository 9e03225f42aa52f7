// A Kysely dialect for SQLCipher through @journeyapps/sqlcipher (the node-sqlite3 API): our driver and connection,
// Kysely's own SQLite adapter, compiler and introspector. No dialect package exists for this API (FACTS.md).
import sqlite3 from '@journeyapps/sqlcipher';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
} from 'kysely';

export type RawDatabase = InstanceType<typeof sqlite3.Database>;

export interface SqlcipherDialectConfig {
  /** Opens the database and applies the key and pragmas; the dialect owns the handle from then on. */
  open: () => Promise<RawDatabase>;
  /**
   * Prepared statements kept for reuse, by SQL text (0: none, every query prepares and finalizes its own). A reused
   * statement skips SQLite's parse and one trip through the driver's thread pool: the desk's calls send the same few
   * statements again and again. Only for a connection the dialect closes itself (Kysely's destroy): SQLite refuses
   * to close a connection whose statements are not finalized.
   */
  statementCache?: number;
}

export class SqlcipherDialect implements Dialect {
  constructor(private readonly config: SqlcipherDialectConfig) {}
  createAdapter(): DialectAdapter {
    return new SqlcipherAdapter();
  }
  createDriver(): Driver {
    return new SqlcipherDriver(this.config);
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}

/** SQLite's DDL is transactional, so each migration runs whole or not at all (Kysely's SQLite adapter assumes not). */
class SqlcipherAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class SqlcipherDriver implements Driver {
  private db?: RawDatabase;
  private connection?: SqlcipherConnection;
  // One connection: Kysely's work is serialised on it, so transactions never interleave.
  private queue: Promise<void> = Promise.resolve();
  private release?: () => void;

  constructor(private readonly config: SqlcipherDialectConfig) {}

  async init(): Promise<void> {
    this.db = await this.config.open();
    this.connection = new SqlcipherConnection(this.db, this.config.statementCache ?? 0);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.queue;
    let release!: () => void;
    this.queue = new Promise<void>((resolve) => (release = resolve));
    await previous;
    this.release = release;
    return this.connection!;
  }

  async releaseConnection(): Promise<void> {
    const release = this.release;
    this.release = undefined;
    release?.();
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    // IMMEDIATE: take the write lock at the start, so a transaction never fails half-way on a busy lock.
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async destroy(): Promise<void> {
    const db = this.db;
    const connection = this.connection;
    this.db = undefined;
    this.connection = undefined;
    await connection?.finalizeAll();
    if (db) await new Promise<void>((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())));
  }
}

function returnsRows(query: CompiledQuery): boolean {
  const node = query.query as { kind: string; returning?: unknown };
  if (node.kind === 'SelectQueryNode' || node.kind === 'RawNode') return true;
  return node.returning !== undefined;
}

type RawStatement = InstanceType<typeof sqlite3.Statement>;

export type StatementObserver = (sql: string, parameters: readonly unknown[]) => void;
let observer: StatementObserver | null = null;

/**
 * Sees every statement a dialect connection runs, before it runs; returns the observer it replaces. For tools that
 * must know exactly what a call sends (the benchmark replays a search's statements on a bare connection); null: none.
 */
export function observeStatements(next: StatementObserver | null): StatementObserver | null {
  const previous = observer;
  observer = next;
  return previous;
}

class SqlcipherConnection implements DatabaseConnection {
  /** Least recently used first (a Map keeps insertion order; a hit moves its entry to the end). */
  private readonly statements = new Map<string, Promise<RawStatement>>();

  constructor(
    private readonly db: RawDatabase,
    private readonly cacheSize: number,
  ) {}

  private statement(text: string): Promise<RawStatement> | null {
    if (this.cacheSize <= 0) return null;
    let found = this.statements.get(text);
    if (found) {
      this.statements.delete(text);
      this.statements.set(text, found);
      return found;
    }
    found = new Promise<RawStatement>((resolve, reject) => {
      const statement: RawStatement = this.db.prepare(text, (err: Error | null) => (err ? reject(err) : resolve(statement)));
    });
    // A statement SQLite refuses to prepare is not kept: the next call prepares it again and fails the same way.
    found.catch(() => this.statements.delete(text));
    this.statements.set(text, found);
    if (this.statements.size > this.cacheSize) {
      const [oldest, evicted] = this.statements.entries().next().value!;
      this.statements.delete(oldest);
      void evicted.then((s) => new Promise((resolve) => s.finalize(() => resolve(undefined))), () => undefined);
    }
    return found;
  }

  async finalizeAll(): Promise<void> {
    const all = [...this.statements.values()];
    this.statements.clear();
    await Promise.all(all.map((p) => p.then((s) => new Promise((resolve) => s.finalize(() => resolve(undefined))), () => undefined)));
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const parameters = compiled.parameters as unknown[];
    observer?.(compiled.sql, parameters);
    const cached = this.statement(compiled.sql);
    const statement = cached ? await cached : null;
    if (returnsRows(compiled)) {
      return new Promise((resolve, reject) => {
        const done = (err: Error | null, rows: R[]) => {
          if (!err) return resolve({ rows });
          // A failed statement is reset, so it holds no read snapshot until its next use.
          statement?.reset();
          reject(err);
        };
        if (statement) statement.all(parameters, done);
        else this.db.all(compiled.sql, parameters, done);
      });
    }
    const isInsert = (compiled.query as { kind: string }).kind === 'InsertQueryNode';
    return new Promise((resolve, reject) => {
      // node-sqlite3 passes lastID and changes on `this`, so this must be a function, not an arrow.
      const done = function (this: { lastID: number; changes: number }, err: Error | null) {
        if (err) {
          statement?.reset();
          return reject(err);
        }
        resolve({
          rows: [],
          numAffectedRows: BigInt(this.changes),
          // lastID is stale after an UPDATE or DELETE: report it for inserts only.
          ...(isInsert ? { insertId: BigInt(this.lastID) } : {}),
        });
      };
      if (statement) statement.run(parameters, done);
      else this.db.run(compiled.sql, parameters, done);
    });
  }

  async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    // node-sqlite3 has no cursor that fits Kysely's stream; callers page with limit/offset instead.
    yield await this.executeQuery<R>(compiled);
  }
}
