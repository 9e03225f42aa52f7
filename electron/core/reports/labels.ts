// The report's words for the PDF and the CSVs, in Japanese and English; the column and figure names are shared with the screen.
import { chartWords } from '../../../src-shared/report-charts';
import { reportWords } from '../../../src-shared/report-words';

const ja = {
  language: 'ja' as 'ja' | 'en',
  title: '個人情報保護 月次報告書',
  titleRange: '個人情報保護 報告書',
  period: '対象期間',
  preparedOn: '作成日',
  manager: '個人情報保護管理者',
  page: 'ページ',
  none: '該当なし',
  chart: chartWords.ja,
  sections: {
    summary: '概要',
    requests: '開示等の請求（種類別）',
    timeliness: '対応日数と期限',
    refusals: '不応諾の理由',
    provisions: '第三者提供（根拠別）',
    incidents: '漏えい等の事案',
    statements: '秘密保持誓約書の提出状況',
  },
  columns: reportWords.ja.columns,
  figures: reportWords.ja.figures,
  notes: {
    definitions:
      '受付は受付日が期間内の請求、完了・不応諾・取下げは期間内に終えた請求を数えます。期限内とは、回答（完了または不応諾）の日が延長後を含む期限の日以前であることです。日数は受付日から完了日までの暦日です。誓約書は期間の最終日（期間の途中なら作成日）に有効なものを数えます。',
    statementsAsOf: (day: string) => `（${day}時点）`,
    longestIs: (n: string) => `（${n}）`,
    noChart: '図に示すデータがありません。',
  },
  unit: { days: (n: number) => `${n}日`, count: (n: number) => `${n}件`, people: (n: number) => `${n}人` },
  csv: { requests: 'requests', timeliness: 'timeliness', refusals: 'refusals', provisions: 'provisions', incidents: 'incidents', statements: 'statements' },
};

export type ReportLabels = typeof ja;

const en: ReportLabels = {
  language: 'en',
  title: 'Privacy report for the month',
  titleRange: 'Privacy report',
  period: 'Period',
  preparedOn: 'Prepared on',
  manager: 'Manager in charge of personal information',
  page: 'Page',
  none: 'None',
  chart: chartWords.en,
  sections: {
    summary: 'Summary',
    requests: 'Requests by kind',
    timeliness: 'Days to complete and due dates',
    refusals: 'Refusals by reason',
    provisions: 'Third-party provisions by basis',
    incidents: 'Incidents (leaks and similar)',
    statements: 'Confidentiality statements',
  },
  columns: reportWords.en.columns,
  figures: reportWords.en.figures,
  notes: {
    definitions:
      'Received counts requests received in the period; completed, refused and withdrawn count requests closed in the period. On time: answered (completed or refused) on or before the due date in force, extensions included. Days are calendar days from receipt to completion. Statements count when in force on the last day of the period (the day of preparation, for a period not yet over).',
    statementsAsOf: (day: string) => ` (as of ${day})`,
    longestIs: (n: string) => ` (${n})`,
    noChart: 'Nothing to chart.',
  },
  unit: { days: (n: number) => `${n} days`, count: (n: number) => String(n), people: (n: number) => String(n) },
  csv: ja.csv,
};

export const reportLabels = { ja, en } as const;
