// backup.create: a consistent snapshot of the whole desk while it is in use, written under a hidden temp name and
// renamed only once it is complete and checked, so a failed or interrupted backup never leaves a file that looks whole.
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupFile } from '../../../src-shared/api/backup';
import type { Desk } from '../desk';
import { DeskError } from '../errors';
import { keyringMacMatches } from '../keys/keyring';
import { removeDatabaseFile, syncFolder } from '../keys/settle';
import { checkDatabaseFile, closeFile, exportRaw, keyFile, openFile, type DatabaseFacts } from './database-file';
import { hashRange, writeFileFrom } from './file-copy';
import { backupExtension, encodeHeader, readBackupHeader, sealHeader } from './format';
import { folderError, prepareFolder } from './folder';

/** privacy-desk-backup-20261125-183000.pdbk, in the workstation's local time; a second backup in the same second gets -2. */
export function backupName(folder: string, at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  for (let n = 1; ; n++) {
    const name = `privacy-desk-backup-${stamp}${n === 1 ? '' : `-${n}`}${backupExtension}`;
    if (!existsSync(join(folder, name))) return name;
  }
}

/**
 * Exports the database on a second connection: in WAL mode its read transaction sees one committed state however the
 * desk's own connection goes on, and the copy is encrypted with the same data key (checked: no page is plain).
 */
async function snapshotInto(database: string, copy: string, dataKey: Buffer): Promise<DatabaseFacts> {
  const db = await openFile(database);
  try {
    await keyFile(db, dataKey);
    return await exportRaw(db, copy, dataKey);
  } finally {
    await closeFile(db);
  }
}

export async function createBackup(desk: Desk, folder: string): Promise<BackupFile> {
  const dataKey = Buffer.from(desk.dataKey!);
  try {
    // The keyring travels in the header: it must be the one this data key opens, or the backup would never restore.
    const keyring = desk.keyring();
    if (!keyringMacMatches(keyring, dataKey)) throw new DeskError('INTEGRITY', 'keyring.tampered');
    prepareFolder(folder);
    const createdAt = desk.now();
    const name = backupName(folder, createdAt);
    const file = join(folder, name);
    const copy = join(folder, `.${name}.db.partial`);
    const partial = join(folder, `.${name}.partial`);
    try {
      // Left by a backup that was cut short (a crash, a full disk): never taken for part of this one.
      removeDatabaseFile(copy);
      rmSync(partial, { force: true });
      const facts = await snapshotInto(desk.paths.database, copy, dataKey);
      const checked = await checkDatabaseFile(copy, dataKey, 'backup.snapshotFailed');
      if (checked.events !== facts.events || checked.chainHead !== facts.chainHead) throw new DeskError('INTEGRITY', 'backup.snapshotFailed');
      const bytes = statSync(copy).size;
      const header = sealHeader(
        {
          format: 'privacy-desk-backup',
          version: 1,
          installationId: facts.installationId,
          createdAt: createdAt.toISOString(),
          events: facts.events,
          chainHead: facts.chainHead,
          schemaVersion: facts.schemaVersion,
          keyring,
          database: { bytes, sha256: await hashRange(copy, 0, bytes) },
        },
        dataKey,
      );
      const sha256 = await writeFileFrom(partial, encodeHeader(header), copy, 0, bytes);
      // Read back as a restore would read it, before it takes a name that looks whole.
      const written = readBackupHeader(partial);
      const body = await hashRange(partial, written.databaseOffset, bytes);
      if (sha256 !== header.database.sha256 || body !== sha256 || written.header.mac !== header.mac || written.fileBytes !== written.databaseOffset + bytes) {
        throw new DeskError('INTEGRITY', 'backup.snapshotFailed');
      }
      renameSync(partial, file);
      syncFolder(file);
      return { file, bytes: written.fileBytes, createdAt: header.createdAt, events: header.events, chainHead: header.chainHead };
    } catch (err) {
      throw folderError(err, folder);
    } finally {
      removeDatabaseFile(copy);
      rmSync(partial, { force: true });
    }
  } finally {
    dataKey.fill(0);
  }
}
