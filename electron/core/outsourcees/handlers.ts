// outsourcees.*: supervision of outsourcees (APPI Art. 25, JIS Q 15001 A.7.3.4): the list with what is due, one
// outsourcee's history, recording a selection check or yearly evaluation, its evidence files, and findings followed up.
import type { outsourcees } from '../../../src-shared/api/outsourcees';
import { localDay } from '../dates';
import { DeskError } from '../errors';
import type { Ctx, Handlers } from '../handler';
import { endedBy } from '../partners/store';
import { recordEvaluation } from './evaluate';
import { readEvidence } from './evidence';
import { countsOf, matchesFilter } from './status';
import { outsourceeDetail, outsourceeRows } from './store';

const today = (ctx: Ctx) => localDay(ctx.desk.now());

/** A refusal placed on the form's field, as the contract's own checks are. */
const fieldError = (path: string, message: string) => new DeskError('VALIDATION', 'validation.input', { issues: [{ path, message }] });

export const outsourceesHandlers: Handlers<typeof outsourcees> = {
  'outsourcees.list': async (input, ctx) => {
    const day = today(ctx);
    const rows = await outsourceeRows(ctx.db, day, input.includeEnded);
    // The figures are the home screen's: the outsourcees the company works with today, whatever the list shows.
    const current = rows.filter((r) => r.isOutsourcee && !endedBy({ ended_on: r.endedOn }, day));
    return { today: day, rows: rows.filter((r) => matchesFilter(r, input.show)), counts: countsOf(current) };
  },

  'outsourcees.get': async (input, ctx) => outsourceeDetail(ctx.db, input.partnerId, today(ctx)),

  'outsourcees.evaluate': async (input, ctx) => {
    const { id, number, score } = await recordEvaluation(ctx, input);
    // Ids, field names, counts and the outcome: never the notes, the evaluator's name or the files.
    Object.assign(ctx.audit, {
      targetType: 'outsourceeEvaluation',
      targetId: id,
      fields: ['kind', 'evaluatedOn', 'method', 'evaluator', 'criteria', 'clauses', 'result', ...(input.conditions ? ['conditions'] : []), ...(input.summary ? ['summary'] : []), ...(input.evidence.length ? ['evidence'] : []), ...(input.findings.length ? ['findings'] : [])],
      details: { partnerId: input.partnerId, number, kind: input.kind, score, result: input.result, evidence: input.evidence.length + input.keepEvidence.length, findings: input.findings.length, ...(input.corrects ? { corrects: input.corrects } : {}) },
    });
    return outsourceeDetail(ctx.db, input.partnerId, today(ctx));
  },

  'outsourcees.evidence': async (input, ctx) => {
    const { evaluationId, ...file } = await readEvidence(ctx, input.evidenceId);
    Object.assign(ctx.audit, { targetType: 'outsourceeEvidence', targetId: input.evidenceId, details: { evaluationId } });
    return file;
  },

  'outsourcees.followUp': async (input, ctx) => {
    const day = today(ctx);
    const finding = await ctx.db
      .selectFrom('outsourcee_findings as f')
      .innerJoin('outsourcee_evaluations as e', 'e.id', 'f.evaluation_id')
      .select(['f.id', 'f.done_on', 'e.id as evaluation_id', 'e.partner_id', 'e.evaluated_on'])
      .select((eb) => eb.selectFrom('outsourcee_evaluations as c').select('c.number').whereRef('c.corrects_id', '=', 'e.id').as('corrected_by'))
      .where('f.id', '=', input.findingId)
      .executeTakeFirst();
    if (!finding) throw new DeskError('NOT_FOUND', 'outsourcee.findingNotFound', { id: input.findingId });
    // A follow-up is a record too: once made it stands, like the evaluation it completes.
    if (finding.done_on !== null) throw new DeskError('CONFLICT', 'outsourcee.alreadyFollowedUp', { doneOn: finding.done_on });
    if (finding.corrected_by) throw new DeskError('CONFLICT', 'outsourcee.findingSuperseded', { number: finding.corrected_by });
    if (input.doneOn > day) throw fieldError('doneOn', 'outsourcee.doneInFuture');
    if (input.doneOn < finding.evaluated_on) throw fieldError('doneOn', 'outsourcee.doneBeforeEvaluation');
    await ctx.db
      .updateTable('outsourcee_findings')
      .set({ done_on: input.doneOn, done_note: input.note, followed_up_at: ctx.desk.now().toISOString(), followed_up_by: ctx.session!.accountId })
      .where('id', '=', finding.id)
      .execute();
    Object.assign(ctx.audit, { targetType: 'outsourceeFinding', targetId: finding.id, fields: ['doneOn', 'note'], details: { evaluationId: finding.evaluation_id, partnerId: finding.partner_id } });
    return outsourceeDetail(ctx.db, finding.partner_id, day);
  },
};
