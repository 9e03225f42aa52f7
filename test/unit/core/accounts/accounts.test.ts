// The officer manages accounts: temporary passwords, disabling and re-enabling, lockouts, and always an officer left.
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountRow } from '../../../../src-shared/domain';
import { addAccount, asOfficer, errorOf, officer, setUpDesk, signInAs, staffMember, type TestDesk } from '../../helpers/desk';

let desk: TestDesk | undefined;
afterEach(async () => {
  await desk?.dispose();
  desk = undefined;
});

describe('officer creates a staff account', () => {
  it('the staff member must choose a password before anything else', async () => {
    const d = (desk = await setUpDesk());
    const id = await addAccount(d, staffMember);
    await d.ok('auth.logout');
    const session = await d.ok<{ mustChangePassword: boolean; role: string }>('auth.login', { loginId: staffMember.loginId, password: staffMember.temporaryPassword });
    expect(session).toMatchObject({ mustChangePassword: true, role: 'staff' });
    expect(errorOf(await d.call('settings.get')).message).toBe('auth.mustChangePassword');
    await d.ok('auth.changePassword', { currentPassword: staffMember.temporaryPassword, newPassword: staffMember.password });
    await d.ok('settings.get');
    await asOfficer(d);
    const { rows } = await d.ok<{ rows: AccountRow[] }>('accounts.list');
    const row = rows.find((r) => r.id === id)!;
    expect(row).toMatchObject({ loginId: 'sato', role: 'staff', department: 'カスタマーサポート', status: 'active', mustChangePassword: false, statement: { state: 'none' } });
    expect(row.lastSignInAt).not.toBeNull();
  });

  it('a login id already in use, or a weak temporary password, is refused', async () => {
    const d = (desk = await setUpDesk());
    await addAccount(d, staffMember);
    expect(errorOf(await d.call('accounts.create', { displayName: '別人', loginId: 'SATO', role: 'staff', temporaryPassword: 'another-long-passphrase' })).message).toBe('accounts.loginIdTaken');
    expect(errorOf(await d.call('accounts.create', { displayName: '鈴木', loginId: 'suzuki', role: 'staff', temporaryPassword: 'password1234' })).message).toBe('password.weak');
    const { rows } = await d.ok<{ rows: AccountRow[] }>('accounts.list');
    expect(rows.map((r) => r.loginId).sort()).toEqual(['minami', 'sato']);
  });
});

