// A damaged or edited keyring or database is named on sign-in with the folder to set aside, never a crash, and nothing
// stored changes.
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addAccount, errorOf, officer, setUpDesk, staffMember, type TestDesk } from '../helpers/desk';

let desk: (TestDesk & { recoveryKey: string }) | undefined;
afterEach(async () => {
  await desk?.dispose();
  desk = undefined;
});

const signIn = (d: TestDesk) => d.call('auth.login', { loginId: officer.loginId, password: officer.password });

/** A desk with some history, closed, and a copy of its files to compare with. */
async function closedDesk(): Promise<TestDesk & { recoveryKey: string; keyringFile: string; dbFile: string }> {
  const d = await setUpDesk();
  await d.ok('auth.login', { loginId: officer.loginId, password: officer.password });
  await d.ok('settings.update', { idleLockMinutes: 20 });
  await d.ok('auth.logout');
  return Object.assign(d, { keyringFile: join(d.dataDir, 'keyring.json'), dbFile: join(d.dataDir, 'desk.db') });
}

describe('a damaged keyring', () => {
  it.each([
    ['truncated', (text: string) => text.slice(0, text.length / 2)],
    ['empty', () => ''],
    ['not JSON', () => '\u0000\u0001binary'],
    ['missing its recovery wrap', (text: string) => JSON.stringify({ ...JSON.parse(text), recovery: undefined })],
    ['a wrap missing a field', (text: string) => JSON.stringify({ ...JSON.parse(text), passwords: JSON.parse(text).passwords.map(({ kdf: _kdf, ...wrap }: Record<string, unknown>) => wrap) })],
  ])('%s is reported as damaged, and sign-in and recovery refuse', async (_what, damage) => {
    const d = (desk = await closedDesk());
    const original = readFileSync(d.keyringFile, 'utf8');
    writeFileSync(d.keyringFile, damage(original));
    await d.restart();
    expect(errorOf(await signIn(d))).toEqual({ code: 'INTEGRITY', message: 'keyring.damaged', details: { folder: d.dataDir } });
    expect(errorOf(await d.call('auth.recover', { loginId: officer.loginId, recoveryKey: d.recoveryKey, newPassword: 'atarashii-aikotoba-77' })).code).toBe('INTEGRITY');
    // Setup does not offer to start over on top of a desk that exists.
    expect(await d.ok('setup.status')).toEqual({ needsSetup: false });
    // Putting the keyring back (from a backup) opens the desk as it was.
    writeFileSync(d.keyringFile, original);
    await d.ok('auth.login', { loginId: officer.loginId, password: officer.password });
    expect((await d.ok<{ idleLockMinutes: number }>('settings.get')).idleLockMinutes).toBe(20);
  });

  /** One base64 character of a sealed value changed: a byte of the wrap, whatever the keyring's version. */
  const changeOneByte = (sealed: string) => (sealed[0] === 'A' ? 'B' : 'A') + sealed.slice(1);

  it("a byte changed in another account's wrap is named as tampering once the officer's password opens the keyring", async () => {
    const d = (desk = await closedDesk());
    const staffId = await addAccount(d, staffMember);
    await d.ok('auth.logout');
    const keyring = JSON.parse(readFileSync(d.keyringFile, 'utf8'));
    const wrap = keyring.passwords.find((w: { accountId: string }) => w.accountId === staffId);
    wrap.ciphertext = changeOneByte(wrap.ciphertext);
    writeFileSync(d.keyringFile, JSON.stringify(keyring));
    expect(errorOf(await signIn(d))).toEqual({ code: 'INTEGRITY', message: 'keyring.tampered', details: { folder: d.dataDir } });
  });

  it("a byte changed in one's own wrap reads as a wrong password (nothing can tell them apart); the recovery key then names the tampering", async () => {
    const d = (desk = await closedDesk());
    const keyring = JSON.parse(readFileSync(d.keyringFile, 'utf8'));
    keyring.passwords[0].ciphertext = changeOneByte(keyring.passwords[0].ciphertext);
    writeFileSync(d.keyringFile, JSON.stringify(keyring));
    expect(errorOf(await signIn(d))).toEqual({ code: 'UNAUTHENTICATED', message: 'auth.wrongCredentials' });
    const recovered = await d.call('auth.recover', { loginId: officer.loginId, recoveryKey: d.recoveryKey, newPassword: 'atarashii-aikotoba-77' });
    expect(errorOf(recovered)).toEqual({ code: 'INTEGRITY', message: 'keyring.tampered', details: { folder: d.dataDir } });
  });

  it('an edited keyring (a wrap altered, the rest intact) is reported as tampered after the password opens it', async () => {
    const d = (desk = await closedDesk());
    const keyring = JSON.parse(readFileSync(d.keyringFile, 'utf8'));
    keyring.recovery.iv = Buffer.alloc(12, 7).toString('base64');
    writeFileSync(d.keyringFile, JSON.stringify(keyring));
    expect(errorOf(await signIn(d))).toEqual({ code: 'INTEGRITY', message: 'keyring.tampered', details: { folder: d.dataDir } });
    expect(d.core.desk.db).toBeNull();
  });
});

describe('a damaged database', () => {
  it('a flipped byte inside a page fails SQLCipher\'s page check on sign-in', async () => {
    const d = (desk = await closedDesk());
    const original = readFileSync(d.dbFile);
    const damaged = Buffer.from(original);
    damaged[4096 + 200] = damaged[4096 + 200]! ^ 0xff;
    writeFileSync(d.dbFile, damaged);
    expect(errorOf(await signIn(d))).toEqual({ code: 'INTEGRITY', message: 'database.damaged', details: { pages: 1, folder: d.dataDir } });
    expect(d.core.desk.session).toBeNull();
    writeFileSync(d.dbFile, original);
    await d.ok('auth.login', { loginId: officer.loginId, password: officer.password });
    // The failed attempt was recorded once the desk could open.
    const failures = await d.core.desk.requireDb().selectFrom('audit_events').select('details').where('action', '=', 'auth.login').where('outcome', '=', 'failed').execute();
    expect(failures.map((f) => JSON.parse(f.details!).code)).toEqual(['INTEGRITY']);
  });

  it('a database whose first page is damaged cannot be read, and says so', async () => {
    const d = (desk = await closedDesk());
    const damaged = readFileSync(d.dbFile);
    damaged[100] = damaged[100]! ^ 0xff;
    writeFileSync(d.dbFile, damaged);
    expect(errorOf(await signIn(d))).toEqual({ code: 'INTEGRITY', message: 'database.unreadable', details: { folder: d.dataDir } });
  });

  it('a missing database is named, not silently recreated empty', async () => {
    const d = (desk = await closedDesk());
    copyFileSync(d.dbFile, `${d.dbFile}.bak`);
    rmSync(d.dbFile);
    expect(errorOf(await signIn(d))).toEqual({ code: 'INTEGRITY', message: 'database.missing', details: { folder: d.dataDir } });
    copyFileSync(`${d.dbFile}.bak`, d.dbFile);
    await d.ok('auth.login', { loginId: officer.loginId, password: officer.password });
  });
});

describe('the audit trail', () => {
  it('refuses to change or remove an event, even from inside the core', async () => {
    const d = (desk = await closedDesk());
    await d.ok('auth.login', { loginId: officer.loginId, password: officer.password });
    const db = d.core.desk.requireDb();
    await expect(db.updateTable('audit_events').set({ action: 'nothing' }).where('seq', '=', 1).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_events').where('seq', '=', 1).execute()).rejects.toThrow(/append-only/);
  });
});
