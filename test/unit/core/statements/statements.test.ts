// Written confidentiality statements: recorded with the signed scan, renewed, due and overdue.
import { afterEach, describe, expect, it } from 'vitest';
import type { StatementRow } from '../../../../src-shared/domain';
import { asUpload, scannedPdf, scannedPng } from '../../../fixtures/scans';
import { addAccount, asOfficer, errorOf, setUpDesk, staffMember, type TestDesk } from '../../helpers/desk';

let desk: TestDesk | undefined;
afterEach(async () => {
  await desk?.dispose();
  desk = undefined;
});

const pdf = asUpload(scannedPdf(), '誓約書_佐藤.pdf', 'application/pdf');

describe('officer records a statement', () => {
  it('with the scan kept inside the database, and a renewal a year later by default', async () => {
    const d = (desk = await setUpDesk());
    const accountId = await addAccount(d, staffMember);
    const row = await d.ok<StatementRow>('statements.record', { accountId, templateVersion: 1, signedOn: '2026-11-20', trainingOn: '2026-11-18', scan: pdf });
    expect(row).toMatchObject({ accountId, personName: '佐藤 健', department: 'カスタマーサポート', renewalOn: '2027-11-20', state: 'current', scan: { fileName: '誓約書_佐藤.pdf', mimeType: 'application/pdf' } });
    const scan = await d.ok<{ dataBase64: string }>('statements.scan', { id: row.id });
    expect(Buffer.from(scan.dataBase64, 'base64').equals(scannedPdf())).toBe(true);
    const accounts = await d.ok<{ rows: { id: string; statement: { state: string } }[] }>('accounts.list');
    expect(accounts.rows.find((a) => a.id === accountId)!.statement.state).toBe('current');
  });

  it('for a person without an account', async () => {
    const d = (desk = await setUpDesk());
    await asOfficer(d);
    const row = await d.ok<StatementRow>('statements.record', { personName: '派遣 太郎', department: '物流センター', templateVersion: 1, signedOn: '2026-11-01', trainingOn: '2026-11-01', scan: asUpload(scannedPng(), 'scan.png', 'image/png') });
    expect(row).toMatchObject({ accountId: null, personName: '派遣 太郎', department: '物流センター' });
  });

  it('refuses a scan that is not what it says, a future signing date, and a second statement for the same person', async () => {
    const d = (desk = await setUpDesk());
    const accountId = await addAccount(d, staffMember);
    const base = { accountId, templateVersion: 1, signedOn: '2026-11-20', trainingOn: '2026-11-18' };
    expect(errorOf(await d.call('statements.record', { ...base, scan: { ...pdf, mimeType: 'image/png' } })).message).toBe('scan.type');
    expect(errorOf(await d.call('statements.record', { ...base, scan: { ...pdf, dataBase64: '' } })).code).toBe('VALIDATION');
    expect(errorOf(await d.call('statements.record', { ...base, signedOn: '2026-12-24', scan: pdf })).message).toBe('statement.signedInFuture');
    expect(errorOf(await d.call('statements.record', { ...base, templateVersion: 9, scan: pdf })).message).toBe('statement.templateUnknown');
    expect(errorOf(await d.call('statements.record', { ...base, personName: 'both', scan: pdf })).code).toBe('VALIDATION');
    await d.ok('statements.record', { ...base, scan: pdf });
    expect(errorOf(await d.call('statements.record', { ...base, scan: pdf })).message).toBe('statement.exists');
    expect((await d.ok<{ rows: StatementRow[] }>('statements.list')).rows).toHaveLength(1);
  });
});

describe('renewal', () => {
  it('a statement past its renewal date shows as overdue; a renewed one supersedes it and the old one is kept', async () => {
    const d = (desk = await setUpDesk());
    const accountId = await addAccount(d, staffMember);
    const old = await d.ok<StatementRow>('statements.record', { accountId, templateVersion: 1, signedOn: '2025-11-01', trainingOn: '2025-10-30', scan: pdf });
    expect(old.state).toBe('overdue');
    let due = await d.ok<{ overdue: StatementRow[]; dueSoon: StatementRow[]; missing: { accountId: string }[] }>('statements.due');
    expect(due.overdue.map((s) => s.id)).toEqual([old.id]);
    // The officer has no statement yet either.
    expect(due.missing).toHaveLength(1);

    const renewed = await d.ok<StatementRow>('statements.renew', { id: old.id, templateVersion: 1, signedOn: '2026-11-24', trainingOn: '2026-11-24', scan: pdf });
    expect(renewed.state).toBe('current');
    due = await d.ok('statements.due');
    expect(due.overdue).toEqual([]);
    const all = await d.ok<{ rows: StatementRow[] }>('statements.list', { includeSuperseded: true });
    expect(all.rows.find((s) => s.id === old.id)).toMatchObject({ state: 'superseded', supersededBy: renewed.id, signedOn: '2025-11-01' });
    expect(errorOf(await d.call('statements.renew', { id: old.id, templateVersion: 1, signedOn: '2026-11-24', trainingOn: '2026-11-24', scan: pdf })).message).toBe('statement.alreadySuperseded');
  });

  it('a statement within 30 days of renewal is due soon', async () => {
    const d = (desk = await setUpDesk());
    const accountId = await addAccount(d, staffMember);
    await d.ok('statements.record', { accountId, templateVersion: 1, signedOn: '2025-12-10', trainingOn: '2025-12-10', scan: pdf });
    const due = await d.ok<{ dueSoon: StatementRow[] }>('statements.due');
    expect(due.dueSoon.map((s) => s.renewalOn)).toEqual(['2026-12-10']);
  });
});

describe('the statement text', () => {
  it('is versioned: a new text is a new version, the old stays for statements signed on it', async () => {
    const d = (desk = await setUpDesk());
    await asOfficer(d);
    const { rows } = await d.ok<{ rows: { version: number; textJa: string }[] }>('statements.templates');
    expect(rows[0]!.version).toBe(1);
    expect(rows[0]!.textJa).toContain('個人情報の取扱いに関する誓約書');
    const v2 = await d.ok<{ version: number }>('statements.saveTemplate', { textJa: `${rows[0]!.textJa}\n8. 追加事項`, textEn: 'Undertaking\n\n8. More.' });
    expect(v2.version).toBe(2);
    expect(errorOf(await d.call('statements.saveTemplate', { textJa: `${rows[0]!.textJa}\n8. 追加事項`, textEn: 'Undertaking\n\n8. More.' })).message).toBe('statement.templateUnchanged');
    expect((await d.ok<{ rows: unknown[] }>('statements.templates')).rows).toHaveLength(2);
  });
});
