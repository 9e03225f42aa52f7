// A key rotation cut short between any two of its steps (the data folder copied at that moment stands for a crash) is
// settled at the next sign-in: the database and the keyring agree, every account opens, nothing is lost.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../../../electron/core/audit/chain';
import { checkDatabaseFile } from '../../../../electron/core/backup/database-file';
import { rotateDataKey, type RotationStep } from '../../../../electron/core/backup/rotate';
import { createCore, type Core } from '../../../../electron/core/core';
import { DeskError } from '../../../../electron/core/errors';
import { yamada } from '../../../fixtures/customers';
import { addAccount, asOfficer, officer, setUpDesk, signInAs, staffMember, type TestDesk } from '../../helpers/desk';

let desk: TestDesk & { recoveryKey: string };
let root: string;
let oldKey: Buffer;
let newKey: Buffer;
const crashes = new Map<RotationStep, string>();
const cores: Core[] = [];

beforeAll(async () => {
  desk = await setUpDesk();
  await addAccount(desk, staffMember);
  await signInAs(desk, staffMember);
  await asOfficer(desk);
  await desk.ok('customers.create', yamada);
  root = mkdtempSync(join(tmpdir(), 'rotation-crashes-'));
  oldKey = Buffer.from(desk.core.desk.dataKey!);
  await rotateDataKey(desk.core.desk, officer.password, (step) => {
    // What a crash at this moment would leave on disk: the folder as it is, open database files included.
    const copy = join(root, step);
    cpSync(desk.dataDir, copy, { recursive: true });
    crashes.set(step, copy);
  });
  newKey = Buffer.from(desk.core.desk.dataKey!);
});
afterAll(async () => {
  for (const core of cores) await core.close();
  await desk.dispose();
  rmSync(root, { recursive: true, force: true });
});

async function signIn(core: Core, loginId: string, password: string) {
  const result = await core.call('auth.login', { loginId, password });
  if (!result.ok) throw new Error(`sign-in failed: ${JSON.stringify(result.error)}`);
}

describe('a rotation cut short between its steps', () => {
  it('passed each step once, in order', () => {
    expect([...crashes.keys()]).toEqual(['exported', 'nextKeyringWritten', 'databaseSwapped', 'keyringSwapped']);
  });

  it.each([
    ['exported', 'undone', 'old'],
    ['nextKeyringWritten', 'undone', 'old'],
    ['databaseSwapped', 'finished', 'new'],
    ['keyringSwapped', 'whole already', 'new'],
  ] as const)('after "%s": %s at the next sign-in, under the %s key', async (step, settled, key) => {
    const dataDir = crashes.get(step)!;
    const core = createCore({ dataDir, exportsDir: join(dataDir, '..', `${step}-exports`), log: { warn: () => undefined, error: () => undefined } });
    cores.push(core);
    await signIn(core, officer.loginId, officer.password);
    expect(existsSync(join(dataDir, 'keyring.next.json'))).toBe(false);
    expect(existsSync(join(dataDir, 'desk.db.next'))).toBe(false);
    expect(core.desk.dataKey!.equals(key === 'old' ? oldKey : newKey)).toBe(true);
    const customers = await core.call('customers.search', { query: '' });
    expect(customers.ok && (customers.value as { total: number }).total).toBe(1);
    const db = core.desk.requireDb();
    const rotations = await db.selectFrom('audit_events').select(['outcome', 'details']).where('action', '=', 'keys.rotate').execute();
    expect(rotations.map((r) => JSON.parse(r.details ?? '{}').settled)).toEqual(settled === 'whole already' ? [] : [settled]);
    expect((await verifyChain(db)).valid).toBe(true);
    await core.call('auth.logout', {});
    // The staff member's password opens the same key; after a swap, so does the recovery key's new wrap.
    await signIn(core, staffMember.loginId, staffMember.password);
    expect(core.desk.dataKey!.equals(key === 'old' ? oldKey : newKey)).toBe(true);
    await core.call('auth.logout', {});
    if (step === 'databaseSwapped') {
      const recovered = await core.call('auth.recover', { loginId: staffMember.loginId, recoveryKey: desk.recoveryKey, newPassword: 'sato-no-atarashii-aikotoba' });
      expect(recovered.ok).toBe(true);
    }
  });
});

describe('a rotation that fails in the running desk', () => {
  it('before the swap: the desk goes on under the old key, the session too, and no half-made file stays', async () => {
    const before = Buffer.from(desk.core.desk.dataKey!);
    const failure = rotateDataKey(desk.core.desk, officer.password, (step) => {
      if (step === 'nextKeyringWritten') throw new Error('the disk went away');
    });
    await expect(failure).rejects.toMatchObject({ code: 'INTEGRITY', key: 'keys.rotationFailed' });
    expect(desk.core.desk.dataKey!.equals(before)).toBe(true);
    expect(desk.core.desk.session?.loginId).toBe(officer.loginId);
    expect((await desk.ok<{ total: number }>('customers.search', { query: '' })).total).toBe(1);
    expect(existsSync(join(desk.dataDir, 'keyring.next.json')) || existsSync(join(desk.dataDir, 'desk.db.next'))).toBe(false);
  });

  it('after the swap: the rotation is finished from the files, and the desk goes on under the new key', async () => {
    const before = Buffer.from(desk.core.desk.dataKey!);
    const failure = rotateDataKey(desk.core.desk, officer.password, (step) => {
      if (step === 'databaseSwapped') throw new DeskError('INTEGRITY', 'keys.rotationFailed');
    });
    await expect(failure).rejects.toBeInstanceOf(DeskError);
    expect(desk.core.desk.dataKey!.equals(before)).toBe(false);
    expect(desk.core.desk.session?.loginId).toBe(officer.loginId);
    expect((await desk.ok<{ total: number }>('customers.search', { query: '' })).total).toBe(1);
    await checkDatabaseFile(join(desk.dataDir, 'desk.db'), desk.core.desk.dataKey!, 'database.unreadable');
    await desk.ok('auth.logout');
    await signInAs(desk, staffMember);
  });
});
