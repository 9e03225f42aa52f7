// Migration 5: the decisions on possible duplicates (issue #4). 0004 allowed 'merged', but the desk never merges: the
// office decides "two people" (distinct) or "one person with two records" (samePerson, recorded, nothing merged), with a note.
// SQLite cannot change a CHECK constraint, so the table is made again and its rows copied. Landed migrations are history.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('customer_import_reviews_new')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('import_id', 'text', (c) => c.notNull().references('customer_imports.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('existing_customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`reason in ('email', 'readingAndBirthDate')`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'distinct', 'samePerson')`))
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('accounts.id'))
    // The decider's words may name people: they stay here, in the encrypted database, never in the audit trail.
    .addColumn('note', 'text')
    .execute();
  // No call ever wrote 'merged'; were one there, it meant the office took the two for one person.
  await sql`insert into customer_import_reviews_new (id, import_id, customer_id, existing_customer_id, reason, status, decided_at, decided_by)
            select id, import_id, customer_id, existing_customer_id, reason, case status when 'merged' then 'samePerson' else status end, decided_at, decided_by
            from customer_import_reviews`.execute(db);
  await db.schema.dropTable('customer_import_reviews').execute();
  await sql`alter table customer_import_reviews_new rename to customer_import_reviews`.execute(db);
  await db.schema.createIndex('customer_import_reviews_status').on('customer_import_reviews').columns(['status', 'id']).execute();
  await db.schema.createIndex('customer_import_reviews_customer').on('customer_import_reviews').column('customer_id').execute();
  await db.schema.createIndex('customer_import_reviews_existing').on('customer_import_reviews').column('existing_customer_id').execute();
}
