// What a refused call must leave as it was: the database's rows (audit trail aside), keyring.json, the exports folder.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Core } from '../../../electron/core/core';
import { changedTables, logicalHash, rowDifference, type LogicalHash } from '../helpers/logical-hash';

/** Each audit event is one row in audit_events and one upsert of audit_head: two changes. */
const changesPerAuditEvent = 2;
/** Every this many refusals the whole database is hashed even when the change counter says nothing moved. */
const crossCheckEvery = 8;

/** Files by content (`names` of `dir` only), or, for a whole folder, by name, size and time: a new or rewritten file shows. */
function filesHash(dir: string, names?: string[]): string {
  const hash = createHash('sha256');
  if (!existsSync(dir)) return 'none';
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (names && d === dir && !names.includes(name)) continue;
      const path = join(d, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else if (names) hash.update(path).update(readFileSync(path));
      else hash.update(`${path}|${stat.size}|${stat.mtimeMs}\n`);
    }
  };
  walk(dir);
  return hash.digest('hex');
}

/**
 * Tracks the stored state between calls. A full logical hash of every table is the judge; SQLite's `total_changes()`
 * (rows written by the connection, counted even when rolled back) decides when it must be taken, which keeps the fuzzing
 * fast: a refusal that wrote nothing but its audit event needs no hash, anything else is hashed and compared.
 */
export class StoredState {
  private db: Kysely<any> | null = null;
  private baseline: LogicalHash | null = null;
  private counters = { changes: 0, seq: 0 };
  private files = '';
  private refusals = 0;
  fullHashes = 0;

  constructor(
    private readonly core: Core,
    private readonly dataDir: string,
    private readonly exportsDir: string,
  ) {}

  private async readCounters(db: Kysely<any>): Promise<{ changes: number; seq: number }> {
    const { rows } = await sql<{ changes: number; seq: number }>`select total_changes() as changes, coalesce((select seq from audit_head where id = 1), 0) as seq`.execute(db);
    return rows[0]!;
  }

  private async hash(db: Kysely<any>): Promise<LogicalHash> {
    this.fullHashes += 1;
    return logicalHash(db, undefined, true);
  }

  /** The files outside the database: keyring.json always, the database files too while it is closed (signed out). */
  private fileState(): string {
    const stored = this.core.desk.db ? ['keyring.json'] : ['keyring.json', 'desk.db', 'desk.db-wal'];
    return `${filesHash(this.dataDir, stored)}|${filesHash(this.exportsDir)}`;
  }

  /** Before a call. */
  async mark(): Promise<void> {
    const db = this.core.desk.db;
    if (db !== this.db) {
      this.db = db;
      this.baseline = db ? await this.hash(db) : null;
    }
    if (db) this.counters = await this.readCounters(db);
    this.files = this.fileState();
  }

  /** After a call: what changed that a refusal must not change (nothing is returned for an accepted call). */
  async settle(refused: boolean): Promise<string[]> {
    const problems: string[] = [];
    const db = this.core.desk.db;
    if (refused && this.fileState() !== this.files) problems.push('a refused call changed keyring.json, the database files or the exports folder');
    if (!db || db !== this.db) {
      // The database was closed or reopened by the call: the next mark() starts afresh.
      if (refused && this.db && db !== this.db) problems.push('a refused call closed or reopened the database');
      return problems;
    }
    const now = await this.readCounters(db);
    const written = now.changes - this.counters.changes - changesPerAuditEvent * (now.seq - this.counters.seq);
    if (refused) this.refusals += 1;
    const crossCheck = refused && this.refusals % crossCheckEvery === 0;
    if (written !== 0 || crossCheck) {
      const after = await this.hash(db);
      if (refused && after.hash !== this.baseline!.hash) {
        const tables = changedTables(this.baseline!, after);
        problems.push(`a refused call changed ${tables.join(', ')}: ${JSON.stringify(rowDifference(this.baseline!, after, tables[0]!)).slice(0, 700)}`);
      }
      this.baseline = after;
    }
    return problems;
  }
}
