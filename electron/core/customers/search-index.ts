// The customers' search index, SQLite-specific (FTS5): a bigram index whose row ids follow kana order.
// Everything SQLite-only about customer search lives here, so a PostgreSQL desk replaces this one file (ARCHITECTURE.md).
//
// Why this design (FACTS.md, "Japanese search at 1M customers"): trigram cannot match 2-character names (佐藤, 山田);
// bigrams can, but ordering 13,000 matches by kana costs a sort of all of them. With row ids that follow kana order,
// FTS5's own rowid order IS kana order, so a page is the first N index entries; and the count stops at 10,000.
import { sql, type Kysely } from 'kysely';
import { searchCountCap, type CustomerSort } from '../../../src-shared/customers';
import type { Database } from '../db/schema';
import { DeskError } from '../errors';
import { nearest, rowidGap } from './search-places';
import { deleteDocument, documentsOf, writeDocument } from './search-documents';
import { matchExpression } from './search-text';

// The bulk builds live in search-bulk.ts; callers know them from here.
export { rebuildSearchIndex } from './search-bulk';

/** After a local respacing, each moved row keeps at least this much room on each side. */
const minRespacedGap = 1024;

type Db = Kysely<Database>;

/** The row ids either side of (kanaKey, customerNo) in kana order, among customers already indexed (search-bulk.ts's seeks). */
async function neighbours(db: Db, kanaKey: string, customerNo: string): Promise<{ prev: number; next: number | null }> {
  const indexed = sql`and e.search_rowid is not null`;
  const { rows } = await sql<{ prev: number | null; next: number | null }>`
    select ${nearest('customers', 'e', 'prev', indexed)} as prev, ${nearest('customers', 'e', 'next', indexed)} as next
    from (select ${kanaKey} as kana_key, ${customerNo} as customer_no) as n`.execute(db);
  return { prev: rows[0]?.prev ?? 0, next: rows[0]?.next ?? null };
}

/**
 * A row id between the neighbours; when they touch, the rows after the spot are spread out over a window just
 * large enough (a local respacing: a few rows, never the whole index).
 */
async function allocateRowid(db: Db, kanaKey: string, customerNo: string): Promise<number> {
  const { prev, next } = await neighbours(db, kanaKey, customerNo);
  if (next === null) return prev + rowidGap;
  if (next - prev >= 2) return prev + Math.floor((next - prev) / 2);

  const after = await db
    .selectFrom('customers')
    .select(['id', 'search_rowid'])
    .where('search_rowid', '>', prev)
    .orderBy('search_rowid')
    .limit(10_000)
    .execute();
  // Move rows after[0..j) so that the new row and they fit between prev and after[j] with room to spare.
  let j = 1;
  let upper: number | null = null;
  for (; j < after.length; j++) {
    if (after[j]!.search_rowid! - prev >= (j + 2) * minRespacedGap) {
      upper = after[j]!.search_rowid!;
      break;
    }
  }
  if (upper === null) {
    j = after.length;
    upper = after[after.length - 1]!.search_rowid! + (j + 2) * rowidGap;
  }
  // j moved rows and the new one are j + 1 ids strictly between prev and upper: j + 2 steps, or the last moved row lands on upper.
  const step = Math.floor((upper - prev) / (j + 2));
  const moved = after.slice(0, j);
  const documents = await documentsOf(db, moved.map((m) => m.id));
  for (const m of moved) {
    await deleteDocument(db, m.search_rowid!);
    await db.updateTable('customers').set({ search_rowid: null }).where('id', '=', m.id).execute();
  }
  for (let k = 0; k < moved.length; k++) {
    const rowid = prev + step * (k + 2);
    await db.updateTable('customers').set({ search_rowid: rowid }).where('id', '=', moved[k]!.id).execute();
    await writeDocument(db, rowid, documents.get(moved[k]!.id)?.grams ?? '');
  }
  return prev + step;
}

