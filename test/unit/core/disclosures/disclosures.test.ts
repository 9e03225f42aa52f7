// The disclosure package (APPI Art. 33): once identity is verified and the officer approved, a JSON and a Japanese PDF come out.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../../../src-shared/customers';
import type { DisclosurePackage, RequestDetail } from '../../../../src-shared/requests';
import { tanaka, yamada } from '../../../fixtures/customers';
import { asUpload, scannedPdf } from '../../../fixtures/scans';
import { addAccount, asOfficer, errorOf, makeDesk, officer, signInAs, staffMember, type TestDesk } from '../../helpers/desk';
import type { DisclosureContent } from '../../../../electron/core/disclosures/package';
import { intake, propose, register, verifyIdentity } from './steps';

/** The helpers' desk with the host's printer (the system Chromium), as blank-pdf.test.ts has it. */
const deskWithPrinter = () => makeDesk({ printer: true });

/** Poppler with the system fonts hidden, so a PDF that lacks its font cannot borrow one and look right (FACTS.md). */
const fontless = mkdtempSync(join(tmpdir(), 'fontless-'));
function withoutSystemFonts(): NodeJS.ProcessEnv {
  const conf = join(fontless, 'fonts.conf');
  writeFileSync(conf, '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig></fontconfig>');
  return { ...process.env, FONTCONFIG_FILE: conf };
}
const poppler = (tool: string, args: string[]) => execFileSync(tool, args, { env: withoutSystemFonts() }).toString();
const flat = (text: string) => text.replace(/\s+/g, ' ');

let desk: TestDesk;
let yamadaId: string;
let tanakaId: string;
const db = () => desk.core.desk.requireDb();
/** Enough orders to run the orders table over more than one page. */
const manyOrders = Array.from({ length: 70 }, (_, i) => ({ orderId: `ORD-2026-${String(200 + i).padStart(6, '0')}`, orderedOn: '2026-10-02', items: `緑茶ティーバッグ ${i + 1}箱`, amount: 990 * (i + 1) }));

beforeAll(async () => {
  desk = deskWithPrinter();
  await desk.ok('setup.createOfficer', officer);
  const staffId = await addAccount(desk, staffMember);
  await desk.ok('statements.record', { accountId: staffId, templateVersion: 1, signedOn: '2026-11-01', trainingOn: '2026-11-01', scan: asUpload(scannedPdf(), 's.pdf', 'application/pdf') });
  yamadaId = (await desk.ok<CustomerRecord>('customers.create', { ...yamada, orders: [...yamada.orders!, ...manyOrders] })).id;
  tanakaId = (await desk.ok<CustomerRecord>('customers.create', tanaka)).id;
  // Yamada later agreed to the marketing mails too: the consent and its history go into the package.
  await desk.ok('consents.record', { customerId: yamadaId, purposeId: '3.6', givenOn: '2026-11-20', channel: 'web' });
  await signInAs(desk, staffMember);
}, 60_000);
afterAll(async () => {
  await desk.dispose();
  rmSync(fontless, { recursive: true, force: true });
});

describe('a disclosure package is built only when the desk may disclose', () => {
  it('not for a request of another kind, not before the identity is verified, not before the officer approves', async () => {
    const correction = await register(desk, intake({ kind: 'correction', customerId: yamadaId, requester: { name: '山田 太郎', email: 'yamada.taro@example.jp' } }));
    expect(errorOf(await desk.call('disclosures.build', { requestId: correction.id }))).toMatchObject({ code: 'CONFLICT', message: 'disclosure.notDisclosure' });

    const request = await register(desk, intake({ kind: 'disclosure', customerId: yamadaId, requester: { name: '山田 太郎', email: 'yamada.taro@example.jp' } }));
    expect(errorOf(await desk.call('disclosures.build', { requestId: request.id }))).toMatchObject({ code: 'CONFLICT', message: 'disclosure.identityNotVerified' });
    await verifyIdentity(desk, request.id);
    await propose(desk, { requestId: request.id, kind: 'disclose' });
    // Proposed, not yet decided: staff cannot disclose on their own say-so.
    expect(errorOf(await desk.call('disclosures.build', { requestId: request.id }))).toMatchObject({ code: 'CONFLICT', message: 'disclosure.notApproved' });
    expect(await db().selectFrom('disclosure_packages').select('id').where('request_id', '=', request.id).execute()).toEqual([]);
    expect(existsSync(join(desk.exportsDir, 'disclosures'))).toBe(false);
  });
});

