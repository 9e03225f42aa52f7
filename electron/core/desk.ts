// The desk's state in one place: where its files are, the open database and data key, the session, the clock; it opens
// the database only as it was left and names a damaged one (db/guard.ts).
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Role } from '../../src-shared/roles';
import { appendEvent, headAppendedIn, type AuditEventInput } from './audit/chain';
import { SigninState } from './auth/signin-state';
import { databaseHead, type ChainHead } from './db/chain-head';
import { DatabaseGuard } from './db/guard';
import { openDatabase } from './db/open';
import type { Database } from './db/schema';
import { DeskError } from './errors';
import { eraseDueIdCopies } from './idcopies/retention';
import { checkKeyringMac, readKeyring, type Keyring } from './keys/keyring';
import type { Printer } from './printer';

/** How often ID copies due for erasure are looked for while the database is open. */
const retentionIntervalMs = 60 * 60 * 1000;

/**
 * How long a sign-in waits for the check of every page (db/open.ts, ~10 ms a megabyte here): a desk of up to ~150 MB
 * (about 40,000 customers) is checked before the first screen; a larger one is checked beside the work from the start
 * (db/guard.ts), so that its officer does not wait for nothing.
 */
export const wholeFileCheckWaitMs = 1500;

export interface Session {
  accountId: string;
  loginId: string;
  displayName: string;
  role: Role;
  locked: boolean;
  mustChangePassword: boolean;
  lastActivity: number;
  idleLockMinutes: number;
}

export interface Logger {
  warn(message: string): void;
  error(message: string, err?: unknown): void;
}

/** The save dialog at the edge: the path the person chose, or null when they cancelled. */
export interface SaveDialog {
  choose(options: { defaultPath: string; filters: { name: string; extensions: string[] }[] }): Promise<string | null>;
}

export interface DeskOptions {
  /** The data folder: database, keyring and sign-in state. Created with 0700 permissions. */
  dataDir: string;
  /** Where exports (audit files, rejected rows, packages) are written. */
  exportsDir: string;
  clock?: () => Date;
  log?: Logger;
  /** Turns HTML into PDF; the edge provides it (Electron's printToPDF, or Chromium for the host). */
  printer?: Printer;
  /** The operating system's save dialog; the edge provides it (Electron's dialog; the host accepts the default). */
  saveDialog?: SaveDialog;
  /** Told the signed-in person's language (at sign-in and when they switch): the application menu follows it. */
  onLanguage?: (language: 'ja' | 'en') => void;
  /** How long a sign-in waits for the check of every page (tests set 0 to see a damage found after it). */
  wholeFileCheckWaitMs?: number;
}

export class Desk {
  readonly dataDir: string;
  readonly exportsDir: string;
  readonly paths: { keyring: string; database: string; signin: string; chainHead: string };
  readonly log: Logger;
  readonly signin: SigninState;
  readonly printer: Printer | undefined;
  readonly saveDialog: SaveDialog | undefined;
  readonly onLanguage: ((language: 'ja' | 'en') => void) | undefined;
  private readonly clock: () => Date;
  private readonly guard: DatabaseGuard;
  /** signin.json was absent from a desk that was set up: its lockouts and waiting events are gone. */
  private signinStateMissing: boolean;

  db: Kysely<Database> | null = null;
  dataKey: Buffer | null = null;
  session: Session | null = null;

  constructor(options: DeskOptions) {
    this.dataDir = options.dataDir;
    this.exportsDir = options.exportsDir;
    mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    // mkdir's mode is masked by the umask and ignored for an existing folder: set it outright.
    chmodSync(this.dataDir, 0o700);
    this.paths = {
      keyring: join(this.dataDir, 'keyring.json'),
      database: join(this.dataDir, 'desk.db'),
      signin: join(this.dataDir, 'signin.json'),
      chainHead: join(this.dataDir, 'chain-head.json'),
    };
    this.clock = options.clock ?? (() => new Date());
    this.printer = options.printer;
    this.saveDialog = options.saveDialog;
    this.onLanguage = options.onLanguage;
    this.log = options.log ?? { warn: (m) => console.warn(m), error: (m, e) => (e === undefined ? console.error(m) : console.error(m, e)) };
    this.signinStateMissing = existsSync(this.paths.keyring) && !existsSync(this.paths.signin);
    this.signin = new SigninState(this.paths.signin);
    this.guard = new DatabaseGuard(this.paths, this.dataDir, this.log, options.wholeFileCheckWaitMs ?? wholeFileCheckWaitMs);
  }

