// After setup and sign-in, nothing in the data folder is a readable SQLite file or holds personal data in plaintext.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officer, setUpDesk, type TestDesk } from '../helpers/desk';

let desk: TestDesk & { recoveryKey: string };
beforeAll(async () => {
  desk = await setUpDesk();
  await desk.ok('auth.login', { loginId: officer.loginId, password: officer.password });
  await desk.ok('settings.update', { manager: { ...officer.manager, name: '北川 花子' } });
  // Failed attempts while the database is closed wait in the sign-in state file: it must hold no personal data either.
  await desk.ok('auth.logout');
  await desk.call('auth.login', { loginId: officer.loginId, password: 'wrong password 1' });
  await desk.call('auth.login', { loginId: 'kitagawa', password: 'wrong password 2' });
  await desk.ok('auth.login', { loginId: officer.loginId, password: officer.password });
});
afterAll(async () => desk.dispose());

function filesIn(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesIn(path) : [path];
  });
}

const secrets = () => [
  officer.displayName,
  officer.manager.email,
  '北川 花子',
  officer.manager.phone,
  officer.password,
  officer.loginId,
  'kitagawa',
  desk.recoveryKey,
  desk.recoveryKey.replace(/-/g, ''),
];

describe('the data folder, with the desk open', () => {
  it('has a database, its write-ahead log, the keyring and the sign-in state', () => {
    const names = filesIn(desk.dataDir).map((f) => f.slice(desk.dataDir.length + 1));
    expect(names).toEqual(expect.arrayContaining(['desk.db', 'keyring.json', 'signin.json']));
  });

  it('no file is readable as SQLite', () => {
    for (const file of filesIn(desk.dataDir)) {
      expect(readFileSync(file).subarray(0, 16).toString('latin1'), file).not.toBe('SQLite format 3\0');
    }
  });

  it('no file contains a name, e-mail, phone, login id, password or recovery key, in UTF-8 or UTF-16', () => {
    for (const file of filesIn(desk.dataDir)) {
      const bytes = readFileSync(file);
      for (const secret of secrets()) {
        expect(bytes.includes(Buffer.from(secret, 'utf8')), `${file} holds ${secret}`).toBe(false);
        expect(bytes.includes(Buffer.from(secret, 'utf16le')), `${file} holds ${secret} (UTF-16)`).toBe(false);
      }
    }
  });

  it('the folder and its files are private to the user', () => {
    expect(statSync(desk.dataDir).mode & 0o777).toBe(0o700);
    for (const name of ['desk.db', 'keyring.json', 'signin.json']) {
      expect(statSync(join(desk.dataDir, name)).mode & 0o077, name).toBe(0);
    }
  });
});
