// backup.* and keys.*: encrypted snapshots of the desk, their restore on a fresh installation, and the data key's rotation.
import { basename } from 'node:path';
import type { backup, keys } from '../../../src-shared/api/backup';
import type { Handlers } from '../handler';
import { absoluteFolder, listBackups, prepareFolder, readBackupSettings, writeBackupFolder, writeLastBackup } from './folder';
import { restoreBackup } from './restore';
import { rotateDataKey } from './rotate';
import { createBackup } from './snapshot';

export const backupHandlers: Handlers<typeof backup & typeof keys> = {
  'backup.settings': async (_input, { db, desk }) => readBackupSettings(db, desk),

  'backup.setFolder': async (input, ctx) => {
    const folder = absoluteFolder(input.folder);
    prepareFolder(folder);
    await writeBackupFolder(ctx.db, folder);
    Object.assign(ctx.audit, { targetType: 'settings', targetId: 'backupFolder', fields: ['backupFolder'], details: { folder } });
    return readBackupSettings(ctx.db, ctx.desk);
  },

  'backup.create': async (input, ctx) => {
    const folder = input.folder ? absoluteFolder(input.folder) : (await readBackupSettings(ctx.db, ctx.desk)).folder;
    const made = await createBackup(ctx.desk, folder);
    await writeLastBackup(ctx.db, { file: made.file, createdAt: made.createdAt, bytes: made.bytes });
    const name = basename(made.file);
    Object.assign(ctx.audit, { targetType: 'backup', targetId: name, details: { file: name, folder, bytes: made.bytes, events: made.events } });
    return made;
  },

  'backup.list': async (input, { db, desk }) => {
    const folder = input.folder ? absoluteFolder(input.folder) : (await readBackupSettings(db, desk)).folder;
    return { folder, backups: listBackups(folder) };
  },

  'backup.restore': async (input, { desk }) => restoreBackup(desk, input.file, input.recoveryKey),

  'keys.rotate': async (input, { desk }) => rotateDataKey(desk, input.password),
};
