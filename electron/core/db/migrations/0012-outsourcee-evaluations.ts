// Migration 12: outsourcee selection checks and evaluations (APPI Art. 25) (issue #10): the records, their checklists,
// contract clauses, evidence files and findings. Landed migrations are history: never edit this file, add the next one.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One record per check. Records are never changed: a mistake is corrected by a new record naming it (`corrects_id`,
  // unique: a record is corrected once, and the correction can be corrected in turn).
  await db.schema
    .createTable('outsourcee_evaluations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('selection', 'periodic')`))
    .addColumn('evaluated_on', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('documents', 'questionnaire', 'onSiteVisit', 'remoteInterview')`))
    .addColumn('evaluator', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull().check(sql`score between 0 and 100`))
    .addColumn('result', 'text', (c) => c.notNull().check(sql`result in ('approved', 'conditional', 'notApproved')`))
    .addColumn('conditions', 'text')
    .addColumn('summary', 'text')
    .addColumn('corrects_id', 'text', (c) => c.unique().references('outsourcee_evaluations.id'))
    .addColumn('correction_reason', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('accounts.id'))
    .addCheckConstraint('outsourcee_evaluations_conditions', sql`result <> 'conditional' or length(conditions) > 0`)
    .addCheckConstraint('outsourcee_evaluations_correction', sql`(corrects_id is null) = (correction_reason is null)`)
    .execute();
  await db.schema.createIndex('outsourcee_evaluations_partner').on('outsourcee_evaluations').columns(['partner_id', 'kind', 'evaluated_on']).execute();

  await db.schema
    .createTable('outsourcee_criteria')
    .addColumn('evaluation_id', 'text', (c) => c.notNull().references('outsourcee_evaluations.id'))
    .addColumn('criterion', 'text', (c) => c.notNull())
    .addColumn('rating', 'text', (c) => c.notNull().check(sql`rating in ('conforms', 'partly', 'doesNot', 'notApplicable')`))
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('outsourcee_criteria_pk', ['evaluation_id', 'criterion'])
    .execute();

  await db.schema
    .createTable('outsourcee_clauses')
    .addColumn('evaluation_id', 'text', (c) => c.notNull().references('outsourcee_evaluations.id'))
    .addColumn('clause', 'text', (c) => c.notNull())
    .addColumn('present', 'integer', (c) => c.notNull().check(sql`present in (0, 1)`))
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('outsourcee_clauses_pk', ['evaluation_id', 'clause'])
    .execute();

  // The outsourcee's white paper, certificate or visit report: BLOBs in the encrypted database, never loose files.
  await db.schema
    .createTable('outsourcee_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('evaluation_id', 'text', (c) => c.notNull().references('outsourcee_evaluations.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('whitePaper', 'certificate', 'onSiteReport', 'questionnaire', 'contract', 'other')`))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('data', 'blob', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull().references('accounts.id'))
    .execute();
  await db.schema.createIndex('outsourcee_evidence_evaluation').on('outsourcee_evidence').column('evaluation_id').execute();

  // A finding and its follow-up: the follow-up is filled in once, with who recorded it.
  await db.schema
    .createTable('outsourcee_findings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('evaluation_id', 'text', (c) => c.notNull().references('outsourcee_evaluations.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('finding', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text')
    .addColumn('done_note', 'text')
    .addColumn('followed_up_at', 'text')
    .addColumn('followed_up_by', 'text', (c) => c.references('accounts.id'))
    .addCheckConstraint('outsourcee_findings_follow_up', sql`(done_on is null) = (followed_up_at is null) and (done_on is null) = (followed_up_by is null) and (done_on is null) = (done_note is null)`)
    .execute();
  await db.schema.createIndex('outsourcee_findings_evaluation').on('outsourcee_findings').columns(['evaluation_id', 'position']).execute();
}
