// Migration 3: customer records (policy §1–3), Art. 30 receipts, purposes of use and consents, change history, reveal
// reasons, and the bigram search index. Landed migrations are history: never edit this file, add the next one.
import { sql, type Kysely } from 'kysely';
import { firstPurposes } from './seed-purposes-v1';

export async function up(db: Kysely<unknown>): Promise<void> {
  // APPI Art. 30: what was confirmed on receiving personal data from a third party. The partner register (issue #6)
  // comes later: until then the provider's details are kept here, and partner_id will point at the register.
  await db.schema
    .createTable('receipts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partner_id', 'text')
    .addColumn('provider_name', 'text', (c) => c.notNull())
    .addColumn('provider_address', 'text', (c) => c.notNull())
    .addColumn('provider_representative', 'text', (c) => c.notNull())
    .addColumn('obtained_how', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('keep_until', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.references('accounts.id'))
    .execute();

  await db.schema
    .createTable('customers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_no', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_kana', 'text', (c) => c.notNull())
    .addColumn('name_romaji', 'text')
    .addColumn('birth_date', 'text')
    .addColumn('postal_code', 'text', (c) => c.notNull())
    .addColumn('prefecture', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('address_line1', 'text', (c) => c.notNull())
    .addColumn('address_line2', 'text')
    .addColumn('provenance', 'text', (c) => c.notNull().check(sql`provenance in ('registration', 'partner')`))
    .addColumn('receipt_id', 'text', (c) => c.references('receipts.id'))
    // The reading folded to hiragana: the list's order, and the order of the search index's row ids.
    .addColumn('kana_key', 'text', (c) => c.notNull())
    // This customer's row id in customer_search; ids follow kana order with gaps (see customers/search-index.ts).
    .addColumn('search_rowid', 'integer', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('customers_receipt', sql`provenance = 'registration' or receipt_id is not null`)
    .execute();
  await db.schema.createIndex('customers_kana').on('customers').columns(['kana_key', 'customer_no']).execute();
  await db.schema.createIndex('customers_kana_birth').on('customers').columns(['kana_key', 'birth_date']).execute();
  await db.schema.createIndex('customers_receipt').on('customers').column('receipt_id').execute();

  const child = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'));

  await child('customer_phones')
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .execute();
  await child('customer_emails')
    .addColumn('address', 'text', (c) => c.notNull())
    // Lower-cased for the duplicate check (same e-mail = possibly the same person).
    .addColumn('address_key', 'text', (c) => c.notNull())
    .execute();
  await child('payment_methods')
    .addColumn('brand', 'text', (c) => c.notNull())
    // The database itself refuses anything but four digits: the desk never holds a full card number.
    .addColumn('last4', 'text', (c) => c.notNull().check(sql`length(last4) = 4 and last4 not glob '*[^0-9]*'`))
    .addColumn('expiry', 'text', (c) => c.notNull().check(sql`expiry glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]'`))
    .execute();
  await child('orders')
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('ordered_on', 'text', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .execute();
  await child('online_identifiers')
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('cookie', 'device', 'advertising', 'ip', 'location')`))
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('system', 'text', (c) => c.notNull())
    .addColumn('first_seen', 'text')
    .addColumn('last_seen', 'text')
    .execute();
  await child('customer_feedback')
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('feedback', 'survey')`))
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  for (const t of ['customer_phones', 'customer_emails', 'payment_methods', 'orders', 'online_identifiers', 'customer_feedback']) {
    await db.schema.createIndex(`${t}_customer`).on(t).column('customer_id').execute();
  }
  await db.schema.createIndex('customer_emails_key').on('customer_emails').column('address_key').execute();

  // Purposes of use (policy §3, APPI Art. 17) are data, versioned with the policy: a consent names the version it was given to.
  await db.schema
    .createTable('policy_versions')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('effective_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .execute();
  await db.schema
    .createTable('purposes')
    .addColumn('policy_version', 'integer', (c) => c.notNull().references('policy_versions.version'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('title_ja', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('description_ja', 'text', (c) => c.notNull())
    .addColumn('description_en', 'text', (c) => c.notNull())
    .addColumn('opt_in', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('purposes_pk', ['policy_version', 'id'])
    .execute();
  await sql`insert into policy_versions (version, effective_on, created_at, created_by) values (1, '2022-04-01', ${new Date(0).toISOString()}, null)`.execute(db);
  for (const p of firstPurposes) {
    await sql`insert into purposes (policy_version, id, title_ja, title_en, description_ja, description_en, opt_in)
              values (1, ${p.id}, ${p.titleJa}, ${p.titleEn}, ${p.descriptionJa}, ${p.descriptionEn}, ${p.optIn ? 1 : 0})`.execute(db);
  }

  // The standing consent of each customer to each purpose; every change is also kept in consent_events.
  await db.schema
    .createTable('consents')
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('purpose_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('given', 'withdrawn')`))
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('web', 'email', 'post', 'phone', 'counter', 'import')`))
    .addColumn('policy_version', 'integer', (c) => c.notNull().references('policy_versions.version'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('consents_pk', ['customer_id', 'purpose_id'])
    .execute();
  // The marketing list reads this index only: who gave 3.6 and has not withdrawn.
  await db.schema.createIndex('consents_purpose_state').on('consents').columns(['purpose_id', 'state', 'customer_id']).execute();
  await db.schema
    .createTable('consent_events')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('purpose_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('policy_version', 'integer', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.references('accounts.id'))
    .execute();
  await db.schema.createIndex('consent_events_customer').on('consent_events').columns(['customer_id', 'id']).execute();

  // Who changed what, when, through which request: field names only, the values live in the record (issue #4).
  await db.schema
    .createTable('customer_changes')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text')
    .execute();
  await db.schema.createIndex('customer_changes_customer').on('customer_changes').columns(['customer_id', 'id']).execute();

  // The staff member's own words for a reveal: free text may hold personal data, so it stays here, in the encrypted
  // database, and the audit event names only its id and kind.
  await db.schema
    .createTable('reveal_reasons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();

  // The search index: overlapping 2-grams of normalised text as unicode61 tokens (customers/search-index.ts).
  // Contentless: it keeps no copy of the text, only the grams' positions; contentless_delete lets a record be re-indexed.
  await sql`create virtual table customer_search using fts5(grams, content='', contentless_delete=1, tokenize="unicode61 remove_diacritics 0")`.execute(db);
}
