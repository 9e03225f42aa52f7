// The ledger as an .xlsx workbook (exceljs): the sheet 個人情報管理台帳 and the sheet リスク評価, with Japanese headers,
// widths that fit the words, wrapped text, the header row frozen and a filter; counts as numbers, dates as dates.
import ExcelJS from 'exceljs';
import type { LedgerEntry } from '../../../src-shared/api/ledger';
import type { ManagerInCharge } from '../../../src-shared/domain';
import { localDay } from '../dates';
import { assessmentStateLabels, ledgerColumns, reviewBasisLabels, residualLabels, riskColumns, riskStateLabels, sourceLabels, storageLabels, threatLabels, words } from './labels';

type Value = string | number | Date | null;
interface Column {
  header: string;
  /** In Excel's character widths: a Japanese character takes about two. */
  width: number;
  kind?: 'date' | 'number' | 'center';
}

/**
 * A calendar day (or an instant, read as the local day) as Excel's date: midnight UTC of that day, which exceljs writes
 * as a whole serial number, so the cell shows the same day in any time zone.
 */
function excelDay(value: string | null): Date | null {
  if (!value) return null;
  const [y, m, d] = (value.length > 10 ? localDay(new Date(value)) : value).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

const lines = (values: readonly string[]) => (values.length > 0 ? values.join('\n') : null);

/** A character's width in Excel's units: about one for Latin letters and half-width kana, two for the rest. */
const widthOf = (text: string) => [...text].reduce((w, ch) => w + (/[\u0000-\u00ff\uff61-\uff9f]/.test(ch) ? 1 : 2), 0);

/**
 * Lines a value takes in a column once wrapped. Neither Excel nor LibreOffice grows a row for wrapped text when a
 * workbook is opened, so the rows are given their height here: one line of the 11-point default font is about 15 points, a
 * Japanese line a little more.
 */
function linesIn(value: Value, width: number): number {
  if (typeof value !== 'string') return 1;
  return value.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(widthOf(line) / Math.max(1, width - 1))), 0);
}
const lineHeight = 16;

/**
 * Characters XML 1.0 cannot hold (NUL and the other C0 controls but tab and newlines, U+FFFE/U+FFFF): exceljs writes
 * them as they are and the workbook no longer opens, so they are left out of the cell. The stored entry keeps them.
 */
const notInXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const cellValue = (v: Value) => (typeof v === 'string' ? v.replace(notInXml, '') : (v ?? ''));
/** OOXML's paper size 8 is A3; exceljs's type names only some of the sizes the format has. */
const a3 = 8 as ExcelJS.PaperSize;
/** Excel's tallest row, in points. */
const maxRowHeight = 409;
const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8ECF2' } };
const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF9AA5B1' } };

function addSheet(book: ExcelJS.Workbook, name: string, columns: Column[], rows: Value[][]): ExcelJS.Worksheet {
  // The header row stays in view while scrolling, with the number and name beside every row.
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = 32;
  header.eachCell((cell) => {
    cell.fill = headerFill;
    cell.border = { top: thin, bottom: thin, left: thin, right: thin };
  });
  for (const values of rows) {
    // Text goes in as text: exceljs writes a formula only when given one as an object, so `=HYPERLINK(…)` typed by
    // someone stays a string in the cell and never runs.
    const row = sheet.addRow(values.map(cellValue));
    row.alignment = { vertical: 'top', wrapText: true };
    row.height = Math.min(maxRowHeight, lineHeight * Math.max(...values.map((v, i) => linesIn(v, columns[i]!.width))));
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.border = { top: thin, bottom: thin, left: thin, right: thin };
      if (c.kind === 'date') cell.numFmt = 'yyyy/mm/dd';
      if (c.kind === 'number') cell.numFmt = '#,##0';
      if (c.kind === 'date' || c.kind === 'center') cell.alignment = { vertical: 'top', horizontal: 'center' };
    });
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  // Printed as the office files it: A3 landscape (the ledger is wide), one page wide, the header on every page.
  sheet.pageSetup = { paperSize: a3, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' };
  return sheet;
}

function reviewState(e: LedgerEntry): string {
  if (e.retiredOn) return words.retired;
  return e.review.overdue ? words.overdue : e.review.dueSoon ? words.dueSoon : words.current;
}

