// Every page of the desk's database file decrypted, free pages included: what someone holding the data key could read.
import { createDecipheriv } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { sql } from 'kysely';
import type { TestDesk } from '../../helpers/desk';

/** SQLCipher 4's defaults: 4096-byte pages, each ending in a 16-byte IV and a 64-byte HMAC-SHA512; page 1 starts with the salt. */
const pageSize = 4096;
const reserve = 80;

/**
 * Checkpoints the WAL into the file (so that the file is the whole database), then decrypts each page with the raw data
 * key (AES-256-CBC). Page 1's decrypted header names the page size: checked, so a wrong scheme fails loudly instead of
 * "finding nothing".
 */
export async function decryptedPages(desk: TestDesk): Promise<Buffer> {
  const core = desk.core.desk;
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(core.requireDb());
  const wal = `${core.paths.database}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) throw new Error('the WAL still holds pages after the checkpoint');
  const key = core.dataKey!;
  const file = readFileSync(core.paths.database);
  if (file.length % pageSize !== 0) throw new Error(`the file is not made of ${pageSize}-byte pages`);
  const pages: Buffer[] = [];
  for (let offset = 0; offset < file.length; offset += pageSize) {
    const page = file.subarray(offset, offset + pageSize);
    const start = offset === 0 ? 16 : 0;
    const iv = page.subarray(pageSize - reserve, pageSize - reserve + 16);
    const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
    pages.push(Buffer.concat([decipher.update(page.subarray(start, pageSize - reserve)), decipher.final()]));
  }
  // The SQLite header from byte 16 on: the page size (big-endian), then the write and read versions (2 in WAL mode).
  const header = pages[0]!;
  if (header.readUInt16BE(0) !== pageSize || header[2] !== 2 || header[3] !== 2) throw new Error('page 1 did not decrypt to a SQLite header');
  return Buffer.concat(pages);
}
