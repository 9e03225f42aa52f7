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
    this.connection = new SqlcipherConnection(this.db);
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
    this.db = undefined;
    this.connection = undefined;
    if (db) await new Promise<void>((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())));
  }
}

function returnsRows(query: CompiledQuery): boolean {
  const node = query.query as { kind: string; returning?: unknown };
  if (node.kind === 'SelectQueryNode' || node.kind === 'RawNode') return true;
  return node.returning !== undefined;
}

class SqlcipherConnection implements DatabaseConnection {
  constructor(private readonly db: RawDatabase) {}

  executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const parameters = compiled.parameters as unknown[];
    if (returnsRows(compiled)) {
      return new Promise((resolve, reject) => {
        this.db.all(compiled.sql, parameters, (err: Error | null, rows: R[]) => (err ? reject(err) : resolve({ rows })));
      });
    }
    const isInsert = (compiled.query as { kind: string }).kind === 'InsertQueryNode';
    return new Promise((resolve, reject) => {
      // node-sqlite3 passes lastID and changes on `this`, so this must be a function, not an arrow.
      this.db.run(compiled.sql, parameters, function (this: { lastID: number; changes: number }, err: Error | null) {
        if (err) return reject(err);
        resolve({
          rows: [],
          numAffectedRows: BigInt(this.changes),
          // lastID is stale after an UPDATE or DELETE: report it for inserts only.
          ...(isInsert ? { insertId: BigInt(this.lastID) } : {}),
        });
      });
    });
  }

  async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    // node-sqlite3 has no cursor that fits Kysely's stream; callers page with limit/offset instead.
    yield await this.executeQuery<R>(compiled);
  }
}
