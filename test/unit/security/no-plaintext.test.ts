// After a full day at the desk, no name, e-mail, phone number, password or recovery key is anywhere on disk outside
// the encrypted database (the data folder, its WAL, the temp folder), nor in the logs or the audit trail; the exports
// folder holds only the files the officer asked for.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoAccounts } from '../../../electron/cli/seed-demo';
import { demoCustomer, random } from '../../../electron/cli/demo/generate';
import { localDay } from '../../../electron/core/dates';
import type { Core } from '../../../electron/core/core';
import type { Printer } from '../../../electron/core/printer';
import { chromiumPrinter } from '../../../electron/host/printer';
import { filesUnder, Scanner, type Needle } from './scan';
import { dayValues, scriptedDay, seededDesk, type DayResult } from './scripted-day';

const customers = 300;
const seed = 8;

// Our own temp folder for this process and the browser it starts: what the desk leaves in "the OS temp folder" is
// then exactly what is in it, whatever the other tests on this machine write to theirs.
const root = mkdtempSync(join(tmpdir(), 'no-plaintext-'));
const dataDir = join(root, 'data');
const exportsDir = join(root, 'exports');
const tempDir = join(root, 'tmp');
mkdirSync(tempDir);
const savedTmp = process.env.TMPDIR;
process.env.TMPDIR = tempDir;

/** The console as it was, for the figures this test prints itself. */
const print = console.info.bind(console);

/** Everything logged during the day: the desk's logger, and the console for whatever bypasses it. */
const logged: string[] = [];
const record = (...parts: unknown[]) => logged.push(parts.map((p) => (p instanceof Error ? `${p.message}\n${p.stack}` : typeof p === 'string' ? p : JSON.stringify(p))).join(' '));

/**
 * The host's printer, watched: while Chromium turns a page into a PDF, every file in the temp folder is copied every
 * 50 ms, so a page or a PDF that exists only for a moment is scanned too. The first print fails as on a machine whose
 * Chromium is missing, so that the desk has a fault to log (and the log is checked with something in it).
 */
const whilePrinting = new Map<string, Buffer>();
function watchedPrinter(): Printer {
  const inner = chromiumPrinter();
  const broken = chromiumPrinter(join(root, 'no-chromium-here'));
  let prints = 0;
  return {
    async htmlToPdf(html) {
      if (prints++ === 0) return broken.htmlToPdf(html);
      const copy = () => {
        for (const file of filesUnder(tempDir)) {
          try {
            const bytes = readFileSync(file);
            whilePrinting.set(`${relative(tempDir, file)}#${bytes.length}#${createHash('sha1').update(bytes).digest('hex')}`, bytes);
          } catch {
            // Gone between the listing and the read: the next tick sees what replaced it.
          }
        }
      };
      const timer = setInterval(copy, 50);
      try {
        return await inner.htmlToPdf(html);
      } finally {
        clearInterval(timer);
        copy();
      }
    },
  };
}

let day: DayResult;
let core: Core;
let scanner: Scanner;
let auditJson: string[];

/** A person's values as the generator made them and in the other forms a program might write them. */
function personNeedles(label: string, p: { name: string; nameKana?: string; nameRomaji?: string | null; phones?: string[]; emails?: string[]; address?: string }): Needle[] {
  const out: Needle[] = [{ label: `${label} name`, text: p.name }, { label: `${label} name unspaced`, text: p.name.replace(/\s+/g, '') }];
  if (p.nameKana) out.push({ label: `${label} kana`, text: p.nameKana }, { label: `${label} kana unspaced`, text: p.nameKana.replace(/\s+/g, '') });
  if (p.nameRomaji) out.push({ label: `${label} romaji`, text: p.nameRomaji });
  for (const [i, phone] of (p.phones ?? []).entries()) out.push({ label: `${label} phone ${i}`, text: phone }, { label: `${label} phone ${i} digits`, text: phone.replace(/\D/g, '') });
  for (const [i, email] of (p.emails ?? []).entries()) out.push({ label: `${label} email ${i}`, text: email });
  if (p.address) out.push({ label: `${label} address`, text: p.address });
  return out;
}

