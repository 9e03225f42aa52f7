// A row with a card number is refused, and the number appears nowhere: not in the database, the rejected file,
// the audit trail, the answers to the screen, or anything written to the console or the log.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../../../electron/core/desk';
import { asOfficer, errorOf, setUpDesk, type TestDesk } from '../../helpers/desk';
import { asFile, commit, cp932, csvText, customerNumbers, preview, shopHeader, shopRow } from './import-fixtures';

let desk: TestDesk | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await desk?.dispose();
  desk = undefined;
});

// Test numbers of the card schemes (they pass the Luhn check), written the ways people paste them.
const visa = '4111 1111 1111 1111';
const mastercard = '５５５５－５５５５－５５５５－４４４４';
const jcb = '3530111333300000';
const digitRuns = ['4111111111111111', '5555555555554444', jcb];

/** True when the text holds one of the numbers, whatever spacing, hyphens or width it was written with. */
function holdsCardNumber(text: string): boolean {
  const digits = text.normalize('NFKC').replace(/[\s\-‐－]/g, '');
  return digitRuns.some((run) => digits.includes(run));
}

/** Every text and blob cell of every table (FTS shadow tables included), read through the open Kysely database. */
async function everyStoredValue(d: TestDesk): Promise<string[]> {
  const db = d.core.desk.requireDb();
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db);
  const values: string[] = [];
  for (const { name } of tables.rows) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    for (const row of rows) {
      for (const v of Object.values(row)) {
        if (typeof v === 'string') values.push(v);
        else if (v instanceof Uint8Array) values.push(Buffer.from(v).toString('latin1'), Buffer.from(v).toString('utf8'));
      }
    }
  }
  return values;
}

describe('a card number in an imported file', () => {
  it('refuses its row; the number is blanked in the preview and the rejected file and stored nowhere', async () => {
    const d = (desk = await setUpDesk());
    await asOfficer(d);
    const logged: string[] = [];
    const capture = (...args: unknown[]) => void logged.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : String(a))).join(' '));
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) vi.spyOn(console, level).mockImplementation(capture);
    (d.core.desk as { log: Logger }).log = { warn: capture, error: capture };

    const header = [...shopHeader, '備考'];
    const rows = [
      header,
      [...shopRow(1), 'お得意様'],
      // In a column the desk does not even import, in a phone column, and in the e-mail column full-width.
      [...shopRow(2), `カード ${visa} で支払`],
      [...shopRow(3, { 電話番号: jcb }), ''],
      [...shopRow(4, { メールアドレス: mastercard }), ''],
    ];
    const file = asFile(cp932(csvText(rows)));
    const mapping = { 備考: 'ignore' };

    const seen = await preview(d, { file, mapping });
    expect(seen.problems).toEqual([
      { row: 3, column: 13, header: '備考', reason: 'import.cardNumber' },
      { row: 4, column: 10, header: '電話番号', reason: 'import.cardNumber' },
      { row: 5, column: 11, header: 'メールアドレス', reason: 'import.cardNumber' },
    ]);
    expect(seen.sample[1]!.cells[12]).toBe('');
    expect(holdsCardNumber(JSON.stringify(seen))).toBe(false);

    const result = await commit(d, { file, mapping });
    expect(result).toMatchObject({ imported: 1, rejected: 3 });
    expect(await customerNumbers(d)).toEqual(['C-00001']);

    const rejected = iconv.decode(readFileSync(result.rejectedPath!), 'cp932');
    expect(holdsCardNumber(rejected)).toBe(false);
    expect(rejected).toContain('カード番号と思われる数字があるため取り込みません');
    // The row is otherwise as it was, so it can be fixed and imported again.
    expect(rejected).toContain('C-00002');

    // A broken quote right where a card number is: the error names row and column, not the cell.
    const broken = errorOf(await d.call('customers.importPreview', { language: 'ja', file: asFile(Buffer.from(`${header.join(',')}\n"${visa},x\n`)) }));
    expect(broken).toEqual({ code: 'VALIDATION', message: 'import.brokenQuote', details: { row: 2, column: 1 } });

    const stored = await everyStoredValue(d);
    expect(stored.length).toBeGreaterThan(100);
    expect(stored.filter(holdsCardNumber)).toEqual([]);
    const audit = await d.core.desk.requireDb().selectFrom('audit_events').selectAll().where('action', 'like', 'customers.import%').execute();
    // The preview, the commit, and the refused preview of the broken file (its reason, not its cells).
    expect(audit.map((e) => `${e.action}:${e.outcome}`)).toEqual(['customers.importPreview:ok', 'customers.importCommit:ok', 'customers.importPreview:failed']);
    expect(holdsCardNumber(JSON.stringify(audit))).toBe(false);
    for (const f of readdirSync(d.exportsDir)) expect(holdsCardNumber(readFileSync(join(d.exportsDir, f), 'latin1')), f).toBe(false);
    expect(logged.filter(holdsCardNumber)).toEqual([]);
  });
});
