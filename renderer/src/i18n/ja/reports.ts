// Japanese for management reports with charts (issue #9).
import { chartWords } from '../../../../src-shared/report-charts';
import { reportWords } from '../../../../src-shared/report-words';

export const reportsJa = {
  nav: { reports: '報告書' },
  reports: {
    intro: '経営層への報告用に、月または任意の期間の開示等の請求、第三者提供、漏えい等の事案、誓約書の提出状況をまとめます。PDF（グラフ付き）と表ごとのCSVで保存できます。個人を特定する情報は含みません。',
    mode: { month: '月ごと', range: '期間を指定' },
    modeLabel: '対象',
    month: '対象月',
    from: '開始日',
    to: '終了日',
    period: '{{from}}〜{{to}}',
    loading: '集計しています…',
    empty: 'この期間には、請求・第三者提供・事案の記録がありません。',
    emptyHint: '別の月を選ぶか、期間を広げてください。誓約書の提出状況は下に表示しています。',
    exportPdf: 'PDFで保存',
    exportCsv: 'CSVで保存',
    pdfWritten: '報告書のPDFを保存しました。',
    csvWritten: '表ごとのCSVを{{count}}件保存しました。',
    noChart: 'グラフに示すデータがありません。',
    definitions:
      '受付は受付日が期間内の請求、完了・不応諾・取下げは期間内に終えた請求を数えます。期限内とは、回答（完了または不応諾）の日が延長後を含む期限の日以前であることです。日数は受付日から完了日までの暦日です。誓約書は期間の最終日（期間の途中なら本日）に有効なものを数えます。',
    sections: {
      summary: '概要',
      requests: '開示等の請求（種類別）',
      timeliness: '対応日数と期限',
      refusals: '不応諾の理由',
      provisions: '第三者提供（根拠別）',
      incidents: '漏えい等の事案',
      statements: '秘密保持誓約書の提出状況（{{day}}時点）',
    },
    charts: {
      requests: 'グラフ：請求の種類ごとの受付件数と、完了・不応諾・取下げの件数',
      onTime: 'グラフ：回答した請求のうち期限内 {{onTime}}件、期限超過 {{late}}件',
      refusals: 'グラフ：不応諾の理由ごとの件数',
      provisions: 'グラフ：第三者提供の根拠ごとの件数',
      statements: 'グラフ：担当者{{staff}}名のうち有効な誓約書のある{{current}}名',
    },
    columns: reportWords.ja.columns,
    figures: reportWords.ja.figures,
    units: { days: '{{count}}日', longest: '{{count}}日（{{number}}）' },
    chart: chartWords.ja,
  },
  errors: {
    report: {
      rangeReversed: '終了日が開始日より前になっています。日付を入れ直してください。',
      rangeTooLong: '期間は400日までです。期間を短くしてください。',
    },
  },
  fieldErrors: {
    report: {
      rangeReversed: '開始日以降の日を入れてください。',
      rangeTooLong: '期間は400日までです。',
    },
  },
};