describe('staff register a disclosure request, check the licence, the officer approves, and the package comes out', () => {
  let request: RequestDetail;
  let pkg: DisclosurePackage;

  beforeAll(async () => {
    await signInAs(desk, staffMember);
    request = await register(desk, intake({ kind: 'disclosure', customerId: yamadaId, requester: { name: '山田 太郎', email: 'yamada.taro@example.jp' } }));
    await verifyIdentity(desk, request.id);
    const proposalId = await propose(desk, { requestId: request.id, kind: 'disclose' });
    await asOfficer(desk);
    await desk.ok('proposals.decide', { id: proposalId, decision: 'approve' });
    await signInAs(desk, staffMember);
    pkg = await desk.ok<DisclosurePackage>('disclosures.build', { requestId: request.id });
  }, 120_000);

  it('both files sit in the exports folder under names without personal data, their hashes kept', async () => {
    expect(basename(pkg.jsonFile)).toBe(`${request.number}-disclosure-2026-11-25.json`);
    expect(basename(pkg.pdfFile)).toBe(`${request.number}-disclosure-2026-11-25.pdf`);
    expect(pkg.jsonFile.startsWith(join(desk.exportsDir, 'disclosures'))).toBe(true);
    const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
    expect(pkg).toMatchObject({ jsonSha256: sha(pkg.jsonFile), pdfSha256: sha(pkg.pdfFile), builtByName: staffMember.displayName });
    const detail = await desk.ok<RequestDetail>('requests.get', { id: request.id });
    expect(detail.packages.map((p) => p.id)).toContain(pkg.id);
    expect(detail.history.map((h) => h.action)).toContain('disclosure.built');
    const event = await db().selectFrom('audit_events').selectAll().where('action', '=', 'disclosures.build').where('outcome', '=', 'ok').executeTakeFirstOrThrow();
    expect(event).toMatchObject({ target_type: 'disclosurePackage', target_id: pkg.id });
    expect(JSON.parse(event.details!)).toEqual({ requestId: request.id, jsonFile: basename(pkg.jsonFile), pdfFile: basename(pkg.pdfFile) });
  });

  it('the JSON holds the record, the purposes, the consents and their history, and says plainly that no provision record is kept yet', async () => {
    const json = JSON.parse(readFileSync(pkg.jsonFile, 'utf8')) as DisclosureContent;
    expect(json.request).toEqual({ number: request.number, kind: 'disclosure', receivedOn: '2026-11-25', form: 'electronic' });
    expect(json.person).toMatchObject({ customerNo: 'C-0001', name: '山田 太郎', nameKana: 'ヤマダ タロウ', birthDate: '1985-04-12', city: '渋谷区', addressLine1: '神宮前1-2-3' });
    expect(json.phones).toEqual([{ number: '090-1234-5678', kind: 'mobile' }]);
    expect(json.emails).toEqual([{ address: 'yamada.taro@example.jp' }]);
    expect(json.orders).toHaveLength(71);
    expect(json.onlineIdentifiers[0]).toMatchObject({ kind: 'ip', value: '203.0.113.42' });
    expect(json.purposesOfUse.map((p) => p.id)).toContain('3.6');
    expect(json.purposesOfUse.every((p) => p.title.length > 0 && /[\u3040-\u30ff\u4e00-\u9fff]/.test(p.title))).toBe(true);
    expect(json.consents.map((c) => [c.purposeId, c.state])).toEqual([['3.1', 'given'], ['3.6', 'given']]);
    expect(json.consentHistory.map((c) => [c.purposeId, c.on])).toEqual([['3.1', '2024-05-01'], ['3.6', '2026-11-20']]);
    expect(json.receiptRecord).toBeNull();
    expect(json.provisionRecords.records).toEqual([]);
    expect(json.provisionRecords.note).toContain('記録されていません');
    expect(json.requests.map((r) => r.number)).toContain(request.number);
    expect(json.managerInCharge).toEqual(officer.manager);
    expect(json.policyVersion).toBe(1);
  });

  it('the PDF is Japanese, holds the customer’s data and the manager-in-charge, embeds every font, and every page renders', () => {
    const text = poppler('pdftotext', ['-layout', pkg.pdfFile, '-']);
    const words = flat(text);
    expect(words).toContain('保有個人データの開示について');
    expect(words).toContain(request.number);
    expect(words).toContain('山田 太郎');
    expect(words).toContain('ヤマダ タロウ');
    expect(words).toContain('神宮前1-2-3');
    expect(words).toContain('090-1234-5678');
    expect(words).toContain('yamada.taro@example.jp');
    expect(words).toContain('2026年11月25日');
    expect(text).toContain(officer.manager.name);
    expect(text).toContain(officer.manager.email);
    expect(text).toContain(officer.manager.phone);
    expect(words).toContain('第三者提供に関する記録');

    const fonts = poppler('pdffonts', [pkg.pdfFile]).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line, line).toMatch(/\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);

    const pages = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', [pkg.pdfFile]))![1]);
    expect(pages).toBeGreaterThan(1);
    // A long table carries its header onto each page it runs over, and every page carries the request number.
    const headed = Array.from({ length: pages }, (_, i) => poppler('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', pkg.pdfFile, '-'])).filter((page) => {
      expect(page).toContain(request.number);
      return /ORD-2026-\d{6}/.test(page);
    });
    expect(headed.length).toBeGreaterThan(1);
    for (const page of headed) expect(page).toContain('注文番号');
  });

  it('pdftoppm renders every page to an image with something on it', async () => {
    const out = mkdtempSync(join(tmpdir(), 'pages-'));
    try {
      poppler('pdftoppm', ['-r', '40', '-png', pkg.pdfFile, join(out, 'page')]);
      const images = readdirSync(out).filter((f) => f.endsWith('.png'));
      const pages = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', [pkg.pdfFile]))![1]);
      expect(images).toHaveLength(pages);
      for (const image of images) {
        const stats = await sharp(join(out, image)).stats();
        // Text on white: the darkest pixel is far from white.
        expect(stats.channels[0]!.min, image).toBeLessThan(128);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('an English request from a customer received from a partner', () => {
  it('gets an English PDF carrying the Art. 30 record of receipt', async () => {
    await signInAs(desk, staffMember);
    const request = await register(desk, intake({ kind: 'disclosure', noticeLanguage: 'en', disclosureForm: 'paper', asked: 'Please disclose my data.', customerId: tanakaId, requester: { name: 'Misaki Tanaka', email: 'misaki.tanaka@example.net' } }));
    await verifyIdentity(desk, request.id);
    const proposalId = await propose(desk, { requestId: request.id, kind: 'disclose' });
    await asOfficer(desk);
    await desk.ok('proposals.decide', { id: proposalId, decision: 'approve' });
    const pkg = await desk.ok<DisclosurePackage>('disclosures.build', { requestId: request.id });
    const json = JSON.parse(readFileSync(pkg.jsonFile, 'utf8')) as DisclosureContent;
    expect(json.receiptRecord).toMatchObject({ providerName: '株式会社サンプル通販', receivedOn: '2026-09-01' });
    expect(json.request.form).toBe('paper');
    const words = flat(poppler('pdftotext', ['-layout', pkg.pdfFile, '-']));
    expect(words).toContain('Disclosure of your retained personal data');
    expect(words).toContain('Record of receipt from a third party (Article 30)');
    expect(words).toContain('株式会社サンプル通販');
    expect(words).toContain('田中 美咲');
    expect(words).toContain('No records of provision to third parties');
    expect(words).toContain(officer.manager.name);
  }, 60_000);
});

describe('on a machine that cannot make PDFs', () => {
  it('the build is refused with a clear reason and nothing is written', async () => {
    // The same desk on a machine that cannot make PDFs.
    await desk.restart({ withoutPrinter: true });
    await asOfficer(desk);
    const approved = await db().selectFrom('proposals').select('request_id').where('kind', '=', 'disclose').where('state', '=', 'approved').executeTakeFirstOrThrow();
    const before = await db().selectFrom('disclosure_packages').select('id').execute();
    const files = readdirSync(join(desk.exportsDir, 'disclosures'));
    expect(errorOf(await desk.call('disclosures.build', { requestId: approved.request_id }))).toMatchObject({ code: 'CONFLICT', message: 'print.unavailable' });
    expect(await db().selectFrom('disclosure_packages').select('id').execute()).toEqual(before);
    expect(readdirSync(join(desk.exportsDir, 'disclosures'))).toEqual(files);
  });
});
