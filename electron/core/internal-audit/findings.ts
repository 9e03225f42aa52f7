// findings.*: what the internal audit found, graded, tied to the JIS Q 15001 requirement and to the record concerned.
// A finding is a record of the audit: put right before any action is opened for it, never deleted.
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import { nonconformities, type FindingDetail, type FindingRow, type FindingStatus, type findingInput, type findings } from '../../../src-shared/api/internal-audit';
import type { AuditFindingTable } from '../db/schema-internal-audit';
import { DeskError } from '../errors';
import type { Ctx, Handlers } from '../handler';
import { toCorrectionRows } from './correction-store';
import { loadPlan } from './plans';
import { accountRefs, nextNumber, refOf, refuseFuture, today, type Db } from './store';
import { requireTarget, searchTargets, targetsOf } from './targets';

type FindingInput = z.output<typeof findingInput>;
type FindingRecord = Selectable<AuditFindingTable>;

function statusOf(row: FindingRecord, actions: FindingRow['actions']): FindingStatus {
  const total = actions.open + actions.reported + actions.closed;
  if (total === 0) return nonconformities.includes(row.grade) ? 'awaitingAction' : 'noActionNeeded';
  return actions.closed === total ? 'closed' : 'inProgress';
}

export async function toFindingRows(db: Db, rows: readonly FindingRecord[]): Promise<FindingRow[]> {
  if (rows.length === 0) return [];
  const refs = await accountRefs(db, rows.map((r) => r.recorded_by));
  const targets = await targetsOf(db, rows);
  const planIds = [...new Set(rows.map((r) => r.plan_id).filter((p): p is string => p !== null))];
  const plans = planIds.length ? await db.selectFrom('audit_plans').select(['id', 'year']).where('id', 'in', planIds).execute() : [];
  const years = new Map(plans.map((p) => [p.id, p.year]));
  const counts = await db
    .selectFrom('corrective_actions')
    .select((eb) => ['finding_id', 'state', eb.fn.countAll<number>().as('n')])
    .where('finding_id', 'in', rows.map((r) => r.id))
    .groupBy(['finding_id', 'state'])
    .execute();
  return rows.map((r, i) => {
    const actions = { open: 0, reported: 0, closed: 0 };
    for (const c of counts) if (c.finding_id === r.id) actions[c.state] = Number(c.n);
    return {
      id: r.id,
      number: r.number,
      planId: r.plan_id,
      planYear: r.plan_id ? (years.get(r.plan_id) ?? null) : null,
      foundOn: r.found_on,
      grade: r.grade,
      requirement: r.requirement,
      description: r.description,
      target: targets[i]!,
      status: statusOf(r, actions),
      actions,
      recordedBy: refOf(refs, r.recorded_by),
      recordedAt: r.recorded_at,
    };
  });
}

export async function loadFinding(db: Db, id: string): Promise<FindingRecord> {
  const row = await db.selectFrom('audit_findings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new DeskError('NOT_FOUND', 'finding.notFound', { id });
  return row;
}

async function detailOf(ctx: Ctx, row: FindingRecord): Promise<FindingDetail> {
  const [base] = await toFindingRows(ctx.db, [row]);
  const actions = await ctx.db.selectFrom('corrective_actions').selectAll().where('finding_id', '=', row.id).orderBy('number').execute();
  return { ...base!, corrections: await toCorrectionRows(ctx.db, actions, today(ctx)), editable: actions.length === 0 };
}

/** The facts as checked against the desk: the plan exists, the day is not ahead, the record concerned exists. */
async function valuesOf(ctx: Ctx, input: FindingInput, path: string) {
  refuseFuture(ctx, input.foundOn, `${path}foundOn`, 'finding.foundInFuture');
  if (input.planId) await loadPlan(ctx.db, input.planId);
  if (input.target) await requireTarget(ctx.db, input.target, `${path}target`);
  return {
    plan_id: input.planId ?? null,
    found_on: input.foundOn,
    grade: input.grade,
    requirement: input.requirement,
    description: input.description,
    target_kind: input.target?.kind ?? null,
    target_id: input.target?.id ?? null,
  };
}

const fieldNames = { plan_id: 'planId', found_on: 'foundOn', grade: 'grade', requirement: 'requirement', description: 'description', target_kind: 'target', target_id: 'target' } as const;

function noteAudit(ctx: Ctx, row: Pick<FindingRecord, 'id' | 'grade' | 'plan_id' | 'target_kind' | 'target_id'>, fields: string[]): void {
  // Ids and codes only: the description is the auditor's free text and may name people.
  Object.assign(ctx.audit, {
    targetType: 'finding',
    targetId: row.id,
    fields,
    details: { grade: row.grade, planId: row.plan_id, targetKind: row.target_kind, targetId: row.target_id },
  });
}

export const findingHandlers: Handlers<typeof findings> = {
  'findings.list': async (input, ctx) => {
    let query = ctx.db.selectFrom('audit_findings').selectAll().orderBy('found_on', 'desc').orderBy('number', 'desc');
    if (input.planId) query = query.where('plan_id', '=', input.planId);
    if (input.grade) query = query.where('grade', '=', input.grade);
    const rows = await toFindingRows(ctx.db, await query.execute());
    return { rows: input.show === 'open' ? rows.filter((r) => r.status === 'awaitingAction' || r.status === 'inProgress') : rows };
  },

  'findings.get': async (input, ctx) => {
    const row = await loadFinding(ctx.db, input.id);
    Object.assign(ctx.audit, { targetType: 'finding', targetId: row.id });
    return detailOf(ctx, row);
  },

  'findings.record': async (input, ctx) => {
    const values = await valuesOf(ctx, input, '');
    const now = ctx.desk.now().toISOString();
    const row: FindingRecord = {
      id: randomUUID(),
      // The year the auditor found it: a finding written up from last December's audit is one of last year's.
      number: await nextNumber(ctx.db, 'audit_findings', 'F', values.found_on.slice(0, 4)),
      ...values,
      recorded_at: now,
      recorded_by: ctx.session!.accountId,
      updated_at: now,
    };
    await ctx.db.insertInto('audit_findings').values(row).execute();
    const given = (Object.keys(fieldNames) as (keyof typeof fieldNames)[]).filter((k) => row[k] !== null).map((k) => fieldNames[k]);
    noteAudit(ctx, row, [...new Set(given)]);
    return detailOf(ctx, row);
  },

  'findings.update': async (input, ctx) => {
    const before = await loadFinding(ctx.db, input.id);
    // Once an action answers the finding, the owner works from its words: they stay as they were.
    const action = await ctx.db.selectFrom('corrective_actions').select('id').where('finding_id', '=', before.id).executeTakeFirst();
    if (action) throw new DeskError('CONFLICT', 'finding.hasActions', { id: before.id });
    const values = await valuesOf(ctx, input.finding, 'finding.');
    const changed = (Object.keys(fieldNames) as (keyof typeof fieldNames)[]).filter((k) => before[k] !== values[k]);
    const after: FindingRecord = { ...before, ...values };
    if (changed.length > 0) {
      after.updated_at = ctx.desk.now().toISOString();
      await ctx.db.updateTable('audit_findings').set({ ...values, updated_at: after.updated_at }).where('id', '=', before.id).execute();
    }
    noteAudit(ctx, after, [...new Set(changed.map((k) => fieldNames[k]))]);
    return detailOf(ctx, after);
  },

  'findings.targets': async (input, ctx) => ({ rows: await searchTargets(ctx.db, input.kind, input.query) }),
};
