// English for management reports with charts (issue #9).
import { chartWords } from '../../../../src-shared/report-charts';
import { reportWords } from '../../../../src-shared/report-words';

export const reportsEn = {
  nav: { reports: 'Reports' },
  reports: {
    intro: 'A report for management on a month or any period: requests from people, third-party provisions, incidents and confidentiality statements. Save it as a PDF with the charts, and as one CSV per table. It holds no one’s personal data.',
    mode: { month: 'By month', range: 'Any period' },
    modeLabel: 'Report on',
    month: 'Month',
    from: 'From',
    to: 'To',
    period: '{{from}} – {{to}}',
    loading: 'Counting…',
    empty: 'No requests, provisions or incidents were recorded in this period.',
    emptyHint: 'Choose another month or a longer period. Statements coverage is shown below.',
    exportPdf: 'Save as PDF',
    exportCsv: 'Save as CSV',
    pdfWritten: 'The report was saved as a PDF.',
    csvWritten: '{{count}} CSV files saved, one per table.',
    noChart: 'Nothing to chart.',
    definitions:
      'Received counts requests received in the period; completed, refused and withdrawn count requests closed in the period. On time: answered (completed or refused) on or before the due date in force, extensions included. Days are calendar days from receipt to completion. Statements count when in force on the last day of the period (today, for a period not yet over).',
    sections: {
      summary: 'Summary',
      requests: 'Requests by kind',
      timeliness: 'Days to complete and due dates',
      refusals: 'Refusals by reason',
      provisions: 'Third-party provisions by basis',
      incidents: 'Incidents (leaks and similar)',
      statements: 'Confidentiality statements (as of {{day}})',
    },
    charts: {
      requests: 'Chart: requests received by kind, and those completed, refused or withdrawn',
      onTime: 'Chart: of the requests answered, {{onTime}} on time and {{late}} late',
      refusals: 'Chart: refusals by reason',
      provisions: 'Chart: third-party provisions by basis',
      statements: 'Chart: {{current}} of {{staff}} staff members have a statement in force',
    },
    columns: reportWords.en.columns,
    figures: reportWords.en.figures,
    units: { days_one: '{{count}} day', days_other: '{{count}} days', longest_one: '{{count}} day ({{number}})', longest_other: '{{count}} days ({{number}})' },
    chart: chartWords.en,
  },
  errors: {
    report: {
      rangeReversed: 'The end date is before the start date. Enter the dates again.',
      rangeTooLong: 'A report covers at most 400 days. Choose a shorter period.',
    },
  },
  fieldErrors: {
    report: {
      rangeReversed: 'Enter a day on or after the start date.',
      rangeTooLong: 'At most 400 days.',
    },
  },
};
