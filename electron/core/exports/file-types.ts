// The save dialog's file-type names, in the person's language (the dialog's filter list shows them).
export const fileTypeNames: Record<string, { ja: string; en: string }> = {
  json: { ja: 'JSON ファイル', en: 'JSON file' },
  jsonl: { ja: '署名付き監査ログ (JSON Lines)', en: 'Signed audit trail (JSON Lines)' },
  csv: { ja: 'CSV ファイル (UTF-8)', en: 'CSV file (UTF-8)' },
  pdf: { ja: 'PDF 文書', en: 'PDF document' },
  xlsx: { ja: 'Excel ブック', en: 'Excel workbook' },
};

export function fileTypeName(extension: string, language: 'ja' | 'en'): string {
  return fileTypeNames[extension]?.[language] ?? extension.toUpperCase();
}
