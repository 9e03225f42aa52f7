// Redacting an ID copy in memory before anything is stored (policy §5.2 note): upright, boxes blacked out, no metadata.
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { RedactionBox } from '../../../src-shared/requests';
import { DeskError } from '../errors';
import { sniffType } from '../uploads';

export type IdCopyMediaType = 'image/png' | 'image/jpeg' | 'image/webp';

export interface RedactedImage {
  image: Buffer;
  mediaType: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
  sha256: string;
}

/**
 * 40 megapixels: a phone's full-resolution photo of a card with room to spare. Anything larger is not a card photo,
 * and its pixels (decoded in memory only, see below) would cost hundreds of megabytes.
 */
export const maxIdCopyPixels = 40_000_000;

// libvips keeps recent images in an operation cache; the decoded original must not outlive the call in memory.
sharp.cache(false);

/** The format the bytes are, by their signature, whatever the window said they are (the uploads' shared sniffing). */
export function detectImageType(bytes: Buffer): IdCopyMediaType | null {
  const type = sniffType(bytes);
  return type === 'application/pdf' ? null : type;
}

/** A box in fractions of the image, as whole pixels, rounded outward so that the box covers all it was drawn over. */
export function boxInPixels(box: RedactionBox, width: number, height: number): { left: number; top: number; right: number; bottom: number } {
  const clamp = (v: number, max: number) => Math.min(max, Math.max(0, v));
  const left = clamp(Math.floor(box.x * width), width);
  const top = clamp(Math.floor(box.y * height), height);
  const right = clamp(Math.ceil((box.x + box.width) * width), width);
  const bottom = clamp(Math.ceil((box.y + box.height) * height), height);
  return { left, top, right, bottom };
}

function blackOut(pixels: Buffer, width: number, height: number, channels: number, boxes: readonly RedactionBox[]): void {
  // With an alpha channel the box is made opaque: a transparent box would hide nothing on screen or on paper.
  const hasAlpha = channels === 2 || channels === 4;
  for (const box of boxes) {
    const { left, top, right, bottom } = boxInPixels(box, width, height);
    for (let y = top; y < bottom; y++) {
      const row = y * width * channels;
      pixels.fill(0, row + left * channels, row + right * channels);
      if (hasAlpha) for (let x = left; x < right; x++) pixels[row + x * channels + channels - 1] = 255;
    }
  }
}

/**
 * Decodes the original, turns it upright per its EXIF orientation, blacks out the boxes and encodes the result from
 * bare pixels, so that no EXIF, GPS, XMP, ICC or comment of the original can travel along. The pixels stay in memory:
 * sharp reads sequentially and rotates with a copy in memory, never through one of libvips' temporary files.
 * The caller zeroes the original afterwards.
 */
export async function redactIdCopy(original: Buffer, declared: IdCopyMediaType, boxes: readonly RedactionBox[]): Promise<RedactedImage> {
  const detected = detectImageType(original);
  if (detected !== declared) throw new DeskError('VALIDATION', 'idCopy.mediaMismatch', { declared, detected });
  let decoded: { data: Buffer; info: { width: number; height: number; channels: number } };
  try {
    decoded = await sharp(original, { limitInputPixels: maxIdCopyPixels, failOn: 'warning', pages: 1 })
      .rotate()
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
  } catch (err) {
    const message = err instanceof Error ? err.message : '';
    if (message.includes('pixel limit')) throw new DeskError('VALIDATION', 'idCopy.tooManyPixels', { maxPixels: maxIdCopyPixels });
    throw new DeskError('VALIDATION', 'idCopy.unreadable');
  }
  const { data, info } = decoded;
  try {
    blackOut(data, info.width, info.height, info.channels, boxes);
    const pipeline = sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels as 1 | 2 | 3 | 4 } });
    // A JPEG stays a JPEG (a photo); PNG and WebP become PNG, which keeps sharp edges and transparency losslessly.
    const mediaType = declared === 'image/jpeg' ? 'image/jpeg' : 'image/png';
    const image = mediaType === 'image/jpeg' ? await pipeline.jpeg({ quality: 90 }).toBuffer() : await pipeline.png().toBuffer();
    return { image, mediaType, width: info.width, height: info.height, sha256: createHash('sha256').update(image).digest('hex') };
  } finally {
    data.fill(0);
  }
}
