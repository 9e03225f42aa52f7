// The officer rotates the data key: the database is re-encrypted, every account and the recovery key still open it,
// an old copy of the keyring no longer does, and a backup made before the rotation still restores.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDatabaseFile } from '../../../../electron/core/backup/database-file';
import type { BackupFile, RestoreResult } from '../../../../src-shared/api/backup';
import { errorOf, makeDesk, signInAs, type TestDesk } from '../../helpers/desk';
import { backupOffice, chainOf, filesIn, officeContents, officer, staffMember, type Office } from '../backup/office';

let office: Office;
let before: Awaited<ReturnType<typeof officeContents>>;
let backupBefore: BackupFile;
let oldKeyring: Buffer;
let oldKey: Buffer;
let keyringFile: string;
const others: TestDesk[] = [];

beforeAll(async () => {
  office = await backupOffice();
  keyringFile = join(office.dataDir, 'keyring.json');
  before = await officeContents(office);
  backupBefore = await office.ok<BackupFile>('backup.create');
  oldKeyring = readFileSync(keyringFile);
  oldKey = Buffer.from(office.core.desk.dataKey!);
});
afterAll(async () => {
  await office.dispose();
  for (const other of others) await other.dispose();
});

describe('the officer rotates the data key', () => {
  it('a wrong password refuses the rotation, and nothing changes', async () => {
    expect(errorOf(await office.call('keys.rotate', { password: 'not-the-password-at-all' }))).toEqual({ code: 'UNAUTHENTICATED', message: 'auth.wrongPassword' });
    expect(readFileSync(keyringFile).equals(oldKeyring)).toBe(true);
    expect(office.core.desk.dataKey!.equals(oldKey)).toBe(true);
  });

  it('with their password: the database is under a new key, the session goes on, and everything is still there', async () => {
    const result = await office.ok<{ rotatedAt: string; accounts: number }>('keys.rotate', { password: officer.password });
    expect(result).toEqual({ rotatedAt: office.clock.now.toISOString(), accounts: 2 });
    const newKey = office.core.desk.dataKey!;
    expect(newKey.equals(oldKey)).toBe(false);
    // The session went on through the rotation.
    expect(await officeContents(office)).toEqual(before);
    expect(filesIn(office.dataDir)).toEqual(expect.arrayContaining(['desk.db', 'keyring.json']));
    expect(filesIn(office.dataDir).filter((f) => f.includes('next'))).toEqual([]);
    // The file itself: the old key no longer opens it, the new one does.
    const database = join(office.dataDir, 'desk.db');
    await expect(checkDatabaseFile(database, oldKey, 'database.unreadable')).rejects.toMatchObject({ code: 'INTEGRITY' });
    const chain = await chainOf(office);
    expect(chain.valid).toBe(true);
    const event = await office.core.desk.requireDb().selectFrom('audit_events').selectAll().where('action', '=', 'keys.rotate').where('outcome', '=', 'ok').executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor_id: office.core.desk.session!.accountId, target_type: 'dataKey' });
    expect(JSON.parse(event.details!)).toEqual({ accounts: 2 });
  });

  it('every account signs in with its own password afterwards', async () => {
    await signInAs(office, staffMember);
    expect((await office.ok<{ rows: unknown[] }>('customers.search', { query: '' })).rows).toHaveLength(2);
    await office.ok('auth.logout');
    await office.restart();
    await office.ok('auth.login', { loginId: officer.loginId, password: officer.password });
    await office.ok('auth.logout');
  });

  it('the recovery key still opens the desk', async () => {
    await office.ok('auth.recover', { loginId: staffMember.loginId, recoveryKey: office.recoveryKey, newPassword: 'sato-no-atarashii-aikotoba' });
    await office.ok('auth.login', { loginId: staffMember.loginId, password: 'sato-no-atarashii-aikotoba' });
    await office.ok('auth.logout');
  });

  it('an old copy of keyring.json no longer opens the database, and says so', async () => {
    const current = readFileSync(keyringFile);
    writeFileSync(keyringFile, oldKeyring);
    expect(errorOf(await office.call('auth.login', { loginId: officer.loginId, password: officer.password }))).toMatchObject({ code: 'INTEGRITY', message: 'database.unreadable' });
    expect(errorOf(await office.call('auth.recover', { loginId: officer.loginId, recoveryKey: office.recoveryKey, newPassword: 'dareka-no-atarashii-kagi' })).code).toBe('INTEGRITY');
    writeFileSync(keyringFile, current);
    await office.ok('auth.login', { loginId: officer.loginId, password: officer.password });
  });

  it('a backup made before the rotation restores on a fresh installation with the recovery key', async () => {
    const fresh = makeDesk();
    others.push(fresh);
    const restored = await fresh.ok<RestoreResult>('backup.restore', { file: backupBefore.file, recoveryKey: office.recoveryKey });
    expect(restored).toMatchObject({ createdAt: backupBefore.createdAt, events: backupBefore.events, customers: 2 });
    await fresh.ok('auth.login', { loginId: officer.loginId, password: officer.password });
    expect(await officeContents(fresh)).toEqual(before);
    expect((await chainOf(fresh)).valid).toBe(true);
  });

  it('a backup made after the rotation restores too, under the new key', async () => {
    const after = await office.ok<BackupFile>('backup.create');
    const fresh = makeDesk();
    others.push(fresh);
    await fresh.ok('backup.restore', { file: after.file, recoveryKey: office.recoveryKey });
    await fresh.ok('auth.login', { loginId: officer.loginId, password: officer.password });
    expect(fresh.core.desk.dataKey!.equals(office.core.desk.dataKey!)).toBe(true);
    const rotations = await fresh.core.desk.requireDb().selectFrom('audit_events').select('outcome').where('action', '=', 'keys.rotate').execute();
    expect(rotations.map((r) => r.outcome)).toEqual(['failed', 'ok']);
  });

  it('staff may not rotate the key', async () => {
    await signInAs(office, { ...staffMember, password: 'sato-no-atarashii-aikotoba' });
    expect(errorOf(await office.call('keys.rotate', { password: 'sato-no-atarashii-aikotoba' })).code).toBe('FORBIDDEN');
  });
});
