// Which encoding an imported CSV is in (UTF-8 with or without BOM, or CP932), decoding it, and encoding text back the same way.
import iconv from 'iconv-lite';
import type { ImportEncoding } from '../../../../src-shared/api/customer-import';
import { DeskError } from '../../errors';

/*
 * The encodings the shop's systems write. `cp932` is Windows' Shift_JIS (Windows-31J): plain Shift_JIS has no
 * ①, ㈱ or 髙, and Excel in Japan writes CP932 when it says "Shift_JIS".
 */
export type { ImportEncoding };

const utf8Bom = Buffer.from([0xef, 0xbb, 0xbf]);

/** Control characters a text file never holds (tab, line feed and carriage return are allowed): a sign of a binary file. */
const binaryControls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export interface DecodedFile {
  encoding: ImportEncoding;
  text: string;
}

/**
 * Detects by strict validity rather than guessing from statistics: UTF-8 is tried first because a real CP932 file
 * with Japanese in it is (almost) never valid UTF-8, while pure ASCII is both and reads the same either way.
 * Anything that is neither, or that holds control characters, is refused: guessing would store mojibake.
 */
export function decodeImportFile(bytes: Uint8Array): DecodedFile {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const hasBom = buffer.subarray(0, 3).equals(utf8Bom);
  const body = hasBom ? buffer.subarray(3) : buffer;
  const utf8 = strictUtf8(body);
  if (utf8 !== null) return checked({ encoding: hasBom ? 'utf-8-bom' : 'utf-8', text: utf8 });
  if (hasBom) throw new DeskError('VALIDATION', 'import.encodingUnknown');
  const cp932 = iconv.decode(body, 'cp932');
  // iconv-lite puts U+FFFD where a byte sequence is not CP932; U+FFFD itself cannot be written in CP932.
  if (cp932.includes('\ufffd')) throw new DeskError('VALIDATION', 'import.encodingUnknown');
  return checked({ encoding: 'cp932', text: cp932 });
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    // ignoreBOM: the BOM was taken off above; a second one would be kept as a character and show up in a header.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function checked(file: DecodedFile): DecodedFile {
  if (binaryControls.test(file.text)) throw new DeskError('VALIDATION', 'import.encodingUnknown');
  return file;
}

/** Text in the encoding the file came in, so that the rejected rows open in the same program the same way. */
export function encodeLike(encoding: ImportEncoding, text: string): Buffer {
  if (encoding === 'cp932') return iconv.encode(text, 'cp932');
  const utf8 = Buffer.from(text, 'utf8');
  return encoding === 'utf-8-bom' ? Buffer.concat([utf8Bom, utf8]) : utf8;
}
