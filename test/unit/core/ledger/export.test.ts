// The exported ledger opens in a spreadsheet: LibreOffice reads the workbook's Japanese headers and one row per entry,
// with the live count, the typed count and its day; the risk sheet keeps the assessment's history.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../../src-shared/api/ledger';
import { allCustomers } from '../../../fixtures/customers';
import { asOfficer, errorOf, setUpDesk, type TestDesk } from '../../helpers/desk';
import { hostile } from '../../fuzz/hostile';
import { applicants, auditRows, customerMaster, customerRisk, register } from './steps';

let desk: TestDesk;
let file: string;
const scratch = mkdtempSync(join(tmpdir(), 'ledger-export-'));
const profile = japaneseProfile();

/** A LibreOffice profile set to Japanese, as on the office's workstations: a day then reads 2026/10/31. */
function japaneseProfile(): string {
  const profile = join(scratch, 'profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(
    join(profile, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>ja-JP</value></prop></item>
</oor:items>`,
  );
  return profile;
}

/** LibreOffice opens the file as the office would, and writes every sheet to a UTF-8 CSV of its own. */
const opened = new Map<string, Record<string, string[][]>>();
function openInLibreOffice(xlsx: string): Record<string, string[][]> {
  if (opened.has(xlsx)) return opened.get(xlsx)!;
  const out = mkdtempSync(join(scratch, 'csv-'));
  // Tokens: comma, double quote, UTF-8, from line 1, …, 12th: every sheet (-1), each to `<file>-<sheet>.csv`.
  const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', filter, '--outdir', out, xlsx], { stdio: 'pipe', timeout: 120_000 });
  const stem = basename(xlsx, '.xlsx');
  const sheets = Object.fromEntries(readdirSync(out).map((name) => [name.slice(stem.length + 1, -'.csv'.length), parse(readFileSync(join(out, name), 'utf8')) as string[][]]));
  opened.set(xlsx, sheets);
  return sheets;
}

beforeAll(async () => {
  desk = await setUpDesk();
  await asOfficer(desk);
  for (const c of allCustomers) await desk.ok('customers.create', c);
  const customers = await register(desk, customerMaster);
  await register(desk, applicants, { on: '2025-10-20', by: '人事部長 小川 恵' });
  const assessed = await desk.ok<LedgerEntry>('ledger.assessRisk', { entryId: customers.id, assessment: customerRisk });
  await desk.ok('ledger.approveRisk', { id: assessed.assessments[0]!.id });
  await desk.ok('ledger.assessRisk', { entryId: customers.id, assessment: { ...customerRisk, likelihood: 1, residual: 'low' } });
  await desk.ok('ledger.confirm', { id: customers.id });
});
afterAll(async () => {
  await desk.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the ledger as a workbook', () => {
  it('is written into the exports folder under a name with the day, and the trail names the file, not its content', async () => {
    const written = await desk.ok<{ file: string; name: string; entries: number }>('ledger.export', { format: 'xlsx' });
    file = written.file;
    expect(written).toMatchObject({ name: 'ledger-2026-11-25.xlsx', entries: 2 });
    expect(dirname(file)).toBe(join(desk.exportsDir, 'registers'));
    const again = await desk.ok<{ name: string }>('ledger.export', { format: 'xlsx' });
    expect(again.name).toBe('ledger-2026-11-25-2.xlsx');
    const [event] = await auditRows(desk, 'ledger.export');
    expect(JSON.parse(event!.details!)).toEqual({ format: 'xlsx', entries: 2, file: 'ledger-2026-11-25-2.xlsx' });
  });

  it('opens in LibreOffice with the Japanese headers and one row per entry', () => {
    const sheets = openInLibreOffice(file);
    expect(Object.keys(sheets).sort()).toEqual(['リスク評価', '作成情報', '個人情報管理台帳'].sort());
    const [header, ...rows] = sheets['個人情報管理台帳']!;
    expect(header!.slice(0, 4)).toEqual(['管理番号', '個人情報の名称', '項目', '利用目的']);
    expect(header).toEqual(expect.arrayContaining(['保有個人データ', '件数（人）', '件数の根拠', '最終確認日', '最終確認者', '次回見直し期限', 'リスク評価', '残存リスク']));
    const col = (name: string) => header!.indexOf(name);
    expect(rows.map((r) => [r[col('管理番号')], r[col('個人情報の名称')], r[col('件数（人）')], r[col('件数の根拠')], r[col('件数の基準日')]])).toEqual([
      ['L-001', '顧客マスタ', '4', 'デスクの顧客（登録中の全件）', '2026/11/25'],
      ['L-002', '採用応募者', '48', '手入力', '2026/10/31'],
    ]);
    const [customers, applicantsRow] = rows;
    expect(customers![col('利用目的')]).toBe('3.1 登録情報の表示・訂正\n3.2 商品の発送及び決済\n3.3 ご注文内容・配送方法の確認連絡');
    expect([customers![col('最終確認日')], customers![col('最終確認者')], customers![col('次回見直し期限')], customers![col('見直し状況')]]).toEqual(['2026/11/25', '南 真美', '2027/11/25', '期限内']);
    // Reviewed on paper 13 months ago and not since: overdue, and the paper review is named as such.
    expect([applicantsRow![col('最終確認日')], applicantsRow![col('最終確認者')], applicantsRow![col('見直し状況')]]).toEqual(['2025/10/20', '人事部長 小川 恵（紙の台帳で確認）', '期限超過']);
    expect([customers![col('リスク評価')], customers![col('残存リスク')], applicantsRow![col('リスク評価')]]).toEqual(['承認待ち', '低', '未評価']);
  });

  it('keeps the risk assessments’ history on their own sheet, newest first', () => {
    const [header, ...rows] = openInLibreOffice(file)['リスク評価']!;
    const col = (name: string) => header!.indexOf(name);
    expect(rows.map((r) => [r[col('管理番号')], r[col('版')], r[col('状態')], r[col('発生可能性（1〜3）')], r[col('影響度（1〜3）')], r[col('リスク値（可能性×影響度）')], r[col('残存リスク')], r[col('承認者')]])).toEqual([
      ['L-001', '2', '承認待ち', '1', '3', '3', '低', ''],
      ['L-001', '1', '承認済み', '2', '3', '6', '中', '南 真美'],
    ]);
    expect(rows[0]![col('脅威')]).toBe('漏えい\n不正アクセス\n目的外利用');
  });

  it('has the header row frozen with a filter, counts as numbers and days as dates', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet('個人情報管理台帳')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const cell = (name: string) => sheet.getRow(3).getCell(header.indexOf(name) + 1);
    expect(cell('件数（人）').value).toBe(48);
    expect(cell('件数の基準日').value).toEqual(new Date(Date.UTC(2026, 9, 31)));
    expect(sheet.getColumn(header.indexOf('利用目的') + 1).width).toBeGreaterThan(20);
    expect(sheet.getRow(2).getCell(header.indexOf('項目') + 1).alignment).toMatchObject({ wrapText: true });
    // Wrapped rows are given their height: three purposes take three lines.
    expect(sheet.getRow(2).height).toBeGreaterThanOrEqual(3 * 15);
  });

  it('refuses a PDF on a machine that cannot print, and writes nothing', async () => {
    await desk.restart({ withoutPrinter: true });
    await asOfficer(desk);
    const before = readdirSync(join(desk.exportsDir, 'registers')).length;
    expect(errorOf(await desk.call('ledger.export', { format: 'pdf' }))).toMatchObject({ code: 'CONFLICT', message: 'print.unavailable' });
    expect(readdirSync(join(desk.exportsDir, 'registers'))).toHaveLength(before);
  });
});

describe('an entry holding markup, formulas and a NUL byte', () => {
  it('comes out of the workbook as text: the file opens, the formula is a string, the NUL is left out', async () => {
    await desk.ok('ledger.save', {
      entry: { ...applicants, name: hostile.name, items: [hostile.dde, hostile.minus], obtainedHow: hostile.formula, storagePlace: hostile.nul, access: hostile.script, retention: hostile.tab },
    });
    const { file: hostileFile } = await desk.ok<{ file: string }>('ledger.export', { format: 'xlsx' });
    const [header, ...rows] = openInLibreOffice(hostileFile)['個人情報管理台帳']!;
    const row = rows.find((r) => r[header!.indexOf('個人情報の名称')] === hostile.name)!;
    const col = (name: string) => row[header!.indexOf(name)];
    expect([col('取得方法'), col('保管場所'), col('アクセス権者'), col('保存期間'), col('項目')]).toEqual([hostile.formula, 'NULinside', hostile.script, hostile.tab.trim(), `${hostile.dde}、${hostile.minus}`]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(hostileFile);
    const sheet = book.getWorksheet('個人情報管理台帳')!;
    const cell = sheet.getRow(rows.indexOf(row) + 2).getCell(header!.indexOf('取得方法') + 1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(hostile.formula);
  });
});
