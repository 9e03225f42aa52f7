// The chosen CSV read as the contract wants it (name and base64), after the size check the core repeats; and the names of import fields.
import type { TFunction } from 'i18next';
import { maxImportBytes } from '../../../../src-shared/api/customer-import';

export type ImportFile = { fileName: string; dataBase64: string };

/** True when the file is over the desk's limit: it is then never read, let alone sent. */
export function tooLarge(file: File): boolean {
  return file.size > maxImportBytes;
}

export function formatBytes(bytes: number, language: string): string {
  const mb = bytes / (1024 * 1024);
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(mb)} MB`;
}

export function readImportFile(file: File): Promise<ImportFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.onload = () => {
      // A data: URL is "data:<type>;base64,<data>": the bytes as they are, whatever the encoding; the core detects it.
      const url = String(reader.result);
      resolve({ fileName: file.name, dataBase64: url.slice(url.indexOf(',') + 1) });
    };
    reader.readAsDataURL(file);
  });
}

/** "氏名", "電話番号（携帯）", "同意（利用目的 3.6）", "取り込まない" for a field of the contract (`phone.mobile`, `consent.3.6`, `ignore`). */
export function fieldLabel(t: TFunction, field: string): string {
  if (field.startsWith('consent.')) return t('customerImport.fields.consent', { id: field.slice('consent.'.length) });
  return t(`customerImport.fields.${field.replace(/\./g, '_')}`, { defaultValue: field });
}
