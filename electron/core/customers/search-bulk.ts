// The customers' search index built whole, in bulk: the demo seeder, an import that is most of the desk, a migration.
// (An import's new customers are placed among those indexed before they are written: search-places.ts.) SQLite-specific.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { documentsInTableOrder, writeDocuments } from './search-documents';
import { rowidGap } from './search-places';

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

