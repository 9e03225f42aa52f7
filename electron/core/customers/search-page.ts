// customers.search's page: the list rows and the capped count, in one statement for the searches the desk runs most
// (a query in kana order, and the whole list). SQLite-specific like search-index.ts, whose index it reads.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { searchCountCap, type CustomerRow, type CustomerSort } from '../../../src-shared/customers';
import type { Database } from '../db/schema';
import { DeskError } from '../errors';
import { listColumns, listRowOf, type ListRowSource } from './read';
import { cappedCount } from './search-index';
import { matchExpression } from './search-text';

type Db = Kysely<Database>;

export interface SearchResult {
  /** Unmasked: the handler masks them for the caller's role. */
  rows: CustomerRow[];
  total: number;
  capped: boolean;
}

function capped(n: number): { total: number; capped: boolean } {
  return n > searchCountCap ? { total: searchCountCap, capped: true } : { total: n, capped: false };
}

/** The page's rows with the capped count beside each (a constant subquery: SQLite computes it once). */
async function rowsWithCount(db: Db, counted: RawBuilder<unknown>, page: RawBuilder<unknown>): Promise<{ rows: CustomerRow[]; count: number | null }> {
  const { rows } = await sql<ListRowSource & { matches: number }>`select (select count(*) from (${counted} limit ${searchCountCap + 1})) as matches, ${page}`.execute(db);
  return { rows: rows.map(listRowOf), count: rows.length > 0 ? Number(rows[0]!.matches) : null };
}

/**
 * A page of list rows for a query (empty: everyone). A query in kana order, the desk's commonest search, is ONE
 * statement: FTS5 walks its row ids (which follow kana order) and stops after the page, each row id finds its customer
 * through the unique search_rowid index, and the count rides along. The whole list is one statement too, walking the
 * kana (or customer number) index. A query in customer-number order counts first: past the cap it is refused, since
 * sorting every match costs seconds at a million customers.
 */
export async function searchCustomers(db: Db, query: string, page: { offset: number; limit: number; sort: CustomerSort }): Promise<SearchResult> {
  const match = query.trim() === '' ? null : matchExpression(query);
  if (query.trim() !== '' && match === null) return { rows: [], total: 0, capped: false };
  const window = sql`limit ${page.limit} offset ${page.offset}`;
  const order = page.sort === 'kana' ? sql`order by c.kana_key, c.customer_no` : sql`order by c.customer_no`;

  let found: { rows: CustomerRow[]; count: number | null };
  if (match === null) {
    found = await rowsWithCount(db, sql`select 1 from customers`, sql`${listColumns} from customers c ${order} ${window}`);
  } else if (page.sort === 'kana') {
    const matching = sql`select rowid as r from customer_search where customer_search match ${match}`;
    found = await rowsWithCount(db, matching, sql`${listColumns} from (${matching} order by rowid ${window}) as s join customers c on c.search_rowid = s.r order by s.r`);
  } else {
    const count = await cappedCount(db, match);
    if (count.capped) throw new DeskError('CONFLICT', 'search.narrowToSort', { cap: searchCountCap });
    const { rows } = await sql<ListRowSource>`select ${listColumns} from customers c
      where c.search_rowid in (select rowid from customer_search where customer_search match ${match}) ${order} ${window}`.execute(db);
    return { rows: rows.map(listRowOf), ...count };
  }
  // No row: nothing matched (on the first page), or the page lies past the last match and the count is asked apart.
  if (found.count !== null) return { rows: found.rows, ...capped(found.count) };
  return { rows: [], ...(page.offset === 0 ? { total: 0, capped: false } : await cappedCount(db, match)) };
}
