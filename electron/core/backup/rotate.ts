// keys.rotate: a new random data key; the database exported under it (sqlcipher_export to desk.db.next, then swapped:
// SQLCipher's in-place `PRAGMA rekey` leaves no state a crash can be settled from, and WAL complicates it), and the
// new key sealed to every account's and the recovery key's public key. Old wraps no longer open the database.
// The order of the files on disk is what keys/settle.ts reads after a crash.
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { confirmPassword } from '../auth/service';
import type { Desk } from '../desk';
import { DeskError } from '../errors';
import { keyringMacMatches, legacyWraps, writeKeyring, type Keyring } from '../keys/keyring';
import { removeDatabaseFile, rotationFiles, settleRotation, syncFolder } from '../keys/settle';
import { resealDataKey } from '../keys/slots';
import { checkDatabaseFile, exportThrough, foldWriteAheadLog } from './database-file';

/** The moments between the steps; tests copy the data folder there to stand for a crash. */
export type RotationStep = 'exported' | 'nextKeyringWritten' | 'databaseSwapped' | 'keyringSwapped';
export type RotationObserver = (step: RotationStep) => void | Promise<void>;

function legacyError(legacy: { accounts: number; recoveryKey: boolean }): DeskError {
  const details = { accounts: legacy.accounts, recoveryKey: legacy.recoveryKey };
  if (legacy.accounts > 0 && legacy.recoveryKey) return new DeskError('CONFLICT', 'keys.legacyAccountsAndRecovery', details);
  if (legacy.accounts > 0) return new DeskError('CONFLICT', 'keys.legacyAccounts', details);
  return new DeskError('CONFLICT', 'keys.legacyRecovery', details);
}

export async function rotateDataKey(desk: Desk, password: string, observe: RotationObserver = () => undefined): Promise<{ rotatedAt: string; accounts: number }> {
  const session = desk.session!;
  const actor = { actorId: session.accountId, actorRole: session.role, action: 'keys.rotate' };
  // A wrong password is counted and recorded there.
  await confirmPassword(desk, password, 'keys.rotate');
  const refuse = async (err: DeskError): Promise<never> => {
    await desk.audit({ ...actor, outcome: 'failed', details: { code: err.code, reason: err.key } });
    throw err;
  };
  const keyring = desk.keyring();
  const oldKey = Buffer.from(desk.dataKey!);
  // The public keys the new data key is sealed to come from this file: only a keyring this data key vouches for.
  if (!keyringMacMatches(keyring, oldKey)) return refuse(new DeskError('INTEGRITY', 'keyring.tampered'));
  const legacy = legacyWraps(keyring);
  // Never lock anyone out: a version 1 wrap cannot receive the new key without its password.
  if (legacy.accounts > 0 || legacy.recoveryKey) return refuse(legacyError(legacy));
  const files = rotationFiles(desk.paths);
  if (existsSync(files.nextKeyring)) return refuse(new DeskError('CONFLICT', 'keys.rotationUnderWay'));

  const newKey = randomBytes(32);
  const db = desk.requireDb();
  let closed = false;
  let swapped = false;
  try {
    removeDatabaseFile(files.nextDatabase);
    // The desk's one connection is held from the export until it closes: no call can write to the old file meanwhile,
    // and a call that was waiting for it finds it closed (an error, never a write lost).
    await db.connection().execute(async (connection) => {
      await exportThrough(connection as Kysely<unknown>, files.nextDatabase, newKey);
      await checkDatabaseFile(files.nextDatabase, newKey, 'keys.rotationFailed');
      await observe('exported');
      writeKeyring(files.nextKeyring, resealDataKey(keyring, newKey), newKey);
      syncFolder(files.nextKeyring);
      await observe('nextKeyringWritten');
      closed = true;
      // Closing the last connection moves the write-ahead log into desk.db and removes it.
      await db.destroy();
    });
    await desk.close();
    // Another reader (the desk's check of every page) may have kept the log from being folded at that close.
    if (existsSync(`${files.database}-wal`)) await foldWriteAheadLog(files.database, oldKey);
    if (existsSync(`${files.database}-wal`)) throw new DeskError('INTEGRITY', 'keys.rotationFailed');
    renameSync(files.nextDatabase, files.database);
    swapped = true;
    syncFolder(files.database);
    await observe('databaseSwapped');
    renameSync(files.nextKeyring, files.keyring);
    syncFolder(files.keyring);
    await observe('keyringSwapped');
  } catch (err) {
    // Whatever step failed, the files are settled as after a crash, and the desk goes on under the key they agree on.
    try {
      settleRotation(desk.paths);
    } catch (settleErr) {
      // Left for the next sign-in, which settles the same files before it reads the keyring.
      desk.log.error('keys.rotate: settling the files failed', settleErr);
    }
    if (closed) await reopen(desk, swapped ? newKey : oldKey, session).catch((reopenErr: unknown) => desk.log.error('keys.rotate: reopening the desk failed', reopenErr));
    newKey.fill(0);
    oldKey.fill(0);
    desk.log.error('keys.rotate failed; the desk stays on the key its files agree on', err);
    return refuse(err instanceof DeskError ? err : new DeskError('INTEGRITY', 'keys.rotationFailed'));
  }
  await reopen(desk, newKey, session);
  newKey.fill(0);
  oldKey.fill(0);
  const rotatedAt = desk.now().toISOString();
  const accounts = keyring.passwords.length;
  await desk.audit({ ...actor, outcome: 'ok', targetType: 'dataKey', details: { accounts } });
  return { rotatedAt, accounts };
}

/** Opens the desk again under `key`, with the officer's session as it was. */
async function reopen(desk: Desk, key: Buffer, session: NonNullable<Desk['session']>): Promise<void> {
  const current: Keyring = desk.keyring();
  await desk.openWith(key, current);
  desk.session = session;
}