function ledgerSheet(book: ExcelJS.Workbook, entries: LedgerEntry[]): void {
  const c = ledgerColumns;
  const columns: Column[] = [
    { header: c.number, width: 9, kind: 'center' },
    { header: c.name, width: 24 },
    { header: c.items, width: 28 },
    { header: c.purposes, width: 36 },
    { header: c.obtainedHow, width: 30 },
    { header: c.department, width: 16 },
    { header: c.responsible, width: 16 },
    { header: c.storageKind, width: 10, kind: 'center' },
    { header: c.storagePlace, width: 28 },
    { header: c.access, width: 26 },
    { header: c.retention, width: 22 },
    { header: c.disposal, width: 24 },
    { header: c.outsourcees, width: 24 },
    { header: c.recipients, width: 24 },
    { header: c.disclosable, width: 11, kind: 'center' },
    { header: c.specialCare, width: 11, kind: 'center' },
    { header: c.people, width: 12, kind: 'number' },
    { header: c.countSource, width: 26 },
    { header: c.countAsOf, width: 13, kind: 'date' },
    { header: c.lastConfirmedOn, width: 13, kind: 'date' },
    { header: c.lastConfirmedBy, width: 16 },
    { header: c.reviewDueOn, width: 13, kind: 'date' },
    { header: c.reviewState, width: 12, kind: 'center' },
    { header: c.riskState, width: 12, kind: 'center' },
    { header: c.residual, width: 10, kind: 'center' },
    { header: c.retiredOn, width: 13, kind: 'date' },
  ];
  const rows = entries.map((e): Value[] => {
    const confirmedOn = e.review.basis === 'paper' ? e.review.paperReviewedOn : e.review.lastConfirmedAt;
    const confirmedBy = e.review.basis === 'paper' ? `${e.review.paperReviewedBy ?? ''}（${reviewBasisLabels.paper}）` : e.review.lastConfirmedByName;
    return [
      e.number,
      e.name,
      e.items.join('、'),
      lines([...e.purposes.map((p) => `${p.id} ${p.titleJa}`), ...(e.otherPurposes ? [`${words.otherPurposes}: ${e.otherPurposes}`] : [])]),
      e.obtainedHow,
      e.department,
      e.responsible,
      storageLabels[e.storageKind],
      e.storagePlace,
      e.access,
      e.retention,
      e.disposal,
      lines(e.outsourcees.map((p) => p.name)),
      lines(e.recipients.map((p) => p.name)),
      e.disclosable ? words.yes : words.no,
      e.specialCare ? words.yes : words.no,
      e.count.people,
      e.count.source ? sourceLabels[e.count.source] : words.typed,
      excelDay(e.count.asOf),
      excelDay(e.review.basis === 'registered' ? null : confirmedOn),
      e.review.basis === 'registered' ? null : confirmedBy,
      excelDay(e.retiredOn ? null : e.review.dueOn),
      reviewState(e),
      riskStateLabels[e.risk.state],
      e.risk.residual ? residualLabels[e.risk.residual] : null,
      excelDay(e.retiredOn),
    ];
  });
  addSheet(book, words.title, columns, rows);
}

function riskSheet(book: ExcelJS.Workbook, entries: LedgerEntry[]): void {
  const c = riskColumns;
  const columns: Column[] = [
    { header: c.number, width: 9, kind: 'center' },
    { header: c.name, width: 24 },
    { header: c.version, width: 6, kind: 'center' },
    { header: c.state, width: 14, kind: 'center' },
    { header: c.threats, width: 22 },
    { header: c.threatNotes, width: 36 },
    { header: c.likelihood, width: 12, kind: 'number' },
    { header: c.impact, width: 12, kind: 'number' },
    { header: c.score, width: 14, kind: 'number' },
    { header: c.measures, width: 48 },
    { header: c.residual, width: 10, kind: 'center' },
    { header: c.draftedOn, width: 13, kind: 'date' },
    { header: c.draftedBy, width: 16 },
    { header: c.approvedOn, width: 13, kind: 'date' },
    { header: c.approvedBy, width: 16 },
  ];
  const rows = entries.flatMap((e) =>
    e.assessments.map((a): Value[] => [
      e.number,
      e.name,
      a.version,
      assessmentStateLabels[a.state],
      lines(a.threats.map((t) => threatLabels[t])),
      a.threatNotes,
      a.likelihood,
      a.impact,
      a.score,
      a.measures,
      residualLabels[a.residual],
      excelDay(a.draftedAt),
      a.draftedByName,
      excelDay(a.approvedAt),
      a.approvedByName,
    ]),
  );
  addSheet(book, words.riskTitle, columns, rows);
}

function infoSheet(book: ExcelJS.Workbook, preparedOn: string, manager: ManagerInCharge, entries: number): void {
  const sheet = book.addWorksheet(words.infoTitle);
  sheet.columns = [{ width: 22 }, { width: 60 }];
  sheet.addRow([words.preparedOn, excelDay(preparedOn)]).getCell(2).numFmt = 'yyyy/mm/dd';
  sheet.addRow([words.manager, `${manager.name}（${manager.title}）　${manager.email}　${manager.phone}`]);
  sheet.addRow([words.entries, entries]);
  sheet.addRow(['', words.liveNote]);
  sheet.getColumn(1).font = { bold: true };
  sheet.getColumn(2).alignment = { horizontal: 'left', wrapText: true };
}

export async function ledgerWorkbook(entries: LedgerEntry[], heading: { preparedAt: Date; manager: ManagerInCharge }): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '個人情報保護デスク';
  book.title = words.title;
  book.created = heading.preparedAt;
  book.modified = heading.preparedAt;
  ledgerSheet(book, entries);
  riskSheet(book, entries);
  infoSheet(book, localDay(heading.preparedAt), heading.manager, entries.length);
  return Buffer.from(await book.xlsx.writeBuffer());
}
