// The report's tables, built once from the figures: the PDF prints them beside the charts, the CSVs are one per table.
import type { ReportFigures } from '../../../src-shared/api/reports';
import { formatDay } from '../notices/templates';
import type { ReportLabels } from './labels';

export type ReportTableKey = 'requests' | 'timeliness' | 'refusals' | 'provisions' | 'incidents' | 'statements';
export type ReportCell = string | number | null;

export interface ReportTable {
  key: ReportTableKey;
  title: string;
  headers: string[];
  rows: ReportCell[][];
}

/** A rate as the office writes it: one decimal, a percent sign; nothing to divide gives no rate (shown as —). */
export function percent(rate: number | null): string | null {
  return rate === null ? null : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

export function reportTables(f: ReportFigures, l: ReportLabels): ReportTable[] {
  const c = l.columns;
  const g = l.figures;
  const r = f.requests;
  const figure = (rows: [string, ReportCell][]): ReportCell[][] => rows.map(([name, value]) => [name, value]);
  return [
    {
      key: 'requests',
      title: l.sections.requests,
      headers: [c.kind, c.received, c.completed, c.refused, c.withdrawn],
      rows: r.byKind.map((k) => [l.chart.kinds[k.kind], k.received, k.completed, k.refused, k.withdrawn] as ReportCell[]).concat([[l.language === 'ja' ? '合計' : 'Total', r.received, r.completed, r.refused, r.withdrawn]]),
    },
    {
      key: 'timeliness',
      title: l.sections.timeliness,
      headers: [c.figure, c.value],
      rows: figure([
        [g.completedCount, f.completion.count],
        [g.medianDays, f.completion.medianDays],
        [g.longestDays, f.completion.longestDays === null ? null : `${f.completion.longestDays}${l.notes.longestIs(f.completion.longestNumber!)}`],
        [g.answered, f.onTime.answered],
        [g.onTime, f.onTime.onTime],
        [g.late, f.onTime.late],
        [g.onTimeRate, percent(f.onTime.rate)],
        [g.extensions, f.extensions],
        [g.openAtEnd, r.openAtEnd],
      ]),
    },
    { key: 'refusals', title: l.sections.refusals, headers: [c.ground, c.count], rows: f.refusals.map((x) => [l.chart.grounds[x.ground], x.count]) },
    { key: 'provisions', title: l.sections.provisions, headers: [c.basis, c.provisions, c.people], rows: f.provisions.map((x) => [l.chart.bases[x.basis], x.count, x.people]) },
    {
      key: 'incidents',
      title: l.sections.incidents,
      headers: [c.figure, c.value],
      rows: figure([
        [g.discovered, f.incidents.discovered],
        [g.incidentPeople, f.incidents.people],
        [g.preliminary, f.incidents.preliminaryReported],
        [g.final, f.incidents.finalReported],
        [g.incidentClosed, f.incidents.closed],
      ]),
    },
    {
      key: 'statements',
      title: `${l.sections.statements}${l.notes.statementsAsOf(formatDay(f.statements.asOf, l.language))}`,
      headers: [c.figure, c.value],
      rows: figure([
        [g.staff, f.statements.staff],
        [g.covered, f.statements.current],
        [g.coverage, percent(f.statements.rate)],
      ]),
    },
  ];
}
