// Files in and out of a request: a chosen attachment read as the contract wants it, and a stored one saved to disk.
import { attachmentMediaTypes, maxAttachmentBytes } from '../../../../src-shared/api/requests';

export type AttachmentUpload = { fileName: string; mediaType: (typeof attachmentMediaTypes)[number]; dataBase64: string };

/** The problem with a file as a `fieldErrors.` key, or null; checked before reading, so a huge file is never loaded. */
export function attachmentProblem(file: File | null): string | null {
  if (!file) return 'file.required';
  if (!(attachmentMediaTypes as readonly string[]).includes(file.type)) return 'file.type';
  if (file.size === 0) return 'file.empty';
  if (file.size > maxAttachmentBytes) return 'file.tooLarge';
  return null;
}

export function readAttachment(file: File): Promise<AttachmentUpload> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.onload = () => {
      const url = String(reader.result);
      resolve({ fileName: file.name, mediaType: file.type as AttachmentUpload['mediaType'], dataBase64: url.slice(url.indexOf(',') + 1) });
    };
    reader.readAsDataURL(file);
  });
}

/** Hands the bytes to the browser's download; the object URL is let go at once, so nothing stays in memory. */
export function saveBytes(fileName: string, mediaType: string, dataBase64: string): void {
  const bytes = Uint8Array.from(atob(dataBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mediaType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function formatBytes(bytes: number, language: string): string {
  const units = ['B', 'KB', 'MB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}

/** The file name of a path the core wrote (Windows or POSIX): the folder is the same for every notice. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
