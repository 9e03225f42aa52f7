// October's report for management has the figures the office works out by hand from its registers; its PDF carries
// them with the charts drawn and the Japanese font embedded, its CSVs open in Excel in Japan, and only the officer and
// the auditor may read it, each look and export on the audit trail.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportFigures } from '../../../../src-shared/api/reports';
import { median } from '../../../../electron/core/reports/figures';
import { chartColours } from '../../../../src-shared/report-charts';
import { asOfficer, auditorPerson, errorOf, makeDesk, signInAs, staffMember, type TestDesk } from '../../helpers/desk';
import { seedOffice, type OfficeStory } from './office';

/** Poppler with the system fonts hidden, so a PDF that lacks its font cannot borrow one and look right (FACTS.md). */
const scratch = mkdtempSync(join(tmpdir(), 'report-pdf-'));
function withoutSystemFonts(): NodeJS.ProcessEnv {
  const conf = join(scratch, 'fonts.conf');
  writeFileSync(conf, '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig></fontconfig>');
  return { ...process.env, FONTCONFIG_FILE: conf };
}
const poppler = (tool: string, args: string[]) => execFileSync(tool, args, { env: withoutSystemFonts() }).toString();
const flat = (text: string) => text.replace(/[ \t]+/g, ' ');

let desk: TestDesk;
let story: OfficeStory;
let october: ReportFigures;
const auditRows = (action: string) => desk.core.desk.requireDb().selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('seq').execute();

