// Damaged files found at unlock: a -wal cut short or with a damaged frame, an older copy of desk.db, a damaged page found
// while the desk is in use, an edited keyring, a missing or damaged signin.json or chain-head.json. Each is named with
// the folder to set aside, never a crash, and nothing is repaired or overwritten: the files stay as they were found.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/core';
import { allCustomers } from '../../fixtures/customers';
import { errorOf, officer, setUpDesk, type TestDesk } from '../helpers/desk';

/** One desk, signed in, its four customers still in its -wal: every test works on a copy of its folder. */
let source: TestDesk & { recoveryKey: string };
/** The customers table's first page (the table is one page for four customers). */
let customersPage: number;
const cores: Core[] = [];
beforeAll(async () => {
  source = await setUpDesk();
  await source.ok('auth.login', credentials);
  for (const customer of allCustomers) await source.ok('customers.create', customer);
  const pages = await sql<{ pageno: number }>`select pageno from dbstat where name = 'customers' order by pageno`.execute(source.core.desk.requireDb());
  customersPage = pages.rows[0]!.pageno;
});
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
});
afterAll(async () => source.dispose());

const quiet = { warn: () => undefined, error: () => undefined };
const credentials = { loginId: officer.loginId, password: officer.password };

/** The app started on a folder (a copy of the data folder). */
function coreOn(dataDir: string, options: { wholeFileCheckWaitMs?: number } = {}): Core {
  const core = createCore({ dataDir, exportsDir: join(dataDir, '..', 'exports-of-copy'), log: quiet, ...options });
  cores.push(core);
  return core;
}

/** The app started on a folder, with its calls; `restart` closes it and starts it again on the same folder. */
function deskOn(dataDir: string) {
  let core = coreOn(dataDir);
  const desk = {
    core: () => core,
    call: (method: string, input: unknown = {}) => core.call(method, input),
    async ok<T = unknown>(method: string, input: unknown = {}): Promise<T> {
      const result = await core.call(method, input);
      if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
      return result.value as T;
    },
    async restart(): Promise<void> {
      await core.close();
      core = coreOn(dataDir);
    },
  };
  return desk;
}

let copies = 0;
/** The source's data folder as a crash would leave it: copied while the desk is open, its -wal holding the latest commits. */
function crashCopy(): string {
  const copy = join(source.dataDir, '..', `copy-${++copies}`);
  mkdirSync(copy, { mode: 0o700 });
  for (const file of ['desk.db', 'desk.db-wal', 'keyring.json', 'signin.json', 'chain-head.json']) {
    if (existsSync(join(source.dataDir, file))) copyFileSync(join(source.dataDir, file), join(copy, file));
  }
  return copy;
}

/** Flips a byte inside a page of desk.db on disk (the desk must have folded its -wal in, or not hold the page there). */
function damagePage(dataDir: string, pageno: number): void {
  const dbFile = join(dataDir, 'desk.db');
  const bytes = readFileSync(dbFile);
  const offset = (pageno - 1) * 4096 + 300;
  bytes[offset] = bytes[offset]! ^ 0xff;
  writeFileSync(dbFile, bytes);
}

const digest = (file: string) => (existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : null);
const digests = (dir: string) => ['desk.db', 'desk.db-wal', 'chain-head.json'].map((f) => digest(join(dir, f)));

async function customerCount(core: Core): Promise<number> {
  const { n } = await core.desk.requireDb().selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}

describe('a -wal file that lost committed frames', () => {
  it('cut short: sign-in names the missing changes, and the database and its -wal stay exactly as found', async () => {
    const whole = crashCopy();
    const cut = crashCopy();
    const wal = readFileSync(join(cut, 'desk.db-wal'));
    // SQLite alone would open this without a word, with the last customers gone (see db/chain-head.ts).
    writeFileSync(join(cut, 'desk.db-wal'), wal.subarray(0, Math.floor(wal.length * 0.6)));
    const before = digests(cut);

    const error = errorOf(await coreOn(cut).call('auth.login', credentials));
    expect(error).toMatchObject({ code: 'INTEGRITY', message: 'database.behind', details: { folder: cut } });
    expect(error.details!.foundEvents).toBeLessThan(error.details!.recordedEvents as number);
    expect(digests(cut)).toEqual(before);

    // The same moment with its -wal whole opens with every customer: only the loss is refused.
    const intact = coreOn(whole);
    expect(await intact.call('auth.login', credentials)).toMatchObject({ ok: true });
    expect(await customerCount(intact)).toBe(allCustomers.length);
  });

  it('with a damaged frame: SQLite would drop it and every frame after it; sign-in refuses instead', async () => {
    const copy = crashCopy();
    const wal = readFileSync(join(copy, 'desk.db-wal'));
    // Inside the last frames' page data (a frame is a 24-byte header and a 4096-byte page, after a 32-byte header).
    wal[wal.length - 2000] = wal[wal.length - 2000]! ^ 0x5a;
    writeFileSync(join(copy, 'desk.db-wal'), wal);
    const before = digests(copy);
    expect(errorOf(await coreOn(copy).call('auth.login', credentials))).toMatchObject({ code: 'INTEGRITY', message: 'database.behind' });
    expect(digests(copy)).toEqual(before);
  });
});

