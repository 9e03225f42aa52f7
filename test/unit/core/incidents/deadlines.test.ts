// The report deadlines, counted from the day of discovery on the office's calendar (rules Art. 8).
import { describe, expect, it } from 'vitest';
import { daysToNextReport, reportDeadlines } from '../../../../electron/core/incidents/deadlines';

// Mid-afternoon in Japan: the same calendar day whatever the time zone of the machine running the tests.
const discovered = '2026-11-20T14:00:00+09:00';

describe('the deadlines count from discovery', () => {
  it('the preliminary report aims at 3 days and is due at the latest 5 days after the day of discovery; the final one 30 days after', () => {
    expect(reportDeadlines(discovered, false)).toEqual({ preliminaryTargetOn: '2026-11-23', preliminaryDueOn: '2026-11-25', finalDueOn: '2026-12-20' });
  });

  it('the final report is due 60 days after discovery when an unlawful purpose is suspected', () => {
    expect(reportDeadlines(discovered, true).finalDueOn).toBe('2027-01-19');
  });

  it('the countdown runs to the preliminary report, then to the final one, and goes negative when late', () => {
    const deadlines = reportDeadlines(discovered, false);
    const state = { reportable: true, open: true, deadlines, preliminaryReportedAt: null, finalReportedAt: null };
    expect(daysToNextReport(state, '2026-11-20')).toBe(5);
    expect(daysToNextReport(state, '2026-11-25')).toBe(0);
    expect(daysToNextReport(state, '2026-11-27')).toBe(-2);
    const preliminaryMade = { ...state, preliminaryReportedAt: '2026-11-22T01:00:00.000Z' };
    expect(daysToNextReport(preliminaryMade, '2026-11-27')).toBe(23);
    expect(daysToNextReport(preliminaryMade, '2026-12-21')).toBe(-1);
  });

  it('nothing counts down once both reports are made, when the leak is not reportable, or once the incident is closed', () => {
    const deadlines = reportDeadlines(discovered, false);
    expect(daysToNextReport({ reportable: true, open: true, deadlines, preliminaryReportedAt: 'x', finalReportedAt: 'y' }, '2026-11-27')).toBeNull();
    expect(daysToNextReport({ reportable: false, open: true, deadlines: null, preliminaryReportedAt: null, finalReportedAt: null }, '2026-11-27')).toBeNull();
    expect(daysToNextReport({ reportable: true, open: false, deadlines, preliminaryReportedAt: null, finalReportedAt: null }, '2026-11-27')).toBeNull();
  });
});
