// managementReviews.*: the representative's management review (JIS Q 15001): who attended, what was put before them
// (the counts the desk gathered, and the rest in words), what they decided, and when the next review is.
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { ManagementReview, ReviewInputs, managementReviews } from '../../../src-shared/api/internal-audit';
import type { ManagementReviewTable } from '../db/schema-internal-audit';
import { DeskError } from '../errors';
import type { Ctx, Handlers } from '../handler';
import { gatherInputs } from './review-inputs';
import { accountRefs, refOf, refuseFuture, today, type Db } from './store';

type ReviewRecord = Selectable<ManagementReviewTable>;

async function toReviews(db: Db, rows: readonly ReviewRecord[]): Promise<ManagementReview[]> {
  const refs = await accountRefs(db, rows.map((r) => r.recorded_by));
  return rows.map((r) => ({
    id: r.id,
    heldOn: r.held_on,
    representative: r.representative,
    attendees: r.attendees,
    inputs: JSON.parse(r.inputs) as ReviewInputs,
    otherInputs: r.other_inputs,
    decisions: r.decisions,
    improvements: r.improvements,
    nextReviewOn: r.next_review_on,
    recordedBy: refOf(refs, r.recorded_by),
    recordedAt: r.recorded_at,
    updatedAt: r.updated_at,
  }));
}

const textFields = { representative: 'representative', attendees: 'attendees', other_inputs: 'otherInputs', decisions: 'decisions', improvements: 'improvements', next_review_on: 'nextReviewOn' } as const;

function noteAudit(ctx: Ctx, id: string, fields: string[]): void {
  // The minutes are words of the management; the trail keeps the review's id and which parts changed.
  Object.assign(ctx.audit, { targetType: 'managementReview', targetId: id, fields });
}

export const reviewHandlers: Handlers<typeof managementReviews> = {
  'managementReviews.list': async (_input, ctx) => {
    const rows = await ctx.db.selectFrom('management_reviews').selectAll().orderBy('held_on', 'desc').orderBy('recorded_at', 'desc').execute();
    return { rows: await toReviews(ctx.db, rows) };
  },

  'managementReviews.inputs': async (input, ctx) => gatherInputs(ctx.db, input.periodFrom, input.periodTo, today(ctx)),

  'managementReviews.record': async (input, ctx) => {
    refuseFuture(ctx, input.heldOn, 'heldOn', 'review.heldInFuture');
    const now = ctx.desk.now().toISOString();
    // The counts as they stand when the minutes are written: what the representative was shown.
    const inputs = await gatherInputs(ctx.db, input.periodFrom, input.periodTo, today(ctx));
    const row: ReviewRecord = {
      id: randomUUID(),
      held_on: input.heldOn,
      period_from: input.periodFrom,
      period_to: input.periodTo,
      representative: input.representative,
      attendees: input.attendees,
      inputs: JSON.stringify(inputs),
      other_inputs: input.otherInputs,
      decisions: input.decisions,
      improvements: input.improvements,
      next_review_on: input.nextReviewOn,
      recorded_at: now,
      recorded_by: ctx.session!.accountId,
      updated_at: now,
    };
    await ctx.db.insertInto('management_reviews').values(row).execute();
    noteAudit(ctx, row.id, ['heldOn', 'period', ...Object.values(textFields).filter((f) => f !== 'otherInputs' || input.otherInputs !== '')]);
    return (await toReviews(ctx.db, [row]))[0]!;
  },

  'managementReviews.update': async (input, ctx) => {
    const before = await ctx.db.selectFrom('management_reviews').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!before) throw new DeskError('NOT_FOUND', 'review.notFound', { id: input.id });
    if (input.nextReviewOn <= before.held_on) throw new DeskError('VALIDATION', 'review.nextBeforeHeld', { path: 'nextReviewOn' });
    const values = {
      representative: input.representative,
      attendees: input.attendees,
      other_inputs: input.otherInputs,
      decisions: input.decisions,
      improvements: input.improvements,
      next_review_on: input.nextReviewOn,
    };
    const changed = (Object.keys(textFields) as (keyof typeof textFields)[]).filter((k) => before[k] !== values[k]);
    const after: ReviewRecord = { ...before, ...values };
    if (changed.length > 0) {
      after.updated_at = ctx.desk.now().toISOString();
      await ctx.db.updateTable('management_reviews').set({ ...values, updated_at: after.updated_at }).where('id', '=', before.id).execute();
    }
    noteAudit(ctx, before.id, changed.map((k) => textFields[k]));
    return (await toReviews(ctx.db, [after]))[0]!;
  },
};
