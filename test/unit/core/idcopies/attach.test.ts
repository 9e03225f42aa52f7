// Staff attach an ID copy: only the redacted, upright image without metadata is stored; what may not be kept is refused.
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestDetail } from '../../../../src-shared/requests';
import { errorOf, type TestDesk } from '../../helpers/desk';
import { decryptedPages } from './decrypted-pages';
import { deskWithStaff, disclosureRequest, requesterYamada } from './desk-with-request';
import { asBase64, exifSecrets, licencePhoto, pixelsOf, pngClaiming, scannedCardPng, sidewaysPhoto } from './images';

let desk: TestDesk;
let licence: Buffer;
beforeAll(async () => {
  desk = await deskWithStaff();
  licence = await licencePhoto();
});
afterAll(async () => desk.dispose());

const db = () => desk.core.desk.requireDb();
const storedCopies = (requestId: string) => db().selectFrom('id_copies').selectAll().where('request_id', '=', requestId).execute();
const lastEvent = (action: string) => db().selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('seq', 'desc').executeTakeFirstOrThrow();
const jpeg = (bytes: Buffer) => ({ mediaType: 'image/jpeg' as const, dataBase64: asBase64(bytes) });

/** Signatures the EXIF and GPS blocks leave in a file: the APP1 "Exif" header, the TIFF headers and the GPS-IFD tag. */
const metadataMarkers = [Buffer.from('Exif\0\0', 'latin1'), Buffer.from('II*\0', 'latin1'), Buffer.from('MM\0*', 'latin1'), Buffer.from('eXIf', 'latin1'), Buffer.from('iCCP', 'latin1'), Buffer.from('ICC_PROFILE', 'latin1')];

describe("staff attach a driver's licence photographed with a phone", () => {
  const box = { x: 0.1, y: 0.2, width: 0.3, height: 0.25 };
  let request: RequestDetail;
  let stored: Buffer;

  beforeAll(async () => {
    request = await disclosureRequest(desk);
    const detail = await desk.ok<RequestDetail>('idcopies.attach', { requestId: request.id, documentType: 'driversLicence', image: jpeg(licence), redactions: [box] });
    expect(detail.idCopies).toHaveLength(1);
    stored = (await storedCopies(request.id))[0]!.image!;
  });

  it('the stored image carries no EXIF, GPS or colour profile, by what sharp reads and by its bytes', async () => {
    const original = await sharp(licence).metadata();
    expect(original.exif).toBeDefined();
    expect(original.icc).toBeDefined();
    const meta = await sharp(stored).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 480, height: 304 });
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    for (const marker of metadataMarkers) expect(stored.includes(marker)).toBe(false);
    for (const secret of Object.values(exifSecrets)) {
      expect(licence.includes(secret)).toBe(true);
      expect(stored.includes(secret)).toBe(false);
    }
  });

  it('the pixels under the box are black and the rest of the card is still there', async () => {
    const { data, width, channels } = await pixelsOf(stored);
    const at = (x: number, y: number) => [...data.subarray((y * width + x) * channels, (y * width + x) * channels + 3)];
    // Inside the box (48..192 × 60..136), away from its edges where JPEG blurs: black.
    for (let y = 64; y < 132; y += 3) for (let x = 52; x < 188; x += 3) for (const v of at(x, y)) expect(v).toBeLessThanOrEqual(8);
    // Outside it the picture (never darker than 60 in the photo) is kept.
    for (const [x, y] of [[10, 10], [300, 200], [470, 290], [200, 70]] as const) expect(Math.max(...at(x, y))).toBeGreaterThan(40);
  });

  it('the stored bytes are a new image: not the original, and none of its bytes are in the database', async () => {
    expect(stored.equals(licence)).toBe(false);
    const row = (await storedCopies(request.id))[0]!;
    expect(row).toMatchObject({ media_type: 'image/jpeg', width: 480, height: 304, sha256: createHash('sha256').update(stored).digest('hex'), erase_on: null, result: null });
    expect(JSON.parse(row.redactions)).toEqual([box]);
    const pages = await decryptedPages(desk);
    // The scan works: the stored image's first bytes are found in the decrypted pages.
    expect(pages.includes(stored.subarray(0, 64))).toBe(true);
    for (const secret of Object.values(exifSecrets)) expect(pages.includes(secret)).toBe(false);
    // Slices of the original's compressed picture, from the middle and the end, are nowhere: not in the BLOB, not in any page.
    for (const at of [0.3, 0.5, 0.7, 0.9]) {
      const slice = licence.subarray(Math.floor(licence.length * at), Math.floor(licence.length * at) + 48);
      expect(stored.includes(slice)).toBe(false);
      expect(pages.includes(slice)).toBe(false);
    }
  });

  it('moves the request to the identity check, and the audit names ids, the box count and the hash, never the person', async () => {
    const detail = await desk.ok<RequestDetail>('requests.get', { id: request.id });
    expect(detail.state).toBe('identityCheck');
    expect(detail.idCopies[0]).toMatchObject({ documentType: 'driversLicence', side: 'front', mediaType: 'image/jpeg', redactions: 1, attachedByName: '佐藤 健', result: null });
    const event = await lastEvent('idcopies.attach');
    expect(event).toMatchObject({ outcome: 'ok', target_type: 'idCopy', target_id: detail.idCopies[0]!.id });
    expect(JSON.parse(event.details!)).toEqual({ requestId: request.id, documentType: 'driversLicence', side: 'front', redactions: 1, sha256: detail.idCopies[0]!.sha256 });
    expect(JSON.stringify(event)).not.toMatch(new RegExp([requesterYamada.name, 'yamada', '高円寺', '1985'].join('|')));
  });
});

