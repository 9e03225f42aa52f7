// Migration 4: CSV imports of customers — one row per import, and the possible duplicates it flagged for review (issue #4).
// Landed migrations are history: never edit this file, add the next one.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // What was imported, when, by whom, from which receipt: counts and names only, the rows are customers now.
  await db.schema
    .createTable('customer_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('encoding', 'text', (c) => c.notNull())
    .addColumn('imported', 'integer', (c) => c.notNull())
    .addColumn('rejected', 'integer', (c) => c.notNull())
    .addColumn('duplicates', 'integer', (c) => c.notNull())
    // APPI Art. 30: a partner's data arrives with one receipt record for the whole file.
    .addColumn('receipt_id', 'text', (c) => c.references('receipts.id'))
    .addColumn('rejected_file', 'text')
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.references('accounts.id'))
    .execute();

  // An imported customer who may be someone the desk already holds (same e-mail, or same reading and date of birth).
  // Never merged by the import: two people can share a reading and a birthday, and a merge cannot be undone.
  await db.schema
    .createTable('customer_import_reviews')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('import_id', 'text', (c) => c.notNull().references('customer_imports.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('existing_customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`reason in ('email', 'readingAndBirthDate')`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'distinct', 'merged')`))
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('accounts.id'))
    .execute();
  await db.schema.createIndex('customer_import_reviews_status').on('customer_import_reviews').columns(['status', 'id']).execute();
  await db.schema.createIndex('customer_import_reviews_customer').on('customer_import_reviews').column('customer_id').execute();
  await db.schema.createIndex('customer_import_reviews_existing').on('customer_import_reviews').column('existing_customer_id').execute();
}
