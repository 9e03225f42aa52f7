// The rejected-rows file: the refused rows as they came, with a reason column, in the input's encoding, in the exports folder.
import { mkdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { describeProblems, type RowProblem } from '../../../../src-shared/import-reasons';
import { DeskError } from '../../errors';
import { writeFileAtomic, storageError } from '../../files';
import type { CsvRow } from './csv';
import { encodeLike, type ImportEncoding } from './encoding';

export interface RejectedRow {
  csv: CsvRow;
  problems: RowProblem[];
  /** 0-based columns that held a card number: written blank, the reason says why. */
  cardColumns: number[];
}

/**
 * The same encoding as the input, so the file opens in the program that made it: CP932 for Excel in Japan,
 * UTF-8 with a BOM if it came with one. CRLF, as both Excel and the shops' Windows systems write CSV.
 */
export function rejectedCsv(headers: string[], rows: RejectedRow[], encoding: ImportEncoding, language: 'ja' | 'en'): Buffer {
  const records = rows.map((r) => {
    const cells = headers.map((_, i) => (r.cardColumns.includes(i) ? '' : (r.csv.cells[i] ?? '')));
    // Cells beyond the header are kept too: the person fixing the row needs to see what was there.
    for (let i = headers.length; i < r.csv.cells.length; i++) cells.push(r.cardColumns.includes(i) ? '' : r.csv.cells[i]!);
    const where = language === 'ja' ? `${r.csv.row}行目: ` : `row ${r.csv.row}: `;
    return [...cells, where + describeProblems(r.problems, language)];
  });
  const width = Math.max(headers.length, ...rows.map((r) => r.csv.cells.length));
  const header = [...headers, ...Array.from({ length: width - headers.length }, () => ''), language === 'ja' ? '取込不可の理由' : 'reason not imported'];
  // A refused row is exactly the kind that holds `=HYPERLINK(...)` or `@SUM(...)` typed by someone: in Excel it must stay
  // text, so a cell starting with = + - @ (or a tab or CR) gets an apostrophe first, as the provision and audit CSVs do.
  const text = stringify([header, ...records.map((r) => padTo(r, width + 1))], { record_delimiter: 'windows', escape_formulas: true, quote_record_delimiter: true });
  return encodeLike(encoding, text);
}

function padTo(cells: string[], width: number): string[] {
  // The reason stays in the last column even when a row was short.
  if (cells.length >= width) return cells;
  const reason = cells.at(-1)!;
  return [...cells.slice(0, -1), ...Array.from({ length: width - cells.length }, () => ''), reason];
}

/** `rejected-<file>-20261125-100000.csv`: named after the import so the officer finds the right one. */
export function rejectedFileName(fileName: string, at: Date): string {
  // Also no bidirectional override: in a folder listing it would turn the name around ("…\u202Evsc.exe" → "…exe.csv").
  const stem = basename(fileName, extname(fileName)).replace(/[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '_').slice(0, 80) || 'import';
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `rejected-${stem}-${stamp}.csv`;
}

export function writeRejectedFile(exportsDir: string, fileName: string, content: Buffer): string {
  const path = join(exportsDir, fileName);
  try {
    mkdirSync(exportsDir, { recursive: true });
    writeFileAtomic(path, content);
  } catch (err) {
    throw storageError(err, exportsDir) ?? new DeskError('CONFLICT', 'export.writeFailed', { reason: (err as NodeJS.ErrnoException).code ?? 'unknown' });
  }
  return path;
}