describe('a photo taken with the phone turned', () => {
  it('is stored upright, and the boxes are drawn on the upright picture', async () => {
    const request = await disclosureRequest(desk);
    const sideways = await sidewaysPhoto();
    expect(await sharp(sideways).metadata()).toMatchObject({ width: 300, height: 200, orientation: 6 });
    // The person drew the box over the bottom-left of the card as the screen showed it, upright.
    await desk.ok('idcopies.attach', { requestId: request.id, documentType: 'residenceCard', image: jpeg(sideways), redactions: [{ x: 0, y: 0.8, width: 0.5, height: 0.2 }] });
    const [row] = await storedCopies(request.id);
    expect(row).toMatchObject({ width: 200, height: 300 });
    const meta = await sharp(row!.image!).metadata();
    expect(meta).toMatchObject({ width: 200, height: 300 });
    expect(meta.orientation).toBeUndefined();
    const { data, width, channels } = await pixelsOf(row!.image!);
    const at = (x: number, y: number) => [...data.subarray((y * width + x) * channels, (y * width + x) * channels + 3)];
    // The stored photo's red top-left corner is, upright, the top-right corner.
    const [r, g, b] = at(180, 30) as [number, number, number];
    expect(r).toBeGreaterThan(200);
    expect(Math.max(g, b)).toBeLessThan(60);
    expect(at(20, 30)[0]).toBeLessThan(200);
    // Upright bottom-left (0..100 × 240..300) is black.
    for (let y = 246; y < 296; y += 4) for (let x = 4; x < 94; x += 4) for (const v of at(x, y)) expect(v).toBeLessThanOrEqual(8);
    for (const secret of Object.values(exifSecrets)) expect(row!.image!.includes(secret)).toBe(false);
  });
});

