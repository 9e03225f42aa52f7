// The same audit events as a CSV for spreadsheets: what the office opens in Excel or LibreOffice; pure.
//
// UTF-8 with a BOM and CRLF line ends: Excel in Japan reads a CSV without a BOM as Shift_JIS and garbles
// every Japanese header, and CRLF is what Excel writes and expects. The CSV is a convenience copy, not
// evidence: it carries no signature, and the hash column lets a reader match a row to the signed file.
import { stringify } from 'csv-stringify/sync';
import type { ExportedEvent } from './export-file';

export const auditCsvColumns = ['連番', '日時', '操作者ID', '役割', '操作', '結果', '対象種別', '対象ID', '項目', '詳細', 'ハッシュ'] as const;

export function buildAuditCsv(events: readonly ExportedEvent[]): string {
  const rows = events.map((e) => [
    e.seq,
    e.at, // exactly as recorded (UTC, ISO 8601), so a row matches its line in the signed file
    e.actorId ?? '',
    e.actorRole ?? '',
    e.action,
    e.outcome,
    e.targetType ?? '',
    e.targetId ?? '',
    e.fields?.join(', ') ?? '',
    e.details ? JSON.stringify(e.details) : '',
    e.hash,
  ]);
  return stringify(rows, {
    bom: true,
    header: true,
    columns: [...auditCsvColumns],
    record_delimiter: 'windows',
    // A cell that starts with = + - @ is a formula to a spreadsheet; nothing we record should, but an
    // audit copy must never run one. csv-stringify prefixes such a cell with '.
    escape_formulas: true,
    // Set explicitly: giving record_delimiter turns its default off, and a detail holding a line break must stay in its cell.
    quote_record_delimiter: true,
  });
}
