// Checking an uploaded scan: the bytes must be what the type says (PDF, PNG, JPEG) and within the size limit.
import { maxScanBytes } from '../../../src-shared/api/statements';
import { DeskError } from '../errors';

const signatures: Record<string, number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

export function decodeScan(scan: { mimeType: string; dataBase64: string }): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(scan.dataBase64)) throw new DeskError('VALIDATION', 'scan.unreadable');
  const bytes = Buffer.from(scan.dataBase64, 'base64');
  if (bytes.length === 0) throw new DeskError('VALIDATION', 'scan.empty');
  if (bytes.length > maxScanBytes) throw new DeskError('VALIDATION', 'scan.tooLarge', { maxMB: maxScanBytes / 1024 / 1024 });
  const magic = signatures[scan.mimeType];
  if (!magic || !magic.every((b, i) => bytes[i] === b)) throw new DeskError('VALIDATION', 'scan.type');
  return bytes;
}