describe('a scanned PNG', () => {
  it('a WebP is stored as a PNG', async () => {
    const request = await disclosureRequest(desk);
    const { pixels } = await scannedCardPng(101, 63);
    const webp = await sharp(pixels, { raw: { width: 101, height: 63, channels: 4 } }).webp({ lossless: true }).toBuffer();
    await desk.ok('idcopies.attach', { requestId: request.id, documentType: 'other', image: { mediaType: 'image/webp', dataBase64: asBase64(webp) }, redactions: [] });
    const [row] = await storedCopies(request.id);
    expect(row).toMatchObject({ media_type: 'image/png', width: 101, height: 63 });
    expect((await sharp(row!.image!).metadata()).format).toBe('png');
  });

  it('is stored as a PNG whose boxes are rounded outward to whole pixels and opaque black', async () => {
    const request = await disclosureRequest(desk);
    const { png, pixels } = await scannedCardPng(101, 63);
    // 0.1 × 101 = 10.1 and 0.35 × 101 = 35.35: columns 10 to 35 are (partly) under the box; 0.5 × 63 = 31.5 to 0.75 × 63 = 47.25: rows 31 to 47.
    await desk.ok('idcopies.attach', { requestId: request.id, documentType: 'passport', image: { mediaType: 'image/png', dataBase64: asBase64(png) }, redactions: [{ x: 0.1, y: 0.5, width: 0.25, height: 0.25 }] });
    const [row] = await storedCopies(request.id);
    expect(row!.media_type).toBe('image/png');
    const meta = await sharp(row!.image!).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 101, height: 63 });
    expect(meta.exif).toBeUndefined();
    for (const marker of metadataMarkers) expect(row!.image!.includes(marker)).toBe(false);
    const { data, channels } = await pixelsOf(row!.image!);
    expect(channels).toBe(4);
    const px = (buf: Buffer, x: number, y: number) => [...buf.subarray((y * 101 + x) * 4, (y * 101 + x) * 4 + 4)];
    for (let y = 31; y <= 47; y++) for (let x = 10; x <= 35; x++) expect(px(data, x, y)).toEqual([0, 0, 0, 255]);
    // Just outside, the scan is untouched.
    for (const [x, y] of [[9, 40], [36, 40], [20, 30], [20, 48]] as const) expect(px(data, x, y)).toEqual(px(pixels, x, y));
  });
});

