// Migration 13: the internal audit: plans, findings, corrective actions, management reviews (issue #10). Landed migrations are history: never edit this file, add the next one.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // JIS Q 15001: the internal audit is planned once a year. A plan carried out keeps the day and what it found.
  await db.schema
    .createTable('audit_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull().unique())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('lead_auditor_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('planned', 'done')`))
    .addColumn('done_on', 'text')
    .addColumn('summary', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('audit_plans_period', sql`period_from <= period_to`)
    .addCheckConstraint('audit_plans_done', sql`(state = 'done') = (done_on is not null and summary is not null)`)
    .execute();

  // A finding is a record: never deleted. What it concerns is one of several registers, so no foreign key can hold it;
  // the handler checks the record exists, and a record later gone is shown as such.
  await db.schema
    .createTable('audit_findings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('plan_id', 'text', (c) => c.references('audit_plans.id'))
    .addColumn('found_on', 'text', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull().check(sql`grade in ('majorNonconformity', 'minorNonconformity', 'observation', 'improvement')`))
    .addColumn('requirement', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('target_kind', 'text', (c) => c.check(sql`target_kind in ('ledgerEntry', 'request', 'incident', 'account')`))
    .addColumn('target_id', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('audit_findings_target', sql`(target_kind is null) = (target_id is null)`)
    .execute();
  await db.schema.createIndex('audit_findings_plan').on('audit_findings').columns(['plan_id', 'found_on']).execute();
  await db.schema.createIndex('audit_findings_found').on('audit_findings').columns(['found_on', 'number']).execute();

  // Opened by the officer, reported done by its owner, verified and closed by the officer only.
  await db.schema
    .createTable('corrective_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('finding_id', 'text', (c) => c.notNull().references('audit_findings.id'))
    .addColumn('cause', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('open', 'reported', 'closed')`))
    .addColumn('reported_on', 'text')
    .addColumn('report_note', 'text')
    .addColumn('reported_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('closed_on', 'text')
    .addColumn('verification_note', 'text')
    .addColumn('closed_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('corrective_actions_reported', sql`state = 'open' or (reported_on is not null and reported_by is not null)`)
    .addCheckConstraint('corrective_actions_closed', sql`(state = 'closed') = (closed_on is not null and closed_by is not null)`)
    .execute();
  await db.schema.createIndex('corrective_actions_finding').on('corrective_actions').column('finding_id').execute();
  await db.schema.createIndex('corrective_actions_owner').on('corrective_actions').columns(['owner_id', 'state']).execute();
  await db.schema.createIndex('corrective_actions_due').on('corrective_actions').columns(['state', 'due_on']).execute();

  await db.schema
    .createTable('corrective_action_events')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('action_id', 'text', (c) => c.notNull().references('corrective_actions.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('opened', 'changed', 'reported', 'returned', 'closed')`))
    .addColumn('fields', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('corrective_action_events_action').on('corrective_action_events').columns(['action_id', 'id']).execute();

  // The top management's review of the whole system (JIS Q 15001), with the counts the desk gathered for it.
  await db.schema
    .createTable('management_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('representative', 'text', (c) => c.notNull())
    .addColumn('attendees', 'text', (c) => c.notNull())
    .addColumn('inputs', 'text', (c) => c.notNull())
    .addColumn('other_inputs', 'text', (c) => c.notNull())
    .addColumn('decisions', 'text', (c) => c.notNull())
    .addColumn('improvements', 'text', (c) => c.notNull())
    .addColumn('next_review_on', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('management_reviews_next', sql`next_review_on > held_on`)
    .execute();
  await db.schema.createIndex('management_reviews_held').on('management_reviews').column('held_on').execute();
}
