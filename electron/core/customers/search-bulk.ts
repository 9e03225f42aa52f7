// The customers' search index in bulk: built whole (the demo seeder, an import that is most of the desk), or with many
// new customers placed among those already indexed (any other import). SQLite-specific like search-index.ts.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema';
import { insertRows } from './insert-rows';
import { documentsInTableOrder, documentsOfTableRows, writeDocuments } from './search-documents';

/** Space between neighbouring row ids: 2^30 leaves ~30 halvings for inserts at one spot, and 8M rows stay below 2^53. */
export const rowidGap = 2 ** 30;

/** Customers read, turned into grams and written per step of a whole build. */
const buildStep = 5000;

type Db = Kysely<Database>;

/**
 * Builds the whole index anew, in bulk, inside the caller's transaction. The row ids come from one ranking in kana
 * order kept in a temporary table (in memory: temp_store), then are written to the customers in the table's own order;
 * the documents are read in that order too, so each page of the customers table is read once. At a million customers
 * the old way (ranking joined back by id, documents fetched in kana order) read pages at random and took minutes.
 */
export async function rebuildSearchIndex(db: Db, onProgress?: (done: number, total: number) => void): Promise<void> {
  // 'delete-all' empties a contentless table at once; a DELETE would visit every document.
  await sql`insert into customer_search (customer_search) values ('delete-all')`.execute(db);
  // Old row ids out of the way first: the unique index must never see two customers on one id midway.
  await sql`update customers set search_rowid = null where search_rowid is not null`.execute(db);
  await sql`drop table if exists temp.kana_places`.execute(db);
  await sql`create temp table kana_places (table_rowid integer primary key, place integer not null)`.execute(db);
  await sql`insert into temp.kana_places (table_rowid, place) select rowid, row_number() over (order by kana_key, customer_no) from customers`.execute(db);
  await sql`update customers set search_rowid = (select k.place from temp.kana_places k where k.table_rowid = customers.rowid) * ${rowidGap}`.execute(db);
  await sql`drop table temp.kana_places`.execute(db);

  const total = Number((await db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  let after = 0;
  let done = 0;
  for (;;) {
    const { last, documents } = await documentsInTableOrder(db, after, buildStep);
    if (last === null) break;
    await writeDocuments(db, documents);
    after = last;
    done += documents.length;
    onProgress?.(done, total);
  }
  // Merge the segments the bulk insert left, so the first searches do not pay for it.
  await sql`insert into customer_search (customer_search) values ('optimize')`.execute(db);
}

interface NewCustomer {
  table_rowid: number;
  id: string;
  prev: number | null;
  next: number | null;
}

/**
 * The row id of the nearest customer before (prev) or after (next) customer `n` in kana order, in `table`. Two
 * seeks, the same reading then the neighbouring readings: a row-value comparison `(kana_key, customer_no) < (…)`
 * makes SQLite seek on the reading alone and step through every customer of it (750 of a common one at a million).
 */
export function nearest(table: string, alias: string, side: 'prev' | 'next', also: RawBuilder<unknown>): RawBuilder<number | null> {
  const t = sql.raw(`${table} ${alias}`);
  const k = sql.ref(`${alias}.kana_key`);
  const no = sql.ref(`${alias}.customer_no`);
  const s = sql.ref(`${alias}.search_rowid`);
  const [cmp, dir] = side === 'prev' ? [sql.raw('<'), sql.raw('desc')] : [sql.raw('>'), sql.raw('asc')];
  return sql<number | null>`coalesce(
    (select ${s} from ${t} where ${k} = n.kana_key and ${no} ${cmp} n.customer_no ${also} order by ${no} ${dir} limit 1),
    (select ${s} from ${t} where ${k} ${cmp} n.kana_key ${also} order by ${k} ${dir}, ${no} ${dir} limit 1))`;
}

/** Up to this many new customers, each finds its neighbours in the customers table itself (see neighboursOf). */
const directNeighbours = 500;

/**
 * For each customer without a row id, the nearest indexed customers before and after it in kana order. The probe
 * must step over other new customers, and new customers of one reading lie side by side (a file's numbers all sort
 * after the desk's): with a few it walks the customers_kana index, checking each step's row id in the table; with
 * many that walk is quadratic (100,000 into a million took 207 s), so the indexed customers' places are first copied
 * into a temporary table (in memory) of their own, where the nearest one is always the next entry.
 */
async function neighboursOf(db: Db): Promise<NewCustomer[]> {
  const [{ n }] = (await sql<{ n: number }>`select count(*) as n from customers where search_rowid is null`.execute(db)).rows as [{ n: number }];
  if (Number(n) === 0) return [];
  if (Number(n) <= directNeighbours) {
    const { rows } = await sql<NewCustomer>`
      select n.rowid as table_rowid, n.id, ${nearest('customers', 'e', 'prev', sql`and e.search_rowid is not null`)} as prev,
        ${nearest('customers', 'e', 'next', sql`and e.search_rowid is not null`)} as next
      from customers n where n.search_rowid is null order by n.kana_key, n.customer_no`.execute(db);
    return rows;
  }
  await sql`drop table if exists temp.kana_points`.execute(db);
  await sql`drop table if exists temp.new_customers`.execute(db);
  // One pass over the table in its own order (NOT INDEXED: never a million jumps through the row id index).
  await sql`create temp table kana_points as select kana_key, customer_no, search_rowid from customers not indexed where search_rowid is not null`.execute(db);
  await sql`create index temp.kana_points_order on kana_points (kana_key, customer_no, search_rowid)`.execute(db);
  await sql`create temp table new_customers as select rowid as table_rowid, id, kana_key, customer_no from customers where search_rowid is null`.execute(db);
  const { rows } = await sql<NewCustomer>`
    select n.table_rowid, n.id, ${nearest('temp.kana_points', 'e', 'prev', sql``)} as prev, ${nearest('temp.kana_points', 'e', 'next', sql``)} as next
    from temp.new_customers n order by n.kana_key, n.customer_no`.execute(db);
  await sql`drop table temp.kana_points`.execute(db);
  await sql`drop table temp.new_customers`.execute(db);
  return rows;
}

/**
 * Indexes every customer who has no row id yet (an import's new customers) among those already indexed: each run of
 * new customers between two indexed neighbours in kana order shares the room between their row ids evenly. Returns
 * false, having changed nothing, when some run does not fit its room (after many inserts at one spot): the caller
 * then rebuilds. Costs a few index probes per new customer, and for a large import one pass over the desk.
 */
export async function indexNewCustomers(db: Db): Promise<boolean> {
  const rows = await neighboursOf(db);
  if (rows.length === 0) return true;

  const places: { table_rowid: number; search_rowid: number }[] = [];
  for (let start = 0; start < rows.length; ) {
    // A run: consecutive new customers (in kana order) between the same two indexed neighbours.
    let end = start + 1;
    while (end < rows.length && rows[end]!.prev === rows[start]!.prev && rows[end]!.next === rows[start]!.next) end++;
    const prev = rows[start]!.prev ?? 0;
    const next = rows[start]!.next;
    const count = end - start;
    const step = next === null ? rowidGap : Math.floor((next - prev) / (count + 1));
    if (step < 1) return false;
    for (let k = 0; k < count; k++) places.push({ table_rowid: rows[start + k]!.table_rowid, search_rowid: prev + step * (k + 1) });
    start = end;
  }

  await sql`drop table if exists temp.new_places`.execute(db);
  await sql`create temp table new_places (table_rowid integer primary key, search_rowid integer not null)`.execute(db);
  await insertRows(db, 'new_places', ['table_rowid', 'search_rowid'], places);
  await sql`update customers set search_rowid = p.search_rowid from temp.new_places p where p.table_rowid = customers.rowid`.execute(db);
  await sql`drop table temp.new_places`.execute(db);

  await writeDocuments(db, await documentsOfTableRows(db, rows.map((r) => r.table_rowid)));
  return true;
}
