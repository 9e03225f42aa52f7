// The ledger for the office's files and its auditor: an .xlsx workbook or an A4 landscape PDF in
// `<exportsDir>/registers/`, written whole or not at all, under a name that carries the day and no one's data.
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { localDay } from '../dates';
import { DeskError } from '../errors';
import { exportPath as targetPath } from '../exports/target';
import { storageError, writeFileAtomic } from '../files';
import type { Ctx } from '../handler';
import { ledgerHtml } from './pdf-html';
import { ledgerRows, purposeTitles, readEntry } from './read';
import { sourceCounter } from './sources';
import { ledgerWorkbook } from './workbook';

type Format = 'xlsx' | 'pdf';

/** `ledger-2026-11-25.xlsx`, then `-2`, `-3`: never over an earlier export. */
function exportPath(dir: string, today: string, format: Format): string {
  for (let n = 1; ; n++) {
    const file = join(dir, `ledger-${today}${n === 1 ? '' : `-${n}`}.${format}`);
    if (!existsSync(file)) return file;
  }
}

function write(ctx: Ctx, format: Format, content: Buffer, saveTo: string | undefined): string {
  // The place chosen in the save dialog (the dialog asked before replacing a file), or the registers folder.
  const chosen = saveTo ? targetPath(ctx, saveTo, 'registers', `ledger.${format}`) : null;
  const dir = chosen ? dirname(chosen) : join(ctx.desk.exportsDir, 'registers');
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = chosen ?? exportPath(dir, localDay(ctx.desk.now()), format);
    writeFileAtomic(file, content);
    return file;
  } catch (err) {
    throw storageError(err, dir) ?? new DeskError('CONFLICT', 'export.writeFailed', { reason: (err as NodeJS.ErrnoException).code ?? 'unknown' });
  }
}

export async function exportLedger(ctx: Ctx, input: { format: Format; includeRetired: boolean; saveTo?: string | undefined }): Promise<{ file: string; name: string; entries: number }> {
  if (input.format === 'pdf' && !ctx.desk.printer) throw new DeskError('CONFLICT', 'print.unavailable');
  const db = ctx.db;
  const now = ctx.desk.now();
  const { rows } = await ledgerRows(db, now);
  const ids = rows.filter((r) => input.includeRetired || r.retiredOn === null).map((r) => r.id);
  // One count per source and one reading of the purposes for the whole ledger.
  const count = sourceCounter(db);
  const titles = await purposeTitles(db, localDay(now));
  const entries = [];
  for (const id of ids) entries.push(await readEntry(db, id, now, count, titles));
  const manager = await db.selectFrom('manager_in_charge').select(['name', 'title', 'email', 'phone']).where('id', '=', 1).executeTakeFirstOrThrow();
  const content = input.format === 'xlsx' ? await ledgerWorkbook(entries, { preparedAt: now, manager }) : await ctx.desk.printer!.htmlToPdf(ledgerHtml(entries, { preparedOn: localDay(now), manager }));
  const file = write(ctx, input.format, content, input.saveTo);
  // A name typed in the save dialog is free text (it could name a person): the trail keeps only the default names.
  Object.assign(ctx.audit, { targetType: 'ledger', details: { format: input.format, entries: entries.length, ...(input.saveTo ? { chosen: true } : { file: basename(file) }) } });
  return { file, name: basename(file), entries: entries.length };
}