async function needlesOf(core: Core, recoveryKey: string): Promise<Needle[]> {
  const needles: Needle[] = [];
  // The seeded customers as the generator made them (the erased one is no longer in the database to read).
  const rng = random(seed);
  const today = localDay(core.desk.now());
  for (let i = 0; i < customers; i++) {
    const c = demoCustomer(i, rng, { receiptIds: ['receipt-a', 'receipt-b'], today });
    needles.push(...personNeedles(`generated ${c.customerNo}`, { name: c.name, nameKana: c.nameKana, nameRomaji: c.nameRomaji, phones: c.phones?.map((x) => x.number), emails: c.emails?.map((x) => x.address), address: c.addressLine1 }));
  }
  // And as the desk stores them, normalised, with the day's walk-in and correction.
  const db = core.desk.requireDb();
  const stored = await db.selectFrom('customers').select(['id', 'customer_no', 'name', 'name_kana', 'name_romaji', 'address_line1']).execute();
  const phones = await db.selectFrom('customer_phones').select(['customer_id', 'number']).execute();
  const emails = await db.selectFrom('customer_emails').select(['customer_id', 'address']).execute();
  for (const c of stored) {
    needles.push(...personNeedles(`stored ${c.customer_no}`, { name: c.name, nameKana: c.name_kana, nameRomaji: c.name_romaji, phones: phones.filter((p) => p.customer_id === c.id).map((p) => p.number), emails: emails.filter((e) => e.customer_id === c.id).map((e) => e.address), address: c.address_line1 }));
  }
  needles.push(...personNeedles('walk-in', { ...dayValues.walkIn, phones: [dayValues.walkIn.phone], emails: [dayValues.walkIn.email], address: dayValues.walkIn.addressLine1 }));
  needles.push(...personNeedles('requester', { name: dayValues.requester.name, phones: [dayValues.requester.phone], emails: [dayValues.requester.email] }));
  needles.push({ label: 'corrected address', text: dayValues.correctedAddress }, { label: 'comment', text: dayValues.comment }, { label: 'reveal reason', text: dayValues.revealText });
  // The office's own people: accounts and the manager-in-charge.
  for (const a of await db.selectFrom('accounts').select(['login_id', 'display_name']).execute()) needles.push({ label: `account ${a.login_id} display name`, text: a.display_name });
  const manager = await db.selectFrom('manager_in_charge').selectAll().executeTakeFirstOrThrow();
  needles.push(...personNeedles('manager', { name: manager.name, phones: [manager.phone], emails: [manager.email] }));
  // Secrets: every demo password (and the temporary one each account started with) and the recovery key.
  for (const a of Object.values(demoAccounts)) needles.push({ label: `${a.loginId} password`, text: a.password }, { label: `${a.loginId} temporary password`, text: `temporary-${a.password}` });
  needles.push({ label: 'recovery key', text: recoveryKey }, { label: 'recovery key unhyphenated', text: recoveryKey.replace(/-/g, '') });
  return needles;
}