describe('an older copy of desk.db put back', () => {
  it('is refused as behind the desk; putting the current one back opens everything', async () => {
    const dir = crashCopy();
    const d = deskOn(dir);
    const dbFile = join(dir, 'desk.db');
    await d.ok('auth.login', credentials);
    await d.ok('auth.logout');
    copyFileSync(dbFile, `${dbFile}.monday`);
    await d.ok('auth.login', credentials);
    await d.ok('settings.update', { idleLockMinutes: 25 });
    await d.restart();
    copyFileSync(dbFile, `${dbFile}.tuesday`);
    copyFileSync(`${dbFile}.monday`, dbFile);
    expect(errorOf(await d.call('auth.login', credentials))).toMatchObject({ code: 'INTEGRITY', message: 'database.behind', details: { folder: dir } });
    copyFileSync(`${dbFile}.tuesday`, dbFile);
    await d.ok('auth.login', credentials);
    expect((await d.ok<{ idleLockMinutes: number }>('settings.get')).idleLockMinutes).toBe(25);
  });

  it('a copy that went its own way since is named as another history', async () => {
    const dir = crashCopy();
    const d = deskOn(dir);
    const dbFile = join(dir, 'desk.db');
    const record = join(dir, 'chain-head.json');
    await d.ok('auth.login', credentials);
    await d.restart();
    copyFileSync(dbFile, `${dbFile}.common`);
    // One branch: a few more events, recorded.
    await d.ok('auth.login', credentials);
    await d.ok('settings.update', { idleLockMinutes: 25 });
    await d.restart();
    copyFileSync(record, `${record}.branch-a`);
    // The other branch grows from the common copy (its record lost with it) past the first one's length.
    copyFileSync(`${dbFile}.common`, dbFile);
    rmSync(record);
    await d.ok('auth.login', credentials);
    for (let i = 0; i < 3; i++) await d.ok('settings.update', { idleLockMinutes: 30 + i });
    await d.restart();
    // The first branch's record, the second branch's database: as long or longer, not the same events.
    copyFileSync(`${record}.branch-a`, record);
    expect(errorOf(await d.call('auth.login', credentials))).toMatchObject({ code: 'INTEGRITY', message: 'database.replaced', details: { folder: dir } });
  });
});

describe('a damaged page the unlock does not read', () => {
  it('is found by the check of every page: during the sign-in or right after it, the session ends naming the damage', async () => {
    const dir = crashCopy();
    // Opening and closing folds the -wal into desk.db, where the page is then damaged.
    const first = coreOn(dir);
    await first.call('auth.login', credentials);
    await first.close();
    damagePage(dir, customersPage);

    // Not waiting at all for the check: what it finds must end the session instead.
    const core = coreOn(dir, { wholeFileCheckWaitMs: 0 });
    const signedIn = await core.call('auth.login', credentials);
    await core.desk.wholeFileChecked;
    const answer = signedIn.ok ? await core.call('customers.create', { ...allCustomers[0]!, customerNo: 'C-0100' }) : signedIn;
    const named = { code: 'INTEGRITY', message: 'database.damaged', details: { pages: 1, folder: dir } };
    expect(errorOf(answer)).toEqual(named);
    expect(core.desk.session).toBeNull();
    // Signing in again on the same file is refused at once; nothing was written into it meanwhile.
    const before = digests(dir);
    expect(errorOf(await core.call('auth.login', credentials))).toEqual(named);
    expect(digests(dir)).toEqual(before);
  });

  it('a page damaged under a running desk is named as damage when a call reads it, never as an internal error', async () => {
    const dir = crashCopy();
    const d = deskOn(dir);
    await d.ok('auth.login', credentials);
    await d.restart();
    await d.ok('auth.login', credentials);
    await d.core().desk.wholeFileChecked;
    // This connection has not read the customers' pages: the next search reads them from the file.
    damagePage(dir, customersPage);
    expect(errorOf(await d.call('customers.search', { query: '山田' }))).toEqual({ code: 'INTEGRITY', message: 'database.damaged', details: { folder: dir } });
    expect(d.core().desk.session).toBeNull();
  });
});

describe('the files beside the database', () => {
  it('a missing signin.json is said in the trail at the next sign-in, and made again', async () => {
    const dir = crashCopy();
    rmSync(join(dir, 'signin.json'));
    const d = deskOn(dir);
    await d.ok('auth.login', credentials);
    const notes = await d.core().desk.requireDb().selectFrom('audit_events').select(['action', 'outcome', 'details']).where('action', '=', 'auth.signinStateReset').execute();
    expect(notes).toEqual([{ action: 'auth.signinStateReset', outcome: 'failed', details: JSON.stringify({ reason: 'missing' }) }]);
    expect(existsSync(join(dir, 'signin.json'))).toBe(true);
  });

  it('a damaged signin.json never stops a sign-in, and is said in the trail', async () => {
    const dir = crashCopy();
    writeFileSync(join(dir, 'signin.json'), '{"version":1,"accounts":');
    const d = deskOn(dir);
    await d.ok('auth.login', credentials);
    const notes = await d.core().desk.requireDb().selectFrom('audit_events').select('details').where('action', '=', 'auth.signinStateReset').execute();
    expect(notes.map((n) => JSON.parse(n.details!))).toEqual([{ reason: 'damaged' }]);
  });

  it.each([
    ['missing', (file: string) => rmSync(file)],
    ['damaged', (file: string) => writeFileSync(file, readFileSync(file, 'utf8').replace(/"seq":(\d+)/, (_m, n) => `"seq":${Number(n) + 1}`))],
  ])('a %s chain-head.json is said in the trail and written afresh', async (state, damage) => {
    const dir = crashCopy();
    damage(join(dir, 'chain-head.json'));
    const d = deskOn(dir);
    await d.ok('auth.login', credentials);
    const db = d.core().desk.requireDb();
    const notes = await db.selectFrom('audit_events').select('details').where('action', '=', 'desk.chainHeadReset').execute();
    expect(notes.map((n) => JSON.parse(n.details!))).toEqual([{ reason: state }]);
    const head = await db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
    expect(JSON.parse(readFileSync(join(dir, 'chain-head.json'), 'utf8'))).toMatchObject({ seq: head.seq, hash: head.hash });
  });
});
