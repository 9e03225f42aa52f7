// Where backups go: the officer's folder (kept in the database's settings; the exports folder's `backups` by default),
// made 0700 when missing and checked writable, and the backups found in a folder, read from their headers alone.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import type { BackupFile, BackupSettings } from '../../../src-shared/api/backup';
import type { Database } from '../db/schema';
import type { Desk } from '../desk';
import { DeskError } from '../errors';
import { backupExtension, readBackupHeader } from './format';

const folderKey = 'backupFolder';
const lastKey = 'lastBackup';

async function readSetting<T>(db: Kysely<Database>, key: string): Promise<T | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.value) as T) : null;
}

async function writeSetting(db: Kysely<Database>, key: string, value: unknown): Promise<void> {
  const text = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: text })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: text }))
    .execute();
}

export async function readBackupSettings(db: Kysely<Database>, desk: Desk): Promise<BackupSettings> {
  const folder = (await readSetting<string>(db, folderKey)) ?? join(desk.exportsDir, 'backups');
  return { folder, last: await readSetting<BackupSettings['last']>(db, lastKey) };
}

export const writeBackupFolder = (db: Kysely<Database>, folder: string) => writeSetting(db, folderKey, folder);
export const writeLastBackup = (db: Kysely<Database>, last: NonNullable<BackupSettings['last']>) => writeSetting(db, lastKey, last);

const diskFull = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'SQLITE_FULL']);
const notWritable = new Set(['EACCES', 'EPERM', 'EROFS', 'EBUSY', 'EIO', 'ENOENT', 'SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_IOERR', 'SQLITE_PERM']);

/** A file-system failure as the officer can act on it (no room, no permission, not a folder); anything else as it was. */
export function folderError(err: unknown, folder: string): unknown {
  if (err instanceof DeskError) return err;
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (!code) return err;
  if (diskFull.has(code)) return new DeskError('CONFLICT', 'backup.diskFull', { folder, reason: code });
  if (code === 'ENOTDIR' || code === 'EEXIST' || code === 'EISDIR') return new DeskError('VALIDATION', 'backup.notAFolder', { folder, reason: code });
  if (notWritable.has(code)) return new DeskError('CONFLICT', 'backup.folderNotWritable', { folder, reason: code });
  return err;
}

/** A typed folder must say where it is: a relative path would depend on where the app happened to start. */
export function absoluteFolder(folder: string): string {
  if (!isAbsolute(folder)) throw new DeskError('VALIDATION', 'backup.pathNotAbsolute', { folder });
  // resolve() also drops a trailing separator, so one folder is always written the same way.
  return resolve(folder);
}

/** Creates the folder (0700: backups are for the officer's account only) and proves it can be written now. */
export function prepareFolder(folder: string): void {
  try {
    if (existsSync(folder)) {
      if (!statSync(folder).isDirectory()) throw new DeskError('VALIDATION', 'backup.notAFolder', { folder });
    } else {
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      // mkdir's mode is masked by the umask: set it outright on the folder we made.
      chmodSync(folder, 0o700);
    }
    const probe = join(folder, `.privacy-desk-probe-${randomBytes(6).toString('hex')}`);
    writeFileSync(probe, '', { mode: 0o600 });
    rmSync(probe, { force: true });
  } catch (err) {
    throw folderError(err, folder);
  }
}

/** The backups in a folder, newest first; files that are not backups (or are damaged) are left out. */
export function listBackups(folder: string): BackupFile[] {
  if (!existsSync(folder)) return [];
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (err) {
    throw folderError(err, folder);
  }
  const backups: BackupFile[] = [];
  for (const name of names) {
    if (!name.endsWith(backupExtension) || name.startsWith('.')) continue;
    const file = join(folder, name);
    try {
      const { header, fileBytes } = readBackupHeader(file);
      backups.push({ file, bytes: fileBytes, createdAt: header.createdAt, events: header.events, chainHead: header.chainHead });
    } catch {
      // Not ours, or damaged: a restore of it would say why; the list shows what can be restored.
    }
  }
  return backups.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.file.localeCompare(a.file));
}
