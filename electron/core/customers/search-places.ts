// Row ids in the search index for many new customers at once, between their neighbours in kana order among the
// customers already indexed. SQLite-specific like search-index.ts; used before or after the new rows are written.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema';
import { insertRows } from './insert-rows';

/** Space between neighbouring row ids: 2^30 leaves ~30 halvings for inserts at one spot, and 8M rows stay below 2^53. */
export const rowidGap = 2 ** 30;

type Db = Kysely<Database>;

/** A customer to place: `key` is the caller's (a table row id, or a position in a list). */
export interface Newcomer {
  key: number;
  kanaKey: string;
  customerNo: string;
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

/** Up to this many newcomers, each seeks its neighbours in the customers table itself. */
const directNeighbours = 500;

/**
 * Row ids for the newcomers (key → row id), each run of newcomers between two indexed neighbours sharing the room
 * between their row ids evenly; null, having changed nothing, when some run does not fit (after many inserts at one
 * spot: the caller rebuilds). A seek skips customers without a row id (newcomers already written), and those of one
 * reading lie side by side (a file's numbers sort after the desk's): for a few that walk is short; for many it is
 * quadratic (100,000 into a million took 207 s), so the indexed customers' places are first copied, in one pass
 * over the table, into a temporary table (in memory) where the nearest one is always the next entry.
 */
export async function placesFor(db: Db, newcomers: readonly Newcomer[]): Promise<Map<number, number> | null> {
  if (newcomers.length === 0) return new Map();
  await sql`drop table if exists temp.newcomers`.execute(db);
  await sql`create temp table newcomers (key integer primary key, kana_key text not null, customer_no text not null)`.execute(db);
  await insertRows(db, 'newcomers', ['key', 'kana_key', 'customer_no'], newcomers.map((n) => ({ key: n.key, kana_key: n.kanaKey, customer_no: n.customerNo })));
  let points = 'customers';
  if (newcomers.length > directNeighbours) {
    await sql`drop table if exists temp.kana_points`.execute(db);
    // NOT INDEXED: the table read in its own order, never a million jumps through the row id index.
    await sql`create temp table kana_points as select kana_key, customer_no, search_rowid from customers not indexed where search_rowid is not null`.execute(db);
    await sql`create index temp.kana_points_order on kana_points (kana_key, customer_no, search_rowid)`.execute(db);
    points = 'temp.kana_points';
  }
  const indexed = sql`and e.search_rowid is not null`;
  const { rows } = await sql<{ key: number; prev: number | null; next: number | null }>`
    select n.key, ${nearest(points, 'e', 'prev', indexed)} as prev, ${nearest(points, 'e', 'next', indexed)} as next
    from temp.newcomers n order by n.kana_key, n.customer_no`.execute(db);
  await sql`drop table temp.newcomers`.execute(db);
  if (points !== 'customers') await sql`drop table temp.kana_points`.execute(db);

  const places = new Map<number, number>();
  for (let start = 0; start < rows.length; ) {
    // A run: consecutive newcomers (in kana order) between the same two indexed neighbours.
    let end = start + 1;
    while (end < rows.length && rows[end]!.prev === rows[start]!.prev && rows[end]!.next === rows[start]!.next) end++;
    const prev = rows[start]!.prev ?? 0;
    const next = rows[start]!.next;
    const count = end - start;
    const step = next === null ? rowidGap : Math.floor((next - prev) / (count + 1));
    if (step < 1) return null;
    for (let k = 0; k < count; k++) places.set(rows[start + k]!.key, prev + step * (k + 1));
    start = end;
  }
  return places;
}
