// backup.restore, on a fresh installation only: the recovery key of the backup's day opens its data key; the header's
// MAC, the database's pages and the audit chain are checked on a copy beside the data folder's files, and only then are
// desk.db and keyring.json put in place (renames). On any failure nothing of the backup is left in the data folder.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import type { Kysely } from 'kysely';
import type { RestoreResult } from '../../../src-shared/api/backup';
import { appendEvent, verifyChain } from '../audit/chain';
import { latestMigration } from '../db/migrations';
import { openDatabase } from '../db/open';
import type { Database } from '../db/schema';
import type { Desk } from '../desk';
import { DeskError } from '../errors';
import { keyringMacMatches, withRecovery, writeKeyring } from '../keys/keyring';
import { parseRecoveryKey } from '../keys/recovery-key';
import { removeDatabaseFile, rotationFiles, syncFolder } from '../keys/settle';
import { makeRecoveryWrap, openRecoveryWrap } from '../keys/slots';
import { writeFileFrom } from './file-copy';
import { headerMacMatches, readBackupHeader, type BackupHeader } from './format';

async function openCopy(file: string, dataKey: Buffer): Promise<Kysely<Database>> {
  try {
    return await openDatabase(file, dataKey);
  } catch {
    // A page that fails its HMAC, a damaged b-tree or a migration that cannot run: the copy is not whole.
    throw new DeskError('INTEGRITY', 'backup.damaged');
  }
}

/** The restored database must be the backup's own, whole, with the chain it claims; then the restore joins the chain. */
async function checkAndRecord(db: Kysely<Database>, header: BackupHeader, file: string, at: string): Promise<Pick<RestoreResult, 'accounts' | 'customers'>> {
  const chain = await verifyChain(db);
  if (!chain.valid) throw new DeskError('INTEGRITY', 'backup.chainBroken', { brokenAt: chain.brokenAt, reason: chain.reason });
  if (chain.events !== header.events || chain.head !== header.chainHead) throw new DeskError('INTEGRITY', 'backup.damaged');
  const installation = await db.selectFrom('installation').select('installation_id').where('id', '=', 1).executeTakeFirst();
  if (installation?.installation_id !== header.installationId) throw new DeskError('INTEGRITY', 'backup.tampered');
  const accounts = await db.selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'active').executeTakeFirstOrThrow();
  const customers = await db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  await db.transaction().execute((tx) =>
    appendEvent(tx, {
      at,
      action: 'backup.restore',
      outcome: 'ok',
      targetType: 'backup',
      targetId: basename(file),
      details: { createdAt: header.createdAt, events: header.events, chainHead: header.chainHead },
    }),
  );
  return { accounts: Number(accounts.n), customers: Number(customers.n) };
}

/**
 * Files a lost desk left behind would be read as speaking for the restored one (a rotation cut short, the record of
 * the chain's head): set aside beside it, never deleted.
 */
function setAsideLeftovers(desk: Desk): void {
  const files = rotationFiles(desk.paths);
  const stamp = desk.now().toISOString().replace(/[:.]/g, '-');
  const chainHead = join(dirname(desk.paths.keyring), 'chain-head.json');
  for (const file of [files.nextKeyring, files.nextDatabase, chainHead]) if (existsSync(file)) renameSync(file, `${file}.orphaned-${stamp}`);
}

/** A write the data folder refused (no room, no permission), said without its path; anything else as it was. */
function dataFolderError(err: unknown): unknown {
  if (err instanceof DeskError) return err;
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return new DeskError('CONFLICT', 'backup.restoreDiskFull', { reason: code });
  if (code && /^(E[A-Z]+|SQLITE_(CANTOPEN|READONLY|IOERR|PERM))$/.test(code)) return new DeskError('CONFLICT', 'backup.restoreNotWritable', { reason: code });
  return err;
}

export async function restoreBackup(desk: Desk, file: string, typedKey: string): Promise<RestoreResult> {
  if (desk.isSetUp()) throw new DeskError('CONFLICT', 'backup.restoreNotFresh');
  if (!isAbsolute(file)) throw new DeskError('VALIDATION', 'backup.pathNotAbsolute');
  const { header, databaseOffset, fileBytes } = readBackupHeader(file);
  if (fileBytes < databaseOffset + header.database.bytes) throw new DeskError('INTEGRITY', 'backup.truncated');
  if (fileBytes > databaseOffset + header.database.bytes) throw new DeskError('INTEGRITY', 'backup.damaged');
  if (header.schemaVersion > latestMigration) throw new DeskError('CONFLICT', 'backup.newerVersion', { schemaVersion: header.schemaVersion });

  const secret = parseRecoveryKey(typedKey);
  const dataKey = secret ? await openRecoveryWrap(header.keyring, secret) : null;
  if (!secret || !dataKey) throw new DeskError('UNAUTHENTICATED', 'backup.wrongRecoveryKey');
  const staged = { database: `${desk.paths.database}.restoring`, keyring: join(dirname(desk.paths.keyring), 'keyring.restoring.json') };
  let placed = false;
  try {
    if (!keyringMacMatches(header.keyring, dataKey) || !headerMacMatches(header, dataKey) || header.keyring.installationId !== header.installationId) {
      throw new DeskError('INTEGRITY', 'backup.tampered');
    }
    removeDatabaseFile(staged.database);
    const sha256 = await writeFileFrom(staged.database, Buffer.alloc(0), file, databaseOffset, header.database.bytes);
    if (sha256 !== header.database.sha256) throw new DeskError('INTEGRITY', 'backup.damaged');

    const db = await openCopy(staged.database, dataKey);
    let counts: Pick<RestoreResult, 'accounts' | 'customers'>;
    try {
      counts = await checkAndRecord(db, header, file, desk.now().toISOString());
    } finally {
      // Closing the last connection moves the write-ahead log into the file and removes it.
      await db.destroy();
    }
    if (existsSync(`${staged.database}-wal`)) throw new DeskError('INTEGRITY', 'backup.damaged');
    // The recovery key is at hand: a version 1 wrap becomes a version 2 slot (keys/keyring.ts).
    const recovery = header.keyring.recovery.kind === 'recovery' ? await makeRecoveryWrap(header.keyring, secret, dataKey) : header.keyring.recovery;
    writeKeyring(staged.keyring, withRecovery(header.keyring, recovery), dataKey);

    // The database first, the keyring last: the keyring is what makes a desk "set up".
    desk.setAsideOrphanDatabase();
    setAsideLeftovers(desk);
    renameSync(staged.database, desk.paths.database);
    placed = true;
    syncFolder(desk.paths.database);
    renameSync(staged.keyring, desk.paths.keyring);
    syncFolder(desk.paths.keyring);
    return { createdAt: header.createdAt, events: header.events, chainHead: header.chainHead, ...counts };
  } catch (err) {
    removeDatabaseFile(staged.database);
    rmSync(staged.keyring, { force: true });
    if (placed && !desk.isSetUp()) removeDatabaseFile(desk.paths.database);
    throw dataFolderError(err);
  } finally {
    dataKey.fill(0);
  }
}
