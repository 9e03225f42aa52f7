// Photos of identity documents made for the tests with sharp: a phone's JPEG with EXIF and GPS, a sideways photo, a scan.
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

/** What the phone wrote into the photo's EXIF: found in the original, and never anywhere in the desk. */
export const exifSecrets = { owner: 'OWNER-YAMADA-TARO-19850412', camera: 'PhoneCam-Q7-UNIQUE', gpsDatum: 'GPS-HOME-KOENJI-3F' };

/** Deterministic noise, so that every photo is the same on every run and compresses like a real one. */
function noise(width: number, height: number, channels: number, seed: number): Buffer {
  const pixels = Buffer.alloc(width * height * channels);
  let state = seed >>> 0;
  for (let i = 0; i < pixels.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    // A card-like picture: smooth bands with grain on top, never black.
    const x = Math.floor(i / channels) % width;
    pixels[i] = 60 + ((x * 3 + (i % channels) * 40) % 120) + (state >>> 28);
  }
  return pixels;
}

const exifWithGps = {
  IFD0: { Make: exifSecrets.camera, Model: 'Q7', ImageDescription: exifSecrets.owner, Software: 'CameraApp 5.1' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 42/1 1234/100', GPSLongitudeRef: 'E', GPSLongitude: '139/1 38/1 5678/100', GPSMapDatum: exifSecrets.gpsDatum },
};

/** A driver's licence as a phone photographs it: a JPEG with EXIF, GPS and the camera's colour profile. */
export async function licencePhoto(width = 480, height = 304): Promise<Buffer> {
  return sharp(noise(width, height, 3, 7), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 97 })
    .withExif(exifWithGps)
    .withIccProfile('p3')
    .toBuffer();
}

/**
 * A photo taken with the phone turned: stored 300×200 with EXIF orientation 6 (turn 90° clockwise to view), so that
 * upright it is 200×300. The stored image's top-left corner (60×40) is pure red: upright, that is the top-right 40×60.
 */
export async function sidewaysPhoto(): Promise<Buffer> {
  const width = 300;
  const height = 200;
  const pixels = noise(width, height, 3, 11);
  for (let y = 0; y < 40; y++) for (let x = 0; x < 60; x++) pixels.set([255, 0, 0], (y * width + x) * 3);
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 95 }).withExif(exifWithGps).withMetadata({ orientation: 6 }).toBuffer();
}

/** A scanner's PNG with transparency and a text comment, odd-sized so that boxes fall between pixels. */
export async function scannedCardPng(width = 101, height = 63): Promise<{ png: Buffer; pixels: Buffer }> {
  const pixels = noise(width, height, 4, 23);
  for (let i = 3; i < pixels.length; i += 4) pixels[i] = 255;
  const png = await sharp(pixels, { raw: { width, height, channels: 4 } }).png().withExif(exifWithGps).toBuffer();
  return { png, pixels };
}

/** A tiny PNG file whose header claims a picture of width × height: what a decompression bomb looks like from outside. */
export function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.alloc(width * 3 + 1))), chunk('IEND', Buffer.alloc(0))]);
}

export async function pixelsOf(image: Buffer): Promise<{ data: Buffer; width: number; height: number; channels: number }> {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

export const asBase64 = (bytes: Buffer): string => bytes.toString('base64');
