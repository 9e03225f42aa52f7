// Search over many customers: the count stops at 10,000, pages come in kana order, and later inserts keep that order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildSearchIndex } from '../../../../electron/core/customers/search-index';
import { insertCustomer, insertCustomers } from '../../../../electron/core/customers/store';
import { customerInput } from '../../../../src-shared/api/customer-input';
import type { CustomerRow } from '../../../../src-shared/customers';
import { asOfficer, setUpDesk, type TestDesk } from '../../helpers/desk';

let desk: TestDesk;
const kana = ['ア', 'イ', 'ウ', 'エ', 'オ', 'カ', 'キ', 'ク', 'ケ', 'コ'];
const sato = (i: number) =>
  customerInput.parse({
    customerNo: `S-${String(i).padStart(6, '0')}`,
    name: '佐藤 花子',
    // Readings that differ after サトウ, so that kana order is not customer-number order.
    nameKana: `サトウ ${kana[(i * 7) % 10]}${kana[(i * 3) % 10]}`,
    postalCode: '530-0001',
    prefecture: '大阪府',
    city: '大阪市北区',
    addressLine1: '梅田1-1-1',
    provenance: 'registration',
    phones: [{ number: `090-${String(i % 10000).padStart(4, '0')}-0000` }],
  });

beforeAll(async () => {
  desk = await setUpDesk();
  await asOfficer(desk);
  await desk.core.desk.transaction(async (tx) => {
    await insertCustomers(tx, Array.from({ length: 10_050 }, (_, i) => sato(i)), { accountId: null, now: desk.clock.now }, { index: false });
    await rebuildSearchIndex(tx);
  });
});
afterAll(async () => desk.dispose());

const search = (query: string, more: Record<string, unknown> = {}) => desk.ok<{ rows: CustomerRow[]; total: number; capped: boolean }>('customers.search', { query, pageSize: 50, ...more });

describe('officer searches a common name among ten thousand', () => {
  it('the count stops at 10,000 and says so', async () => {
    expect(await search('佐藤')).toMatchObject({ total: 10_000, capped: true });
    expect(await search('')).toMatchObject({ total: 10_000, capped: true });
    expect(await search('090-0001')).toMatchObject({ total: 2, capped: false });
  });

  it('past the cap, sorting a search by customer number asks for a narrower query; the whole list still sorts', async () => {
    expect(await desk.call('customers.search', { query: '佐藤', sort: 'customerNo' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'search.narrowToSort' } });
    expect((await search('', { sort: 'customerNo' })).rows[0]!.customerNo).toBe('S-000000');
    expect((await search('090-0001', { sort: 'customerNo' })).rows.map((r) => r.customerNo)).toEqual(['S-000001', 'S-010001']);
  });

  it('each page is the next 50 in kana order', async () => {
    const pages = [await search('さとう', { page: 0 }), await search('さとう', { page: 1 }), await search('さとう', { page: 150 })];
    const readings = pages.flatMap((p) => p.rows.map((r) => r.nameKana));
    expect(readings.slice(0, 100)).toEqual([...readings.slice(0, 100)].sort());
    expect(pages[0]!.rows[0]!.nameKana).toBe('サトウ アア');
    expect(pages[2]!.rows.map((r) => r.nameKana).every((k) => k >= readings[99]!)).toBe(true);
  });

  it('customers added after the bulk build land in their kana place: before everyone, and between two neighbours', async () => {
    await desk.core.desk.transaction(async (tx) => {
      const actor = { accountId: null, now: desk.clock.now };
      await insertCustomer(tx, customerInput.parse({ ...sato(99_998), nameKana: 'サトウ ア', phones: [] }), actor);
      await insertCustomer(tx, customerInput.parse({ ...sato(99_999), nameKana: 'サトウ アアア', phones: [] }), actor);
    });
    expect((await search('佐藤')).rows[0]!.customerNo).toBe('S-099998');
    // 1 + 1,005 readings サトウ アア come first (every tenth customer), then the newcomer.
    const page = await search('佐藤', { pageSize: 200, page: 5 });
    expect(page.rows[6]).toMatchObject({ customerNo: 'S-099999', nameKana: 'サトウ アアア' });
    expect(page.rows[5]!.nameKana).toBe('サトウ アア');
    expect(page.rows[7]!.nameKana > 'サトウ アアア').toBe(true);
  });
});
