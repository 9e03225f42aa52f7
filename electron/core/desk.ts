// The desk's state in one place: where its files are, the open database and data key, the session, the clock.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Role } from '../../src-shared/roles';
import { appendEvent, type AuditEventInput } from './audit/chain';
import { SigninState } from './auth/signin-state';
import { openDatabase } from './db/open';
import type { Database } from './db/schema';
import { DeskError } from './errors';
import { eraseDueIdCopies } from './idcopies/retention';
import { checkKeyringMac, readKeyring, type Keyring } from './keys/keyring';
import type { Printer } from './printer';

/** How often ID copies due for erasure are looked for while the database is open. */
const retentionIntervalMs = 60 * 60 * 1000;

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

export interface DeskOptions {
  /** The data folder: database, keyring and sign-in state. Created with 0700 permissions. */
  dataDir: string;
  /** Where exports (audit files, rejected rows, packages) are written. */
  exportsDir: string;
  clock?: () => Date;
  log?: Logger;
  /** Turns HTML into PDF; the edge provides it (Electron's printToPDF, or Chromium for the host). */
  printer?: Printer;
}

export class Desk {
  readonly dataDir: string;
  readonly exportsDir: string;
  readonly paths: { keyring: string; database: string; signin: string };
  readonly log: Logger;
  readonly signin: SigninState;
  readonly printer: Printer | undefined;
  private readonly clock: () => Date;

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
    };
    this.clock = options.clock ?? (() => new Date());
    this.printer = options.printer;
    this.log = options.log ?? { warn: (m) => console.warn(m), error: (m, e) => console.error(m, e) };
    this.signin = new SigninState(this.paths.signin);
  }

  now(): Date {
    return this.clock();
  }

  isSetUp(): boolean {
    return existsSync(this.paths.keyring);
  }

  keyring(): Keyring {
    const keyring = readKeyring(this.paths.keyring);
    if (!keyring) throw new DeskError('INTEGRITY', 'keyring.missing');
    return keyring;
  }

  /** A database without a keyring is a setup that never finished (or a lost keyring): kept aside, never deleted. */
  setAsideOrphanDatabase(): void {
    if (!existsSync(this.paths.database)) return;
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(this.paths.database + suffix)) renameSync(this.paths.database + suffix, `${this.paths.database}.orphaned-${stamp}${suffix}`);
    }
    this.log.warn(`a database without a keyring was set aside as desk.db.orphaned-${stamp}`);
  }

  /** Opens the database with a data key that a wrap gave, and checks that the keyring was not edited. */
  async openWith(dataKey: Buffer, keyring: Keyring): Promise<void> {
    if (this.db) {
      if (this.dataKey && !this.dataKey.equals(dataKey)) throw new DeskError('INTEGRITY', 'keyring.tampered');
      return;
    }
    checkKeyringMac(keyring, dataKey);
    if (!existsSync(this.paths.database)) throw new DeskError('INTEGRITY', 'database.missing');
    this.db = await openDatabase(this.paths.database, dataKey);
    this.dataKey = Buffer.from(dataKey);
    await this.flushPendingEvents();
    await this.runRetention();
    // An ID copy is kept only as long as the check needs it (policy §5.2 note): its erasure day may come while the
    // desk stays open for days, so the run repeats every hour. unref(): the timer never keeps the process alive.
    this.retentionTimer = setInterval(() => void this.runRetention(), retentionIntervalMs);
    this.retentionTimer.unref();
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
      // Moves the erased images' old pages out of the -wal file into the database, where secure_delete zeroed them.
      if (erased > 0 && this.db === db) await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
    } catch (err) {
      this.log.error('retention: erasing due ID copies failed', err);
    }
  }

  /** Creates the database of a new desk. */
  async create(dataKey: Buffer): Promise<Kysely<Database>> {
    this.db = await openDatabase(this.paths.database, dataKey);
    chmodSync(this.paths.database, 0o600);
    this.dataKey = Buffer.from(dataKey);
    return this.db;
  }

  async close(): Promise<void> {
    if (this.retentionTimer) clearInterval(this.retentionTimer);
    this.retentionTimer = null;
    // A run under way finishes (or fails and is logged) before the connection goes.
    await this.retentionRun;
    const db = this.db;
    this.db = null;
    this.session = null;
    // Overwrite the key in memory before letting it go.
    if (this.dataKey) randomBytes(this.dataKey.length).copy(this.dataKey);
    this.dataKey = null;
    if (db) await db.destroy();
  }

  requireDb(): Kysely<Database> {
    if (!this.db) throw new DeskError('UNAUTHENTICATED', 'auth.required');
    return this.db;
  }

  /** Marks the async context of a running transaction, so that nesting is told apart from concurrency. */
  private readonly inTransaction = new AsyncLocalStorage<true>();

  async transaction<T>(work: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
    // One connection: calls from elsewhere simply wait their turn (the driver queues them), but a transaction
    // begun from inside another would wait for itself forever. Fail loudly instead.
    if (this.inTransaction.getStore()) throw new Error('a desk transaction was begun inside another; pass the transaction down instead');
    return this.requireDb()
      .transaction()
      .execute((tx) => this.inTransaction.run(true, () => work(tx)));
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
