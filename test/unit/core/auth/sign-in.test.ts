// The officer's first day: setup, sign-in, the lock, the lockout after wrong passwords.
import { afterEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../../../electron/core/audit/chain';
import { errorOf, makeDesk, officer, setUpDesk, type TestDesk } from '../../helpers/desk';

let desk: TestDesk | undefined;
afterEach(async () => {
  await desk?.dispose();
  desk = undefined;
});

async function auditActions(d: TestDesk): Promise<string[]> {
  const rows = await d.core.desk.requireDb().selectFrom('audit_events').select(['action', 'outcome']).orderBy('seq').execute();
  return rows.map((r) => `${r.action}:${r.outcome}`);
}

describe('officer sets up the desk and signs in', () => {
  it('a new desk asks for setup, then no longer does', async () => {
    desk = makeDesk();
    expect(await desk.ok('setup.status')).toEqual({ needsSetup: true });
    const { recoveryKey } = await desk.ok<{ recoveryKey: string }>('setup.createOfficer', officer);
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(await desk.ok('setup.status')).toEqual({ needsSetup: false });
    expect(errorOf(await desk.call('setup.createOfficer', officer)).code).toBe('CONFLICT');
  });

  it('officer signs in, locks, is refused while locked, unlocks with the password', async () => {
    desk = await setUpDesk();
    const session = await desk.ok<{ role: string; displayName: string; permissions: string[] }>('auth.login', { loginId: officer.loginId, password: officer.password });
    expect(session.role).toBe('officer');
    expect(session.displayName).toBe(officer.displayName);
    expect(session.permissions).toContain('settings.manage');

    await desk.ok('auth.lock');
    expect(errorOf(await desk.call('settings.get')).code).toBe('SESSION_LOCKED');
    expect(errorOf(await desk.call('auth.unlock', { password: 'not the password' })).code).toBe('UNAUTHENTICATED');
    expect((await desk.ok<{ locked: boolean }>('auth.unlock', { password: officer.password })).locked).toBe(false);
    expect((await desk.ok<{ manager: { email: string } }>('settings.get')).manager.email).toBe(officer.manager.email);

    expect(await auditActions(desk)).toEqual([
      'setup.createOfficer:ok',
      'auth.login:ok',
      'auth.lock:ok',
      'auth.unlock:failed',
      'auth.unlock:ok',
    ]);
    expect((await verifyChain(desk.core.desk.requireDb())).valid).toBe(true);
  });

  it('the login id is matched whatever its case or width', async () => {
    desk = await setUpDesk();
    await desk.ok('auth.login', { loginId: 'MINAMI', password: officer.password });
  });

  it('the desk locks itself after the idle minutes the officer set', async () => {
    desk = await setUpDesk();
    await desk.ok('auth.login', { loginId: officer.loginId, password: officer.password });
    await desk.ok('settings.update', { idleLockMinutes: 3 });
    desk.clock.advanceMinutes(2);
    await desk.ok('auth.heartbeat');
    desk.clock.advanceMinutes(2);
    await desk.ok('settings.get');
    desk.clock.advanceMinutes(3.5);
    expect(errorOf(await desk.call('settings.get')).code).toBe('SESSION_LOCKED');
    expect((await desk.ok<{ locked: boolean }>('auth.session')).locked).toBe(true);
    await desk.ok('auth.unlock', { password: officer.password });
    const events = await desk.core.desk.requireDb().selectFrom('audit_events').select(['action', 'details']).where('action', '=', 'auth.lock').execute();
    expect(events.map((e) => JSON.parse(e.details!).reason)).toEqual(['idle']);
  });

  it('the idle lock minutes must be between 1 and 60', async () => {
    desk = await setUpDesk();
    await desk.ok('auth.login', { loginId: officer.loginId, password: officer.password });
    for (const idleLockMinutes of [0, 61, 2.5]) {
      const error = errorOf(await desk.call('settings.update', { idleLockMinutes }));
      expect(error.code).toBe('VALIDATION');
    }
    expect((await desk.ok<{ idleLockMinutes: number }>('settings.get')).idleLockMinutes).toBe(10);
  });

  it('signing out closes the database and forgets the key', async () => {
    desk = await setUpDesk();
    await desk.ok('auth.login', { loginId: officer.loginId, password: officer.password });
    await desk.ok('auth.logout');
    expect(desk.core.desk.db).toBeNull();
    expect(desk.core.desk.dataKey).toBeNull();
    expect(errorOf(await desk.call('settings.get')).code).toBe('UNAUTHENTICATED');
  });
});

describe('five wrong passwords lock the account', () => {
  it('the right password is refused as LOCKED until 15 minutes have passed', async () => {
    desk = await setUpDesk();
    for (let i = 1; i <= 4; i++) {
      expect(errorOf(await desk.call('auth.login', { loginId: officer.loginId, password: `wrong password ${i}` })).code).toBe('UNAUTHENTICATED');
    }
    const fifth = errorOf(await desk.call('auth.login', { loginId: officer.loginId, password: 'wrong password 5' }));
    expect(fifth.code).toBe('LOCKED');
    const until = new Date(fifth.details!.until as string);
    expect(until.getTime() - desk.clock.now.getTime()).toBe(15 * 60_000);

    const refused = errorOf(await desk.call('auth.login', { loginId: officer.loginId, password: officer.password }));
    expect(refused.code).toBe('LOCKED');
    expect(refused.details!.until).toBe(until.toISOString());

    desk.clock.advanceMinutes(14);
    expect(errorOf(await desk.call('auth.login', { loginId: officer.loginId, password: officer.password })).code).toBe('LOCKED');
    desk.clock.advanceMinutes(1);
    await desk.ok('auth.login', { loginId: officer.loginId, password: officer.password });

    // The attempts made while the database was closed reach the audit trail at the next sign-in.
    const actions = await auditActions(desk);
    expect(actions.filter((a) => a === 'auth.login:failed')).toHaveLength(5);
    expect(actions.filter((a) => a === 'auth.login:denied')).toHaveLength(2);
    expect(actions.at(-1)).toBe('auth.login:ok');
    expect((await verifyChain(desk.core.desk.requireDb())).valid).toBe(true);
  });

  it('the lockout survives a restart of the app', async () => {
    desk = await setUpDesk();
    for (let i = 1; i <= 5; i++) await desk.call('auth.login', { loginId: officer.loginId, password: `wrong password ${i}` });
    await desk.restart();
    expect(errorOf(await desk.call('auth.login', { loginId: officer.loginId, password: officer.password })).code).toBe('LOCKED');
  });

  it('an unknown login id gets the same answer as a wrong password', async () => {
    desk = await setUpDesk();
    const unknown = errorOf(await desk.call('auth.login', { loginId: 'nobody', password: officer.password }));
    const wrong = errorOf(await desk.call('auth.login', { loginId: officer.loginId, password: 'wrong password 1' }));
    expect(unknown).toEqual(wrong);
  });

  it('five wrong passwords on the lock screen end the session', async () => {
    desk = await setUpDesk();
    await desk.ok('auth.login', { loginId: officer.loginId, password: officer.password });
    await desk.ok('auth.lock');
    for (let i = 1; i <= 4; i++) await desk.call('auth.unlock', { password: `wrong password ${i}` });
    expect(errorOf(await desk.call('auth.unlock', { password: 'wrong password 5' })).code).toBe('LOCKED');
    expect(desk.core.desk.session).toBeNull();
    expect(errorOf(await desk.call('auth.session')).code).toBe('UNAUTHENTICATED');
  });
});
