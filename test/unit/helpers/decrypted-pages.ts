// Reads an SQLCipher 4 database file (and its WAL, if any) page by page and decrypts every page with the data key, so a
// test can show what is really left on disk after an erasure: not what SQL returns, but every byte of every page.
import { createDecipheriv } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

/** SQLCipher 4 defaults (the desk sets no cipher pragma but the raw key). */
const pageSize = 4096;
/** Per page: a 16-byte IV, then a 64-byte HMAC-SHA512, at the end of the page. */
const reserve = 80;
const ivLength = 16;
/** Page 1 starts with the file's salt in clear; its encrypted area starts after it. */
const saltLength = 16;
const walHeader = 32;
const walFrameHeader = 24;

function decryptPage(page: Buffer, pageNo: number, key: Buffer): Buffer {
  const start = pageNo === 1 ? saltLength : 0;
  const iv = page.subarray(pageSize - reserve, pageSize - reserve + ivLength);
  const decipher = createDecipheriv('aes-256-cbc', key, iv);
  decipher.setAutoPadding(false);
  return Buffer.concat([decipher.update(page.subarray(start, pageSize - reserve)), decipher.final()]);
}

export interface DecryptedDatabase {
  /** The plaintext of every page of the database file, then of every frame of the WAL, in file order. */
  pages: Buffer[];
  /** Whether the UTF-8 bytes of `text` occur anywhere, also across the end of one page and the start of the next. */
  contains(text: string): boolean;
}

/**
 * Decrypts the database at `file` with the raw 256-bit data key. Throws when page 1 does not decrypt to an SQLite
 * header with SQLCipher's reserve, so a wrong key or layout can never pass for "nothing found".
 */
export function decryptDatabase(file: string, key: Buffer): DecryptedDatabase {
  if (key.length !== 32) throw new Error('the data key must be 32 bytes (copy it before the desk closes: close() overwrites it)');
  const bytes = readFileSync(file);
  if (bytes.length === 0 || bytes.length % pageSize !== 0) throw new Error(`not a whole number of ${pageSize}-byte pages: ${bytes.length} bytes`);
  const pages: Buffer[] = [];
  for (let i = 0; i < bytes.length / pageSize; i++) pages.push(decryptPage(bytes.subarray(i * pageSize, (i + 1) * pageSize), i + 1, key));

  // Page 1 after the salt: the header from offset 16 on. Page size 4096 big-endian, 80 reserved bytes, then the fixed
  // payload fractions 64, 32, 32 that every SQLite file carries.
  const header = pages[0]!;
  if (header.readUInt16BE(0) !== pageSize || header[4] !== reserve || header[5] !== 64 || header[6] !== 32 || header[7] !== 32) {
    throw new Error('page 1 did not decrypt to an SQLite header: wrong key or not SQLCipher 4 defaults');
  }

  const wal = `${file}-wal`;
  if (existsSync(wal)) {
    const log = readFileSync(wal);
    for (let at = walHeader; at + walFrameHeader + pageSize <= log.length; at += walFrameHeader + pageSize) {
      const pageNo = log.readUInt32BE(at);
      pages.push(decryptPage(log.subarray(at + walFrameHeader, at + walFrameHeader + pageSize), pageNo, key));
    }
  }
  const all = Buffer.concat(pages);
  return { pages, contains: (text) => all.includes(Buffer.from(text, 'utf8')) };
}
