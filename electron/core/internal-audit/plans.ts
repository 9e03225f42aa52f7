// auditplans.*: the year's internal audit plan (JIS Q 15001): its scope, period and lead auditor, then the day it was
// carried out and what it found.
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { AuditPlan, auditPlanInput, auditPlans } from '../../../src-shared/api/internal-audit';
import type { AuditPlanTable } from '../db/schema-internal-audit';
import { DeskError } from '../errors';
import type { Ctx, Handlers } from '../handler';
import { accountRefs, refOf, refuseFuture, requireActiveAccount, type Db } from './store';

type PlanInput = z.output<typeof auditPlanInput>;
type PlanRecord = Selectable<AuditPlanTable>;

async function toPlans(db: Db, rows: PlanRecord[]): Promise<AuditPlan[]> {
  const refs = await accountRefs(db, rows.map((r) => r.lead_auditor_id));
  const counts = rows.length
    ? await db
        .selectFrom('audit_findings')
        .select((eb) => ['plan_id', eb.fn.countAll<number>().as('n')])
        .where('plan_id', 'in', rows.map((r) => r.id))
        .groupBy('plan_id')
        .execute()
    : [];
  const findings = new Map(counts.map((c) => [c.plan_id, Number(c.n)]));
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    scope: r.scope,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    leadAuditor: refOf(refs, r.lead_auditor_id),
    state: r.state,
    doneOn: r.done_on,
    summary: r.summary,
    findings: findings.get(r.id) ?? 0,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

async function toPlan(db: Db, row: PlanRecord): Promise<AuditPlan> {
  return (await toPlans(db, [row]))[0]!;
}

export async function loadPlan(db: Db, id: string): Promise<PlanRecord> {
  const plan = await db.selectFrom('audit_plans').selectAll().where('id', '=', id).executeTakeFirst();
  if (!plan) throw new DeskError('NOT_FOUND', 'auditPlan.notFound', { id });
  return plan;
}

/** One plan a year: the year's audits are one programme, planned and reported as one. */
async function refuseYearTaken(db: Db, year: number, self: string | null): Promise<void> {
  const twin = await db.selectFrom('audit_plans').select('id').where('year', '=', year).executeTakeFirst();
  if (twin && twin.id !== self) throw new DeskError('CONFLICT', 'auditPlan.yearTaken', { id: twin.id, year });
}

function valuesOf(input: PlanInput) {
  return { year: input.year, scope: input.scope, period_from: input.periodFrom, period_to: input.periodTo, lead_auditor_id: input.leadAuditorId };
}

const fieldNames = { year: 'year', scope: 'scope', period_from: 'periodFrom', period_to: 'periodTo', lead_auditor_id: 'leadAuditorId' } as const;

function noteAudit(ctx: Ctx, id: string, fields: string[], details?: Record<string, unknown>): void {
  Object.assign(ctx.audit, { targetType: 'auditPlan', targetId: id, fields, ...(details ? { details } : {}) });
}

export const planHandlers: Handlers<typeof auditPlans> = {
  'auditplans.list': async (_input, ctx) => {
    const rows = await ctx.db.selectFrom('audit_plans').selectAll().orderBy('year', 'desc').execute();
    return { rows: await toPlans(ctx.db, rows) };
  },

  'auditplans.create': async (input, ctx) => {
    await refuseYearTaken(ctx.db, input.year, null);
    await requireActiveAccount(ctx.db, input.leadAuditorId, 'leadAuditorId');
    const now = ctx.desk.now().toISOString();
    const row: PlanRecord = { id: randomUUID(), ...valuesOf(input), state: 'planned', done_on: null, summary: null, created_at: now, created_by: ctx.session!.accountId, updated_at: now };
    await ctx.db.insertInto('audit_plans').values(row).execute();
    noteAudit(ctx, row.id, Object.values(fieldNames), { leadAuditorId: input.leadAuditorId });
    return toPlan(ctx.db, row);
  },

  'auditplans.update': async (input, ctx) => {
    const before = await loadPlan(ctx.db, input.id);
    if (before.state === 'done') throw new DeskError('CONFLICT', 'auditPlan.done', { id: before.id });
    await refuseYearTaken(ctx.db, input.plan.year, before.id);
    const values = valuesOf(input.plan);
    if (values.lead_auditor_id !== before.lead_auditor_id) await requireActiveAccount(ctx.db, values.lead_auditor_id, 'plan.leadAuditorId');
    const changed = (Object.keys(fieldNames) as (keyof typeof fieldNames)[]).filter((k) => before[k] !== values[k]);
    const after: PlanRecord = { ...before, ...values };
    if (changed.length > 0) {
      after.updated_at = ctx.desk.now().toISOString();
      await ctx.db.updateTable('audit_plans').set({ ...values, updated_at: after.updated_at }).where('id', '=', before.id).execute();
    }
    noteAudit(ctx, before.id, changed.map((k) => fieldNames[k]));
    return toPlan(ctx.db, after);
  },

  'auditplans.complete': async (input, ctx) => {
    const before = await loadPlan(ctx.db, input.id);
    if (before.state === 'done') throw new DeskError('CONFLICT', 'auditPlan.done', { id: before.id });
    refuseFuture(ctx, input.doneOn, 'doneOn', 'auditPlan.doneInFuture');
    if (input.doneOn < before.period_from) throw new DeskError('VALIDATION', 'auditPlan.doneBeforePeriod', { path: 'doneOn' });
    const after: PlanRecord = { ...before, state: 'done', done_on: input.doneOn, summary: input.summary, updated_at: ctx.desk.now().toISOString() };
    await ctx.db.updateTable('audit_plans').set({ state: 'done', done_on: after.done_on, summary: after.summary, updated_at: after.updated_at }).where('id', '=', before.id).execute();
    noteAudit(ctx, before.id, ['state', 'doneOn', 'summary']);
    return toPlan(ctx.db, after);
  },

  'auditplans.accounts': async (_input, ctx) => {
    const rows = await ctx.db.selectFrom('accounts').select(['id', 'display_name', 'role', 'department']).where('status', '=', 'active').orderBy('role').orderBy('display_name').execute();
    return { rows: rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role, department: r.department })) };
  },
};
