// A signed-out or locked desk refuses every call of the contract but the few that sign in, unlock or set up, and a
// refused call changes nothing: not the database (the audit trail aside), not the keyring, not the sign-in state.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../../electron/core/audit/chain';
import { api, methodNames, type MethodName } from '../../../src-shared/api';
import type { MethodSpec } from '../../../src-shared/api/method';
import { yamada } from '../../fixtures/customers';
import { asOfficer, officer, setUpDesk, type TestDesk } from '../helpers/desk';
import { changedTables, logicalHash } from '../helpers/logical-hash';

const spec = (name: MethodName) => api[name] as MethodSpec;

/** What a signed-out desk may still do: set itself up, sign in, recover a password, restore onto a fresh install. */
const meantPublic: MethodName[] = ['setup.status', 'setup.createOfficer', 'auth.login', 'auth.recover', 'backup.restore'];
/** What a locked desk may still do besides those: unlock, lock again, sign out, and say who is signed in. */
const meantWhileLocked: MethodName[] = ['auth.logout', 'auth.lock', 'auth.unlock', 'auth.session'];

let desk: TestDesk & { recoveryKey: string };

/** Every file of the data folder, byte for byte: a refusal of a signed-out desk must not touch the disk at all. */
function folderBytes(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name)).toString('base64')]));
}

const wrongPassword = 'not-the-password-2026';
const wrongRecoveryKey = 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH';

beforeAll(async () => {
  desk = await setUpDesk();
  await asOfficer(desk);
  // Something personal in the database, so that "nothing changed" covers customer data too.
  await desk.ok('customers.create', yamada);
}, 60_000);
afterAll(async () => desk.dispose());

describe('the contract marks only sign-in, setup and recovery as public, and only the lock\'s own calls as allowed while locked', () => {
  it('has exactly the public and while-locked methods meant', () => {
    expect(methodNames.filter((m) => spec(m).access === 'public').sort()).toEqual([...meantPublic].sort());
    expect(methodNames.filter((m) => spec(m).whileLocked).sort()).toEqual([...meantWhileLocked].sort());
  });
});

describe('a signed-out desk', () => {
  it('answers every other method UNAUTHENTICATED and writes nothing to its folder', async () => {
    await desk.ok('auth.logout');
    const before = folderBytes(desk.dataDir);
    const answered: Record<string, string> = {};
    for (const method of methodNames.filter((m) => !meantPublic.includes(m))) {
      const result = await desk.call(method, {});
      answered[method] = result.ok ? 'ok' : `${result.error.code} ${result.error.message}`;
    }
    expect(Object.entries(answered).filter(([, code]) => code !== 'UNAUTHENTICATED auth.required')).toEqual([]);
    expect(folderBytes(desk.dataDir)).toEqual(before);
    console.log(`signed out: ${Object.keys(answered).length} of ${methodNames.length} methods refused UNAUTHENTICATED; passed: ${meantPublic.join(', ')}`);
  });

  it('lets the public methods through only to refuse what they cannot do', async () => {
    expect(await desk.call('setup.status')).toEqual({ ok: true, value: { needsSetup: false } });
    expect(await desk.call('setup.createOfficer', officer)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'setup.alreadyDone' } });
    expect(await desk.call('auth.login', { loginId: officer.loginId, password: wrongPassword })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await desk.call('auth.recover', { loginId: officer.loginId, recoveryKey: wrongRecoveryKey, newPassword: 'a-new-password-2026' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    // Restore is for a fresh installation only: over a desk that is set up, it refuses.
    expect(await desk.call('backup.restore', { file: join(desk.dataDir, '..', 'no-such.backup'), recoveryKey: wrongRecoveryKey })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(desk.core.desk.session).toBeNull();
  });
});

describe('a locked desk', () => {
  it('answers every method but unlock, lock, sign-out and who-am-I SESSION_LOCKED, and changes nothing but the trail', async () => {
    await asOfficer(desk);
    await desk.ok('auth.lock');
    const db = desk.core.desk.requireDb();
    const before = await logicalHash(db);
    const head = await verifyChain(db);
    const keyring = readFileSync(desk.core.desk.paths.keyring, 'utf8');
    const answered: Record<string, string> = {};
    for (const method of methodNames.filter((m) => !meantPublic.includes(m) && !meantWhileLocked.includes(m))) {
      const result = await desk.call(method, {});
      answered[method] = result.ok ? 'ok' : `${result.error.code} ${result.error.message}`;
    }
    expect(Object.entries(answered).filter(([, code]) => code !== 'SESSION_LOCKED auth.sessionLocked')).toEqual([]);
    expect(changedTables(before, await logicalHash(db))).toEqual([]);
    expect(readFileSync(desk.core.desk.paths.keyring, 'utf8')).toBe(keyring);
    // The trail before the refusals is untouched: the chain still verifies through its old head.
    const after = await verifyChain(db);
    expect(after.valid).toBe(true);
    expect(head.valid && (await db.selectFrom('audit_events').select('hash').where('seq', '=', head.events).executeTakeFirst())?.hash).toBe(head.valid && head.head);
    expect(desk.core.desk.session?.locked).toBe(true);
    console.log(`locked: ${Object.keys(answered).length} methods refused SESSION_LOCKED; passed: ${[...meantWhileLocked, ...meantPublic].join(', ')}`);
  });

  it('lets through only what unlocks, re-locks, signs out or names the person, and nothing that signs in a second time', async () => {
    const who = await desk.ok<Record<string, unknown>>('auth.session');
    expect(who).toMatchObject({ loginId: officer.loginId, locked: true });
    expect(await desk.call('auth.lock')).toEqual({ ok: true, value: { locked: true } });
    expect(await desk.call('auth.unlock', { password: wrongPassword })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(desk.core.desk.session?.locked).toBe(true);
    // The public ones cannot be used to step around the lock.
    expect(await desk.call('auth.login', { loginId: officer.loginId, password: officer.password })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'auth.alreadySignedIn' } });
    expect(await desk.call('auth.recover', { loginId: officer.loginId, recoveryKey: desk.recoveryKey, newPassword: 'a-new-password-2026' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await desk.call('setup.createOfficer', officer)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await desk.call('backup.restore', { file: join(desk.dataDir, '..', 'no-such.backup'), recoveryKey: desk.recoveryKey })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(desk.core.desk.session?.locked).toBe(true);
    expect(await desk.call('auth.logout')).toEqual({ ok: true, value: { signedOut: true } });
    expect(desk.core.desk.session).toBeNull();
  });
});
