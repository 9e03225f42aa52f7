// The whole reading of an import file, without the database: size, encoding, CSV, column mapping, every row checked.
import { maxImportBytes } from '../../../../src-shared/api/customer-import';
import { DeskError } from '../../errors';
import { parseCsv, type CsvRow } from './csv';
import { decodeImportFile, type ImportEncoding } from './encoding';
import { mapColumns, missingRequired, type ColumnMapping } from './headers';
import { readRow, type ReadRow } from './rows';
import { holdsCardNumber } from '../no-card-numbers';

export interface ImportFileInput {
  file: { fileName: string; dataBase64: string };
  mapping?: Record<string, string>;
  partner?: unknown;
}

export interface ReadFile extends ColumnMapping {
  encoding: ImportEncoding;
  headers: string[];
  missingFields: string[];
  csvRows: CsvRow[];
  rows: ReadRow[];
}

/** The decoded size of base64 text, from its length alone: the 200 MB limit is checked before anything is decoded. */
export function base64Size(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return Math.floor((text.length * 3) / 4) - padding;
}

export function readImportFile(input: ImportFileInput, purposeIds: ReadonlySet<string>, today: string): ReadFile {
  const size = base64Size(input.file.dataBase64);
  if (size > maxImportBytes) throw new DeskError('VALIDATION', 'import.tooLarge', { maxBytes: maxImportBytes });
  if (size <= 0) throw new DeskError('VALIDATION', 'import.empty');
  const { encoding, text } = decodeImportFile(Buffer.from(input.file.dataBase64, 'base64'));
  const table = parseCsv(text);
  if (table.rows.length === 0) throw new DeskError('VALIDATION', 'import.noRows');
  // A header is a cell too: a card number pasted there is refused without being shown, like anywhere else.
  const cardHeader = table.headers.findIndex((h) => holdsCardNumber(h));
  if (cardHeader >= 0) throw new DeskError('VALIDATION', 'import.cardNumberInHeader', { row: 1, column: cardHeader + 1 });
  const mapping = mapColumns(table.headers, input.mapping, purposeIds);
  const context = { headers: table.headers, columns: mapping.columns, provenance: input.partner ? ('partner' as const) : ('registration' as const), today };
  const rows = table.rows.map((r) => readRow(r, context));
  refuseRepeatedNumbers(rows, mapping.columns.indexOf('customerNo'), table.headers);
  return { ...mapping, encoding, headers: table.headers, missingFields: missingRequired(mapping.columns), csvRows: table.rows, rows };
}

/** The customer number the store will keep: it folds full-width and case the same way (customers/store.ts). */
export function customerNoKey(customerNo: string): string {
  return customerNo.normalize('NFKC').trim().toUpperCase();
}

/** A customer number twice in one file: the first row stands, the later ones are refused (which is the right one is the user's call). */
function refuseRepeatedNumbers(rows: ReadRow[], column: number, headers: string[]): void {
  if (column < 0) return;
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    if (!r.ok) return;
    const key = customerNoKey(String(r.parsed.customerNo));
    if (!seen.has(key)) return void seen.add(key);
    rows[i] = { ok: false, row: r.row, problems: [{ row: r.row, column: column + 1, header: headers[column] ?? null, reason: 'import.customerNoRepeated' }], cardColumns: [] };
  });
}
