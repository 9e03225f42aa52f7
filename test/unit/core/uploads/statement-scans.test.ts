// The scan of a signed confidentiality statement is kept for years as evidence: a PDF that runs script or carries a
// file, an encrypted PDF, an image bomb or a 100 MB file is refused with a clear message, and no statement is recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatementRow } from '../../../../src-shared/domain';
import { asOfficer, errorOf, setUpDesk, type TestDesk } from '../../helpers/desk';
import { encryptedPdf, harmlessPdf, hundredMegabytesBase64, imageBomb, pdfOpeningWithJavaScript, pdfWithEmbeddedFile, pdfWithScriptInObjectStream, textRenamed } from './files';
import { sentencesOf } from './messages';

let desk: TestDesk;
beforeAll(async () => {
  desk = await setUpDesk();
  await asOfficer(desk);
});
afterAll(async () => desk.dispose());

const signing = { personName: '派遣 太郎', department: '物流センター', templateVersion: 1, signedOn: '2026-11-20', trainingOn: '2026-11-20' };
const record = (fileName: string, mimeType: string, bytes: Buffer | string) =>
  desk.call<StatementRow>('statements.record', { ...signing, scan: { fileName, mimeType, dataBase64: typeof bytes === 'string' ? bytes : bytes.toString('base64') } });
const statements = () => desk.core.desk.requireDb().selectFrom('statements').select('id').execute();

describe('a scan that could act on its own, or is not a scan, is refused and no statement is recorded', () => {
  it.each([
    ['a PDF with JavaScript that runs on opening', pdfOpeningWithJavaScript],
    ['JavaScript hidden in a compressed object stream', pdfWithScriptInObjectStream],
    ['a PDF carrying an embedded file', pdfWithEmbeddedFile],
  ])('%s', async (_story, make) => {
    const refused = await record('誓約書.pdf', 'application/pdf', make());
    expect(errorOf(refused)).toMatchObject({ code: 'VALIDATION', message: 'scan.activeContent' });
    expect(sentencesOf(refused).ja[0]).toContain('誓約書のスキャンとして保存できません');
    expect(sentencesOf(refused).en[0]).toContain('cannot be kept as the scan');
    expect(await statements()).toEqual([]);
  });

  it('an encrypted PDF, an image bomb, a text file renamed .png and a name turned around each get their own message', async () => {
    expect(errorOf(await record('誓約書.pdf', 'application/pdf', encryptedPdf()))).toMatchObject({ code: 'VALIDATION', message: 'scan.pdfLocked' });
    const bomb = await record('誓約書.png', 'image/png', imageBomb());
    expect(errorOf(bomb)).toMatchObject({ code: 'VALIDATION', message: 'scan.tooManyPixels', details: { maxPixels: 80_000_000 } });
    expect(sentencesOf(bomb).en[0]).toContain('300 dpi');
    expect(errorOf(await record('誓約書.png', 'image/png', textRenamed()))).toMatchObject({ code: 'VALIDATION', message: 'scan.type' });
    expect(errorOf(await record('誓約書\u202Efdp.exe', 'application/pdf', harmlessPdf()))).toEqual({ code: 'VALIDATION', message: 'scan.nameUnsafe' });
    expect(await statements()).toEqual([]);
  });

  it('a 100 MB scan is refused by the contract before it is decoded', async () => {
    const refused = await record('誓約書.pdf', 'application/pdf', hundredMegabytesBase64());
    expect(errorOf(refused)).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'scan.dataBase64', message: 'scan.tooLarge' }] } });
    expect(sentencesOf(refused).ja[0]).toContain('20 MB');
    expect(await statements()).toEqual([]);
  });

  it('a real scan (a PDF that opens at page 1, with a link) is recorded after all those refusals', async () => {
    const row = await desk.ok<StatementRow>('statements.record', { ...signing, scan: { fileName: '誓約書.pdf', mimeType: 'application/pdf', dataBase64: harmlessPdf().toString('base64') } });
    expect(row.personName).toBe('派遣 太郎');
    expect(await statements()).toHaveLength(1);
  });
});
