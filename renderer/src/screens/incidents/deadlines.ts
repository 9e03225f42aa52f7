// Which report to the PPC is due next and how many days are left, as the register and an incident show them.
import type { IncidentRow } from '../../../../src-shared/registers';
import { today } from '../../components/dates';

export type ReportKind = 'preliminary' | 'final';

/** Late, or within two days of the due date: the register colours them so the officer sees them before reading. */
export type Urgency = 'late' | 'soon' | 'calm';

export function urgencyOf(days: number): Urgency {
  return days < 0 ? 'late' : days <= 2 ? 'soon' : 'calm';
}

/** Whole calendar days from today to a day (YYYY-MM-DD): negative once it has passed. */
export function daysUntil(day: string, from: string = today()): number {
  const utc = (d: string) => {
    const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, dd);
  };
  return Math.round((utc(day) - utc(from)) / 86_400_000);
}

/** The report due next: the preliminary one until it is made, then the final one; none once both are made or none is due. */
export function nextReport(row: IncidentRow): { kind: ReportKind; dueOn: string; days: number } | null {
  const kind: ReportKind | null =
    row.preliminaryDueOn && !row.preliminaryReportedAt ? 'preliminary' : row.finalDueOn && !row.finalReportedAt ? 'final' : null;
  if (kind === null || row.state === 'closed') return null;
  const dueOn = (kind === 'preliminary' ? row.preliminaryDueOn : row.finalDueOn)!;
  // The core counts the days on its own clock; the screen's calendar is only a fallback.
  return { kind, dueOn, days: row.daysToNextReport ?? daysUntil(dueOn) };
}
