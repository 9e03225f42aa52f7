// Writing the report: the PDF with its charts and one CSV per table, where the person chose or in the exports folder.
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { ReportFile, ReportFigures } from '../../../src-shared/api/reports';
import { localDay } from '../dates';
import { DeskError } from '../errors';
import { exportPath } from '../exports/target';
import { storageError, writeFileAtomic } from '../files';
import type { Ctx } from '../handler';
import { reportSvgs } from './charts-svg';
import { tableCsv } from './csv';
import { reportFigures } from './figures';
import { reportLabels } from './labels';
import { reportHtml, wholeMonth } from './pdf-html';
import { reportTables } from './tables';

export interface ExportInput {
  from: string;
  to: string;
  language: 'ja' | 'en';
  saveTo?: string;
}

/** `report-2026-10` for a whole month, `report-2026-10-01_2026-11-15` for any other range: days, never a person. */
export function reportBaseName(range: { from: string; to: string }): string {
  const month = wholeMonth(range);
  return month ? `report-${month}` : `report-${range.from}_${range.to}`;
}

/**
 * In the exports folder an earlier report of the same month is never overwritten (it may be the one management
 * already has): `-2`, `-3` follow. A PDF's path chosen in the save dialog is the person's choice (the dialog asked
 * before replacing a file). The CSVs go beside the chosen name, where the dialog saw no file to warn about, so they
 * take the next free name there too.
 */
function target(ctx: Ctx, saveTo: string | undefined, base: string, extension: string, taken: (file: string) => boolean = existsSync): string {
  const chosen = exportPath(ctx, saveTo, 'reports', `${base}.${extension}`);
  if ((saveTo !== undefined && extension === 'pdf') || !taken(chosen)) return chosen;
  const stem = chosen.slice(0, -`.${extension}`.length);
  for (let n = 2; ; n++) {
    const next = `${stem}-${n}.${extension}`;
    if (!taken(next)) return next;
  }
}

/** The CSVs' files: `report-2026-10.csv` stands for `report-2026-10-requests.csv` and its siblings. */
const csvFile = (chosen: string, key: string) => `${chosen.replace(/\.csv$/i, '')}-${key}.csv`;

function write(file: string, content: string | Buffer): void {
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileAtomic(file, content);
  } catch (err) {
    throw storageError(err, dirname(file)) ?? new DeskError('CONFLICT', 'export.writeFailed', { reason: (err as NodeJS.ErrnoException).code ?? 'unknown' });
  }
}

async function figuresFor(ctx: Ctx, input: ExportInput): Promise<ReportFigures> {
  return reportFigures(ctx.db, { from: input.from, to: input.to }, ctx.desk.now());
}

export async function exportReportPdf(ctx: Ctx, input: ExportInput): Promise<ReportFile> {
  if (!ctx.desk.printer) throw new DeskError('CONFLICT', 'print.unavailable');
  const figures = await figuresFor(ctx, input);
  const labels = reportLabels[input.language];
  const manager = await ctx.db.selectFrom('manager_in_charge').select(['name', 'title', 'email', 'phone']).where('id', '=', 1).executeTakeFirstOrThrow();
  const html = reportHtml(figures, reportSvgs(figures, labels.chart), labels, { preparedOn: localDay(ctx.desk.now()), manager });
  const pdf = await ctx.desk.printer.htmlToPdf(html);
  const file = target(ctx, input.saveTo, reportBaseName(input), 'pdf');
  write(file, pdf);
  Object.assign(ctx.audit, { targetType: 'report', details: { from: input.from, to: input.to, language: input.language, file: basename(file) } });
  return { name: basename(file), file };
}

export async function exportReportCsv(ctx: Ctx, input: ExportInput): Promise<{ files: ReportFile[] }> {
  const figures = await figuresFor(ctx, input);
  const chosen = target(ctx, input.saveTo, reportBaseName(input), 'csv', (file) => existsSync(csvFile(file, 'requests')));
  // One file per table beside the chosen name: `report-2026-10-requests.csv`, `report-2026-10-refusals.csv` …
  const files = reportTables(figures, reportLabels[input.language]).map((t) => {
    const file = csvFile(chosen, t.key);
    write(file, tableCsv(t));
    return { name: basename(file), file };
  });
  Object.assign(ctx.audit, { targetType: 'report', details: { from: input.from, to: input.to, language: input.language, files: files.map((f) => f.name) } });
  return { files };
}
