// Migration 10: complaints and consultations (APPI Art. 40) (issue #10), their links to requests and incidents, and
// their history. Landed migrations are history: never edit this file, add the next one.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('complaints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('complaint', 'consultation')`))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('phone', 'email', 'web', 'post', 'counter', 'other')`))
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('complainant_name', 'text')
    .addColumn('complainant_contact', 'text')
    // The customer's erasure (APPI Art. 35) deletes the record: the link goes to null and the customer number stays,
    // as on requests, so the erasure completes and the complaint still says whose it was.
    .addColumn('customer_id', 'text', (c) => c.references('customers.id').onDelete('set null'))
    .addColumn('customer_no', 'text')
    .addColumn('handler_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('response', 'text')
    .addColumn('problem_found', 'integer', (c) => c.check(sql`problem_found in (0, 1)`))
    .addColumn('problem_description', 'text')
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('open', 'closed')`))
    .addColumn('closed_on', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('personal_data_erased_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // A closed complaint always says how it was answered, when, and whether it revealed a problem.
    .addCheckConstraint('complaints_closed', sql`state = 'open' or (response is not null and closed_on is not null and problem_found is not null)`)
    .execute();
  await db.schema.createIndex('complaints_due').on('complaints').columns(['state', 'due_on']).execute();
  await db.schema.createIndex('complaints_customer').on('complaints').column('customer_id').execute();
  await db.schema.createIndex('complaints_customer_no').on('complaints').column('customer_no').execute();

  // One row per link; the complaint's view and the request's or incident's view both read it (no second copy).
  await db.schema
    .createTable('complaint_links')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('request_id', 'text', (c) => c.references('requests.id'))
    .addColumn('incident_id', 'text', (c) => c.references('incidents.id'))
    .addColumn('how', 'text', (c) => c.notNull().check(sql`how in ('registered', 'linked')`))
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .addColumn('linked_by', 'text', (c) => c.references('accounts.id'))
    .addCheckConstraint('complaint_links_one_target', sql`(request_id is null) <> (incident_id is null)`)
    .execute();
  await db.schema.createIndex('complaint_links_request').on('complaint_links').columns(['request_id', 'complaint_id']).unique().execute();
  await db.schema.createIndex('complaint_links_incident').on('complaint_links').columns(['incident_id', 'complaint_id']).unique().execute();
  await db.schema.createIndex('complaint_links_complaint').on('complaint_links').columns(['complaint_id', 'id']).execute();

  await db.schema
    .createTable('complaint_history')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('complaint_history_complaint').on('complaint_history').columns(['complaint_id', 'id']).execute();
}
