// The officer chooses where backups go and sees the backups there; a folder that cannot be written is named clearly,
// and what a backup cut short left behind is never taken for a backup.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupFile, BackupSettings } from '../../../../src-shared/api/backup';
import { errorOf, setUpDesk, type TestDesk } from '../../helpers/desk';
import { filesIn, officer } from './office';

let desk: TestDesk & { recoveryKey: string };
beforeAll(async () => {
  desk = await setUpDesk();
  await desk.ok('auth.login', { loginId: officer.loginId, password: officer.password });
});
afterAll(async () => desk.dispose());

const mode = (path: string) => statSync(path).mode & 0o777;

describe('the backup folder', () => {
  it('is the exports folder\'s backups until the officer chooses another, and is made owner-only at the first backup', async () => {
    const defaults = await desk.ok<BackupSettings>('backup.settings');
    expect(defaults).toEqual({ folder: join(desk.exportsDir, 'backups'), last: null });
    const made = await desk.ok<BackupFile>('backup.create');
    expect(mode(defaults.folder)).toBe(0o700);
    expect(mode(made.file)).toBe(0o600);
    expect((await desk.ok<BackupSettings>('backup.settings')).last).toEqual({ file: made.file, createdAt: made.createdAt, bytes: made.bytes });
  });

  it('a chosen folder is created owner-only, remembered, and used by the next backups, listed newest first', async () => {
    const chosen = join(desk.exportsDir, '..', 'nas-mount', 'privacy-desk');
    const settings = await desk.ok<BackupSettings>('backup.setFolder', { folder: `${chosen}/` });
    expect(settings.folder).toBe(chosen);
    expect(mode(chosen)).toBe(0o700);
    const first = await desk.ok<BackupFile>('backup.create');
    desk.clock.advanceMinutes(1);
    const second = await desk.ok<BackupFile>('backup.create');
    // Another file in the folder, and one that only looks like a backup, are not listed.
    writeFileSync(join(chosen, 'readme.txt'), 'backups of the privacy desk');
    writeFileSync(join(chosen, 'privacy-desk-backup-20200101-000000.pdbk'), 'not really');
    const listed = await desk.ok<{ folder: string; backups: BackupFile[] }>('backup.list');
    expect(listed.folder).toBe(chosen);
    expect(listed.backups.map((b) => b.file)).toEqual([second.file, first.file]);
    expect(second.events).toBeGreaterThan(first.events);
    // The other folder's backup is still there to be listed by naming it.
    const elsewhere = await desk.ok<{ backups: BackupFile[] }>('backup.list', { folder: join(desk.exportsDir, 'backups') });
    expect(elsewhere.backups).toHaveLength(1);
    const event = await desk.core.desk.requireDb().selectFrom('audit_events').selectAll().where('action', '=', 'backup.setFolder').executeTakeFirstOrThrow();
    expect(JSON.parse(event.fields!)).toEqual(['backupFolder']);
  });

  it('a folder that cannot be a folder, or a relative path, is refused with a clear reason and changes nothing', async () => {
    const before = await desk.ok<BackupSettings>('backup.settings');
    const aFile = join(desk.exportsDir, 'a-file');
    writeFileSync(aFile, 'x');
    expect(errorOf(await desk.call('backup.setFolder', { folder: join(aFile, 'backups') }))).toMatchObject({ code: 'VALIDATION', message: 'backup.notAFolder' });
    expect(errorOf(await desk.call('backup.setFolder', { folder: aFile }))).toMatchObject({ code: 'VALIDATION', message: 'backup.notAFolder' });
    expect(errorOf(await desk.call('backup.create', { folder: join(aFile, 'x') }))).toMatchObject({ code: 'VALIDATION', message: 'backup.notAFolder' });
    expect(errorOf(await desk.call('backup.setFolder', { folder: 'backups' }))).toMatchObject({ code: 'VALIDATION', message: 'backup.pathNotAbsolute' });
    expect(errorOf(await desk.call('backup.setFolder', { folder: '  ' })).code).toBe('VALIDATION');
    expect(await desk.ok<BackupSettings>('backup.settings')).toEqual(before);
    const refused = await desk.core.desk.requireDb().selectFrom('audit_events').select('details').where('action', '=', 'backup.setFolder').where('outcome', '=', 'failed').execute();
    expect(refused.length).toBeGreaterThanOrEqual(4);
  });

  it('what a backup cut short left behind is not listed, and does not stop the next backup of the same second', async () => {
    const folder = join(desk.exportsDir, 'cut-short');
    mkdirSync(folder);
    const at = desk.clock.now;
    const pad = (n: number) => String(n).padStart(2, '0');
    const name = `privacy-desk-backup-${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}00.pdbk`;
    writeFileSync(join(folder, `.${name}.partial`), 'half a backup');
    writeFileSync(join(folder, `.${name}.db.partial`), 'half a database');
    expect((await desk.ok<{ backups: BackupFile[] }>('backup.list', { folder })).backups).toEqual([]);
    const made = await desk.ok<BackupFile>('backup.create', { folder });
    expect(made.file).toBe(join(folder, name));
    expect(filesIn(folder)).toEqual([name]);
  });
});
