// Migration 6: requests from the person (issue #5): the register, its history, comments and attachments, ID copies,
// proposals and decisions, the company's systems and their tasks, notices, disclosure packages, cessations and the
// tombstones erasure leaves. Landed migrations are history: never edit this file, add the next one.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('disclosure', 'correction', 'erasure', 'cessationOfUse', 'cessationOfProvision', 'cessationOfPurpose')`),
    )
    .addColumn('purpose_id', 'text')
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('web', 'email', 'post', 'phone', 'counter')`))
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('requester_kind', 'text', (c) => c.notNull().check(sql`requester_kind in ('person', 'proxy')`))
    // The requester's stated identity. Personal data: erased with the customer when an erasure completes.
    .addColumn('requester_name', 'text')
    .addColumn('requester_kana', 'text')
    .addColumn('requester_email', 'text')
    .addColumn('requester_phone', 'text')
    .addColumn('requester_postal_code', 'text')
    .addColumn('requester_address', 'text')
    .addColumn('requester_birth_date', 'text')
    .addColumn('proxy_name', 'text')
    .addColumn('proxy_relationship', 'text')
    .addColumn('proxy_authority', 'text')
    .addColumn('asked', 'text')
    .addColumn('disclosure_form', 'text', (c) => c.check(sql`disclosure_form in ('electronic', 'paper')`))
    .addColumn('fee_yen', 'integer')
    .addColumn('notice_language', 'text', (c) => c.notNull().check(sql`notice_language in ('ja', 'en')`))
    .addColumn('customer_id', 'text', (c) => c.references('customers.id').onDelete('set null'))
    // The customer number, kept apart from the link: the link goes when the record is erased, the register still says whose request it was.
    .addColumn('customer_no', 'text')
    .addColumn('duplicate_of', 'text', (c) => c.references('requests.id'))
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('received', 'identityCheck', 'inProgress', 'awaitingApproval', 'completed', 'refused', 'withdrawn')`),
    )
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('extended_due_on', 'text')
    .addColumn('extension_reason', 'text')
    .addColumn('extended_at', 'text')
    .addColumn('extended_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('outcome_ground', 'text')
    .addColumn('outcome_text', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('personal_data_erased_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('requests_state_due').on('requests').columns(['state', 'due_on']).execute();
  await db.schema.createIndex('requests_customer').on('requests').columns(['customer_id', 'kind', 'state']).execute();
  await db.schema.createIndex('requests_received').on('requests').columns(['received_on', 'number']).execute();

  // What happened to a request, for its own view; the audit trail holds the same events, chained.
  await db.schema
    .createTable('request_history')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('request_history_request').on('request_history').columns(['request_id', 'id']).execute();

  await db.schema
    .createTable('request_comments')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('request_comments_request').on('request_comments').columns(['request_id', 'id']).execute();

  await db.schema
    .createTable('request_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('data', 'blob')
    .addColumn('erased_at', 'text')
    .execute();
  await db.schema.createIndex('request_attachments_request').on('request_attachments').column('request_id').execute();

  // Only the redacted image is ever written; its hash stays after the image is erased (retention, policy §5.2 note).
  await db.schema
    .createTable('id_copies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id'))
    .addColumn('document_type', 'text', (c) =>
      c.notNull().check(sql`document_type in ('driversLicence', 'healthInsuranceCard', 'myNumberCard', 'passport', 'residenceCard', 'other')`),
    )
    // The database itself refuses the back of a My Number card.
    .addColumn('side', 'text', (c) => c.notNull().check(sql`side in ('front', 'back')`))
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('image', 'blob')
    .addColumn('redactions', 'text', (c) => c.notNull())
    .addColumn('masking_confirmed', 'text')
    .addColumn('attached_at', 'text', (c) => c.notNull())
    .addColumn('attached_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('result', 'text', (c) => c.check(sql`result in ('verified', 'notVerified')`))
    .addColumn('check_details', 'text')
    .addColumn('not_verified_reason', 'text')
    .addColumn('verified_at', 'text')
    .addColumn('verified_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('erase_on', 'text')
    .addColumn('erased_at', 'text')
    .addCheckConstraint('id_copies_no_my_number_back', sql`not (document_type = 'myNumberCard' and side = 'back')`)
    .execute();
  await db.schema.createIndex('id_copies_request').on('id_copies').column('request_id').execute();
  await db.schema.createIndex('id_copies_erase').on('id_copies').columns(['erased_at', 'erase_on']).execute();

  await db.schema
    .createTable('proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id'))
    // Null once the record is erased: the proposal stays, the person does not.
    .addColumn('customer_id', 'text', (c) => c.references('customers.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('disclose', 'change', 'erase', 'cease')`))
    // For `change`: [{ field, from, to }] (values erased with the record); for `cease`: { scope, purposeId }.
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('cessation', 'text')
    // The record's updated_at when proposed: approval on a record changed since is a CONFLICT.
    .addColumn('base_updated_at', 'text')
    .addColumn('note', 'text')
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('open', 'approved', 'rejected')`))
    .addColumn('proposed_at', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('refusal_ground', 'text')
    .addColumn('reason_text', 'text')
    .addCheckConstraint('proposals_four_eyes', sql`decided_by is null or decided_by <> proposed_by`)
    .execute();
  await db.schema.createIndex('proposals_request').on('proposals').column('request_id').execute();
  await db.schema.createIndex('proposals_state').on('proposals').columns(['state', 'proposed_at']).execute();

  await db.schema
    .createTable('company_systems')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('owner_name', 'text', (c) => c.notNull())
    .addColumn('owner_contact', 'text', (c) => c.notNull())
    .addColumn('holds_every_customer', 'integer', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('request_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id'))
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('proposals.id'))
    .addColumn('system_id', 'text', (c) => c.notNull().references('company_systems.id'))
    .addColumn('order_file', 'text', (c) => c.notNull())
    .addColumn('order_sha256', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('open', 'confirmed', 'waived')`))
    .addColumn('confirmed_by', 'text')
    .addColumn('confirmed_at', 'text')
    .addColumn('evidence', 'text')
    .addColumn('waive_reason', 'text')
    .addColumn('recorded_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('request_tasks_request').on('request_tasks').column('request_id').execute();

  await db.schema
    .createTable('notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('receipt', 'extension', 'result', 'refusal')`))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('eml_file', 'text')
    .addColumn('body_sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('sent_at', 'text')
    .addColumn('send_error', 'text')
    .execute();
  await db.schema.createIndex('notices_request').on('notices').column('request_id').execute();

  await db.schema
    .createTable('disclosure_packages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id'))
    .addColumn('json_file', 'text', (c) => c.notNull())
    .addColumn('pdf_file', 'text', (c) => c.notNull())
    .addColumn('json_sha256', 'text', (c) => c.notNull())
    .addColumn('pdf_sha256', 'text', (c) => c.notNull())
    .addColumn('built_at', 'text', (c) => c.notNull())
    .addColumn('built_by', 'text', (c) => c.references('accounts.id'))
    .execute();

  // APPI Art. 35: from the moment a cessation is approved, every list, export and provision check obeys it.
  await db.schema
    .createTable('customer_cessations')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('use', 'provision', 'purpose')`))
    .addColumn('purpose_id', 'text')
    .addColumn('request_id', 'text', (c) => c.references('requests.id'))
    .addColumn('since', 'text', (c) => c.notNull())
    .addCheckConstraint('customer_cessations_purpose', sql`(scope = 'purpose') = (purpose_id is not null)`)
    .execute();
  await db.schema.createIndex('customer_cessations_customer').on('customer_cessations').columns(['customer_id', 'scope', 'purpose_id']).execute();

  // What an erasure leaves: the id, when, through which request, and a keyed hash of what was erased, so the audit
  // chain and the statistics stay whole and nothing personal survives.
  await db.schema
    .createTable('customer_tombstones')
    .addColumn('customer_id', 'text', (c) => c.primaryKey())
    .addColumn('erased_at', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.references('requests.id'))
    .addColumn('content_hmac', 'text', (c) => c.notNull())
    .execute();

  // FTS5's own secure delete: removing a record from the search index removes its grams from the index pages at once,
  // instead of leaving them behind a delete marker until the next merge (with PRAGMA secure_delete the freed pages are zeroed).
  await sql`insert into customer_search(customer_search, rank) values ('secure-delete', 1)`.execute(db);
}
