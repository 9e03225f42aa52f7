// The report's tables as CSV files, one per table, for the office's own spreadsheets.
import { stringify } from 'csv-stringify/sync';
import type { ReportTable } from './tables';

/**
 * UTF-8 with a BOM and CRLF, as the audit and register CSVs: Excel in Japan reads a CSV without a BOM as Shift_JIS.
 * Nothing here is typed by a person, but a cell starting with = + - @ would still run as a formula, so csv-stringify
 * puts an apostrophe before it, as everywhere else the desk writes a CSV.
 */
export function tableCsv(t: ReportTable): string {
  return stringify(
    t.rows.map((r) => r.map((c) => c ?? '')),
    { bom: true, header: true, columns: t.headers, record_delimiter: 'windows', escape_formulas: true, quote_record_delimiter: true },
  );
}
