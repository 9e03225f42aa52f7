// One backup file (.pdbk): a magic, the length of a small plain header, the header (JSON), then the encrypted database.
// The header names the snapshot and carries the keyring as it was, so the recovery key of that day opens it; its MAC,
// keyed from the data key, covers the database's SHA-256 too, so no byte of the file can change unnoticed.
import canonicalize from 'canonicalize';
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { z } from 'zod';
import { DeskError } from '../errors';
import { parseKeyring, type Keyring } from '../keys/keyring';

export const backupExtension = '.pdbk';
const magic = Buffer.from('PDESKBK1', 'ascii');
const prefixBytes = magic.length + 4;
/** The header is a keyring and a few fields: anything near this size is not ours. */
const maxHeaderBytes = 1024 * 1024;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const headerSchema = z.object({
  format: z.literal('privacy-desk-backup'),
  version: z.literal(1),
  installationId: z.uuid(),
  createdAt: z.string().min(1).max(40),
  events: z.number().int().min(0),
  chainHead: hex64,
  schemaVersion: z.string().min(1).max(100),
  keyring: z.unknown(),
  database: z.object({ bytes: z.number().int().positive(), sha256: hex64 }),
  mac: hex64,
});

export type BackupHeader = Omit<z.infer<typeof headerSchema>, 'keyring'> & { keyring: Keyring };
export type UnsealedHeader = Omit<BackupHeader, 'mac'>;

function macKey(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'privacy-desk backup header v1', 32));
}

function macOf(header: UnsealedHeader | BackupHeader, dataKey: Buffer): string {
  const { mac: _mac, ...body } = header as BackupHeader;
  return createHmac('sha256', macKey(dataKey)).update(canonicalize(body)!).digest('hex');
}

export function sealHeader(header: UnsealedHeader, dataKey: Buffer): BackupHeader {
  return { ...header, mac: macOf(header, dataKey) };
}

export function headerMacMatches(header: BackupHeader, dataKey: Buffer): boolean {
  const expected = Buffer.from(macOf(header, dataKey), 'hex');
  const actual = Buffer.from(header.mac, 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** The bytes before the database: magic, length, header. */
export function encodeHeader(header: BackupHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([magic, length, json]);
}

export interface BackupOnDisk {
  header: BackupHeader;
  /** Where the database starts in the file, and the file's size now. */
  databaseOffset: number;
  fileBytes: number;
}

function readExactly(fd: number, length: number, position: number): Buffer | null {
  const buffer = Buffer.alloc(length);
  const read = readSync(fd, buffer, 0, length, position);
  return read === length ? buffer : null;
}

/** Reads a backup's header without any key. Throws NOT_FOUND, VALIDATION (not a backup) or INTEGRITY (damaged). */
export function readBackupHeader(file: string): BackupOnDisk {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DeskError('NOT_FOUND', 'backup.fileNotFound');
    throw new DeskError('VALIDATION', 'backup.notReadable', { reason: code ?? 'unknown' });
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new DeskError('VALIDATION', 'backup.notABackup');
    const prefix = readExactly(fd, prefixBytes, 0);
    if (!prefix || !prefix.subarray(0, magic.length).equals(magic)) throw new DeskError('VALIDATION', 'backup.notABackup');
    const length = prefix.readUInt32BE(magic.length);
    if (length === 0 || length > maxHeaderBytes) throw new DeskError('INTEGRITY', 'backup.damaged');
    const json = readExactly(fd, length, prefixBytes);
    if (!json) throw new DeskError('INTEGRITY', 'backup.truncated');
    let parsed: z.infer<typeof headerSchema>;
    try {
      parsed = headerSchema.parse(JSON.parse(json.toString('utf8')));
    } catch {
      throw new DeskError('INTEGRITY', 'backup.damaged');
    }
    let keyring: Keyring;
    try {
      keyring = parseKeyring(parsed.keyring);
    } catch {
      throw new DeskError('INTEGRITY', 'backup.damaged');
    }
    return { header: { ...parsed, keyring }, databaseOffset: prefixBytes + length, fileBytes: stat.size };
  } finally {
    closeSync(fd);
  }
}
