// Exports saved through the save dialog: the officer's choice of place is honoured once, kept to its kind of file, and
// never lets anyone else write there; printing a record leaves its line in the trail.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../../electron/core/core';
import type { SaveDialog } from '../../../../electron/core/desk';
import type { AuditRow } from '../../../../src-shared/domain';
import { allCustomers } from '../../../fixtures/customers';
import { addAccount, asOfficer, auditorPerson, errorOf, officer, signInAs, staffMember, type TestDesk, makeDesk } from '../../helpers/desk';

/** The person at the dialog: each test says what they will answer; the options they saw are kept. */
const person = {
  answer: null as string | null | ((defaultPath: string) => Promise<string | null>),
  seen: [] as Parameters<SaveDialog['choose']>[0][],
};
const dialog: SaveDialog = {
  async choose(options) {
    person.seen.push(options);
    return typeof person.answer === 'function' ? person.answer(options.defaultPath) : person.answer;
  },
};

let desk: TestDesk;
let chosenDir: string;
let customerId: string;

beforeAll(async () => {
  desk = makeDesk();
  // The desk as the app starts it, with a save dialog at its edge.
  await desk.core.close();
  desk.core = createCore({ dataDir: desk.dataDir, exportsDir: desk.exportsDir, clock: () => desk.clock.now, log: { warn: () => undefined, error: () => undefined }, saveDialog: dialog });
  await desk.ok('setup.createOfficer', officer);
  await addAccount(desk, staffMember);
  await addAccount(desk, auditorPerson);
  await asOfficer(desk);
  customerId = (await desk.ok<{ id: string }>('customers.create', allCustomers[0])).id;
  chosenDir = join(desk.exportsDir, '..', '監査用 提出書類');
  mkdirSync(chosenDir, { recursive: true });
});
afterAll(() => desk.dispose());
beforeEach(async () => {
  person.answer = null;
  person.seen = [];
  // A sign-in costs an argon2 derivation: only when another account was left signed in.
  if (desk.core.desk.session?.loginId !== officer.loginId) await asOfficer(desk);
});

async function choose(kind: string, answer: typeof person.answer, name?: string): Promise<string> {
  person.answer = answer;
  const choice = await desk.ok<{ token?: string; cancelled?: true }>('saveTargets.choose', { kind, language: 'ja', ...(name ? { name } : {}) });
  if (!choice.token) throw new Error('the dialog was cancelled');
  return choice.token;
}

async function lastEvent(action: string): Promise<AuditRow> {
  const { rows } = await desk.ok<{ rows: AuditRow[] }>('audit.search', { action, pageSize: 1 });
  return rows[0]!;
}

