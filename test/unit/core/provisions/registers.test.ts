// The provision and receipt registers (APPI Art. 29, 30): filtered by partner, customer and period, exported for an auditor.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCustomers, insertReceipt } from '../../../../electron/core/customers/store';
import { customerInput } from '../../../../src-shared/api/customer-input';
import type { CustomerRecord } from '../../../../src-shared/customers';
import type { Partner, ProvisionDetail, ProvisionRow, ReceiptRow } from '../../../../src-shared/registers';
import { tanaka } from '../../../fixtures/customers';
import { addAccount, asOfficer, auditorPerson, errorOf, officer, signInAs, staffMember, type TestDesk } from '../../helpers/desk';
import { addPartner, advertiser, deliveryAbroad, makeCustomers, openOffice, pdfText, printingDesk } from './office';

let desk: TestDesk;
let ad: Partner;
let abroad: Partner;
let r: { id: string; customerNo: string }[];
let tanakaId: string;
const db = () => desk.core.desk.requireDb();
/** A provider typed a formula into the items: a spreadsheet must show it, never run it. */
const formula = '=HYPERLINK("http://evil.example/","請求書")';
const list = (input: Record<string, unknown> = {}) => desk.ok<{ rows: ProvisionRow[]; total: number }>('provisions.list', input);
const receipts = (input: Record<string, unknown> = {}) => desk.ok<{ rows: ReceiptRow[]; total: number }>('receipts.list', input);


beforeAll(async () => {
  desk = printingDesk();
  await openOffice(desk, [staffMember]);
  await addAccount(desk, auditorPerson);
  await asOfficer(desk);
  ad = await addPartner(desk, advertiser);
  abroad = await addPartner(desk, deliveryAbroad);
  r = await makeCustomers(desk, 'R', 3);
  // Two customers arrived from the advertiser in one hand-over (one receipt record), one from a mail-order company.
  await desk.core.desk.transaction(async (tx) => {
    const actor = { accountId: null, now: desk.clock.now };
    const receiptId = await insertReceipt(tx, { partnerId: ad.id, providerName: '株式会社アドネット', providerAddress: '東京都港区六本木1-1-1', providerRepresentative: '代表取締役 青木 一郎', obtainedHow: '懸賞応募フォームで本人から取得（第三者提供への同意あり）', receivedOn: '2026-09-15', items: '氏名、住所、メールアドレス' }, actor);
    const rows = ['Q-0001', 'Q-0002'].map((customerNo) => customerInput.parse({ customerNo, name: '受領 顧客', nameKana: 'ジュリョウ コキャク', postalCode: '100-0001', prefecture: '東京都', city: '千代田区', addressLine1: '千代田1-1', provenance: 'partner', receiptId }));
    await insertCustomers(tx, rows, actor);
  });
  tanakaId = (await desk.ok<CustomerRecord>('customers.create', tanaka)).id;

  await signInAs(desk, staffMember);
  for (const c of r) await desk.ok('provisionConsents.record', { customerId: c.id, partnerRole: 'advertiser', givenOn: '2026-08-01', channel: 'web' });
  await desk.ok('provisionConsents.record', { customerId: r[0]!.id, partnerId: abroad.id, countries: ['US'], givenOn: '2026-08-01', channel: 'email' });
  const create = (input: Record<string, unknown>) => desk.ok<ProvisionDetail>('provisions.create', { basis: 'consent', ...input });
  await create({ partnerId: ad.id, providedOn: '2026-09-01', items: formula, customerIds: r.map((c) => c.id) });
  await create({ partnerId: abroad.id, providedOn: '2026-11-20', items: '広告識別子、メールアドレスのハッシュ値', customerIds: [r[0]!.id] });
  await create({ partnerId: ad.id, providedOn: '2026-10-01', lastProvidedOn: '2026-11-15', items: '購入履歴', customerIds: [r[1]!.id] });
}, 120_000);
afterAll(async () => desk.dispose());

