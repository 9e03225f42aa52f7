// Migration 9: the personal information ledger (個人情報管理台帳) and its risk assessments (issue #10). Landed migrations are history: never edit this file, add the next one.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One entry per kind of personal information held (JIS Q 15001 identification of personal information). The
  // internal audit links its findings to `id` and shows `name`.
  await db.schema
    .createTable('ledger_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('purpose_ids', 'text', (c) => c.notNull())
    .addColumn('other_purposes', 'text')
    .addColumn('obtained_how', 'text', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('responsible', 'text', (c) => c.notNull())
    .addColumn('storage_kind', 'text', (c) => c.notNull().check(sql`storage_kind in ('system', 'paper', 'cloud')`))
    .addColumn('storage_place', 'text', (c) => c.notNull())
    .addColumn('access', 'text', (c) => c.notNull())
    .addColumn('retention', 'text', (c) => c.notNull())
    .addColumn('disposal', 'text', (c) => c.notNull())
    .addColumn('disclosable', 'integer', (c) => c.notNull().check(sql`disclosable in (0, 1)`))
    .addColumn('special_care', 'integer', (c) => c.notNull().check(sql`special_care in (0, 1)`))
    .addColumn('count_source', 'text', (c) => c.check(sql`count_source in ('customers', 'customersWithOrders', 'requesters', 'idCopies', 'accounts', 'partnerContacts')`))
    .addColumn('typed_count', 'integer', (c) => c.check(sql`typed_count >= 0`))
    .addColumn('typed_count_on', 'text')
    .addColumn('paper_reviewed_on', 'text')
    .addColumn('paper_reviewed_by', 'text')
    // Set by a change, cleared by the next confirmation: the review looks first at what changed.
    .addColumn('changed_since_confirmed', 'integer', (c) => c.notNull().defaultTo(0).check(sql`changed_since_confirmed in (0, 1)`))
    .addColumn('retired_on', 'text')
    .addColumn('retired_reason', 'text')
    .addColumn('retired_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('accounts.id'))
    // A count kept in the desk is computed live, never typed (issue #10); a typed one always says when it was counted.
    .addCheckConstraint(
      'ledger_entries_one_count',
      sql`(count_source is not null and typed_count is null and typed_count_on is null) or (count_source is null and typed_count is not null and typed_count_on is not null)`,
    )
    .addCheckConstraint('ledger_entries_paper_review', sql`(paper_reviewed_on is null) = (paper_reviewed_by is null)`)
    .addCheckConstraint('ledger_entries_retired', sql`(retired_on is null) = (retired_reason is null)`)
    .execute();

  // Outsourcees (APPI Art. 25) and recipients (Art. 27) of the entry, from #6's partner register, which never deletes.
  await db.schema
    .createTable('ledger_entry_partners')
    .addColumn('entry_id', 'text', (c) => c.notNull().references('ledger_entries.id'))
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
    .addColumn('relation', 'text', (c) => c.notNull().check(sql`relation in ('outsourcee', 'recipient')`))
    .addPrimaryKeyConstraint('ledger_entry_partners_pk', ['entry_id', 'relation', 'partner_id'])
    .execute();
  await db.schema.createIndex('ledger_entry_partners_partner').on('ledger_entry_partners').column('partner_id').execute();

  // The yearly review (at least once a year): every confirmation is kept, the newest one counts.
  await db.schema
    .createTable('ledger_confirmations')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('entry_id', 'text', (c) => c.notNull().references('ledger_entries.id'))
    .addColumn('confirmed_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('ledger_confirmations_entry').on('ledger_confirmations').columns(['entry_id', 'confirmed_at']).execute();

  // Risk assessments per entry: drafted by the office, approved by the officer; older ones stay as history.
  await db.schema
    .createTable('ledger_risk_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entry_id', 'text', (c) => c.notNull().references('ledger_entries.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('threats', 'text', (c) => c.notNull())
    .addColumn('threat_notes', 'text')
    .addColumn('likelihood', 'integer', (c) => c.notNull().check(sql`likelihood between 1 and 3`))
    .addColumn('impact', 'integer', (c) => c.notNull().check(sql`impact between 1 and 3`))
    .addColumn('measures', 'text', (c) => c.notNull())
    .addColumn('residual', 'text', (c) => c.notNull().check(sql`residual in ('low', 'medium', 'high')`))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('awaitingApproval', 'approved', 'superseded')`))
    .addColumn('drafted_at', 'text', (c) => c.notNull())
    .addColumn('drafted_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('approved_at', 'text')
    .addColumn('approved_by', 'text', (c) => c.references('accounts.id'))
    .addUniqueConstraint('ledger_risk_assessments_version', ['entry_id', 'version'])
    .addCheckConstraint('ledger_risk_assessments_approval', sql`(state = 'approved') = (approved_at is not null and approved_by is not null)`)
    .execute();
}