describe('saving an export through the save dialog', () => {
  it('opens at the exports folder under the export’s usual name, and a cancel writes nothing', async () => {
    const choice = await desk.ok('saveTargets.choose', { kind: 'ledgerXlsx', language: 'ja' });
    expect(choice).toEqual({ cancelled: true });
    expect(person.seen).toEqual([{ defaultPath: join(desk.exportsDir, 'registers', 'ledger-2026-11-25.xlsx'), filters: [{ name: 'Excel ブック', extensions: ['xlsx'] }] }]);
    // The folder is there for the dialog to open in.
    expect(existsSync(join(desk.exportsDir, 'registers'))).toBe(true);
  });

  it('proposes the package’s own name in English file types, and never the name of an earlier export', async () => {
    await desk.ok('saveTargets.choose', { kind: 'disclosurePackage', language: 'en', name: 'R-2026-0042-disclosure' });
    expect(person.seen[0]).toEqual({ defaultPath: join(desk.exportsDir, 'disclosures', 'R-2026-0042-disclosure-2026-11-25.json'), filters: [{ name: 'JSON file', extensions: ['json'] }] });
    await desk.ok('ledger.export', { format: 'xlsx' });
    await desk.ok('saveTargets.choose', { kind: 'ledgerXlsx', language: 'ja' });
    expect(person.seen[1]!.defaultPath).toBe(join(desk.exportsDir, 'registers', 'ledger-2026-11-25-2.xlsx'));
  });

  it('writes the ledger where the officer chose, and the trail says a place was chosen without its typed name', async () => {
    const chosen = join(chosenDir, '田中さん宛て台帳.xlsx');
    const saveTo = await choose('ledgerXlsx', chosen);
    const result = await desk.ok<{ file: string; name: string }>('ledger.export', { format: 'xlsx', saveTo });
    expect(result).toMatchObject({ file: chosen, name: '田中さん宛て台帳.xlsx' });
    expect(readFileSync(chosen).subarray(0, 2).toString()).toBe('PK');
    const event = await lastEvent('ledger.export');
    expect(event.details).toMatchObject({ chosen: true });
    expect(event.details).not.toHaveProperty('file');
    expect(JSON.stringify(event)).not.toContain('田中');
  });

  it('honours a token once: a second export with it is refused and writes nothing', async () => {
    const saveTo = await choose('provisionsCsv', join(chosenDir, 'provisions-once.csv'));
    await desk.ok('provisions.export', { format: 'csv', saveTo });
    const again = await desk.call('provisions.export', { format: 'csv', saveTo });
    expect(errorOf(again)).toMatchObject({ code: 'NOT_FOUND', message: 'saveTarget.unknown' });
    expect((await lastEvent('provisions.export')).outcome).toBe('failed');
  });

  it('refuses a token it never gave', async () => {
    const result = await desk.call('ledger.export', { format: 'xlsx', saveTo: '6f1d3c1e-2b7a-4c55-9a61-0d2f1b8e9c11' });
    expect(errorOf(result)).toMatchObject({ code: 'NOT_FOUND', message: 'saveTarget.unknown' });
  });

  it('keeps the kind’s extension on a name typed without one', async () => {
    const saveTo = await choose('receiptsCsv', join(chosenDir, 'receipts for the auditor'));
    const { file } = await desk.ok<{ file: string }>('receipts.export', { format: 'csv', saveTo });
    expect(file).toBe(join(chosenDir, 'receipts for the auditor.csv'));
    expect(readFileSync(file, 'utf8').charCodeAt(0)).toBe(0xfeff);
  });

  it('does not let a place chosen for a PDF receive a workbook', async () => {
    const saveTo = await choose('ledgerPdf', join(chosenDir, 'ledger.pdf'));
    const result = await desk.call('ledger.export', { format: 'xlsx', saveTo });
    expect(errorOf(result)).toMatchObject({ code: 'VALIDATION', message: 'saveTarget.wrongKind' });
    expect(existsSync(join(chosenDir, 'ledger.pdf'))).toBe(false);
  });

  it("does not let another account use the officer's choice", async () => {
    const saveTo = await choose('ledgerXlsx', join(chosenDir, 'officer-only.xlsx'));
    await signInAs(desk, staffMember);
    const result = await desk.call('ledger.export', { format: 'xlsx', saveTo });
    expect(errorOf(result)).toMatchObject({ code: 'NOT_FOUND', message: 'saveTarget.unknown' });
    expect(existsSync(join(chosenDir, 'officer-only.xlsx'))).toBe(false);
  });

  it('forgets a choice after five minutes', async () => {
    const saveTo = await choose('ledgerXlsx', join(chosenDir, 'later.xlsx'));
    desk.clock.advanceMinutes(4);
    await desk.ok('auth.session');
    desk.clock.advanceMinutes(2);
    expect(errorOf(await desk.call('ledger.export', { format: 'xlsx', saveTo }))).toMatchObject({ message: 'saveTarget.unknown' });
  });

  it('writes the audit export’s CSV, signature and allowed_signers beside the file chosen', async () => {
    await signInAs(desk, auditorPerson);
    const chosen = join(chosenDir, 'trail-for-auditor.jsonl');
    const saveTo = await choose('auditJsonl', chosen);
    const result = await desk.ok<{ path: string; csvPath: string; sigPath: string; allowedSignersPath: string }>('audit.export', { saveTo });
    expect(result).toMatchObject({ path: chosen, csvPath: join(chosenDir, 'trail-for-auditor.csv'), sigPath: `${chosen}.sig`, allowedSignersPath: join(chosenDir, 'allowed_signers') });
    for (const file of [result.path, result.csvPath, result.sigPath, result.allowedSignersPath]) expect(existsSync(file), file).toBe(true);
  });

  it('does not hold the database while the dialog waits for the person', async () => {
    let answer: (path: string | null) => void = () => undefined;
    person.answer = () => new Promise((resolve) => (answer = resolve));
    const choosing = desk.call('saveTargets.choose', { kind: 'ledgerPdf', language: 'ja' });
    await new Promise((resolve) => setImmediate(resolve));
    // Another call, in a transaction of its own, goes through while the dialog is open.
    await desk.ok('ledger.list', {});
    answer(null);
    expect(await choosing).toEqual({ ok: true, value: { cancelled: true } });
  });
});

describe('printing a record', () => {
  it('records who printed which customer record, by id only', async () => {
    expect(await desk.ok('records.printed', { type: 'customer', id: customerId })).toEqual({ recorded: true });
    const event = await lastEvent('records.printed');
    expect(event).toMatchObject({ outcome: 'ok', targetType: 'customer', targetId: customerId, details: { use: 'print' } });
    expect(JSON.stringify(event)).not.toContain(allCustomers[0]!.name);
  });

  it('refuses the auditor a customer record to print, and records the refusal', async () => {
    await signInAs(desk, auditorPerson);
    expect(errorOf(await desk.call('records.printed', { type: 'customer', id: customerId }))).toMatchObject({ code: 'FORBIDDEN' });
    await asOfficer(desk);
    expect(await lastEvent('records.printed')).toMatchObject({ outcome: 'denied' });
  });

  it('refuses a staff member without a current statement, as opening the record would be', async () => {
    await signInAs(desk, staffMember);
    expect(errorOf(await desk.call('records.printed', { type: 'customer', id: customerId }))).toMatchObject({ code: 'FORBIDDEN', message: 'statements.required' });
  });

  it('says so when the record to print is not there', async () => {
    expect(errorOf(await desk.call('records.printed', { type: 'request', id: customerId }))).toMatchObject({ code: 'NOT_FOUND', message: 'records.notFound' });
  });
});
