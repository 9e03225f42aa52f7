// The yearly review of a ledger entry (JIS Q 15001: the ledger is reviewed at least once a year): when it falls due,
// whether it is overdue, and the state of its risk assessment.
import { reviewDueSoonDays, reviewIntervalMonths, type LedgerReview, type LedgerRiskSummary } from '../../../src-shared/api/ledger';
import { addDays, addYears, localDay } from '../dates';
import type { LedgerEntryTable, LedgerRiskAssessmentTable } from '../db/schema-ledger';

export interface LastConfirmation {
  confirmed_at: string;
  by_name: string | null;
}

/**
 * The review counts from the newest of: the last confirmation in the desk, the review done on paper before the desk
 * (entered at registration), or, for an entry never reviewed, the day it was registered in the desk: a new entry is
 * written down as it is, so its first review is due a year later. Overdue once more than 12 months have passed
 * (the day after the anniversary); a retired entry is no longer reviewed.
 */
export function reviewOf(
  entry: Pick<LedgerEntryTable, 'paper_reviewed_on' | 'paper_reviewed_by' | 'created_at' | 'retired_on'>,
  last: LastConfirmation | null,
  today: string,
): LedgerReview {
  const confirmedOn = last ? localDay(new Date(last.confirmed_at)) : null;
  const paper = entry.paper_reviewed_on;
  let basis: LedgerReview['basis'];
  let from: string;
  if (confirmedOn && (!paper || confirmedOn >= paper)) [basis, from] = ['confirmed', confirmedOn];
  else if (paper) [basis, from] = ['paper', paper];
  else [basis, from] = ['registered', localDay(new Date(entry.created_at))];
  const dueOn = addYears(from, reviewIntervalMonths / 12);
  const active = entry.retired_on === null;
  const overdue = active && today > dueOn;
  return {
    dueOn,
    overdue,
    dueSoon: active && !overdue && dueOn <= addDays(today, reviewDueSoonDays),
    basis,
    lastConfirmedAt: last?.confirmed_at ?? null,
    lastConfirmedByName: last?.by_name ?? null,
    paperReviewedOn: paper,
    paperReviewedBy: entry.paper_reviewed_by,
  };
}

type Assessment = Pick<LedgerRiskAssessmentTable, 'version' | 'state' | 'likelihood' | 'impact' | 'residual' | 'approved_at'>;

/** The newest live assessment decides the state; an entry awaiting a new approval keeps the older approval in force. */
export function riskOf(assessments: readonly Assessment[]): LedgerRiskSummary {
  const live = assessments.filter((a) => a.state !== 'superseded').sort((a, b) => b.version - a.version);
  const newest = live[0];
  if (!newest) return { state: 'none', score: null, residual: null, approvedAt: null };
  const inForce = live.find((a) => a.state === 'approved');
  return { state: newest.state === 'approved' ? 'approved' : 'awaitingApproval', score: newest.likelihood * newest.impact, residual: newest.residual, approvedAt: inForce?.approved_at ?? null };
}
