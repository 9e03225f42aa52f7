// A chosen material file read as the contract wants it (name, type, base64), after the size and type checks the core repeats.
import { maxMaterialBytes, materialMimeTypes, type MaterialMimeType } from '../../../../src-shared/api/training';

export type MaterialUpload = { fileName: string; mimeType: MaterialMimeType; dataBase64: string };

export const materialAccept = materialMimeTypes.join(',');

/** The problem with a file as a `fieldErrors.` key, or null; checked before reading, so a 300 MB file is never loaded. */
export function materialProblem(file: File | null): string | null {
  if (!file) return null;
  if (!(materialMimeTypes as readonly string[]).includes(file.type)) return 'trainingMaterial.type';
  if (file.size === 0) return 'trainingMaterial.empty';
  if (file.size > maxMaterialBytes) return 'trainingMaterial.tooLarge';
  return null;
}

export function readMaterial(file: File): Promise<MaterialUpload> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.onload = () => {
      // A data: URL is "data:<type>;base64,<data>": the data is what the core takes.
      const url = String(reader.result);
      resolve({ fileName: file.name, mimeType: file.type as MaterialMimeType, dataBase64: url.slice(url.indexOf(',') + 1) });
    };
    reader.readAsDataURL(file);
  });
}

/** "2.4 MB", "830 KB": the size the list shows beside a file's name. */
export function fileSize(bytes: number, language: string): string {
  const format = (n: number) => new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(n);
  if (bytes >= 1024 * 1024) return `${format(bytes / 1024 / 1024)} MB`;
  return `${format(Math.max(1, Math.round(bytes / 1024)))} KB`;
}
