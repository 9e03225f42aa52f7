// What keeps the desk from using its database other than as it was left: the chain-head record compared at unlock, the
// check of every page, a damage remembered for its file, and the typed errors of a refused write or a damaged page.
import { existsSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Kysely } from 'kysely';
import type { AuditEventInput } from '../audit/chain';
import type { Logger } from '../desk';
import { DeskError } from '../errors';
import { storageError } from '../files';
import { checkAgainstRecord, databaseHead, HeadRecorder, readHeadRecord, type ChainHead, type HeadRecord } from './chain-head';
import { inspectDatabase, isDamage, type Inspection } from './open';
import type { Database } from './schema';

/** Up to this size the check of every page usually ends within the sign-in's wait (~10 ms a megabyte, measured here). */
export const wholeFileCheckWaitBytes = 150 * 1024 * 1024;

/** Which file a damage was found in: the same file refuses at once, a restored one is checked afresh. */
function fileIdentity(file: string): string | null {
  try {
    const s = statSync(file);
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return null;
  }
}

export class DatabaseGuard {
  /** A damage found in the database file, and which file: cleared when the file is another (a restore). */
  damage: { error: DeskError; file: string | null } | null = null;
  /** The check of every page of the open database: settles when it is done, found damage or was stopped. */
  wholeFileChecked: Promise<void> = Promise.resolve();
  private check: Inspection | null = null;
  private readonly recorder: HeadRecorder;

  constructor(
    private readonly paths: { database: string; chainHead: string },
    private readonly dataDir: string,
    private readonly log: Logger,
    /** How long a sign-in waits for the check of every page (desk.ts says why). */
    private readonly waitMs: number,
  ) {
    this.recorder = new HeadRecorder(paths.chainHead);
  }

  refuseKnownDamage(): void {
    if (!this.damage) return;
    if (this.damage.file !== null && this.damage.file === fileIdentity(this.paths.database)) throw this.damage.error;
    this.damage = null;
  }

  /**
   * Looks at the database read-only before anything opens it for writing: the key, the chain-head record, then every
   * page, waited for up to the budget. Found in time, a damage refuses this sign-in; found later, it ends the session
   * at the next transaction (desk.ts). Returns the record, for the notes of the trail.
   */
  async inspect(dataKey: Buffer): Promise<HeadRecord> {
    const record = readHeadRecord(this.paths.chainHead);
    const inspection = inspectDatabase(this.paths.database, dataKey, (db) => checkAgainstRecord(db, record, this.dataDir));
    await inspection.ready.catch((err: unknown) => {
      throw this.named(err);
    });
    this.check = inspection;
    this.wholeFileChecked = inspection.verdict.then((verdict) => {
      if (this.check === inspection) this.check = null;
      if (verdict.kind === 'notChecked' && verdict.cause !== 'cancelled') this.log.error('the whole-file check could not run', verdict.cause);
      if (verdict.kind === 'damaged') this.noteDamage(verdict.error);
    });
    if (this.waitMs > 0 && this.worthWaiting()) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.wholeFileChecked, new Promise<void>((resolve) => (timer = setTimeout(resolve, this.waitMs)))]);
      clearTimeout(timer);
    }
    if (this.damage) throw this.damage.error;
    return record;
  }

  /** A larger desk would only keep its officer waiting the whole budget: its check runs beside the work from the start. */
  private worthWaiting(): boolean {
    let bytes = 0;
    for (const file of [this.paths.database, `${this.paths.database}-wal`]) {
      try {
        bytes += statSync(file).size;
      } catch {
        /* no -wal */
      }
    }
    return bytes <= wholeFileCheckWaitBytes;
  }

  /** Stops the check of every page and waits for its read-only connection to close. */
  async stopCheck(): Promise<void> {
    const check = this.check;
    this.check = null;
    check?.cancel();
    await check?.verdict;
  }

  /** Remembers a damage for this database file: every later sign-in on the same file is refused at once. */
  noteDamage(error: DeskError): DeskError {
    if (!this.damage) {
      this.damage = { error: this.withFolder(error), file: fileIdentity(this.paths.database) };
      this.log.error(`the database is damaged (${JSON.stringify(error.details ?? {})})`);
    }
    return this.damage.error;
  }

  /**
   * The typed error for a fault the desk knows how to name: a write the disk refused (`storage.*`, see files.ts) or a
   * damaged page (INTEGRITY `database.damaged`). Null for anything else, which stays an internal error.
   */
  knownFault(err: unknown): DeskError | null {
    if (err instanceof DeskError) return err;
    if (isDamage(err)) return new DeskError('INTEGRITY', 'database.damaged', { folder: this.dataDir });
    const path = (err as { path?: unknown } | null)?.path;
    const known = storageError(err, typeof path === 'string' ? dirname(path) : this.dataDir);
    if (known) return known;
    // The commit could not be written and SQLite rolled back on its own; Kysely's rollback then found nothing to undo
    // and its error took the place of the commit's (which said why: SQLITE_FULL, SQLITE_IOERR...).
    if ((err as { code?: unknown } | null)?.code === 'SQLITE_ERROR' && /no transaction is active/.test(String((err as Error).message))) {
      return new DeskError('CONFLICT', 'storage.writeFailed', { reason: 'commitRefused', folder: this.dataDir });
    }
    return null;
  }

  /** A fault as the screen should see it: typed when known, with the data folder for a damaged file. */
  named(err: unknown): unknown {
    const known = this.knownFault(err);
    return known?.code === 'INTEGRITY' ? this.withFolder(known) : (known ?? err);
  }

  private withFolder(error: DeskError): DeskError {
    return new DeskError(error.code, error.key, { ...error.details, folder: this.dataDir });
  }

  /** Records a committed head in chain-head.json. Never throws: a record that lags is one the check allows. */
  record(head: ChainHead): void {
    try {
      this.recorder.write(head);
    } catch (err) {
      this.log.error('chain-head.json could not be written', err);
    }
  }

  closeRecord(): void {
    this.recorder.close();
  }

  /** The record speaks for its database: set aside with it. */
  setAsideRecord(stamp: string): void {
    this.recorder.close();
    if (existsSync(this.paths.chainHead)) renameSync(this.paths.chainHead, join(this.dataDir, `chain-head.orphaned-${stamp}.json`));
  }

  /**
   * What the trail must say about the files beside the database: a chain-head record or a signin.json that was absent
   * or unreadable is never silently started anew. A restored backup arrives in a fresh folder without them
   * (backup/restore.ts, whose event is then the chain's last): nothing was lost there.
   */
  async sideFileNotes(db: Kysely<Database>, record: HeadRecord, signinMissing: boolean, at: string): Promise<AuditEventInput[]> {
    const head = await databaseHead(db);
    const last = await db.selectFrom('audit_events').select('action').where('seq', '=', head.seq).executeTakeFirst();
    if (last?.action === 'backup.restore') return [];
    const notes: AuditEventInput[] = [];
    if (record.state !== 'found' && head.seq > 0) {
      this.log.warn(`chain-head.json was ${record.state}; it is written afresh`);
      notes.push({ at, action: 'desk.chainHeadReset', outcome: 'failed', details: { reason: record.state } });
    }
    if (signinMissing) {
      this.log.warn('signin.json was missing; wrong-password counts start afresh');
      notes.push({ at, action: 'auth.signinStateReset', outcome: 'failed', details: { reason: 'missing' } });
    }
    return notes;
  }
}