  /** A damage found in the database file (the whole-file check, or a page a call read). */
  get damage(): { error: DeskError } | null {
    return this.guard.damage;
  }

  /** The check of every page of the open database: settles when it is done, found damage or was stopped. */
  get wholeFileChecked(): Promise<void> {
    return this.guard.wholeFileChecked;
  }

  now(): Date {
    return this.clock();
  }

  isSetUp(): boolean {
    return existsSync(this.paths.keyring);
  }

  keyring(): Keyring {
    let keyring: Keyring | null;
    try {
      keyring = readKeyring(this.paths.keyring);
    } catch (err) {
      // The screen names the folder to set aside before a restore.
      throw this.guard.named(err);
    }
    if (!keyring) throw new DeskError('INTEGRITY', 'keyring.missing', { folder: this.dataDir });
    return keyring;
  }

  /**
   * A database without a keyring is a setup that never finished (or a lost keyring): kept aside, never deleted, with
   * its chain-head record, which speaks for that database and not for the one that comes next.
   */
  setAsideOrphanDatabase(): void {
    if (!existsSync(this.paths.database)) return;
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(this.paths.database + suffix)) renameSync(this.paths.database + suffix, `${this.paths.database}.orphaned-${stamp}${suffix}`);
    }
    this.guard.setAsideRecord(stamp);
    this.log.warn(`a database without a keyring was set aside as desk.db.orphaned-${stamp}`);
  }

  /**
   * Opens the database with a data key that a wrap gave, after checking that the keyring was not edited and that the
   * database still holds every change recorded as committed; then starts the check of every page (db/open.ts).
   */
  async openWith(dataKey: Buffer, keyring: Keyring): Promise<void> {
    this.guard.refuseKnownDamage();
    if (this.db) {
      if (this.dataKey && !this.dataKey.equals(dataKey)) throw new DeskError('INTEGRITY', 'keyring.tampered');
      return;
    }
    try {
      checkKeyringMac(keyring, dataKey);
    } catch (err) {
      throw this.guard.named(err);
    }
    if (!existsSync(this.paths.database)) throw new DeskError('INTEGRITY', 'database.missing', { folder: this.dataDir });
    // Read-only first: a database found short or damaged is left exactly as it was found, its -wal included.
    const record = await this.guard.inspect(dataKey);
    try {
      this.db = await openDatabase(this.paths.database, dataKey, { wholeFile: false });
    } catch (err) {
      await this.guard.stopCheck();
      throw this.guard.named(err);
    }
    this.dataKey = Buffer.from(dataKey);
    try {
      const notes = await this.guard.sideFileNotes(this.db, record, this.signinStateMissing, this.now().toISOString());
      if (notes.length > 0) await this.transaction((tx) => appendAll(tx, notes));
      // From now on the file exists whenever the desk is set up, so that its absence means loss.
      if (!existsSync(this.paths.signin)) this.signin.clearPending();
      this.signinStateMissing = false;
      await this.flushPendingEvents();
      await this.recordChainHead();
    } catch (err) {
      await this.close();
      throw this.guard.named(err);
    }
    await this.runRetention();
    // A damaged page that the first retention run read ended the desk already: this sign-in is refused with it.
    if (this.guard.damage) {
      await this.close();
      throw this.guard.damage.error;
    }
    // An ID copy is kept only as long as the check needs it (policy §5.2 note): its erasure day may come while the
    // desk stays open for days, so the run repeats every hour. unref(): the timer never keeps the process alive.
    this.retentionTimer = setInterval(() => void this.runRetention(), retentionIntervalMs);
    this.retentionTimer.unref();
  }

  /**
   * The damage is known while the desk is open: the session ends and the database closes, nothing repaired. The
   * event waits in signin.json: only a database that opens whole takes it into its trail. Not awaited: the
   * transaction that found it may belong to a run that close() waits for.
   */
  private endForDamage(): void {
    const session = this.session;
    this.session = null;
    void this.close()
      .then(() => this.audit({ actorId: session?.accountId ?? null, actorRole: session?.role ?? null, action: 'desk.damaged', outcome: 'failed', details: { code: 'INTEGRITY', reason: 'database.damaged' } }))
      .catch((err: unknown) => this.log.error('closing a damaged database failed', err));
  }

  /** Writes the database's head to chain-head.json (after a restore, or at close). */
  async recordChainHead(): Promise<void> {
    if (!this.db) return;
    this.guard.record(await databaseHead(this.db));
  }

  private retentionTimer: NodeJS.Timeout | null = null;
  private retentionRun: Promise<void> | null = null;

  /** Erases what retention says is due. Never throws: a failed run is logged and tried again on the next one. */
  runRetention(): Promise<void> {
    this.retentionRun ??= this.eraseDueIdCopies().finally(() => {
      this.retentionRun = null;
    });
    return this.retentionRun;
  }

  private async eraseDueIdCopies(): Promise<void> {
    const db = this.db;
    if (!db) return;
    try {
      const erased = await this.transaction((tx) => eraseDueIdCopies(tx, this.now()));
      if (erased > 0 && this.db === db) await this.flushErasedPages();
    } catch (err) {
      this.log.error('retention: erasing due ID copies failed', err);
    }
  }

  /**
   * Writes the WAL's pages home and empties it, so no earlier page image of erased values stays in the -wal file
   * (secure_delete zeroed them in the database). Never inside a transaction: after the commit of what was erased. A
   * reader holding the WAL (the whole-file check runs for half a minute at a million customers) makes the checkpoint
   * give up after the busy timeout; it then runs again once that check has settled, in the background, so the call
   * that erased does not wait for the check.
   */
  async flushErasedPages(): Promise<void> {
    const db = this.db;
    if (!db || (await this.checkpoint(db))) return;
    void this.checkpointLater(db).catch((err: unknown) => this.log.error('emptying the WAL after an erasure failed', err));
  }

  /** After the whole-file check, a few more tries some seconds apart (each waits the busy timeout for readers). */
  private async checkpointLater(db: Kysely<Database>): Promise<void> {
    await this.wholeFileChecked;
    for (let attempt = 0; attempt < 3; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 10_000).unref());
      if (this.db !== db || (await this.checkpoint(db))) return;
    }
    this.log.warn('the WAL could not be emptied after an erasure; the next checkpoint will');
  }

  /** True when the checkpoint emptied the WAL (SQLite answers busy = 1 when a reader kept it from finishing). */
  private async checkpoint(db: Kysely<Database>): Promise<boolean> {
    const { rows } = await sql<{ busy: number }>`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
    return Number(rows[0]?.busy ?? 0) === 0;
  }

  /** Creates the database of a new desk, and the sign-in state beside it (so that its absence later means loss). */
  async create(dataKey: Buffer): Promise<Kysely<Database>> {
    this.db = await openDatabase(this.paths.database, dataKey);
    chmodSync(this.paths.database, 0o600);
    this.dataKey = Buffer.from(dataKey);
    if (!existsSync(this.paths.signin)) this.signin.clearPending();
    this.signinStateMissing = false;
    return this.db;
  }

  /** Closes the database (sign-out, lockout, quit, damage); calls while a close is under way share it. */
  close(): Promise<void> {
    this.closing ??= this.closeNow().finally(() => {
      this.closing = null;
    });
    return this.closing;
  }

  private closing: Promise<void> | null = null;

  private async closeNow(): Promise<void> {
    if (this.retentionTimer) clearInterval(this.retentionTimer);
    this.retentionTimer = null;
    // The check's read-only connection goes first (interrupted at once), so that the desk's own close is the last one
    // and folds the -wal into the database as usual.
    await this.guard.stopCheck();
    // A run under way finishes (or fails and is logged) before the connection goes.
    await this.retentionRun;
    const db = this.db;
    this.db = null;
    this.session = null;
    // Overwrite the key in memory before letting it go.
    if (this.dataKey) randomBytes(this.dataKey.length).copy(this.dataKey);
    this.dataKey = null;
    if (db) {
      // A setup's first transaction (or any other taken outside `transaction`) is recorded here at the latest.
      await databaseHead(db).then((head) => this.guard.record(head), () => undefined);
      await db.destroy();
    }
    this.guard.closeRecord();
  }

  requireDb(): Kysely<Database> {
    if (!this.db) throw this.guard.damage?.error ?? new DeskError('UNAUTHENTICATED', 'auth.required');
    return this.db;
  }

  /** Marks the async context of a running transaction, so that nesting is told apart from concurrency. */
  private readonly inTransaction = new AsyncLocalStorage<true>();

  /**
   * One transaction; after its commit the chain's new head goes to chain-head.json. A refused write (disk full,
   * read-only, a size limit) or a damaged page comes out as a typed error (`knownFault`), after the rollback.
   */
  async transaction<T>(work: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
    // One connection: calls from elsewhere simply wait their turn (the driver queues them), but a transaction
    // begun from inside another would wait for itself forever. Fail loudly instead.
    if (this.inTransaction.getStore()) throw new Error('a desk transaction was begun inside another; pass the transaction down instead');
    if (this.guard.damage && this.db) {
      // Found by the whole-file check after the sign-in: nothing more is written to this file.
      this.endForDamage();
      throw this.guard.damage.error;
    }
    let failure: unknown;
    let head: ChainHead | undefined;
    let result: T;
    try {
      result = await this.requireDb()
        .transaction()
        .execute((tx) =>
          this.inTransaction.run(true, async () => {
            try {
              const value = await work(tx);
              // The head this transaction's appends left (none: nothing to record).
              head = headAppendedIn(tx);
              return value;
            } catch (err) {
              // Kept: when SQLite has already rolled back (SQLITE_FULL does), Kysely's own rollback fails and its
              // error would hide this one.
              failure = err;
              throw err;
            }
          }),
        );
    } catch (err) {
      const fault = this.guard.knownFault(failure ?? err);
      if (fault?.key === 'database.damaged') {
        // A page failed its HMAC as a call read it.
        const error = this.guard.noteDamage(fault);
        this.endForDamage();
        throw error;
      }
      throw fault ?? failure ?? err;
    }
    // After the commit: a record written before it could claim what a crash then took away.
    if (head) this.guard.record(head);
    return result;
  }

  /** The typed error for a refused write or a damaged page (db/guard.ts); the router can ask it of faults outside `transaction`. */
  knownFault(err: unknown): DeskError | null {
    return this.guard.knownFault(err);
  }

  /** Records an event now if the database is open, or keeps it for the next unlock. */
  async audit(event: Omit<AuditEventInput, 'at'> & { at?: string }): Promise<void> {
    const full: AuditEventInput = { ...event, at: event.at ?? this.now().toISOString() };
    if (this.db) await this.transaction((tx) => appendEvent(tx, full).then(() => undefined));
    else this.signin.queue(full);
  }

  private async flushPendingEvents(): Promise<void> {
    const pending = this.signin.pending();
    const damaged = this.signin.wasDamaged;
    if (pending.length === 0 && !damaged) return;
    await this.transaction(async (tx) => {
      if (damaged) await appendEvent(tx, { at: this.now().toISOString(), action: 'auth.signinStateReset', outcome: 'failed', details: { reason: 'damaged' } });
      for (const event of pending) await appendEvent(tx, event);
    });
    this.signin.clearPending();
  }
}

async function appendAll(db: Kysely<Database>, events: AuditEventInput[]): Promise<void> {
  for (const event of events) await appendEvent(db, event);
}
