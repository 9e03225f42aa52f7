// Splitting the decoded text into a header and rows with csv-parse; a broken quote is named by row and column.
import { CsvError, parse } from 'csv-parse/sync';
import { DeskError } from '../../errors';

export interface CsvRow {
  /** The row's number as a spreadsheet shows it: the header is row 1, the first customer row 2. */
  row: number;
  cells: string[];
}

export interface CsvTable {
  headers: string[];
  rows: CsvRow[];
  delimiter: ',' | '\t';
}

/**
 * Comma-separated, or tab-separated when the header line has tabs and no commas (some shop systems export TSV
 * and call it CSV). Rows may have more or fewer cells than the header: that is a problem of the row, not the file.
 */
export function parseCsv(text: string): CsvTable {
  if (text.trim() === '') throw new DeskError('VALIDATION', 'import.empty');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (err) {
    throw brokenQuote(err);
  }
  const [header, ...data] = records;
  if (!header) throw new DeskError('VALIDATION', 'import.empty');
  const headers = header.map((h) => h.trim());
  const rows = data
    .map((cells, i) => ({ row: i + 2, cells }))
    // A line of nothing but delimiters (what a spreadsheet leaves after the last row) is not a customer.
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
  return { headers, rows, delimiter };
}

/**
 * csv-parse counts the records it finished before the broken one and the field it was in. Its message is not
 * passed on: it quotes the cell, and the cell may hold a card number.
 */
function brokenQuote(err: unknown): Error {
  if (err instanceof CsvError) {
    const info = err as CsvError & { records?: number; column?: number };
    const row = typeof info.records === 'number' ? info.records + 1 : null;
    const column = typeof info.column === 'number' ? info.column + 1 : null;
    // Every other error csv-parse can raise with these options is about quotes too; say so only when it is.
    return new DeskError('VALIDATION', /QUOTE/.test(info.code) ? 'import.brokenQuote' : 'import.unreadable', { row, column });
  }
  return err instanceof Error ? err : new Error('csv parse failed');
}
