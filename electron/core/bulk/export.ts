// The selected requests or customers as a CSV, masked for the caller's role exactly as their lists show them.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { localDay } from '../dates';
import { pdfLabels, codeLabel } from '../disclosures/pdf-labels';
import { DeskError } from '../errors';
import { maskRow, seesFullRecords } from '../customers/masking';
import { readRows } from '../customers/read';
import { exportPath } from '../exports/target';
import { storageError, writeFileAtomic } from '../files';
import type { Ctx } from '../handler';
import { requestRows, toRequestRow } from '../requests/read';
import { appendRowEvent } from './rows';

/**
 * UTF-8 with a BOM and CRLF: Excel in Japan reads a CSV without a BOM as Shift_JIS. A cell starting with = + - @ is
 * a formula to a spreadsheet; a requester's name or an e-mail address must never run as one (csv-stringify prefixes ').
 */
function csv(columns: string[], rows: (string | number)[][]): Buffer {
  const text = stringify(rows, { bom: true, header: true, columns, record_delimiter: 'windows', escape_formulas: true, quote_record_delimiter: true });
  return Buffer.from(text, 'utf8');
}

/** A file name with the time and no personal data, like the other exports (a second export never overwrites the first). */
function fileName(what: string, now: Date): string {
  return `${what}-${now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')}.csv`;
}

/** The folder is the one the save dialog opens at for a selection (`selectionCsv` in src-shared/api/save-targets.ts). */
function write(ctx: Ctx, saveTo: string | undefined, name: string, content: Buffer): string {
  const file = exportPath(ctx, saveTo, 'selections', name);
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  } catch (err) {
    throw storageError(err, dirname(file)) ?? err;
  }
  writeFileAtomic(file, content);
  return file;
}

/** Ids not found stop the export: a file with fewer rows than the officer selected would be read as the whole selection. */
function requireAll(asked: string[], found: number, key: string): void {
  if (found !== asked.length) throw new DeskError('NOT_FOUND', key, { asked: asked.length, found });
}

export async function exportRequests(ctx: Ctx, method: string, input: { ids: string[]; reveal: boolean; saveTo?: string }): Promise<{ file: string; rows: number }> {
  const today = localDay(ctx.desk.now());
  const sources = await requestRows(ctx.db).where('r.id', 'in', input.ids).execute();
  requireAll(input.ids, sources.length, 'bulk.requestsNotFound');
  const byId = new Map(sources.map((s) => [s.id, s]));
  const rows = input.ids.map((id) => toRequestRow(byId.get(id)!, today, input.reveal));
  const labels = pdfLabels.ja.codes;
  const columns = ['受付番号', '種別', '状態', '受付日', '期限', '延長', '期限超過', '担当者', '顧客番号', ...(input.reveal ? ['申請者氏名'] : [])];
  const content = csv(
    columns,
    rows.map((r) => [
      r.number,
      codeLabel(labels.requestKind, r.kind),
      codeLabel(labels.requestState, r.state),
      r.receivedOn,
      r.dueOn,
      r.extended ? '延長済み' : '',
      r.overdue ? '超過' : '',
      r.assigneeName ?? '',
      r.customerNo ?? '',
      ...(input.reveal ? [r.requesterName ?? ''] : []),
    ]),
  );
  // One event per request exported: a leak investigation asks which requests (and whose names) left the desk.
  for (const r of rows) await appendRowEvent(ctx, method, 'ok', { targetType: 'request', targetId: r.id, details: { revealed: input.reveal } });
  // Written last: a file that cannot be written undoes the events, never the other way round.
  const file = write(ctx, input.saveTo, fileName('requests', ctx.desk.now()), content);
  Object.assign(ctx.audit, { targetType: 'bulk', details: { rows: rows.length, revealed: input.reveal, savedByDialog: input.saveTo !== undefined } });
  return { file, rows: rows.length };
}

export async function exportCustomers(ctx: Ctx, method: string, input: { ids: string[]; saveTo?: string }): Promise<{ file: string; rows: number }> {
  const found = await readRows(ctx.db, input.ids);
  requireAll(input.ids, found.length, 'bulk.customersNotFound');
  // Policy §4.2: staff get what the customer list shows them (phone and e-mail masked); the officer the full row.
  const masked = !seesFullRecords(ctx.session!.role);
  const rows = masked ? found.map(maskRow) : found;
  const content = csv(
    ['顧客番号', '氏名', '氏名（かな）', '地域', '電話番号', 'メールアドレス'],
    rows.map((c) => [c.customerNo, c.name, c.nameKana, c.area, c.phone ?? '', c.email ?? '']),
  );
  for (const c of rows) await appendRowEvent(ctx, method, 'ok', { targetType: 'customer', targetId: c.id, fields: ['customerNo', 'name', 'nameKana', 'area', 'phone', 'email'], details: { masked } });
  const file = write(ctx, input.saveTo, fileName('customers', ctx.desk.now()), content);
  Object.assign(ctx.audit, { targetType: 'bulk', details: { rows: rows.length, masked, savedByDialog: input.saveTo !== undefined } });
  return { file, rows: rows.length };
}