/** (Re)indexes one customer after a create or a change of a searched field; the row id stays if the reading did not move. */
export async function indexCustomer(db: Db, customerId: string): Promise<void> {
  const row = await db.selectFrom('customers').select(['kana_key', 'customer_no', 'search_rowid']).where('id', '=', customerId).executeTakeFirstOrThrow();
  let rowid = row.search_rowid;
  if (rowid !== null) {
    await deleteDocument(db, rowid);
    const { prev, next } = await neighbours(db, row.kana_key, row.customer_no);
    if (!(prev < rowid && (next === null || rowid < next))) {
      await db.updateTable('customers').set({ search_rowid: null }).where('id', '=', customerId).execute();
      rowid = null;
    }
  }
  if (rowid === null) {
    rowid = await allocateRowid(db, row.kana_key, row.customer_no);
    await db.updateTable('customers').set({ search_rowid: rowid }).where('id', '=', customerId).execute();
  }
  const documents = await documentsOf(db, [customerId]);
  await writeDocument(db, rowid, documents.get(customerId)?.grams ?? '');
}

/** Takes a customer out of the index (deletion, issue #5). */
export async function unindexCustomer(db: Db, customerId: string): Promise<void> {
  const row = await db.selectFrom('customers').select('search_rowid').where('id', '=', customerId).executeTakeFirst();
  if (row?.search_rowid == null) return;
  await deleteDocument(db, row.search_rowid);
  await db.updateTable('customers').set({ search_rowid: null }).where('id', '=', customerId).execute();
}

export interface SearchPage {
  ids: string[];
  total: number;
  capped: boolean;
}

/** How many customers match (everyone, for no query), counted up to the cap. */
export async function cappedCount(db: Db, match: string | null): Promise<{ total: number; capped: boolean }> {
  const inner = match
    ? sql`select rowid from customer_search where customer_search match ${match} limit ${searchCountCap + 1}`
    : sql`select 1 from customers limit ${searchCountCap + 1}`;
  const { rows } = await sql<{ n: number }>`select count(*) as n from (${inner})`.execute(db);
  const n = Number(rows[0]?.n ?? 0);
  return n > searchCountCap ? { total: searchCountCap, capped: true } : { total: n, capped: false };
}

/** One page of customer ids for a query (empty: everyone), in kana or customer-number order, with the capped count. */
export async function searchCustomerIds(db: Db, query: string, page: { offset: number; limit: number; sort: CustomerSort }): Promise<SearchPage> {
  const match = query.trim() === '' ? null : matchExpression(query);
  if (query.trim() !== '' && match === null) return { ids: [], total: 0, capped: false };
  const count = await cappedCount(db, match);
  let ids: string[];
  if (page.sort === 'kana' && match) {
    // The index's own order is kana order: FTS5 walks its row ids and stops after the page.
    const { rows } = await sql<{ rowid: number }>`select rowid from customer_search where customer_search match ${match}
                                                  order by rowid limit ${page.limit} offset ${page.offset}`.execute(db);
    const rowids = rows.map((r) => r.rowid);
    const found = rowids.length ? await db.selectFrom('customers').select(['id', 'search_rowid']).where('search_rowid', 'in', rowids).execute() : [];
    const byRowid = new Map(found.map((f) => [f.search_rowid, f.id]));
    ids = rowids.map((r) => byRowid.get(r)).filter((id): id is string => id !== undefined);
  } else {
    // Any other order needs every match fetched and sorted: fine for a few thousand, too slow (seconds at 1M) past
    // the cap. Then the screen asks for a narrower query, and the whole list still sorts by its own index.
    if (match && count.capped) throw new DeskError('CONFLICT', 'search.narrowToSort', { cap: searchCountCap });
    // Customer-number order, or the whole list: the customers table's own indexes (customer_no is unique).
    let q = db.selectFrom('customers').select('id');
    if (match) q = q.where('search_rowid', 'in', sql<number>`(select rowid from customer_search where customer_search match ${match})`);
    q = page.sort === 'kana' ? q.orderBy('kana_key').orderBy('customer_no') : q.orderBy('customer_no');
    ids = (await q.limit(page.limit).offset(page.offset).execute()).map((r) => r.id);
  }
  return { ids, ...count };
}
