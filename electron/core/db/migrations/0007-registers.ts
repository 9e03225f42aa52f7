// Migration 7: the registers of issue #6: partners, consents to provision, provision records with their customers
// and exclusions, the policy's text per version, leak incidents, retention periods and runs. Landed migrations are
// history: never edit this file, add the next one.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('partners')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('representative', 'text', (c) => c.notNull())
    // JSON list of roles (policy §2.1, APPI Art. 25 outsourcee).
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull().check(sql`length(country) = 2`))
    .addColumn('contract_from', 'text')
    .addColumn('contract_to', 'text')
    .addColumn('security_measures', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('contact_email', 'text', (c) => c.notNull())
    .addColumn('contact_phone', 'text')
    .addColumn('ended_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // APPI Art. 27(1), 28(1): a customer's consent to provision, to one partner or every partner of a role, abroad
  // only to the countries it names.
  await db.schema
    .createTable('provision_consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('partner_id', 'text', (c) => c.references('partners.id'))
    .addColumn('partner_role', 'text')
    .addColumn('countries', 'text', (c) => c.notNull())
    .addColumn('given_on', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('policy_version', 'integer', (c) => c.notNull().references('policy_versions.version'))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('given', 'withdrawn')`))
    .addColumn('withdrawn_on', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.references('accounts.id'))
    .addCheckConstraint('provision_consents_target', sql`(partner_id is null) <> (partner_role is null)`)
    .execute();
  await db.schema.createIndex('provision_consents_customer').on('provision_consents').columns(['customer_id', 'state']).execute();

  // APPI Art. 29: the record of a provision. Kept 3 years from the provision (1 year from the last one for a combined
  // record under a contract); `keep_until` is when the retention run may erase it.
  await db.schema
    .createTable('provisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
    .addColumn('provided_on', 'text', (c) => c.notNull())
    .addColumn('last_provided_on', 'text')
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull().check(sql`basis in ('consent', 'publicInstitution', 'specialLaw', 'protectLife', 'protectCompanyRights')`))
    .addColumn('justification', 'text')
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('awaitingApproval', 'recorded', 'rejected')`))
    .addColumn('keep_until', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('rejection_reason', 'text')
    .addCheckConstraint('provisions_four_eyes', sql`decided_by is null or decided_by <> recorded_by`)
    .addCheckConstraint('provisions_exception_justified', sql`basis = 'consent' or (justification is not null and length(justification) > 0)`)
    .execute();
  await db.schema.createIndex('provisions_partner').on('provisions').columns(['partner_id', 'provided_on']).execute();
  await db.schema.createIndex('provisions_provided').on('provisions').columns(['provided_on', 'number']).execute();
  await db.schema.createIndex('provisions_keep').on('provisions').column('keep_until').execute();

  // The persons of a provision. The record must outlive an erasure of the customer (the law requires it): the link
  // goes, the customer number stays (APPI Art. 29, 35: the minimum fields, with the reason).
  await db.schema
    .createTable('provision_customers')
    .addColumn('provision_id', 'text', (c) => c.notNull().references('provisions.id').onDelete('cascade'))
    .addColumn('customer_id', 'text', (c) => c.references('customers.id').onDelete('set null'))
    .addColumn('customer_no', 'text', (c) => c.notNull())
    .addColumn('consent_id', 'text')
    .addPrimaryKeyConstraint('provision_customers_pk', ['provision_id', 'customer_no'])
    .execute();
  await db.schema.createIndex('provision_customers_customer').on('provision_customers').columns(['customer_id', 'provision_id']).execute();
  await db.schema
    .createTable('provision_exclusions')
    .addColumn('provision_id', 'text', (c) => c.notNull().references('provisions.id').onDelete('cascade'))
    .addColumn('customer_no', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('provision_exclusions_pk', ['provision_id', 'customer_no'])
    .execute();

  // The policy's own words per version (policy §8); version 1's text is seeded by the policy module at first use.
  await db.schema
    .createTable('policy_texts')
    .addColumn('version', 'integer', (c) => c.primaryKey().references('policy_versions.version'))
    .addColumn('text_ja', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .addColumn('posted_on', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.references('accounts.id'))
    .execute();

  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('discovered_at', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('people_count', 'integer', (c) => c.notNull())
    .addColumn('unlawful_suspected', 'integer', (c) => c.notNull())
    .addColumn('cause', 'text', (c) => c.notNull())
    .addColumn('measures', 'text', (c) => c.notNull())
    .addColumn('preliminary_reported_at', 'text')
    .addColumn('final_reported_at', 'text')
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('open', 'closed')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('incident_people')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('customer_id', 'text', (c) => c.references('customers.id').onDelete('set null'))
    .addColumn('customer_no', 'text', (c) => c.notNull())
    .addColumn('notified_at', 'text')
    .addPrimaryKeyConstraint('incident_people_pk', ['incident_id', 'customer_no'])
    .execute();
  await db.schema.createIndex('incident_people_customer').on('incident_people').column('customer_id').execute();
  await db.schema
    .createTable('incident_events')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('incident_events_incident').on('incident_events').columns(['incident_id', 'id']).execute();
  await db.schema
    .createTable('incident_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('customer_no', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('body_sha256', 'text', (c) => c.notNull())
    .addColumn('eml_file', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .execute();

  await db.schema
    .createTable('retention_periods')
    .addColumn('kind', 'text', (c) => c.primaryKey().check(sql`kind in ('inactiveCustomers', 'closedRequests', 'provisionRecords', 'receiptRecords')`))
    .addColumn('months', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('accounts.id'))
    .execute();
  // A preview keeps the ids it found (in the encrypted database, never shown); the run erases those still due.
  await db.schema
    .createTable('retention_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('found', 'text', (c) => c.notNull())
    .addColumn('counts', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('previewed', 'run', 'cancelled')`))
    .addColumn('run_at', 'text')
    .addColumn('run_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('erased', 'text')
    .execute();
}
