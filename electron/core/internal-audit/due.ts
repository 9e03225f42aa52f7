// What the internal audit asks of the office today: late and reported corrective actions, and whether a management
// review is due (the home screen's card).
import type { InternalAuditDue, ReviewDueReason } from '../../../src-shared/api/internal-audit';
import { addYears } from '../dates';
import { isOverdue } from './correction-store';
import type { Db } from './store';

/** The latest review, and why another is due (JIS Q 15001: at planned intervals; the desk allows 12 months at most). */
export async function reviewState(db: Db, today: string): Promise<NonNullable<InternalAuditDue['review']>> {
  const last = await db.selectFrom('management_reviews').select(['held_on', 'next_review_on']).orderBy('held_on', 'desc').orderBy('recorded_at', 'desc').executeTakeFirst();
  let due: ReviewDueReason | null = null;
  if (!last) due = 'none';
  else if (addYears(last.held_on, 1) < today) due = 'overYear';
  else if (last.next_review_on < today) due = 'nextPassed';
  return { lastHeldOn: last?.held_on ?? null, nextReviewOn: last?.next_review_on ?? null, due };
}

/** `ownerId`: a staff member's own actions only. `withReview`: for those who read the internal audit. */
export async function dueCounts(db: Db, today: string, ownerId: string | null, withReview: boolean): Promise<InternalAuditDue> {
  let query = db.selectFrom('corrective_actions').select(['state', 'due_on']).where('state', 'in', ['open', 'reported']);
  if (ownerId) query = query.where('owner_id', '=', ownerId);
  const rows = await query.execute();
  return {
    overdue: rows.filter((r) => isOverdue(r, today)).length,
    awaitingVerification: rows.filter((r) => r.state === 'reported').length,
    active: rows.length,
    review: withReview ? await reviewState(db, today) : null,
  };
}