describe('disabling and re-enabling', () => {
  it('a disabled account cannot sign in, because its keyring wrap is gone; re-enabling restores it with a new temporary password', async () => {
    const d = (desk = await setUpDesk());
    const id = await addAccount(d, staffMember);
    await signInAs(d, staffMember);
    await asOfficer(d);
    await d.ok('accounts.disable', { id });
    await d.ok('auth.logout');
    expect(errorOf(await d.call('auth.login', { loginId: staffMember.loginId, password: staffMember.password })).code).toBe('UNAUTHENTICATED');
    const keyring = JSON.parse((await import('node:fs')).readFileSync(`${d.dataDir}/keyring.json`, 'utf8'));
    expect(keyring.passwords.map((w: { accountId: string }) => w.accountId)).not.toContain(id);

    await asOfficer(d);
    await d.ok('accounts.enable', { id, temporaryPassword: 'mata-yoroshiku-sato-2026' });
    await d.ok('auth.logout');
    const session = await d.ok<{ mustChangePassword: boolean }>('auth.login', { loginId: staffMember.loginId, password: 'mata-yoroshiku-sato-2026' });
    expect(session.mustChangePassword).toBe(true);
  });

  it('the last active officer cannot be disabled or demoted', async () => {
    const d = (desk = await setUpDesk());
    await asOfficer(d);
    const officerId = d.core.desk.session!.accountId;
    expect(errorOf(await d.call('accounts.update', { id: officerId, role: 'staff' })).message).toBe('accounts.lastOfficer');
    const deputy = await addAccount(d, { ...staffMember, loginId: 'deputy', displayName: '副 管理者', role: 'officer' });
    // With a second officer the first can be demoted, and then the deputy is the last one.
    await d.ok('accounts.update', { id: officerId, role: 'staff' });
    expect(errorOf(await d.call('accounts.disable', { id: deputy })).message).toBe('accounts.lastOfficer');
    expect(errorOf(await d.call('accounts.update', { id: deputy, role: 'auditor' })).message).toBe('accounts.lastOfficer');
  });

  it('officer resets a forgotten password and lifts a lockout', async () => {
    const d = (desk = await setUpDesk());
    const id = await addAccount(d, staffMember);
    await signInAs(d, staffMember);
    await d.ok('auth.logout');
    for (let i = 1; i <= 5; i++) await d.call('auth.login', { loginId: staffMember.loginId, password: `wrong password ${i}` });
    expect(errorOf(await d.call('auth.login', { loginId: staffMember.loginId, password: staffMember.password })).code).toBe('LOCKED');
    await asOfficer(d);
    const locked = (await d.ok<{ rows: AccountRow[] }>('accounts.list')).rows.find((r) => r.id === id)!;
    expect(locked.lockedUntil).not.toBeNull();
    await d.ok('accounts.unlock', { id });
    await d.ok('auth.logout');
    await d.ok('auth.login', { loginId: staffMember.loginId, password: staffMember.password });
    await asOfficer(d);
    await d.ok('accounts.resetPassword', { id, temporaryPassword: 'atarashii-karipasu-2026' });
    await d.ok('auth.logout');
    expect(errorOf(await d.call('auth.login', { loginId: staffMember.loginId, password: staffMember.password })).code).toBe('UNAUTHENTICATED');
    expect((await d.ok<{ mustChangePassword: boolean }>('auth.login', { loginId: staffMember.loginId, password: 'atarashii-karipasu-2026' })).mustChangePassword).toBe(true);
  });

  it('every account change is in the audit trail with ids and field names, never the password', async () => {
    const d = (desk = await setUpDesk());
    const id = await addAccount(d, staffMember);
    await d.ok('accounts.update', { id, department: '品質管理部' });
    const events = await d.core.desk.requireDb().selectFrom('audit_events').selectAll().where('target_id', '=', id).orderBy('seq').execute();
    expect(events.map((e) => `${e.action}:${e.fields}`)).toEqual([
      'accounts.create:["displayName","loginId","role","department","password"]',
      'accounts.update:["department"]',
    ]);
    const all = JSON.stringify(await d.core.desk.requireDb().selectFrom('audit_events').selectAll().execute());
    for (const secret of [staffMember.temporaryPassword, staffMember.displayName, '品質管理部', officer.password]) expect(all).not.toContain(secret);
  });
});

describe('a refused change is recorded', () => {
  it('the last officer\'s demotion and a bad input leave a failed event with the reason, and nothing changes', async () => {
    const d = (desk = await setUpDesk());
    await asOfficer(d);
    const officerId = d.core.desk.session!.accountId;
    await d.call('accounts.update', { id: officerId, role: 'staff' });
    await d.call('accounts.create', { displayName: '', loginId: 'x', role: 'staff', temporaryPassword: 'y' });
    const events = await d.core.desk.requireDb().selectFrom('audit_events').select(['action', 'outcome', 'details']).where('outcome', '=', 'failed').orderBy('seq').execute();
    expect(events.map((e) => [e.action, JSON.parse(e.details!)])).toEqual([
      ['accounts.update', { code: 'CONFLICT', reason: 'accounts.lastOfficer' }],
      ['accounts.create', { code: 'VALIDATION', reason: 'validation.input' }],
    ]);
    expect((await d.ok<{ rows: AccountRow[] }>('accounts.list')).rows.map((r) => r.role)).toEqual(['officer']);
  });
});