describe('the provision register', () => {
  it('filters by partner, customer, period and state, newest first, in pages', async () => {
    expect((await list()).rows.map((p) => p.number)).toEqual(['P-2026-0002', 'P-2026-0003', 'P-2026-0001']);
    expect((await list({ partnerId: ad.id })).rows.map((p) => p.number)).toEqual(['P-2026-0003', 'P-2026-0001']);
    expect((await list({ customerId: r[0]!.id })).rows.map((p) => p.number)).toEqual(['P-2026-0002', 'P-2026-0001']);
    // A combined record counts for every day it covers.
    expect((await list({ from: '2026-11-01', to: '2026-11-10' })).rows.map((p) => p.number)).toEqual(['P-2026-0003']);
    expect((await list({ to: '2026-09-30' })).rows.map((p) => p.number)).toEqual(['P-2026-0001']);
    expect((await list({ state: 'awaitingApproval' })).total).toBe(0);
    const second = await list({ pageSize: 1, page: 1 });
    expect(second).toMatchObject({ total: 3, rows: [{ number: 'P-2026-0003', combined: true, customerCount: 1 }] });
  });

  it('the auditor reads and exports it, customer numbers and never names, but cannot record or check a provision', async () => {
    await signInAs(desk, auditorPerson);
    const all = await list();
    expect(all.total).toBe(3);
    const detail = await desk.ok<ProvisionDetail>('provisions.get', { id: all.rows[2]!.id });
    expect(detail.customers.map((c) => c.customerNo)).toEqual(['R-0001', 'R-0002', 'R-0003']);
    expect(JSON.stringify(detail)).not.toContain('顧客');
    expect((await desk.ok<{ rows: number }>('provisions.export', { format: 'csv', partnerId: abroad.id })).rows).toBe(1);
    expect(errorOf(await desk.call('provisions.create', { partnerId: ad.id, providedOn: '2026-11-25', items: '氏名', basis: 'consent', customerIds: [r[0]!.id] }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await desk.call('provisions.check', { partnerId: ad.id, basis: 'consent', customerIds: [r[0]!.id] }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await desk.call('provisionConsents.list', { customerId: r[0]!.id }))).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('the receipt register', () => {
  it('lists each hand-over with how many records it brought, filtered by partner, customer and period', async () => {
    await signInAs(desk, staffMember);
    const all = await receipts();
    expect(all.rows.map((x) => [x.providerName, x.receivedOn, x.customerCount])).toEqual([
      ['株式会社アドネット', '2026-09-15', 2],
      ['株式会社サンプル通販', '2026-09-01', 1],
    ]);
    expect(all.rows[0]).toMatchObject({ partnerId: ad.id, keepUntil: '2029-09-15' });
    expect((await receipts({ partnerId: ad.id })).rows.map((x) => x.providerName)).toEqual(['株式会社アドネット']);
    expect((await receipts({ customerId: tanakaId })).rows.map((x) => x.providerName)).toEqual(['株式会社サンプル通販']);
    expect((await receipts({ from: '2026-09-10' })).total).toBe(1);
    expect((await receipts({ customerId: r[0]!.id })).total).toBe(0);
  });
});

describe('exports for an auditor or the PPC', () => {
  it('the provision CSV opens with a BOM and Japanese headers, names each customer by number, and neutralises a formula', async () => {
    await signInAs(desk, staffMember);
    const { file, rows } = await desk.ok<{ file: string; rows: number }>('provisions.export', { format: 'csv' });
    expect(file).toBe(join(desk.exportsDir, 'registers', 'provisions-2026-11-25-2.csv'));
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).not.toContain('顧客 R');
    const table = parse(text, { bom: true }) as string[][];
    expect(table[0]!.slice(0, 4)).toEqual(['記録番号', '提供日', '最終提供日', '提供先']);
    expect(table[0]).toContain('顧客番号');
    const lines = table.slice(1);
    expect(rows).toBe(5);
    expect(lines.map((l) => [l[0], l[10]])).toEqual([
      ['P-2026-0001', 'R-0001'],
      ['P-2026-0001', 'R-0002'],
      ['P-2026-0001', 'R-0003'],
      ['P-2026-0003', 'R-0002'],
      ['P-2026-0002', 'R-0001'],
    ]);
    expect(lines[0]![7]).toBe(`'${formula}`);
    expect(lines[0]![8]).toBe('本人の同意');
    expect(lines[4]![4]).toBe('US');

    // Another export the same day never overwrites the first; a customer's own lines only when asked.
    const mine = await desk.ok<{ file: string; rows: number }>('provisions.export', { format: 'csv', customerId: r[0]!.id });
    expect(basename(mine.file)).toBe('provisions-2026-11-25-3.csv');
    expect(mine.rows).toBe(2);
    const event = await db().selectFrom('audit_events').selectAll().where('action', '=', 'provisions.export').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(event.details!)).toEqual({ format: 'csv', file: 'provisions-2026-11-25-3.csv', rows: 2, filters: { partnerId: null, customerId: r[0]!.id, from: null, to: null } });
  });

  it('the receipt CSV names the provider, how it obtained the data, and each customer by number', async () => {
    const { file, rows } = await desk.ok<{ file: string; rows: number }>('receipts.export', { format: 'csv' });
    expect(basename(file)).toBe('receipts-2026-11-25.csv');
    const table = parse(readFileSync(file, 'utf8'), { bom: true }) as string[][];
    expect(table[0]).toEqual(['受領日', '提供者の氏名又は名称', '提供者の住所', '提供者の代表者', '提供者による取得の経緯', '受領した項目', '記録の保存期限', '顧客番号']);
    expect(rows).toBe(3);
    expect(table.slice(1).map((l) => [l[0], l[1], l[7]])).toEqual([
      ['2026-09-01', '株式会社サンプル通販', 'C-0004'],
      ['2026-09-15', '株式会社アドネット', 'Q-0001'],
      ['2026-09-15', '株式会社アドネット', 'Q-0002'],
    ]);
  });

  it('the provision PDF renders with the records, the partners, the manager-in-charge and the policy version', async () => {
    const { file, rows } = await desk.ok<{ file: string; rows: number }>('provisions.export', { format: 'pdf' });
    expect(basename(file)).toBe('provisions-2026-11-25.pdf');
    expect(rows).toBe(3);
    const words = pdfText(file);
    for (const expected of ['第三者提供記録簿', 'P-2026-0001', 'P-2026-0002', 'P-2026-0003', '株式会社アドネット', 'Pacific Ad Delivery Inc.', '（US）', 'R-0003', '本人の同意', officer.manager.name, officer.manager.email, 'v1', '2026年11月25日']) {
      expect(words, expected).toContain(expected);
    }
    expect(words).not.toContain('顧客 R');
  }, 60_000);

  it('the receipt PDF renders, filtered to one partner', async () => {
    const { file, rows } = await desk.ok<{ file: string; rows: number }>('receipts.export', { format: 'pdf', partnerId: ad.id });
    expect(rows).toBe(1);
    const words = pdfText(file);
    for (const expected of ['第三者からの受領記録簿', '株式会社アドネット', '懸賞応募フォームで本人から取得', 'Q-0001', 'Q-0002', officer.manager.name]) expect(words, expected).toContain(expected);
    expect(words).not.toContain('株式会社サンプル通販');
  }, 60_000);

  it('on a machine that cannot print, a PDF is refused with a clear reason; the CSV still comes out', async () => {
    await desk.restart({ withoutPrinter: true });
    await signInAs(desk, staffMember);
    expect(errorOf(await desk.call('provisions.export', { format: 'pdf' }))).toMatchObject({ code: 'CONFLICT', message: 'print.unavailable' });
    expect(errorOf(await desk.call('receipts.export', { format: 'pdf' }))).toMatchObject({ code: 'CONFLICT', message: 'print.unavailable' });
    expect((await desk.ok<{ rows: number }>('receipts.export', { format: 'csv' })).rows).toBe(3);
  });
});
