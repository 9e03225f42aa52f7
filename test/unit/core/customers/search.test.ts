// Japanese search: one box finds a customer by kanji, kana of either script and width, romaji, phone, e-mail, number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRecord, CustomerRow } from '../../../../src-shared/customers';
import { insertCustomer } from '../../../../electron/core/customers/store';
import { customerInput } from '../../../../src-shared/api/customer-input';
import { allCustomers } from '../../../fixtures/customers';
import { asUpload, scannedPdf } from '../../../fixtures/scans';
import { addAccount, asOfficer, setUpDesk, signInAs, staffMember, type TestDesk } from '../../helpers/desk';

let desk: TestDesk;
const ids: Record<string, string> = {};

beforeAll(async () => {
  desk = await setUpDesk();
  const staffId = await addAccount(desk, staffMember);
  await desk.ok('statements.record', { accountId: staffId, templateVersion: 1, signedOn: '2026-11-01', trainingOn: '2026-11-01', scan: asUpload(scannedPdf(), 's.pdf', 'application/pdf') });
  for (const c of allCustomers) ids[c.customerNo] = (await desk.ok<CustomerRecord>('customers.create', c)).id;
  await signInAs(desk, staffMember);
});
afterAll(async () => desk.dispose());

async function search(query: string, more: Record<string, unknown> = {}) {
  return desk.ok<{ rows: CustomerRow[]; total: number; capped: boolean }>('customers.search', { query, page: 0, pageSize: 50, ...more });
}
const numbers = (r: { rows: CustomerRow[] }) => r.rows.map((row) => row.customerNo);

describe('staff member searches for a customer', () => {
  it.each(['やまだ', 'ヤマダ', 'ﾔﾏﾀﾞ', 'yamada', 'YAMADA', 'ｙａｍａｄａ', '山田', '山田太郎', '山田 太郎', 'やまだたろう'])('"%s" finds 山田 太郎', async (query) => {
    expect(numbers(await search(query))).toEqual(['C-0001']);
  });

  it('2-character queries work: ヤマ finds both 山田 and 山本, in kana order; 佐藤 and 田中 find one each', async () => {
    expect(numbers(await search('ヤマ'))).toEqual(['C-0001', 'C-0003']);
    expect(numbers(await search('やま'))).toEqual(['C-0001', 'C-0003']);
    expect(numbers(await search('山'))).toEqual(['C-0001', 'C-0003']);
    expect(numbers(await search('佐藤'))).toEqual(['C-0002']);
    expect(numbers(await search('田中'))).toEqual(['C-0004']);
  });

  it('a single character finds every customer containing it, also at the end of a name (藤 in 佐藤)', async () => {
    expect(numbers(await search('藤'))).toEqual(['C-0002']);
    expect(numbers(await search('田'))).toEqual(['C-0004', 'C-0001']);
  });

  it('a phone number with or without hyphens, full-width or not', async () => {
    for (const q of ['090-1234-5678', '09012345678', '０９０１２３４５６７８', '5678', '080-2222']) {
      const r = await search(q);
      expect(r.total, q).toBe(1);
    }
    expect(numbers(await search('5678'))).toEqual(['C-0001']);
    expect(numbers(await search('080-2222'))).toEqual(['C-0002']);
  });

  it('a fragment of an e-mail address', async () => {
    expect(numbers(await search('hanako.sato@'))).toEqual(['C-0002']);
    expect(numbers(await search('example.org'))).toEqual(['C-0003']);
  });

  it('a customer number and a postal code', async () => {
    expect(numbers(await search('C-0003'))).toEqual(['C-0003']);
    expect(numbers(await search('〒530-0001'))).toEqual(['C-0002']);
    expect(numbers(await search('5300001'))).toEqual(['C-0002']);
  });

  it('no match is an empty page, not an error', async () => {
    expect(await search('鈴木')).toEqual({ rows: [], total: 0, capped: false });
    expect(await search('zzzz')).toEqual({ rows: [], total: 0, capped: false });
    expect(await search('!!!')).toEqual({ rows: [], total: 0, capped: false });
  });

  it('an empty query lists everyone in kana order, or by customer number', async () => {
    expect(numbers(await search(''))).toEqual(['C-0002', 'C-0004', 'C-0001', 'C-0003']);
    expect(numbers(await search('', { sort: 'customerNo' }))).toEqual(['C-0001', 'C-0002', 'C-0003', 'C-0004']);
    expect(numbers(await search('山', { sort: 'customerNo' }))).toEqual(['C-0001', 'C-0003']);
  });

  it('pages: the second page of one starts where the first stopped', async () => {
    const first = await search('', { pageSize: 1 });
    const second = await search('', { pageSize: 1, page: 1 });
    expect(first).toMatchObject({ total: 4, capped: false });
    expect(numbers(first)).toEqual(['C-0002']);
    expect(numbers(second)).toEqual(['C-0004']);
  });

  it('the search is audited with the query length and counts, never the words', async () => {
    await search('山田');
    const event = await desk.core.desk.requireDb().selectFrom('audit_events').selectAll().where('action', '=', 'customers.search').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(event.details!)).toMatchObject({ queryLength: 2, total: 1 });
    expect(JSON.stringify(event)).not.toContain('山田');
  });
});

describe('the index keeps kana order as customers arrive', () => {
  it('a customer whose reading falls between two others gets a row id between theirs, many times over', async () => {
    await asOfficer(desk);
    const db = desk.core.desk.requireDb();
    // 40 readings that all sort between やまだ and やまもと: more than the 30 halvings of one gap, so a local respacing happens.
    await desk.core.desk.transaction(async (tx) => {
      for (let i = 0; i < 40; i++) {
        const input = customerInput.parse({ ...allCustomers[0]!, customerNo: `C-1${String(i).padStart(3, '0')}`, nameKana: 'ヤマダ タロウ', emails: [], phones: [], consents: [] });
        await insertCustomer(tx, input, { accountId: null, now: desk.clock.now });
      }
    });
    const rows = await db.selectFrom('customers').select(['customer_no', 'kana_key', 'search_rowid']).orderBy('kana_key').orderBy('customer_no').execute();
    const rowids = rows.map((r) => r.search_rowid!);
    expect([...rowids].sort((a, b) => a - b)).toEqual(rowids);
    expect(new Set(rowids).size).toBe(rowids.length);
    const r = await search('やまだ', { pageSize: 200 });
    expect(r.total).toBe(41);
    expect(r.rows.map((x) => x.customerNo)).toEqual(rows.filter((x) => x.kana_key.startsWith('やまだ')).map((x) => x.customer_no));
    await signInAs(desk, staffMember);
  });
});
