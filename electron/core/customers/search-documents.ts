// What the customers' search index holds for each customer, read from the records and written as FTS5 documents.
// SQLite-specific like search-index.ts (the FTS5 table and its row ids); the grams themselves are search-text.ts's.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { insertRows } from './insert-rows';
import { documentGrams } from './search-text';

type Db = Kysely<Database>;

/** Between the phones (and the e-mails) of one customer in a group_concat: no phone or address holds it. */
const separator = '\u001f';

interface SourceRow {
  table_rowid: number;
  id: string;
  search_rowid: number | null;
  name: string;
  name_kana: string;
  name_romaji: string | null;
  customer_no: string;
  postal_code: string;
  phones: string | null;
  emails: string | null;
}

/** One statement gives a customer's indexed fields with all their phones and e-mails (the child tables' customer_id indexes). */
const sourceColumns = sql`c.rowid as table_rowid, c.id, c.search_rowid, c.name, c.name_kana, c.name_romaji, c.customer_no, c.postal_code,
  (select group_concat(p.number, ${separator}) from customer_phones p where p.customer_id = c.id) as phones,
  (select group_concat(e.address, ${separator}) from customer_emails e where e.customer_id = c.id) as emails`;

/** What the index holds of a customer, as stored: name, reading, romaji, customer number, postal code, phones, e-mails. */
export interface IndexedFields {
  name: string;
  name_kana: string;
  name_romaji: string | null;
  customer_no: string;
  postal_code: string;
}

/** The grams of a customer's stored fields: the one place that says what a document holds, whoever writes it. */
export function gramsOfFields(customer: IndexedFields, phones: readonly string[], emails: readonly string[]): string {
  return documentGrams([customer.name, customer.name_kana, customer.name_romaji, customer.customer_no, customer.postal_code, ...phones, ...emails]);
}

function gramsOfRow(row: SourceRow): string {
  return gramsOfFields(row, row.phones ? row.phones.split(separator) : [], row.emails ? row.emails.split(separator) : []);
}

export interface SearchDocument {
  customerId: string;
  /** The customer's row id in the index (kana order), or null when it has none yet. */
  searchRowid: number | null;
  grams: string;
}

/** The documents of these customers (any order). */
export async function documentsOf(db: Db, customerIds: readonly string[]): Promise<Map<string, SearchDocument>> {
  const out = new Map<string, SearchDocument>();
  for (let i = 0; i < customerIds.length; i += 500) {
    const ids = customerIds.slice(i, i + 500);
    const { rows } = await sql<SourceRow>`select ${sourceColumns} from customers c where c.id in (${sql.join(ids)})`.execute(db);
    for (const r of rows) out.set(r.id, { customerId: r.id, searchRowid: r.search_rowid, grams: gramsOfRow(r) });
  }
  return out;
}

/**
 * The documents of up to `limit` customers after table row `after`, in the table's own order: a whole-desk pass reads
 * each page of the customers table once instead of jumping around it in kana order.
 */
export async function documentsInTableOrder(db: Db, after: number, limit: number): Promise<{ last: number | null; documents: SearchDocument[] }> {
  const { rows } = await sql<SourceRow>`select ${sourceColumns} from customers c where c.rowid > ${after} order by c.rowid limit ${limit}`.execute(db);
  return {
    last: rows.length ? rows[rows.length - 1]!.table_rowid : null,
    documents: rows.map((r) => ({ customerId: r.id, searchRowid: r.search_rowid, grams: gramsOfRow(r) })),
  };
}

/**
 * Writes documents that have row ids, in row id order: FTS5 writes out what it holds in memory whenever a row id is
 * not above the last one, so sorted input makes few large segments instead of one per row.
 */
export async function writeDocuments(db: Db, documents: readonly SearchDocument[]): Promise<void> {
  const sorted = documents.filter((d) => d.searchRowid !== null).sort((a, b) => a.searchRowid! - b.searchRowid!);
  await insertRows(db, 'customer_search', ['rowid', 'grams'], sorted.map((d) => ({ rowid: d.searchRowid, grams: d.grams })));
}

export async function writeDocument(db: Db, rowid: number, grams: string): Promise<void> {
  await sql`insert into customer_search (rowid, grams) values (${rowid}, ${grams})`.execute(db);
}

export async function deleteDocument(db: Db, rowid: number): Promise<void> {
  await sql`delete from customer_search where rowid = ${rowid}`.execute(db);
}
