// A large import into a large desk: its customers are placed among those already indexed, in kana order, without
// rebuilding the index; only a run of readings too crowded to fit falls back to a rebuild.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Transaction } from 'kysely';
import type { Database } from '../../../../electron/core/db/schema';
import { insertCustomersInBulk } from '../../../../electron/core/customers/import/bulk-insert';
import { rebuildSearchIndex } from '../../../../electron/core/customers/search-index';
import { placesFor } from '../../../../electron/core/customers/search-places';
import { insertCustomers, kanaPlaceOf } from '../../../../electron/core/customers/store';
import { customerInput } from '../../../../src-shared/api/customer-input';
import type { CustomerRow } from '../../../../src-shared/customers';
import { asOfficer, setUpDesk, type TestDesk } from '../../helpers/desk';

let desk: TestDesk;
const readings = ['アオキ', 'イトウ', 'ウエダ', 'エンドウ', 'オガワ', 'カトウ', 'キムラ', 'クボ', 'ケンモチ', 'コバヤシ'];
const customer = (no: string, reading: string, phone: string) =>
  customerInput.parse({
    customerNo: no,
    name: `${reading}の人`,
    nameKana: `${reading} ハナコ`,
    postalCode: '530-0001',
    prefecture: '大阪府',
    city: '大阪市北区',
    addressLine1: '梅田1-1-1',
    provenance: 'registration',
    phones: [{ number: phone }],
  });

const db = () => desk.core.desk.requireDb();
const actor = () => ({ accountId: null, now: desk.clock.now });
const search = (query: string) => desk.ok<{ rows: CustomerRow[]; total: number }>('customers.search', { query, pageSize: 200 });

/**
 * What an import's commit does (import/commit.ts): places in the index first, then the customers written with them;
 * false when some run does not fit, and then they are written without a place (the import rebuilds after).
 */
async function importPlaced(tx: Transaction<Database>, incoming: ReturnType<typeof customer>[]): Promise<boolean> {
  const places = await placesFor(tx, incoming.map((p, key) => ({ key, ...kanaPlaceOf(p) })));
  await insertCustomersInBulk(tx, incoming, actor(), places ? { searchRowids: incoming.map((_, key) => places.get(key)!) } : {});
  return places !== null;
}

/** Every customer's row id, in kana order: they must rise strictly, and every customer must have one. */
async function rowidsInKanaOrder(): Promise<{ customer_no: string; search_rowid: number | null }[]> {
  return db().selectFrom('customers').select(['customer_no', 'search_rowid']).orderBy('kana_key').orderBy('customer_no').execute();
}

beforeAll(async () => {
  desk = await setUpDesk();
  await asOfficer(desk);
  await desk.core.desk.transaction(async (tx) => {
    const held = Array.from({ length: 300 }, (_, i) => customer(`H-${String(i).padStart(4, '0')}`, readings[i % 10]!, `06-1111-${String(i).padStart(4, '0')}`));
    await insertCustomers(tx, held, actor(), { index: false });
    await rebuildSearchIndex(tx);
  });
});
afterAll(async () => desk.dispose());

describe('an import of many customers into a desk that already has an index', () => {
  it('places each new customer between its kana neighbours, leaves the customers already indexed where they were, and finds them all', async () => {
    const before = new Map((await rowidsInKanaOrder()).map((r) => [r.customer_no, r.search_rowid]));
    const placed = await desk.core.desk.transaction(async (tx) => {
      // Readings before everyone, among the held ones (a crowd of 40 on one reading), and after everyone.
      const incoming = [
        ...Array.from({ length: 40 }, (_, i) => customer(`N-${String(i).padStart(4, '0')}`, 'カトウ', `090-2222-${String(i).padStart(4, '0')}`)),
        customer('N-9001', 'アアア', '090-3333-0001'),
        customer('N-9002', 'ンン', '090-3333-0002'),
        customer('N-9003', 'キムラ', '090-3333-0003'),
      ];
      return importPlaced(tx, incoming);
    });
    expect(placed).toBe(true);

    const after = await rowidsInKanaOrder();
    expect(after).toHaveLength(343);
    expect(after.every((r) => r.search_rowid !== null)).toBe(true);
    for (let i = 1; i < after.length; i++) expect(after[i]!.search_rowid!, after[i]!.customer_no).toBeGreaterThan(after[i - 1]!.search_rowid!);
    for (const r of after.filter((r) => r.customer_no.startsWith('H-'))) expect(r.search_rowid).toBe(before.get(r.customer_no));

    expect(after[0]!.customer_no).toBe('N-9001');
    expect(after.at(-1)!.customer_no).toBe('N-9002');
    expect((await search('090-2222')).total).toBe(40);
    expect((await search('かとう')).total).toBe(70);
    // The search's own order is kana order: the crowd of new カトウ comes in customer-number order among the held ones.
    const katos = (await search('かとう')).rows.map((r) => r.customerNo);
    expect(katos).toEqual([...katos].sort());
    expect((await search('ｱｱｱ')).rows.map((r) => r.customerNo)).toEqual(['N-9001']);
  });

  it('a file of more than 500 customers is placed the same way, its crowds of one reading included', async () => {
    const before = new Map((await rowidsInKanaOrder()).map((r) => [r.customer_no, r.search_rowid]));
    await desk.core.desk.transaction(async (tx) => {
      const incoming = Array.from({ length: 600 }, (_, i) => customer(`M-${String(i).padStart(4, '0')}`, readings[i % 3]!, `070-5555-${String(i).padStart(4, '0')}`));
      expect(await importPlaced(tx, incoming)).toBe(true);
    });
    const after = await rowidsInKanaOrder();
    expect(after).toHaveLength(943);
    for (let i = 1; i < after.length; i++) expect(after[i]!.search_rowid!, after[i]!.customer_no).toBeGreaterThan(after[i - 1]!.search_rowid!);
    for (const [no, rowid] of before) expect(after.find((r) => r.customer_no === no)!.search_rowid).toBe(rowid);
    expect((await search('070-5555')).total).toBe(600);
  });

  it('a run of new customers that does not fit between two neighbours changes nothing, and the import then rebuilds', async () => {
    await desk.core.desk.transaction(async (tx) => {
      // Two held neighbours one row id apart, as after many inserts at one spot.
      const pair = await tx.selectFrom('customers').select(['id', 'search_rowid']).where('customer_no', 'in', ['H-0001', 'H-0011']).orderBy('search_rowid').execute();
      await sql`update customers set search_rowid = ${pair[0]!.search_rowid! + 1} where id = ${pair[1]!.id}`.execute(tx);
    });
    const crowdedBetween = await desk.core.desk.transaction(async (tx) => {
      // H-0001 and H-0011 both read イトウ: a new イトウ with a number between theirs must go between them.
      const fitted = await importPlaced(tx, [customer('H-0005X', 'イトウ', '090-4444-0001')]);
      const left = await tx.selectFrom('customers').select('search_rowid').where('customer_no', '=', 'H-0005X').executeTakeFirstOrThrow();
      return { fitted, left: left.search_rowid };
    });
    expect(crowdedBetween).toEqual({ fitted: false, left: null });

    await desk.core.desk.transaction((tx) => rebuildSearchIndex(tx));
    const after = await rowidsInKanaOrder();
    for (let i = 1; i < after.length; i++) expect(after[i]!.search_rowid!).toBeGreaterThan(after[i - 1]!.search_rowid!);
    expect((await search('090-4444-0001')).rows.map((r) => r.customerNo)).toEqual(['H-0005X']);
  });
});
