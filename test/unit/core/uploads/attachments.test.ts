// A document that came with a request is kept only if it is what it says and cannot act on its own: a PDF with
// JavaScript, actions or embedded files, an encrypted PDF, an image bomb, a renamed text file or a 100 MB file is
// refused with a clear message, and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestDetail } from '../../../../src-shared/requests';
import { errorOf, type TestDesk } from '../../helpers/desk';
import { deskWithStaff, disclosureRequest } from '../idcopies/desk-with-request';
import {
  encryptedPdf,
  harmlessPdf,
  hundredMegabytesBase64,
  imageBomb,
  pdfLaunching,
  pdfOpeningWithJavaScript,
  pdfWithEmbeddedFile,
  pdfWithEscapedNames,
  pdfWithPageAction,
  pdfWithScriptInObjectStream,
  textRenamed,
} from './files';
import { sentencesOf } from './messages';

let desk: TestDesk;
let request: RequestDetail;
beforeAll(async () => {
  desk = await deskWithStaff();
  request = await disclosureRequest(desk);
});
afterAll(async () => desk.dispose());

const attach = (fileName: string, mediaType: string, dataBase64: string) => desk.call<RequestDetail>('requests.attach', { id: request.id, file: { fileName, mediaType, dataBase64 } });
const storedAttachments = () => desk.core.desk.requireDb().selectFrom('request_attachments').select('id').where('request_id', '=', request.id).execute();
const history = async () => (await desk.ok<RequestDetail>('requests.get', { id: request.id })).history.length;

describe('a PDF that would act on its own is refused as an attachment, and nothing is stored', () => {
  it.each([
    ['a PDF with JavaScript that runs on opening', pdfOpeningWithJavaScript, ['JS', 'JavaScript']],
    ['the same with its names escaped (#41, #61, #53)', pdfWithEscapedNames, ['JS', 'JavaScript', 'OpenAction']],
    ['JavaScript hidden in a compressed object stream', pdfWithScriptInObjectStream, ['JS', 'JavaScript']],
    ['a page that acts when it is opened', pdfWithPageAction, ['AA']],
    ['a PDF that launches a program', pdfLaunching, ['Launch', 'OpenAction']],
    ['a PDF carrying an embedded file', pdfWithEmbeddedFile, ['EmbeddedFile', 'EmbeddedFiles']],
  ])('%s', async (_story, make, names) => {
    const before = await history();
    const refused = await attach('委任状.pdf', 'application/pdf', make().toString('base64'));
    expect(errorOf(refused)).toMatchObject({ code: 'VALIDATION', message: 'file.activeContent', details: { path: 'file.dataBase64' } });
    expect(errorOf(refused).details!.found).toEqual(expect.arrayContaining(names));
    expect(await storedAttachments()).toEqual([]);
    expect(await history()).toBe(before);
    const { ja, en } = sentencesOf(refused);
    expect(ja[0]).toContain('スクリプト');
    expect(en[0]).toContain('scripts');
  });

  it('a password-protected PDF is refused too: what cannot be read cannot be vouched for', async () => {
    const refused = await attach('locked.pdf', 'application/pdf', encryptedPdf().toString('base64'));
    expect(errorOf(refused)).toMatchObject({ code: 'VALIDATION', message: 'file.pdfLocked' });
    expect(sentencesOf(refused).en[0]).toContain('password-protected');
    expect(await storedAttachments()).toEqual([]);
  });

  it("a letter as LibreOffice writes it (open at page 1, a web link, a scan whose bytes contain '/JS') is accepted", async () => {
    const pdf = harmlessPdf();
    const kept = await desk.ok<RequestDetail>('requests.attach', { id: request.id, file: { fileName: 'letter.pdf', mediaType: 'application/pdf', dataBase64: pdf.toString('base64') } });
    expect(kept.attachments.map((a) => a.bytes)).toEqual([pdf.length]);
  });
});

describe('other files that are not what they seem', () => {
  it('an image bomb (a PNG of a few hundred bytes declaring 50,000 × 50,000 pixels) is refused from its header', async () => {
    const bomb = imageBomb();
    expect(bomb.length).toBeLessThan(200_000);
    const refused = await attach('scan.png', 'image/png', bomb.toString('base64'));
    expect(errorOf(refused)).toMatchObject({ code: 'VALIDATION', message: 'file.tooManyPixels', details: { maxPixels: 80_000_000 } });
    expect(sentencesOf(refused).ja[0]).toContain('画素数');
  });

  it('a text file renamed .pdf or .png is refused by what its bytes are', async () => {
    for (const [name, type] of [['letter.pdf', 'application/pdf'], ['photo.png', 'image/png']] as const) {
      const refused = await attach(name, type, textRenamed().toString('base64'));
      expect(errorOf(refused)).toMatchObject({ code: 'VALIDATION', message: 'file.type', details: { declared: type, detected: null } });
    }
  });

  it('a file name that turns itself around on screen ("請求書\u202Efdp.exe" reads "請求書exe.pdf") or holds a NUL is refused', async () => {
    for (const fileName of ['請求書\u202Efdp.exe', 'letter\u2067.pdf', 'a\u0000.pdf', '委任状\r\n.pdf']) {
      const refused = await attach(fileName, 'application/pdf', harmlessPdf().toString('base64'));
      expect(errorOf(refused)).toEqual({ code: 'VALIDATION', message: 'file.nameUnsafe', details: { path: 'file.fileName' } });
      expect(sentencesOf(refused).en[0]).toContain('disguise');
    }
  });

  it('a 100 MB file is refused by the contract before it is decoded, with the size limit as the message', async () => {
    const refused = await attach('huge.pdf', 'application/pdf', hundredMegabytesBase64());
    expect(errorOf(refused)).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'file.dataBase64', message: 'file.tooLarge' }] } });
    expect(sentencesOf(refused).en[0]).toContain('20 MB');
    expect(sentencesOf(refused).ja[0]).toContain('20MB');
  });

  it('after all these refusals only the harmless letter is stored, and each refusal is in the trail by its key', async () => {
    expect(await storedAttachments()).toHaveLength(1);
    const refusals = await desk.core.desk.requireDb().selectFrom('audit_events').select('details').where('action', '=', 'requests.attach').where('outcome', '=', 'failed').execute();
    expect(refusals.map((r) => JSON.parse(r.details!).reason)).toEqual(
      expect.arrayContaining(['file.activeContent', 'file.pdfLocked', 'file.tooManyPixels', 'file.type', 'file.nameUnsafe', 'validation.input']),
    );
  });
});
