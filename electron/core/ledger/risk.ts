// Risk assessments of a ledger entry (JIS Q 15001): drafted by the office, approved by the officer; a changed assessment
// is a new version that needs approval again, and the older ones stay as history.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { riskThreats, type riskAssessmentInput } from '../../../src-shared/api/ledger';
import { DeskError } from '../errors';
import type { Ctx } from '../handler';
import { loadEntry } from './read';
import { refuseRetired } from './write';

type AssessmentInput = z.output<typeof riskAssessmentInput>;

/** The threats in the order of the contract's list, each once: two drafts naming the same threats compare equal. */
const threatsJson = (threats: readonly string[]) => JSON.stringify(riskThreats.filter((t) => threats.includes(t)));

export async function assessRisk(ctx: Ctx, entryId: string, input: AssessmentInput): Promise<string> {
  const entry = await loadEntry(ctx.db, entryId);
  refuseRetired(entry);
  const previous = await ctx.db.selectFrom('ledger_risk_assessments').selectAll().where('entry_id', '=', entryId).orderBy('version', 'desc').execute();
  const values = {
    threats: threatsJson(input.threats),
    threat_notes: input.threatNotes ? input.threatNotes : null,
    likelihood: input.likelihood,
    impact: input.impact,
    measures: input.measures,
    residual: input.residual,
  };
  const live = previous.find((p) => p.state !== 'superseded');
  // The same assessment again is not a change: it would only put an approved assessment back in the queue.
  if (live && (Object.keys(values) as (keyof typeof values)[]).every((k) => live[k] === values[k])) {
    throw new DeskError('CONFLICT', 'ledger.riskUnchanged', { id: live.id, state: live.state });
  }
  // A draft not yet approved gives way to the newer one; approved assessments stay approved, as history.
  const pending = previous.filter((p) => p.state === 'awaitingApproval').map((p) => p.id);
  if (pending.length > 0) await ctx.db.updateTable('ledger_risk_assessments').set({ state: 'superseded' }).where('id', 'in', pending).execute();
  const id = randomUUID();
  const version = (previous[0]?.version ?? 0) + 1;
  await ctx.db
    .insertInto('ledger_risk_assessments')
    .values({ id, entry_id: entryId, version, ...values, state: 'awaitingApproval', drafted_at: ctx.desk.now().toISOString(), drafted_by: ctx.session!.accountId, approved_at: null, approved_by: null })
    .execute();
  Object.assign(ctx.audit, { targetType: 'ledgerRiskAssessment', targetId: id, fields: ['threats', 'likelihood', 'impact', 'measures', 'residual', ...(values.threat_notes ? ['threatNotes'] : [])], details: { entryId, version, supersededIds: pending } });
  return entryId;
}

export async function approveRisk(ctx: Ctx, id: string): Promise<string> {
  const assessment = await ctx.db.selectFrom('ledger_risk_assessments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!assessment) throw new DeskError('NOT_FOUND', 'ledger.riskNotFound', { id });
  refuseRetired(await loadEntry(ctx.db, assessment.entry_id));
  if (assessment.state !== 'awaitingApproval') throw new DeskError('CONFLICT', assessment.state === 'approved' ? 'ledger.riskAlreadyApproved' : 'ledger.riskSuperseded', { id, state: assessment.state });
  await ctx.db
    .updateTable('ledger_risk_assessments')
    .set({ state: 'approved', approved_at: ctx.desk.now().toISOString(), approved_by: ctx.session!.accountId })
    .where('id', '=', id)
    .execute();
  Object.assign(ctx.audit, { targetType: 'ledgerRiskAssessment', targetId: id, fields: ['approvedAt'], details: { entryId: assessment.entry_id, version: assessment.version } });
  return assessment.entry_id;
}