describe('what may not be kept is refused, and nothing is stored', () => {
  it('a health insurance card copy cannot be saved until its numbers and QR code are confirmed masked under a box', async () => {
    const request = await disclosureRequest(desk);
    const card = { requestId: request.id, documentType: 'healthInsuranceCard', image: jpeg(licence) };
    const boxes = [{ x: 0.55, y: 0.1, width: 0.4, height: 0.15 }, { x: 0.75, y: 0.6, width: 0.2, height: 0.3 }];
    const unmasked = errorOf(await desk.call('idcopies.attach', { ...card, redactions: boxes, maskingConfirmed: ['insurerNumber', 'symbolAndNumber'] }));
    expect(unmasked).toEqual({ code: 'VALIDATION', message: 'idCopy.insuranceMasking', details: { missing: ['qrCode'], boxes: 2 } });
    expect(errorOf(await desk.call('idcopies.attach', { ...card, redactions: boxes }))).toMatchObject({ message: 'idCopy.insuranceMasking', details: { missing: ['insurerNumber', 'symbolAndNumber', 'qrCode'] } });
    // Confirming without drawing a single box is not masking.
    expect(errorOf(await desk.call('idcopies.attach', { ...card, redactions: [], maskingConfirmed: ['insurerNumber', 'symbolAndNumber', 'qrCode'] }))).toMatchObject({ message: 'idCopy.insuranceMasking', details: { missing: [], boxes: 0 } });
    expect(await storedCopies(request.id)).toEqual([]);
    expect((await desk.ok<RequestDetail>('requests.get', { id: request.id })).state).toBe('received');

    await desk.ok('idcopies.attach', { ...card, redactions: boxes, maskingConfirmed: ['qrCode', 'insurerNumber', 'symbolAndNumber'] });
    const [row] = await storedCopies(request.id);
    expect(JSON.parse(row!.masking_confirmed!)).toEqual(['qrCode', 'insurerNumber', 'symbolAndNumber']);
  });

  it("a My Number card's back is refused outright, before its bytes are even read; its front is accepted", async () => {
    const request = await disclosureRequest(desk);
    const back = { requestId: request.id, documentType: 'myNumberCard', side: 'back', redactions: [] };
    expect(errorOf(await desk.call('idcopies.attach', { ...back, image: jpeg(licence) }))).toEqual({ code: 'VALIDATION', message: 'idCopy.myNumberBack' });
    // Even bytes that are no image at all get the same answer: the refusal does not depend on looking at the card.
    expect(errorOf(await desk.call('idcopies.attach', { ...back, image: jpeg(Buffer.from('not a picture')) }))).toEqual({ code: 'VALIDATION', message: 'idCopy.myNumberBack' });
    expect(errorOf(await desk.call('idcopies.attach', { ...back, redactions: [{ x: 0, y: 0, width: 1, height: 1 }], image: jpeg(licence) })).message).toBe('idCopy.myNumberBack');
    expect(await storedCopies(request.id)).toEqual([]);
    await desk.ok('idcopies.attach', { ...back, side: 'front', image: jpeg(licence) });
    expect(await storedCopies(request.id)).toHaveLength(1);
  });

  it('a file that is not what it says, or no readable image, gets a clear error', async () => {
    const request = await disclosureRequest(desk);
    const attach = (image: unknown) => desk.call('idcopies.attach', { requestId: request.id, documentType: 'passport', image, redactions: [] });
    const { png } = await scannedCardPng();
    expect(errorOf(await attach({ mediaType: 'image/jpeg', dataBase64: asBase64(png) }))).toEqual({ code: 'VALIDATION', message: 'idCopy.mediaMismatch', details: { declared: 'image/jpeg', detected: 'image/png' } });
    expect(errorOf(await attach({ mediaType: 'image/webp', dataBase64: asBase64(licence) }))).toMatchObject({ message: 'idCopy.mediaMismatch', details: { detected: 'image/jpeg' } });
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');
    expect(errorOf(await attach({ mediaType: 'image/png', dataBase64: asBase64(pdf) }))).toMatchObject({ message: 'idCopy.mediaMismatch', details: { detected: null } });
    // A JPEG's signature followed by garbage, and a photo cut off half-way, are unreadable.
    const garbage = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 0x5a)]);
    expect(errorOf(await attach(jpeg(garbage)))).toEqual({ code: 'VALIDATION', message: 'idCopy.unreadable' });
    expect(errorOf(await attach(jpeg(licence.subarray(0, Math.floor(licence.length / 2)))))).toEqual({ code: 'VALIDATION', message: 'idCopy.unreadable' });
    // A small file that claims a picture of 10,000 × 5,000 pixels is refused from its header, before any pixel is decoded.
    expect(errorOf(await attach({ mediaType: 'image/png', dataBase64: asBase64(pngClaiming(10_000, 5_000)) }))).toEqual({ code: 'VALIDATION', message: 'idCopy.tooManyPixels', details: { maxPixels: 40_000_000 } });
    expect(errorOf(await attach({ mediaType: 'image/gif', dataBase64: asBase64(licence) })).details).toEqual({ issues: [{ path: 'image.mediaType', message: 'idCopy.mediaType' }] });
    expect(errorOf(await attach(jpeg(Buffer.alloc(0)))).code).toBe('VALIDATION');
    expect(await storedCopies(request.id)).toEqual([]);
    // Each refusal is in the trail with its reason, and the request did not move.
    expect(JSON.parse((await lastEvent('idcopies.attach')).details!)).toEqual({ code: 'VALIDATION', reason: 'validation.input' });
    expect((await desk.ok<RequestDetail>('requests.get', { id: request.id })).state).toBe('received');
  });

  it('a box outside the picture is refused, and a closed request takes no more copies', async () => {
    const request = await disclosureRequest(desk);
    expect(errorOf(await desk.call('idcopies.attach', { requestId: request.id, documentType: 'passport', image: jpeg(licence), redactions: [{ x: 0.8, y: 0, width: 0.5, height: 0.1 }] })).details).toEqual({
      issues: [{ path: 'redactions.0', message: 'idCopy.boxOutside' }],
    });
    await desk.ok('requests.transition', { id: request.id, to: 'withdrawn', note: '本人より取り下げの申出' });
    expect(errorOf(await desk.call('idcopies.attach', { requestId: request.id, documentType: 'passport', image: jpeg(licence), redactions: [] }))).toMatchObject({ code: 'CONFLICT', message: 'request.closed' });
    expect(await storedCopies(request.id)).toEqual([]);
  });
});
