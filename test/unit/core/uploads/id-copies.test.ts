// An ID copy is redacted in memory before it is stored: a file that is not an image, an image bomb or a 100 MB file
// is refused before any pixel is decoded, with a clear message, and the request stays where it was.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestDetail } from '../../../../src-shared/requests';
import { errorOf, type TestDesk } from '../../helpers/desk';
import { deskWithStaff, disclosureRequest } from '../idcopies/desk-with-request';
import { licencePhoto } from '../idcopies/images';
import { hundredMegabytesBase64, imageBomb, pdfOpeningWithJavaScript, textRenamed } from './files';
import { sentencesOf } from './messages';

let desk: TestDesk;
let request: RequestDetail;
beforeAll(async () => {
  desk = await deskWithStaff();
  request = await disclosureRequest(desk);
});
afterAll(async () => desk.dispose());

const attach = (mediaType: string, dataBase64: string) => desk.call<RequestDetail>('idcopies.attach', { requestId: request.id, documentType: 'driversLicence', image: { mediaType, dataBase64 }, redactions: [] });
const storedCopies = () => desk.core.desk.requireDb().selectFrom('id_copies').select('id').where('request_id', '=', request.id).execute();
const state = async () => (await desk.ok<RequestDetail>('requests.get', { id: request.id })).state;

describe('an ID copy that is not a photo of a card is refused, and nothing is stored', () => {
  it('a text file renamed .jpg is not an image of the chosen type', async () => {
    const refused = await attach('image/jpeg', textRenamed().toString('base64'));
    expect(errorOf(refused)).toEqual({ code: 'VALIDATION', message: 'idCopy.mediaMismatch', details: { declared: 'image/jpeg', detected: null } });
    expect(sentencesOf(refused).ja[0]).toContain('画像ではありません');
    expect(sentencesOf(refused).en[0]).toContain('not an image');
  });

  it('a PDF (with JavaScript, too) sent as if it were a JPEG is refused by its bytes: PDF copies become images in the window first', async () => {
    expect(errorOf(await attach('image/jpeg', pdfOpeningWithJavaScript().toString('base64')))).toMatchObject({ message: 'idCopy.mediaMismatch', details: { detected: null } });
  });

  it('an image bomb declaring 50,000 × 50,000 pixels is refused from its header, long before 7.5 GB of pixels', async () => {
    const refused = await attach('image/png', imageBomb().toString('base64'));
    expect(errorOf(refused)).toEqual({ code: 'VALIDATION', message: 'idCopy.tooManyPixels', details: { maxPixels: 40_000_000 } });
    expect(sentencesOf(refused).en[0]).toContain('Lower its resolution');
  });

  it('a JPEG whose header claims 30,000 × 30,000 pixels is refused the same way', async () => {
    const small = await licencePhoto(64, 40);
    // Rewrite the SOF0 frame's height and width: the file stays a few kilobytes, the claim is 900 megapixels.
    const sof = small.indexOf(Buffer.from([0xff, 0xc0]));
    const claiming = Buffer.from(small);
    claiming.writeUInt16BE(30_000, sof + 5);
    claiming.writeUInt16BE(30_000, sof + 7);
    expect((await sharp(claiming, { limitInputPixels: false }).metadata()).width).toBe(30_000);
    expect(errorOf(await attach('image/jpeg', claiming.toString('base64')))).toMatchObject({ message: 'idCopy.tooManyPixels' });
  });

  it('a 100 MB photo is refused by the contract before it is decoded', async () => {
    const refused = await attach('image/jpeg', hundredMegabytesBase64());
    expect(errorOf(refused)).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'image.dataBase64', message: 'file.tooLarge' }] } });
    expect(sentencesOf(refused).ja[0]).toContain('20MB');
  });

  it('after every refusal nothing is stored and the request is still waiting for its ID check', async () => {
    expect(await storedCopies()).toEqual([]);
    expect(await state()).toBe('received');
  });
});