beforeAll(async () => {
  desk = makeDesk({ printer: true });
  story = await seedOffice(desk);
  october = await desk.ok<ReportFigures>('reports.summary', { from: '2026-10-01', to: '2026-10-31' });
}, 120_000);
afterAll(async () => {
  await desk.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

describe('October in figures', () => {
  it('counts requests received in October by kind, and those closed in October by outcome', () => {
    const byKind = Object.fromEntries(october.requests.byKind.map((k) => [k.kind, [k.received, k.completed, k.refused, k.withdrawn]]));
    expect(byKind).toEqual({
      disclosure: [2, 0, 1, 0],
      correction: [2, 0, 1, 0],
      erasure: [1, 0, 0, 1],
      cessationOfUse: [0, 0, 0, 0],
      cessationOfProvision: [0, 0, 0, 0],
      // The late one was received in September: completed in October all the same.
      cessationOfPurpose: [2, 3, 0, 0],
    });
    expect(october.requests).toMatchObject({ received: 7, completed: 3, refused: 2, withdrawn: 1, openAtEnd: 2 });
  });

  it('gives the days to complete as a median of 5, 9 and 40 days, and names the longest', () => {
    expect(october.completion).toEqual({ count: 3, medianDays: 9, longestDays: 40, longestNumber: story.numbers.lateCompletion });
  });

  it('counts three of the five answers on time (60%), the extension made in October, and each refusal by its reason', () => {
    expect(october.onTime).toEqual({ answered: 5, onTime: 3, late: 2, rate: 0.6 });
    expect(october.extensions).toBe(1);
    expect(october.refusals.filter((r) => r.count > 0)).toEqual([
      { ground: 'contentIsAccurate', count: 1 },
      { ground: 'identityNotVerified', count: 1 },
    ]);
    // Every ground is listed, so two months line up row by row.
    expect(october.refusals).toHaveLength(8);
  });

  it('counts October’s provisions by basis (consented customers only) and its incident with the report made', () => {
    expect(october.provisions.filter((p) => p.count > 0)).toEqual([
      { basis: 'consent', count: 1, people: 2 },
      { basis: 'publicInstitution', count: 1, people: 1 },
    ]);
    expect(october.incidents).toEqual({ discovered: 1, people: 3, preliminaryReported: 1, finalReported: 0, closed: 0 });
  });

  it('gives statements coverage on the last day: one of the two staff members has a statement in force', () => {
    expect(october.statements).toEqual({ asOf: '2026-10-31', staff: 2, current: 1, rate: 0.5 });
  });

  it('reads November differently: its own refusal and withdrawal, nothing of October’s', async () => {
    const november = await desk.ok<ReportFigures>('reports.summary', { from: '2026-11-01', to: '2026-11-30' });
    expect(november.requests).toMatchObject({ received: 1, completed: 0, refused: 1, withdrawn: 1 });
    expect(november.refusals.filter((r) => r.count > 0)).toEqual([{ ground: 'requirementsNotMet', count: 1 }]);
    expect(november.extensions).toBe(1);
    expect(november.completion).toEqual({ count: 0, medianDays: null, longestDays: null, longestNumber: null });
    expect(november.onTime).toEqual({ answered: 1, onTime: 1, late: 0, rate: 1 });
  });

  it('takes the mean of the two middle values for an even count', () => {
    expect([median([]), median([7]), median([40, 5, 9, 12])]).toEqual([null, 7, 10.5]);
  });
});

describe('the report as a PDF for management', () => {
  let pdf: string;

  it('is written as report-2026-10.pdf with October’s figures in Japanese, the font embedded', async () => {
    const written = await desk.ok<{ name: string; file: string }>('reports.exportPdf', { from: '2026-10-01', to: '2026-10-31', language: 'ja' });
    pdf = written.file;
    expect(written).toEqual({ name: 'report-2026-10.pdf', file: join(desk.exportsDir, 'reports', 'report-2026-10.pdf') });
    const text = flat(poppler('pdftotext', ['-layout', pdf, '-']));
    expect(text).toContain('個人情報保護 月次報告書');
    expect(text).toContain('2026年10月');
    expect(text).toMatch(/期限内回答率 60\.0%/);
    expect(text).toMatch(/完了までの日数（中央値・暦日） 9/);
    expect(text).toContain(`40（${story.numbers.lateCompletion}）`);
    expect(text).toMatch(/目的ごとの利用停止 2 3 0 0/);
    expect(text).toMatch(/合計 7 3 2 1/);
    expect(text).toMatch(/本人確認ができない 1/);
    expect(text).toMatch(/公的機関からの要請 1 1/);
    expect(text).toMatch(/有効な誓約書のある担当者 1/);
    expect(text).toMatch(/提出率 50\.0%/);
    const fonts = poppler('pdffonts', [pdf]).split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(fonts.length).toBeGreaterThan(0);
    // Every font is embedded (the "emb" column): the PDF reads the same on a machine without Japanese fonts.
    for (const line of fonts) expect(line).toMatch(/\byes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
  }, 90_000);

  it('draws the charts on page 1: the bars of the requests chart are there in their colours', async () => {
    const stem = join(scratch, 'page');
    poppler('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, stem]);
    const png = [`${stem}-1.png`, `${stem}-01.png`].find((f) => existsSync(f))!;
    const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    /** Pixels near a colour inside a band of the page (fractions of its height). */
    const count = (hex: string, top: number, bottom: number) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
      let n = 0;
      for (let y = Math.floor(info.height * top); y < Math.floor(info.height * bottom); y++) {
        for (let x = 0; x < info.width; x++) {
          const o = (y * info.width + x) * 3;
          if (Math.abs(data[o]! - r) < 24 && Math.abs(data[o + 1]! - g) < 24 && Math.abs(data[o + 2]! - b) < 24) n++;
        }
      }
      return n;
    };
    // The requests chart sits in the lower half of page 1: received in blue, completed in green, refused in orange.
    expect(count(chartColours.received, 0.3, 1)).toBeGreaterThan(200);
    expect(count(chartColours.completed, 0.3, 1)).toBeGreaterThan(100);
    expect(count(chartColours.refused, 0.3, 1)).toBeGreaterThan(40);
  }, 60_000);

  it('in English for a person who reads English', async () => {
    const written = await desk.ok<{ name: string; file: string }>('reports.exportPdf', { from: '2026-10-01', to: '2026-10-31', language: 'en' });
    expect(written.name).toBe('report-2026-10-2.pdf');
    const text = flat(poppler('pdftotext', ['-layout', written.file, '-']));
    expect(text).toContain('Privacy report for the month');
    expect(text).toContain('October 2026');
    expect(text).toMatch(/On-time rate 60\.0%/);
    expect(text).toMatch(/Identity not verified 1/);
    expect(text).not.toMatch(/[ぁ-んァ-ン]/);
  }, 90_000);
});

describe('the report as CSV files', () => {
  it('writes one UTF-8 file with BOM per table, headers in Japanese, rows as on the PDF', async () => {
    const { files } = await desk.ok<{ files: { name: string; file: string }[] }>('reports.exportCsv', { from: '2026-10-01', to: '2026-10-31', language: 'ja' });
    expect(files.map((f) => f.name)).toEqual(['requests', 'timeliness', 'refusals', 'provisions', 'incidents', 'statements'].map((t) => `report-2026-10-${t}.csv`));
    expect(files[0]!.file).toBe(join(desk.exportsDir, 'reports', 'report-2026-10-requests.csv'));
    const bytes = readFileSync(files[0]!.file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\n');
    const [header, ...rows] = parse(bytes, { bom: true }) as string[][];
    expect(header).toEqual(['請求の種類', '受付', '完了', '不応諾', '取下げ']);
    expect(rows).toContainEqual(['目的ごとの利用停止', '2', '3', '0', '0']);
    expect(rows.at(-1)).toEqual(['合計', '7', '3', '2', '1']);
    const timeliness = parse(readFileSync(files[1]!.file), { bom: true }) as string[][];
    expect(timeliness).toContainEqual(['期限内回答率', '60.0%']);
    expect(timeliness).toContainEqual(['完了までの日数（中央値・暦日）', '9']);
    expect(timeliness).toContainEqual(['完了までの日数（最長・暦日）', `40（${story.numbers.lateCompletion}）`]);
    const refusals = parse(readFileSync(files[2]!.file), { bom: true }) as string[][];
    expect(refusals).toContainEqual(['本人確認ができない', '1']);
  });

  it('in English for a person who reads English, and never over an earlier export of the same month', async () => {
    const { files } = await desk.ok<{ files: { name: string; file: string }[] }>('reports.exportCsv', { from: '2026-10-01', to: '2026-10-31', language: 'en' });
    expect(files[0]!.name).toBe('report-2026-10-2-requests.csv');
    const [header] = parse(readFileSync(files[0]!.file), { bom: true }) as string[][];
    expect(header).toEqual(['Kind of request', 'Received', 'Completed', 'Refused', 'Withdrawn']);
  });

  it('names any other range by its days', async () => {
    const { files } = await desk.ok<{ files: { name: string }[] }>('reports.exportCsv', { from: '2026-10-15', to: '2026-11-14', language: 'ja' });
    expect(files[0]!.name).toBe('report-2026-10-15_2026-11-14-requests.csv');
  });
});

describe('who may read the report, and the trail', () => {
  it('the auditor may read it; staff may not, and the refusal is recorded', async () => {
    await signInAs(desk, auditorPerson);
    expect((await desk.ok<ReportFigures>('reports.summary', { from: '2026-10-01', to: '2026-10-31' })).requests.received).toBe(7);
    await signInAs(desk, staffMember);
    expect(errorOf(await desk.call('reports.summary', { from: '2026-10-01', to: '2026-10-31' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect((await auditRows('reports.summary')).at(-1)).toMatchObject({ outcome: 'denied' });
    await asOfficer(desk);
  });

  it('refuses a range that runs backwards or over a year', async () => {
    expect(errorOf(await desk.call('reports.summary', { from: '2026-10-31', to: '2026-10-01' }))).toMatchObject({ code: 'VALIDATION', details: { issues: [{ message: 'report.rangeReversed', path: 'to' }] } });
    expect(errorOf(await desk.call('reports.summary', { from: '2025-01-01', to: '2026-10-31' }))).toMatchObject({ code: 'VALIDATION', details: { issues: [{ message: 'report.rangeTooLong', path: 'to' }] } });
  });

  it('records the range and the file names, never a figure or a person', async () => {
    const [look] = await auditRows('reports.summary');
    expect(JSON.parse(look!.details!)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    const [csv] = await auditRows('reports.exportCsv');
    expect(csv!.target_type).toBe('report');
    expect(JSON.parse(csv!.details!)).toEqual({
      from: '2026-10-01',
      to: '2026-10-31',
      language: 'ja',
      files: ['requests', 'timeliness', 'refusals', 'provisions', 'incidents', 'statements'].map((t) => `report-2026-10-${t}.csv`),
    });
  });
});
