// A desk made before keyring version 2 still opens; each wrap becomes version 2 when its password or the recovery key
// is used, and the data key's rotation waits, saying who must sign in first, so that nobody is ever locked out.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupFile } from '../../../../src-shared/api/backup';
import { sato } from '../../../fixtures/customers';
import { addAccount, asOfficer, errorOf, makeDesk, officer, setUpDesk, signInAs, staffMember, type TestDesk } from '../../helpers/desk';
import { wrapKinds, writeVersion1Keyring } from './version1';

let desk: TestDesk & { recoveryKey: string };
let officerId: string;
let staffId: string;
let keyringFile: string;
const others: TestDesk[] = [];

beforeAll(async () => {
  desk = await setUpDesk();
  keyringFile = join(desk.dataDir, 'keyring.json');
  staffId = await addAccount(desk, staffMember);
  await signInAs(desk, staffMember);
  await asOfficer(desk);
  officerId = desk.core.desk.session!.accountId;
  await desk.ok('customers.create', sato);
  const dataKey = Buffer.from(desk.core.desk.dataKey!);
  await desk.ok('auth.logout');
  await writeVersion1Keyring(
    keyringFile,
    dataKey,
    [
      { accountId: officerId, loginId: officer.loginId, password: officer.password },
      { accountId: staffId, loginId: staffMember.loginId, password: staffMember.password },
    ],
    desk.recoveryKey,
  );
  await desk.restart();
});
afterAll(async () => {
  await desk.dispose();
  for (const other of others) await other.dispose();
});

describe('a desk whose keyring is version 1', () => {
  it('opens with the officer\'s password, and only the officer\'s wrap becomes version 2', async () => {
    expect(wrapKinds(keyringFile)).toEqual({ version: 1, accounts: { [officerId]: 'password', [staffId]: 'password' }, recovery: 'recovery' });
    await desk.ok('auth.login', { loginId: officer.loginId, password: officer.password });
    expect((await desk.ok<{ total: number }>('customers.search', { query: '' })).total).toBe(1);
    expect(wrapKinds(keyringFile)).toEqual({ version: 2, accounts: { [officerId]: 'account', [staffId]: 'password' }, recovery: 'recovery' });
    const login = await desk.core.desk.requireDb().selectFrom('audit_events').selectAll().where('action', '=', 'auth.login').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(login.details!)).toEqual({ keyring: 'converted' });
  });

  it('the key rotation waits, naming how many accounts must sign in once and that the recovery key is of the old kind', async () => {
    const before = readFileSync(keyringFile);
    expect(errorOf(await desk.call('keys.rotate', { password: officer.password }))).toEqual({
      code: 'CONFLICT',
      message: 'keys.legacyAccountsAndRecovery',
      details: { accounts: 1, recoveryKey: true },
    });
    expect(readFileSync(keyringFile).equals(before)).toBe(true);
    const refused = await desk.core.desk.requireDb().selectFrom('audit_events').selectAll().where('action', '=', 'keys.rotate').executeTakeFirstOrThrow();
    expect(refused.outcome).toBe('failed');
  });

  it('a backup made now restores with the recovery key, whose wrap becomes version 2 in the restored keyring', async () => {
    const made = await desk.ok<BackupFile>('backup.create');
    const restored = makeDesk();
    others.push(restored);
    await restored.ok('backup.restore', { file: made.file, recoveryKey: desk.recoveryKey });
    expect(wrapKinds(join(restored.dataDir, 'keyring.json'))).toEqual({ version: 2, accounts: { [officerId]: 'account', [staffId]: 'password' }, recovery: 'recovery-key' });
    // The staff member's version 1 wrap came back as it was, and still opens.
    await restored.ok('auth.login', { loginId: staffMember.loginId, password: staffMember.password });
  });

  it('once the staff member has signed in and the recovery key has been used, the rotation goes ahead and nobody is locked out', async () => {
    await signInAs(desk, staffMember);
    await asOfficer(desk);
    expect(errorOf(await desk.call('keys.rotate', { password: officer.password }))).toMatchObject({ code: 'CONFLICT', message: 'keys.legacyRecovery', details: { accounts: 0, recoveryKey: true } });
    await desk.ok('auth.logout');
    const newStaffPassword = 'atarashii-sato-no-aikotoba';
    await desk.ok('auth.recover', { loginId: staffMember.loginId, recoveryKey: desk.recoveryKey, newPassword: newStaffPassword });
    expect(wrapKinds(keyringFile)).toEqual({ version: 2, accounts: { [officerId]: 'account', [staffId]: 'account' }, recovery: 'recovery-key' });
    await asOfficer(desk);
    expect(await desk.ok('keys.rotate', { password: officer.password })).toMatchObject({ accounts: 2 });
    await desk.ok('auth.logout');
    await desk.ok('auth.login', { loginId: staffMember.loginId, password: newStaffPassword });
    await desk.ok('auth.logout');
    await desk.ok('auth.recover', { loginId: officer.loginId, recoveryKey: desk.recoveryKey, newPassword: 'minami-no-atarashii-kagi' });
    await desk.ok('auth.login', { loginId: officer.loginId, password: 'minami-no-atarashii-kagi' });
    expect((await desk.ok<{ total: number }>('customers.search', { query: '' })).total).toBe(1);
  });
});
