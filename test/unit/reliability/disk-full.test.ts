// A disk that refuses a write during an import or an export: the call answers with a clear storage.* key (or the
// export's own), nothing stored changes (a hash of the database's content before and after), and no half-written file
// is left behind. The faults are real ones the OS and SQLite give: SQLite's "database or disk is full" (max_page_count
// set low on the desk's connection), a folder that is a file or lies under /proc or /sys, and a file-size limit
// (`ulimit -f`) on a child process. The tests run as root here, so chmod would not stop a write.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { appendEvent } from '../../../electron/core/audit/chain';
import { writeFileAtomic } from '../../../electron/core/files';
import { csvText, shopHeader, shopRow, utf8Bom } from '../core/customers/import-fixtures';
import { errorOf, officer, setUpDesk, type TestDesk } from '../helpers/desk';
import { logicalHash } from '../helpers/logical-hash';

let desk: TestDesk | undefined;
afterEach(async () => {
  await desk?.dispose();
  desk = undefined;
});

const credentials = { loginId: officer.loginId, password: officer.password };
const shopFile = (rows: number, extra: string[][] = []) => utf8Bom(csvText([shopHeader, ...Array.from({ length: rows }, (_, i) => shopRow(i + 1)), ...extra]));
const asUpload = (bytes: Buffer) => ({ fileName: '顧客一覧.csv', dataBase64: bytes.toString('base64') });
/** Every file under a folder, temporary ones included (none may be left over). */
const filesUnder = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }) : []);

describe('the database disk fills up during an import', () => {
  it('answers storage.full naming the folder, stores nothing, writes no rejected-rows file; with room again the same file imports', async () => {
    const d = (desk = await setUpDesk());
    await d.ok('auth.login', credentials);
    const db = d.core.desk.requireDb();
    const before = await logicalHash(db);
    // Room for the refusal's own audit event, not for 600 customers.
    const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(db);
    await sql.raw(`pragma max_page_count = ${rows[0]!.page_count + 8}`).execute(db);
    const file = asUpload(shopFile(600, [shopRow(601, { 生年月日: '2023-02-30' })]));

    const refused = await d.call('customers.importCommit', { file, language: 'ja' });
    expect(errorOf(refused)).toEqual({ code: 'CONFLICT', message: 'storage.full', details: { reason: 'SQLITE_FULL', folder: d.dataDir } });
    expect(await logicalHash(db)).toEqual(before);
    expect(filesUnder(d.exportsDir)).toEqual([]);
    const trail = await db.selectFrom('audit_events').select(['action', 'outcome', 'details']).orderBy('seq', 'desc').limit(1).execute();
    expect(trail).toEqual([{ action: 'customers.importCommit', outcome: 'failed', details: JSON.stringify({ code: 'CONFLICT', reason: 'storage.full' }) }]);

    await sql`pragma max_page_count = 1073741823`.execute(db);
    expect(await d.ok('customers.importCommit', { file, language: 'ja' })).toMatchObject({ imported: 600, rejected: 1 });
  });
});

describe('an exports folder that cannot take a file', () => {
  it.each([
    ['a file stands where the folder should be', (root: string) => (writeFileSync(join(root, 'exports'), 'not a folder'), join(root, 'exports')), 'storage.folderUnusable', 'ENOTDIR'],
    ['the folder lies under /proc', () => '/proc/privacy-desk-exports', 'storage.folderUnusable', 'ENOENT'],
    ['the folder is one nobody may write to (/sys)', () => '/sys/kernel', 'storage.denied', 'EACCES'],
  ])('%s: the write is refused with a clear key and leaves nothing', (_story, folderIn, key, reason) => {
    const root = mkdtempSync(join(tmpdir(), 'desk-exports-'));
    try {
      const folder = folderIn(root);
      const attempt = () => writeFileAtomic(join(folder, 'audit-0000.csv'), 'seq,at\n1,2026-11-25\n');
      expect(attempt).toThrowError(expect.objectContaining({ code: 'CONFLICT', key, details: { reason, folder } }));
      expect(readdirSync(root)).toEqual(folder.startsWith(root) ? ['exports'] : []);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('a file-size limit stops the writes of a running desk (ulimit -f in a child process)', () => {
  it('the audit export and the import are refused, nothing stored changes, and no export or temporary file is left', async () => {
    const d = (desk = await setUpDesk());
    await d.ok('auth.login', credentials);
    const db = d.core.desk.requireDb();
    // A trail of 1,500 events makes an audit file (~500 KB) far larger than the limit, while signing in stays small.
    await d.core.desk.transaction(async (tx) => {
      for (let i = 0; i < 1500; i++) await appendEvent(tx, { at: new Date(Date.UTC(2026, 10, 25, 1, 0, i)).toISOString(), actorId: null, action: 'settings.get', outcome: 'ok' });
    });
    const before = await logicalHash(db);
    await d.ok('auth.logout');
    mkdirSync(d.exportsDir, { recursive: true });
    const kept = join(d.exportsDir, 'kept.csv');
    writeFileSync(kept, 'the file as it was\n');
    const csvFile = join(d.dataDir, '..', 'large.csv');
    writeFileSync(csvFile, shopFile(800));

    const limitKiB = 256;
    const child = spawnSync('bash', ['-c', `ulimit -f ${limitKiB} && exec "$0" --import tsx "$@"`, process.execPath, join(import.meta.dirname, 'fsize-child.ts'), d.dataDir, d.exportsDir, csvFile, kept, officer.loginId, officer.password], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(child.status, child.stderr).toBe(0);
    const answers = Object.fromEntries(
      child.stdout
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { step: string; answer: unknown })
        .map((a) => [a.step, a.answer]),
    );
    expect(answers.login).toMatchObject({ ok: true });
    expect(answers.export).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'export.writeFailed', details: { reason: 'EFBIG' } } });
    // SQLite says SQLITE_IOERR for EFBIG, at the statement or at the commit (then the reason is 'commitRefused').
    expect(answers.import).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'storage.writeFailed', details: { folder: d.dataDir } } });
    expect(answers.write).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'storage.fileTooLarge', details: { reason: 'EFBIG', folder: d.exportsDir } } });
    // The old file is whole, and nothing else is there: no audit file, no rejected rows, no temporary file.
    expect(readFileSync(kept, 'utf8')).toBe('the file as it was\n');
    expect(filesUnder(d.exportsDir)).toEqual(['kept.csv']);

    await d.restart();
    await d.ok('auth.login', credentials);
    expect(await logicalHash(d.core.desk.requireDb())).toEqual(before);
  });
});