beforeAll(async () => {
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) vi.spyOn(console, level).mockImplementation(record);
  const t0 = Date.now();
  const recoveryKey = await seededDesk({ dataDir, exportsDir, customers, seed });
  const t1 = Date.now();
  day = await scriptedDay({ dataDir, exportsDir, recoveryKey, printer: watchedPrinter(), log: { warn: (m) => record(m), error: (m, e) => record(m, e) } });
  core = day.core;
  scanner = new Scanner(await needlesOf(core, recoveryKey));
  const events = await core.desk.requireDb().selectFrom('audit_events').selectAll().orderBy('seq').execute();
  auditJson = events.map((e) => JSON.stringify(e));
  print(`seeded ${customers} customers in ${((t1 - t0) / 1000).toFixed(1)} s, the day in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
}, 180_000);

afterAll(async () => {
  await core?.close();
  vi.restoreAllMocks();
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  rmSync(root, { recursive: true, force: true });
});

describe('after a day at the desk', () => {
  it('did what the day promised: a correction applied, an erasure carried out, a package built', async () => {
    const db = core.desk.requireDb();
    expect((await db.selectFrom('customers').select('address_line1').where('id', '=', day.touched.corrected).executeTakeFirstOrThrow()).address_line1).toBe(dayValues.correctedAddress);
    expect(await db.selectFrom('customers').select('id').where('id', '=', day.touched.erased).execute()).toEqual([]);
    expect(await db.selectFrom('customer_tombstones').select('customer_id').where('customer_id', '=', day.touched.erased).execute()).toHaveLength(1);
    expect(day.exportsWritten.filter((f) => f.includes('disclosures'))).toHaveLength(2);
  });

  it('finds the day\'s people where the officer sent them: the scan is real', () => {
    // The disclosure package names the person it is for, in plain text: that is its purpose.
    const packages = filesUnder(join(exportsDir, 'disclosures'));
    expect(packages.length).toBeGreaterThan(0);
    const json = packages.find((f) => f.endsWith('.json'))!;
    expect(scanner.find(readFileSync(json)).some((label) => label.endsWith('name (utf-8)'))).toBe(true);
    expect(scanner.findInText(`x ${demoAccounts.staff.password} y`)).toEqual([`${demoAccounts.staff.loginId} password (utf-8)`]);
    expect(scanner.find(Buffer.from(`..${day.recoveryKey}..`, 'utf16le'))).toContain('recovery key (utf-16le)');
  });

  it('has nothing readable in the data folder while the desk is open, WAL and shared memory included', () => {
    const files = filesUnder(dataDir).map((f) => relative(dataDir, f));
    expect(files).toEqual(expect.arrayContaining(['desk.db', 'desk.db-wal', 'keyring.json']));
    const scan = scanner.findInFolder(dataDir);
    expect(scan.hits).toEqual([]);
    print(`open desk: ${files.join(', ')} (${(scan.bytes / 1024).toFixed(0)} KiB) scanned for ${scanner.patterns} patterns: 0 found`);
  });

  it('leaves nothing in the temp folder', () => {
    const scan = scanner.findInFolder(tempDir);
    expect(scan.hits).toEqual([]);
    // Nothing at all, in fact: the printer's scratch folder goes as soon as the PDF is read.
    expect(filesUnder(tempDir).map((f) => relative(tempDir, f))).toEqual([]);
  });

  it('held nothing readable in the temp folder even while a PDF was being printed', () => {
    expect(whilePrinting.size).toBeGreaterThan(0);
    const hits = [...whilePrinting].flatMap(([key, bytes]) => scanner.find(bytes).map((label) => `${key.split('#')[0]}: ${label}`));
    expect(hits).toEqual([]);
    print(`while printing: ${whilePrinting.size} distinct temp files scanned: ${hits.length} found`);
  });

  it('logged nothing personal and nothing secret, not even about a failed print of a disclosure package', () => {
    expect(day.printFaults).toBe(1);
    expect(logged.some((line) => line.startsWith('disclosures.build failed'))).toBe(true);
    for (const line of logged) expect(scanner.findInText(line)).toEqual([]);
    print(`logs: ${logged.length} line(s) captured from the desk's logger and the console: 0 values found`);
  });

  it('keeps ids, field names and codes in the audit trail, never a value', () => {
    expect(auditJson.length).toBeGreaterThan(50);
    const found = auditJson.flatMap((event) => scanner.findInText(event));
    expect(found).toEqual([]);
    print(`audit trail: ${auditJson.length} events scanned: 0 values found`);
  });

  it('wrote only the files asked for to the exports folder, and the audit export holds no personal data either', () => {
    const written = filesUnder(exportsDir).map((f) => relative(exportsDir, f));
    const expected = [
      /^disclosures\/[^/]+\.(json|pdf)$/,
      /^outbox\/[^/]+\.eml$/,
      /^orders\/[^/]+$/,
      /^registers\/[^/]+\.(csv|pdf)$/,
      /^audit-[^/]+\.(jsonl|csv|jsonl\.sig)$/,
      /^allowed_signers$/,
    ];
    expect(written.filter((f) => !expected.some((re) => re.test(f)))).toEqual([]);
    for (const path of day.exportsWritten) expect(written).toContain(relative(exportsDir, path));
    for (const audit of written.filter((f) => /^audit-/.test(f) || f === 'allowed_signers')) {
      expect(scanner.find(readFileSync(join(exportsDir, audit))), audit).toEqual([]);
    }
    print(`exports: ${written.length} files: ${written.join(', ')}`);
  });

  it('has nothing readable on disk once the desk is closed', async () => {
    await core.close();
    const scan = scanner.findInFolder(dataDir);
    expect(scan.hits).toEqual([]);
    expect(scanner.findInFolder(tempDir).hits).toEqual([]);
    print(`closed desk: ${filesUnder(dataDir).map((f) => relative(dataDir, f)).join(', ')} (${(scan.bytes / 1024).toFixed(0)} KiB) scanned: 0 found`);
  });
});
