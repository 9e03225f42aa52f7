// Passwords: changing one's own, the rules, and getting back in with the recovery key.
import { afterEach, describe, expect, it } from 'vitest';
import { errorOf, officer, setUpDesk, makeDesk, type TestDesk } from '../../helpers/desk';

let desk: TestDesk | undefined;
afterEach(async () => {
  await desk?.dispose();
  desk = undefined;
});

const signIn = (d: TestDesk, password: string = officer.password) => d.call('auth.login', { loginId: officer.loginId, password });

describe('a forgotten password is reset with the recovery key', () => {
  it('the old password no longer opens the desk, the new one does, and the recovery key still works', async () => {
    const d = (desk = await setUpDesk());
    const newPassword = 'atarashii-aikotoba-77';
    // Typed back as a person would: lower case, spaces instead of hyphens.
    const typed = d.recoveryKey.toLowerCase().replace(/-/g, ' ');
    await d.ok('auth.recover', { loginId: officer.loginId, recoveryKey: typed, newPassword });
    expect(errorOf(await signIn(d)).code).toBe('UNAUTHENTICATED');
    await d.ok('auth.login', { loginId: officer.loginId, password: newPassword });
    await d.ok('auth.logout');
    await d.ok('auth.recover', { loginId: officer.loginId, recoveryKey: d.recoveryKey, newPassword: 'mou-ichido-kaeru-2027' });
  });

  it('recovery lifts a lockout', async () => {
    const d = (desk = await setUpDesk());
    for (let i = 1; i <= 5; i++) await signIn(d, `wrong password ${i}`);
    expect(errorOf(await signIn(d)).code).toBe('LOCKED');
    await d.ok('auth.recover', { loginId: officer.loginId, recoveryKey: d.recoveryKey, newPassword: 'atarashii-aikotoba-77' });
    await d.ok('auth.login', { loginId: officer.loginId, password: 'atarashii-aikotoba-77' });
  });

  it('a wrong recovery key changes nothing and is recorded', async () => {
    const d = (desk = await setUpDesk());
    const wrongKey = d.recoveryKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    const error = errorOf(await d.call('auth.recover', { loginId: officer.loginId, recoveryKey: wrongKey, newPassword: 'atarashii-aikotoba-77' }));
    expect(error).toEqual({ code: 'UNAUTHENTICATED', message: 'auth.wrongRecoveryKey' });
    expect(errorOf(await d.call('auth.recover', { loginId: officer.loginId, recoveryKey: 'not a key at all!!', newPassword: 'atarashii-aikotoba-77' })).code).toBe('UNAUTHENTICATED');
    await d.ok('auth.login', { loginId: officer.loginId, password: officer.password });
    const failed = await d.core.desk.requireDb().selectFrom('audit_events').select('details').where('action', '=', 'auth.recover').execute();
    expect(failed.map((e) => JSON.parse(e.details!).code)).toEqual(['WRONG_RECOVERY_KEY', 'WRONG_RECOVERY_KEY']);
  });

  it('the officer regenerates the recovery key and the old one stops working', async () => {
    const d = (desk = await setUpDesk());
    await d.ok('auth.login', { loginId: officer.loginId, password: officer.password });
    expect(errorOf(await d.call('settings.regenerateRecoveryKey', { password: 'wrong password 1' })).code).toBe('UNAUTHENTICATED');
    const { recoveryKey } = await d.ok<{ recoveryKey: string }>('settings.regenerateRecoveryKey', { password: officer.password });
    expect(recoveryKey).not.toBe(d.recoveryKey);
    await d.ok('auth.logout');
    expect(errorOf(await d.call('auth.recover', { loginId: officer.loginId, recoveryKey: d.recoveryKey, newPassword: 'atarashii-aikotoba-77' })).code).toBe('UNAUTHENTICATED');
    await d.ok('auth.recover', { loginId: officer.loginId, recoveryKey, newPassword: 'atarashii-aikotoba-77' });
  });
});

describe('officer changes own password', () => {
  it('the old password stops working at once, and the rules are explained', async () => {
    const d = (desk = await setUpDesk());
    await d.ok('auth.login', { loginId: officer.loginId, password: officer.password });
    expect(errorOf(await d.call('auth.changePassword', { currentPassword: 'wrong password 1', newPassword: 'atarashii-aikotoba-77' })).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await d.call('auth.changePassword', { currentPassword: officer.password, newPassword: 'short' }))).toEqual({
      code: 'VALIDATION',
      message: 'password.tooShort',
      details: { problems: ['tooShort'] },
    });
    expect(errorOf(await d.call('auth.changePassword', { currentPassword: officer.password, newPassword: 'minami' })).details!.problems).toContain('sameAsLoginId');
    await d.ok('auth.changePassword', { currentPassword: officer.password, newPassword: 'atarashii-aikotoba-77' });
    await d.ok('auth.logout');
    expect(errorOf(await signIn(d)).code).toBe('UNAUTHENTICATED');
    await d.ok('auth.login', { loginId: officer.loginId, password: 'atarashii-aikotoba-77' });
  });

  it('a Japanese passphrase counts characters, and full-width input derives the same key', async () => {
    const d = (desk = await setUpDesk());
    await d.ok('auth.login', { loginId: officer.loginId, password: officer.password });
    await d.ok('auth.changePassword', { currentPassword: officer.password, newPassword: '個人情報はお客様からの預かり物' });
    await d.ok('auth.logout');
    await d.ok('auth.login', { loginId: officer.loginId, password: '個人情報はお客様からの預かり物' });
  });
});

describe('setup refuses bad passwords and changes nothing', () => {
  it.each([
    ['fewer than 12 characters', 'short-pass', 'password.tooShort'],
    ['the login id itself', 'minamiminami', 'password.sameAsLoginId'],
  ])('a password of %s', async (_what, password, message) => {
    const d = (desk = makeDesk());
    const loginId = password === 'minamiminami' ? 'minamiminami' : officer.loginId;
    const error = errorOf(await d.call('setup.createOfficer', { ...officer, loginId, password }));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe(message);
    expect(await d.ok('setup.status')).toEqual({ needsSetup: true });
  });

  it('a malformed request names the fields and never echoes a value', async () => {
    const d = (desk = makeDesk());
    const secret = 'my-secret-password-123';
    const error = errorOf(await d.call('setup.createOfficer', { ...officer, password: secret, manager: { ...officer.manager, email: 'not an e-mail' }, extra: 1 }));
    expect(error.code).toBe('VALIDATION');
    expect(JSON.stringify(error)).not.toContain(secret);
    expect(JSON.stringify(error)).not.toContain('not an e-mail');
    const paths = (error.details!.issues as { path: string; message: string }[]).map((i) => `${i.path}:${i.message}`);
    expect(paths).toContain('manager.email:email.format');
  });
});

describe('a weak password is refused with the reason', () => {
  it.each(['password1234', 'qwertyuiop12', 'minamiminami1'])('%s', async (password) => {
    const d = (desk = makeDesk());
    const error = errorOf(await d.call('setup.createOfficer', { ...officer, password }));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('password.weak');
    expect(typeof error.details!.warning).toBe('string');
    expect(await d.ok('setup.status')).toEqual({ needsSetup: true });
  });
});
