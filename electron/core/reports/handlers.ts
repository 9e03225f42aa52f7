// reports.*: reports for management: a month or any date range, on screen with charts, as a Japanese PDF and CSVs.
import type { reports } from '../../../src-shared/api/reports';
import type { Handlers } from '../handler';
import { exportReportCsv, exportReportPdf } from './export';
import { reportFigures } from './figures';

export const reportHandlers: Handlers<typeof reports> = {
  'reports.summary': async (input, ctx) => {
    Object.assign(ctx.audit, { targetType: 'report', details: { from: input.from, to: input.to } });
    return reportFigures(ctx.db, input, ctx.desk.now());
  },
  'reports.exportPdf': (input, ctx) => exportReportPdf(ctx, input),
  'reports.exportCsv': (input, ctx) => exportReportCsv(ctx, input),
};
