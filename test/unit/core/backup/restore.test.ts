// The officer's backup brings the whole desk back on a fresh installation with the recovery key, and a damaged or
// wrong backup is refused clearly, leaving nothing in the data folder.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupFile, RestoreResult } from '../../../../src-shared/api/backup';
import { errorOf, makeDesk, type TestDesk } from '../../helpers/desk';
import { backupOffice, chainOf, filesIn, officeContents, officer, personalStrings, staffMember, type Office } from './office';

let office: Office;
let backup: BackupFile;
let before: Awaited<ReturnType<typeof officeContents>>;
let scratch: string;
const fresh: TestDesk[] = [];

beforeAll(async () => {
  office = await backupOffice();
  before = await officeContents(office);
  backup = await office.ok<BackupFile>('backup.create');
  scratch = mkdtempSync(join(tmpdir(), 'backup-copies-'));
});
afterAll(async () => {
  await office.dispose();
  for (const desk of fresh) await desk.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

function freshInstallation(): TestDesk {
  const desk = makeDesk();
  fresh.push(desk);
  return desk;
}

/** The backup's bytes, changed by `edit`, in a file of its own. */
function editedCopy(name: string, edit: (bytes: Buffer) => Buffer): string {
  const file = join(scratch, name);
  writeFileSync(file, edit(readFileSync(backup.file)));
  return file;
}

describe('a backup of the whole desk', () => {
  it('is one file in the exports folder\'s backups, named by its local time, holding every event of the trail', async () => {
    const at = office.clock.now;
    const pad = (n: number) => String(n).padStart(2, '0');
    const name = `privacy-desk-backup-${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}00.pdbk`;
    expect(backup.file).toBe(join(office.exportsDir, 'backups', name));
    expect(filesIn(join(office.exportsDir, 'backups'))).toEqual([name]);
    const chain = await chainOf(office);
    // The backup's own event comes after its snapshot.
    expect(backup.events).toBe(chain.events - 1);
    const event = await office.core.desk.requireDb().selectFrom('audit_events').selectAll().where('action', '=', 'backup.create').executeTakeFirstOrThrow();
    expect(JSON.parse(event.details!)).toEqual({ file: name, folder: join(office.exportsDir, 'backups'), bytes: backup.bytes, events: backup.events });
  });

  it('holds no plaintext personal data: no name, e-mail, phone or password, and no plain database page', () => {
    const bytes = readFileSync(backup.file);
    expect(bytes.length).toBe(backup.bytes);
    for (const text of personalStrings) {
      expect(bytes.includes(Buffer.from(text, 'utf8')), text).toBe(false);
      expect(bytes.includes(Buffer.from(text, 'utf16le')), text).toBe(false);
    }
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(bytes.includes(Buffer.from('CREATE TABLE'))).toBe(false);
  });
});

describe('a fresh installation restores the backup with the recovery key', () => {
  let desk: TestDesk;
  let restored: RestoreResult;

  beforeAll(async () => {
    desk = freshInstallation();
    expect(await desk.ok('setup.status')).toEqual({ needsSetup: true });
    restored = await desk.ok<RestoreResult>('backup.restore', { file: backup.file, recoveryKey: office.recoveryKey.toLowerCase().replace(/-/g, ' ') });
  });

  it('says what came back, and the desk is set up with nothing else in its data folder', async () => {
    expect(restored).toEqual({ createdAt: backup.createdAt, events: backup.events, chainHead: backup.chainHead, accounts: 2, customers: 2 });
    expect(await desk.ok('setup.status')).toEqual({ needsSetup: false });
    expect(filesIn(desk.dataDir)).toEqual(['desk.db', 'keyring.json']);
  });

  it('the officer signs in with the password of the backup\'s day and finds customers, requests, ID copies and statements', async () => {
    await desk.ok('auth.login', { loginId: officer.loginId, password: officer.password });
    expect(await officeContents(desk)).toEqual(before);
    const yamada = await desk.ok<{ rows: { customerNo: string }[] }>('customers.search', { query: '山田' });
    expect(yamada.rows.map((r) => r.customerNo)).toEqual(['C-0001']);
  });

  it('the audit chain verifies, and continues from the backup with the restore itself', async () => {
    const chain = await chainOf(desk);
    expect(chain.valid).toBe(true);
    const events = await desk.core.desk.requireDb().selectFrom('audit_events').select(['seq', 'action', 'prev_hash', 'details']).where('seq', '>', backup.events - 1).orderBy('seq').execute();
    expect(events[0]!.seq).toBe(backup.events);
    expect(events[1]).toMatchObject({ seq: backup.events + 1, action: 'backup.restore', prev_hash: backup.chainHead });
    expect(JSON.parse(events[1]!.details!)).toEqual({ createdAt: backup.createdAt, events: backup.events, chainHead: backup.chainHead });
    expect(events[2]!.action).toBe('auth.login');
  });

  it('the staff member signs in with their own password too', async () => {
    await desk.ok('auth.logout');
    await desk.ok('auth.login', { loginId: staffMember.loginId, password: staffMember.password });
    await desk.ok('auth.logout');
  });

  it('a desk that is set up refuses a restore over it', async () => {
    expect(errorOf(await desk.call('backup.restore', { file: backup.file, recoveryKey: office.recoveryKey }))).toEqual({ code: 'CONFLICT', message: 'backup.restoreNotFresh' });
  });
});

describe('a backup that is wrong or damaged is refused clearly and leaves nothing behind', () => {
  const flipAt = (at: (bytes: Buffer) => number) => (bytes: Buffer) => {
    const copy = Buffer.from(bytes);
    const i = at(copy);
    copy[i] = copy[i]! ^ 0x01;
    return copy;
  };
  const cases: [string, () => { file: string; recoveryKey?: string }, { code: string; message: string }][] = [
    ['a wrong recovery key', () => ({ file: backup.file, recoveryKey: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789' }), { code: 'UNAUTHENTICATED', message: 'backup.wrongRecoveryKey' }],
    ['a recovery key of the wrong shape', () => ({ file: backup.file, recoveryKey: 'not-a-recovery-key-at-all' }), { code: 'UNAUTHENTICATED', message: 'backup.wrongRecoveryKey' }],
    [
      'an edited header (its event count)',
      () => ({ file: editedCopy('edited.pdbk', (b) => Buffer.from(b.toString('latin1').replace(`"events":${backup.events},`, `"events":${backup.events + 1},`), 'latin1')) }),
      { code: 'INTEGRITY', message: 'backup.tampered' },
    ],
    ['a truncated file', () => ({ file: editedCopy('truncated.pdbk', (b) => b.subarray(0, b.length - 4096)) }), { code: 'INTEGRITY', message: 'backup.truncated' }],
    ['a file cut inside its header', () => ({ file: editedCopy('cut.pdbk', (b) => b.subarray(0, 200)) }), { code: 'INTEGRITY', message: 'backup.truncated' }],
    ['a flipped byte in the database', () => ({ file: editedCopy('flipped.pdbk', flipAt((b) => b.length - 5000)) }), { code: 'INTEGRITY', message: 'backup.damaged' }],
    ['bytes added at the end', () => ({ file: editedCopy('longer.pdbk', (b) => Buffer.concat([b, Buffer.alloc(10)])) }), { code: 'INTEGRITY', message: 'backup.damaged' }],
    ['a file that is not a backup', () => ({ file: editedCopy('notes.pdbk', () => Buffer.from('meeting notes, nothing else')) }), { code: 'VALIDATION', message: 'backup.notABackup' }],
    ['a file that is not there', () => ({ file: join(scratch, 'missing.pdbk') }), { code: 'NOT_FOUND', message: 'backup.fileNotFound' }],
    ['a relative path', () => ({ file: 'backups/privacy-desk-backup-20261125-100000.pdbk' }), { code: 'VALIDATION', message: 'backup.pathNotAbsolute' }],
  ];

  it.each(cases)('%s', async (_what, input, expected) => {
    const desk = freshInstallation();
    const { file, recoveryKey } = input();
    const error = errorOf(await desk.call('backup.restore', { file, recoveryKey: recoveryKey ?? office.recoveryKey }));
    expect({ code: error.code, message: error.message }).toEqual(expected);
    expect(filesIn(desk.dataDir)).toEqual([]);
    expect(await desk.ok('setup.status')).toEqual({ needsSetup: true });
  });

  it('after a refusal, the right file and key still restore on the same installation', async () => {
    const desk = freshInstallation();
    const copy = join(scratch, 'copy.pdbk');
    copyFileSync(backup.file, copy);
    expect(errorOf(await desk.call('backup.restore', { file: copy, recoveryKey: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789' })).code).toBe('UNAUTHENTICATED');
    expect((await desk.ok<RestoreResult>('backup.restore', { file: copy, recoveryKey: office.recoveryKey })).customers).toBe(2);
  });
});
