// Reports for management: a month or any date range, on screen with charts, as a Japanese PDF and CSVs.
import { z } from 'zod';
import type { ProvisionBasis } from '../registers';
import type { RefusalGround, RequestKind } from '../requests';
import { day } from './customer-input';
import { area, method, type } from './method';
import { saveTo } from './save-target';

/** A year and more is what management asks for at most (the annual report); longer ranges are refused. */
export const maxReportDays = 400;

const range = {
  from: day,
  to: day,
};
const rangeIsOrdered = (r: { from: string; to: string }) => r.from <= r.to;
const rangeIsShort = (r: { from: string; to: string }) => (Date.parse(r.to) - Date.parse(r.from)) / 86_400_000 < maxReportDays;

export const reportRangeInput = z
  .object(range)
  .strict()
  .refine(rangeIsOrdered, { message: 'report.rangeReversed', path: ['to'] })
  .refine(rangeIsShort, { message: 'report.rangeTooLong', path: ['to'] });

export const reportExportInput = z
  .object({ ...range, language: z.enum(['ja', 'en']), saveTo })
  .strict()
  .refine(rangeIsOrdered, { message: 'report.rangeReversed', path: ['to'] })
  .refine(rangeIsShort, { message: 'report.rangeTooLong', path: ['to'] });
export type ReportRange = z.output<typeof reportRangeInput>;

/** One kind of request: received in the range, and closed in the range by outcome. */
export interface RequestKindFigures {
  kind: RequestKind;
  received: number;
  completed: number;
  refused: number;
  withdrawn: number;
}

/**
 * The figures of a report: counts only, never a person's data (management reads them, and the auditor may).
 * What each counts is defined once, in electron/core/reports/figures.ts.
 */
export interface ReportFigures {
  range: { from: string; to: string };
  preparedAt: string;
  requests: {
    byKind: RequestKindFigures[];
    received: number;
    completed: number;
    refused: number;
    withdrawn: number;
    /** Open at the end of the range, wherever they were received. */
    openAtEnd: number;
  };
  completion: { count: number; medianDays: number | null; longestDays: number | null; longestNumber: string | null };
  onTime: { answered: number; onTime: number; late: number; rate: number | null };
  extensions: number;
  refusals: { ground: RefusalGround; count: number }[];
  provisions: { basis: ProvisionBasis; count: number; people: number }[];
  incidents: { discovered: number; people: number; preliminaryReported: number; finalReported: number; closed: number };
  statements: { asOf: string; staff: number; current: number; rate: number | null };
}

/** The files an export wrote: names only for the page; the paths stay on the workstation. */
export interface ReportFile {
  name: string;
  file: string;
}

export const reports = area('reports', {
  /** The figures for the screen: counts, no personal data; the trail records who looked at which range. */
  summary: method({ input: reportRangeInput, output: type<ReportFigures>(), access: 'reports.read', audit: 'read' }),
  /** A PDF with the charts, in Japanese (or English for a person who reads English); recorded with the range and the file. */
  exportPdf: method({ input: reportExportInput, output: type<ReportFile>(), access: 'reports.read', audit: 'write' }),
  /** One CSV per table (UTF-8 with BOM) beside the chosen path; recorded with the range and the file names. */
  exportCsv: method({ input: reportExportInput, output: type<{ files: ReportFile[] }>(), access: 'reports.read', audit: 'write' }),
});
