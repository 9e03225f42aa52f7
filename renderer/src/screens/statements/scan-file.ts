// A chosen scan file read as the contract wants it (name, type, base64), after the size and type checks the core will repeat.
import { maxScanBytes, scanMimeTypes } from '../../../../src-shared/api/statements';

export type ScanUpload = { fileName: string; mimeType: (typeof scanMimeTypes)[number]; dataBase64: string };

/** The problem with a file as a `fieldErrors.` key, or null; checked before reading, so a 300 MB file is never loaded. */
export function scanProblem(file: File | null): string | null {
  if (!file) return 'scan.required';
  if (!(scanMimeTypes as readonly string[]).includes(file.type)) return 'scan.type';
  if (file.size === 0) return 'scan.empty';
  if (file.size > maxScanBytes) return 'scan.tooLarge';
  return null;
}

export function readScan(file: File): Promise<ScanUpload> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.onload = () => {
      // A data: URL is "data:<type>;base64,<data>": the data is what the core takes.
      const url = String(reader.result);
      resolve({ fileName: file.name, mimeType: file.type as ScanUpload['mimeType'], dataBase64: url.slice(url.indexOf(',') + 1) });
    };
    reader.readAsDataURL(file);
  });
}
