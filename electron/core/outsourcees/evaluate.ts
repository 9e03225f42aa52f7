// Recording a selection check or a periodic evaluation of an outsourcee (APPI Art. 25): the checks the contract's
// schema cannot make, the score computed here (never taken from the window), and every part written in one go.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { alwaysApplicableCriteria, checklistScore, contractClauses, evaluationCriteria, type evaluationInput } from '../../../src-shared/api/outsourcees';
import { localDay } from '../dates';
import { DeskError } from '../errors';
import type { Ctx } from '../handler';
import { loadPartner } from '../partners/store';
import { checkEvidence, keepEvidence, storeEvidence } from './evidence';
import { isOutsourcee, nextEvaluationNumber } from './store';

type EvaluationInput = z.output<typeof evaluationInput>;

/** Before this no privacy office kept such records on a desk (JIS Q 15001 dates from 1999): an earlier day is a typing slip. */
const earliestDay = '2000-01-01';

/** A refusal placed on the form's field, as the contract's own checks are. */
const fieldError = (path: string, message: string) => new DeskError('VALIDATION', 'validation.input', { issues: [{ path, message }] });

function checkChecklist(input: EvaluationInput): void {
  for (const c of alwaysApplicableCriteria) {
    // The four kinds of security control measures are what the law asks of every outsourcee: they always apply.
    if (input.criteria[c].rating === 'notApplicable') throw fieldError(`criteria.${c}.rating`, 'outsourcee.alwaysApplicable');
  }
  if (input.result === 'approved' && evaluationCriteria.some((c) => input.criteria[c].rating === 'doesNot')) {
    // A criterion not met is approved only with conditions written down (JIS Q 15001: the outsourcee must meet the criteria).
    throw fieldError('result', 'outsourcee.approvedWithNonconformity');
  }
}

async function checkCorrection(ctx: Ctx, input: EvaluationInput): Promise<void> {
  if (input.corrects === undefined) {
    if (input.keepEvidence.length) throw fieldError('keepEvidence', 'outsourcee.keepEvidenceUnknown');
    return;
  }
  const corrected = await ctx.db.selectFrom('outsourcee_evaluations').select(['id', 'partner_id', 'kind']).where('id', '=', input.corrects).executeTakeFirst();
  if (!corrected || corrected.partner_id !== input.partnerId) throw new DeskError('NOT_FOUND', 'outsourcee.evaluationNotFound', { id: input.corrects });
  if (corrected.kind !== input.kind) throw fieldError('kind', 'outsourcee.correctionKind');
  const later = await ctx.db.selectFrom('outsourcee_evaluations').select('number').where('corrects_id', '=', corrected.id).executeTakeFirst();
  if (later) throw new DeskError('CONFLICT', 'outsourcee.alreadyCorrected', { number: later.number });
}

export async function recordEvaluation(ctx: Ctx, input: EvaluationInput): Promise<{ id: string; number: string; score: number }> {
  const now = ctx.desk.now();
  const today = localDay(now);
  const partner = await loadPartner(ctx.db, input.partnerId);
  if (!isOutsourcee(partner)) throw new DeskError('VALIDATION', 'outsourcee.notOutsourcee', { partnerId: partner.id });
  if (input.evaluatedOn > today || input.evaluatedOn < earliestDay) throw fieldError('evaluatedOn', 'outsourcee.evaluatedOn');
  // A check after the relationship ended supervises nobody; one made before the end may still be recorded late.
  if (partner.ended_on !== null && partner.ended_on < input.evaluatedOn) throw new DeskError('CONFLICT', 'outsourcee.partnerEnded', { endedOn: partner.ended_on });
  checkChecklist(input);
  const score = checklistScore(input.criteria);
  if (score === null) throw fieldError('criteria', 'outsourcee.nothingApplicable');
  for (const [i, f] of input.findings.entries()) if (f.dueOn < input.evaluatedOn) throw fieldError(`findings.${i}.dueOn`, 'outsourcee.findingDueBeforeEvaluation');
  await checkCorrection(ctx, input);
  // A yearly evaluation rests on what the outsourcee showed: at least one file, unless the correction keeps one.
  if (input.kind === 'periodic' && input.evidence.length + input.keepEvidence.length === 0) throw fieldError('evidence', 'outsourcee.evidenceRequired');
  const files = await checkEvidence(input.evidence);

  const id = randomUUID();
  const number = await nextEvaluationNumber(ctx.db, today.slice(0, 4));
  await ctx.db
    .insertInto('outsourcee_evaluations')
    .values({
      id,
      number,
      partner_id: partner.id,
      kind: input.kind,
      evaluated_on: input.evaluatedOn,
      method: input.method,
      evaluator: input.evaluator,
      score,
      result: input.result,
      // Conditions belong to a conditional approval only: text typed before the officer changed the result is not kept.
      conditions: input.result === 'conditional' ? input.conditions! : null,
      summary: input.summary ? input.summary : null,
      corrects_id: input.corrects ?? null,
      correction_reason: input.corrects ? input.correctionReason! : null,
      recorded_at: now.toISOString(),
      recorded_by: ctx.session!.accountId,
    })
    .execute();
  await ctx.db
    .insertInto('outsourcee_criteria')
    .values(evaluationCriteria.map((c) => ({ evaluation_id: id, criterion: c, rating: input.criteria[c].rating, note: input.criteria[c].note ? input.criteria[c].note : null })))
    .execute();
  await ctx.db
    .insertInto('outsourcee_clauses')
    .values(contractClauses.map((c) => ({ evaluation_id: id, clause: c, present: input.clauses[c].present ? 1 : 0, note: input.clauses[c].note ? input.clauses[c].note : null })))
    .execute();
  await storeEvidence(ctx, id, files);
  if (input.corrects) await keepEvidence(ctx, input.corrects, id, input.keepEvidence);
  if (input.findings.length) {
    await ctx.db
      .insertInto('outsourcee_findings')
      .values(
        input.findings.map((f, position) => ({
          id: randomUUID(),
          evaluation_id: id,
          position,
          finding: f.finding,
          action: f.action,
          owner: f.owner,
          due_on: f.dueOn,
          done_on: null,
          done_note: null,
          followed_up_at: null,
          followed_up_by: null,
        })),
      )
      .execute();
  }
  return { id, number, score };
}
