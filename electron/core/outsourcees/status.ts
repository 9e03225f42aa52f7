// Where an outsourcee's supervision stands on a day: when the next yearly evaluation is due, whether it is late, and
// whether the selection check made at contract is on record (APPI Art. 25, JIS Q 15001 A.7.3.4).
import { evaluationDueSoonDays, evaluationValidYears, type EvaluationBrief, type EvaluationDue, type OutsourceeCounts, type OutsourceeFilter, type OutsourceeRow } from '../../../src-shared/api/outsourcees';
import { addYears } from '../dates';
import { daysBetween } from '../incidents/deadlines';

export interface DueState {
  nextDueOn: string | null;
  due: EvaluationDue;
  daysToDue: number | null;
}

/**
 * The next check is due a year after the last one, the selection check included: an outsourcee chosen in March is
 * evaluated again by the next March. Late from the day after (a check made on 25 November 2025 is due on 25 November
 * 2026, and overdue on the 26th: "older than 12 months").
 */
export function dueState(lastSelection: EvaluationBrief | null, lastEvaluation: EvaluationBrief | null, today: string): DueState {
  const days = [lastSelection?.evaluatedOn, lastEvaluation?.evaluatedOn].filter((d): d is string => d !== undefined);
  if (days.length === 0) return { nextDueOn: null, due: 'never', daysToDue: null };
  const last = days.sort().at(-1)!;
  const nextDueOn = addYears(last, evaluationValidYears);
  const daysToDue = daysBetween(today, nextDueOn);
  const due: EvaluationDue = daysToDue < 0 ? 'overdue' : daysToDue <= evaluationDueSoonDays ? 'dueSoon' : 'current';
  return { nextDueOn, due, daysToDue };
}

/** Needs the officer now: no check for over a year (or none at all), or no selection check on record. */
export function needsAttention(row: OutsourceeRow): boolean {
  return row.due === 'never' || row.due === 'overdue' || row.selectionMissing;
}

export function matchesFilter(row: OutsourceeRow, show: OutsourceeFilter): boolean {
  switch (show) {
    case 'overdue':
      return needsAttention(row);
    case 'dueSoon':
      return row.due === 'dueSoon';
    case 'findingsOverdue':
      return row.findingsOverdue > 0;
    default:
      return true;
  }
}

export function countsOf(rows: OutsourceeRow[]): OutsourceeCounts {
  return {
    outsourcees: rows.length,
    overdue: rows.filter((r) => r.due === 'never' || r.due === 'overdue').length,
    selectionMissing: rows.filter((r) => r.selectionMissing).length,
    dueSoon: rows.filter((r) => r.due === 'dueSoon').length,
    findingsOverdue: rows.reduce((n, r) => n + r.findingsOverdue, 0),
  };
}
