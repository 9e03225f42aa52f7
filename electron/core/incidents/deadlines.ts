// The report deadlines of a reportable leak, in the office's calendar days (APPI Art. 26(1), rules Art. 8).
import { finalReportDays, preliminaryReportDays } from '../../../src-shared/registers';
import { addDays, localDay } from '../dates';

export interface ReportDeadlines {
  /** "Promptly": the PPC's guidelines read about 3 to 5 days; the office aims at the first. */
  preliminaryTargetOn: string;
  /** The latest day for the preliminary report: what the countdown runs to. */
  preliminaryDueOn: string;
  finalDueOn: string;
}

/**
 * Counted from the day the company learned of the incident (rules Art. 8(2)), on the workstation's calendar. As in
 * the Civil Code (Art. 140) that day itself is not counted: discovered on 20 November, the final report is due by
 * 20 December. Weekends and holidays count like any other day: the deadline is never moved later, so the desk never
 * tells the office it has more time than it may have.
 */
export function reportDeadlines(discoveredAt: string, unlawfulSuspected: boolean): ReportDeadlines {
  const discoveredOn = localDay(new Date(discoveredAt));
  return {
    preliminaryTargetOn: addDays(discoveredOn, preliminaryReportDays.target),
    preliminaryDueOn: addDays(discoveredOn, preliminaryReportDays.latest),
    // Rules Art. 8(2): 60 days where the leak was, or may have been, done with an unlawful purpose.
    finalDueOn: addDays(discoveredOn, unlawfulSuspected ? finalReportDays.unlawful : finalReportDays.normal),
  };
}

/** Whole calendar days from one day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const utc = (day: string) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

export interface ReportState {
  reportable: boolean;
  open: boolean;
  deadlines: ReportDeadlines | null;
  preliminaryReportedAt: string | null;
  finalReportedAt: string | null;
}

/** Days left to the next report not yet made (negative once it is late); null when none is due or the incident is closed. */
export function daysToNextReport(state: ReportState, today: string): number | null {
  if (!state.open || !state.reportable || !state.deadlines) return null;
  if (state.preliminaryReportedAt === null) return daysBetween(today, state.deadlines.preliminaryDueOn);
  if (state.finalReportedAt === null) return daysBetween(today, state.deadlines.finalDueOn);
  return null;
}
