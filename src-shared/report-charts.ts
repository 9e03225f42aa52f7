// The report's charts as ECharts options, built once from the figures: drawn on screen and rendered to SVG for the PDF.
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { AriaComponentOption, GridComponentOption, LegendComponentOption, TitleComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { ReportFigures } from './api/reports';
import type { ProvisionBasis } from './registers';
import type { RefusalGround, RequestKind } from './requests';

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TitleComponentOption | TooltipComponentOption | AriaComponentOption
>;

/** The words on the charts, in the reader's language (the screen's i18n, or the PDF's labels). */
export interface ChartWords {
  kinds: Record<RequestKind, string>;
  grounds: Record<RefusalGround, string>;
  bases: Record<ProvisionBasis, string>;
  received: string;
  completed: string;
  refused: string;
  withdrawn: string;
  onTime: string;
  late: string;
  covered: string;
  notCovered: string;
  provisions: string;
}

/** The charts' words in both languages: the PDF uses them, and the screen's i18n bundles take them in too. */
export const chartWords: { ja: ChartWords; en: ChartWords } = {
  ja: {
    kinds: { disclosure: '開示', correction: '訂正・追加・削除', erasure: '消去', cessationOfUse: '利用停止', cessationOfProvision: '第三者提供の停止', cessationOfPurpose: '目的ごとの利用停止' },
    grounds: {
      harmToPerson: '本人等の権利利益を害するおそれ',
      hindranceToBusiness: '業務の適正な実施に支障',
      breachOfOtherLaw: '他の法令に違反',
      contentIsAccurate: '内容が事実（訂正不要）',
      requirementsNotMet: '要件を満たさない',
      alternativeMeasureTaken: '代替措置を実施',
      identityNotVerified: '本人確認ができない',
      noDataHeld: '保有個人データなし',
    },
    bases: { consent: '本人の同意', publicInstitution: '公的機関からの要請', specialLaw: '法令の特別の定め', protectLife: '生命・身体・財産の保護', protectCompanyRights: '当社の権利の保護' },
    received: '受付',
    completed: '完了',
    refused: '不応諾',
    withdrawn: '取下げ',
    onTime: '期限内',
    late: '期限超過',
    covered: '誓約書あり',
    notCovered: '誓約書なし・期限切れ',
    provisions: '第三者提供',
  },
  en: {
    kinds: { disclosure: 'Disclosure', correction: 'Correction', erasure: 'Erasure', cessationOfUse: 'Cessation of use', cessationOfProvision: 'Cessation of provision', cessationOfPurpose: 'Cessation for a purpose' },
    grounds: {
      harmToPerson: 'Harm to the person or others',
      hindranceToBusiness: 'Hindrance to the business',
      breachOfOtherLaw: 'Would breach another law',
      contentIsAccurate: 'Content is accurate',
      requirementsNotMet: 'Requirements not met',
      alternativeMeasureTaken: 'Alternative measure taken',
      identityNotVerified: 'Identity not verified',
      noDataHeld: 'No data held',
    },
    bases: { consent: 'Consent', publicInstitution: 'Public institution', specialLaw: 'Provided for by law', protectLife: 'Protect life, body or property', protectCompanyRights: "Protect the company's rights" },
    received: 'Received',
    completed: 'Completed',
    refused: 'Refused',
    withdrawn: 'Withdrawn',
    onTime: 'On time',
    late: 'Late',
    covered: 'Statement in force',
    notCovered: 'No statement or expired',
    provisions: 'Third-party provisions',
  },
};

/**
 * One palette for screen and paper: saturated hues that stay apart in greyscale print and for the common colour-vision
 * deficiencies (blue, orange, red-purple, teal); grey is kept for "not" (late, not covered), never for a figure.
 */
export const chartColours = { received: '#2f6db5', completed: '#1b9e77', refused: '#d95f02', withdrawn: '#7570b3', late: '#c0392b', notCovered: '#b0b7c3' } as const;
const palette = ['#2f6db5', '#d95f02', '#1b9e77', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d'];

/** The same sans-serif as the rest of the page, Japanese first: in the PDF the glyphs come from the embedded font. */
const textStyle = { fontFamily: "'Noto Sans CJK JP', 'Noto Sans JP', 'Yu Gothic', 'Hiragino Sans', 'Meiryo', sans-serif", fontSize: 12 };

function horizontalBars(categories: string[], series: BarSeriesOption[], legend: boolean): ChartOption {
  return {
    color: palette,
    textStyle,
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: legend ? { top: 0, textStyle } : { show: false },
    grid: { left: 8, right: 24, top: legend ? 32 : 8, bottom: 8 },
    xAxis: { type: 'value', minInterval: 1 },
    // The first category at the top, as a table reads.
    yAxis: { type: 'category', data: categories, inverse: true, axisLabel: { width: 150, overflow: 'break' } },
    series,
  };
}

/** `colours`: fixed ones for a yes/no pie (given per chart, not per slice, so the legend shows the same colours). */
function pie(name: string, data: { name: string; value: number }[], colours: string[] = palette): ChartOption {
  return {
    color: colours,
    textStyle,
    animation: false,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, textStyle },
    series: [
      {
        name,
        type: 'pie',
        radius: ['35%', '65%'],
        center: ['50%', '44%'],
        // A slice of 0 has no label (a stray "0" on a line points at nothing); it stays in the legend.
        data: data.map((d) => (d.value === 0 ? { ...d, label: { show: false }, labelLine: { show: false } } : d)),
        label: { formatter: '{c}', fontFamily: textStyle.fontFamily },
        avoidLabelOverlap: true,
      },
    ],
  };
}

/** Per kind of request: received in the range beside the closed ones stacked by outcome. */
export function requestsChart(f: ReportFigures, w: ChartWords): ChartOption {
  const rows = f.requests.byKind.filter((k) => k.received + k.completed + k.refused + k.withdrawn > 0);
  const bar = (name: string, colour: string, values: number[], stack?: string): BarSeriesOption => ({ name, type: 'bar', stack, data: values, itemStyle: { color: colour }, barMaxWidth: 18 });
  return horizontalBars(
    rows.map((k) => w.kinds[k.kind]),
    [
      bar(w.received, chartColours.received, rows.map((k) => k.received)),
      bar(w.completed, chartColours.completed, rows.map((k) => k.completed), 'closed'),
      bar(w.refused, chartColours.refused, rows.map((k) => k.refused), 'closed'),
      bar(w.withdrawn, chartColours.withdrawn, rows.map((k) => k.withdrawn), 'closed'),
    ],
    true,
  );
}

export function onTimeChart(f: ReportFigures, w: ChartWords): ChartOption {
  return pie(
    w.onTime,
    [
      { name: w.onTime, value: f.onTime.onTime },
      { name: w.late, value: f.onTime.late },
    ],
    [chartColours.completed, chartColours.late],
  );
}

/** Only the grounds used in the range: eight empty bars would hide the two that matter. */
export function refusalsChart(f: ReportFigures, w: ChartWords): ChartOption {
  const used = f.refusals.filter((r) => r.count > 0);
  return horizontalBars(used.map((r) => w.grounds[r.ground]), [{ name: w.refused, type: 'bar', data: used.map((r) => r.count), itemStyle: { color: chartColours.refused }, barMaxWidth: 18 }], false);
}

export function provisionsChart(f: ReportFigures, w: ChartWords): ChartOption {
  return pie(
    w.provisions,
    f.provisions.filter((p) => p.count > 0).map((p) => ({ name: w.bases[p.basis], value: p.count })),
  );
}

export function statementsChart(f: ReportFigures, w: ChartWords): ChartOption {
  return pie(
    w.covered,
    [
      { name: w.covered, value: f.statements.current },
      { name: w.notCovered, value: f.statements.staff - f.statements.current },
    ],
    [chartColours.received, chartColours.notCovered],
  );
}

/** Which charts have something to draw: an empty chart is replaced by a sentence saying so. */
export function chartHasData(f: ReportFigures): { requests: boolean; onTime: boolean; refusals: boolean; provisions: boolean; statements: boolean } {
  return {
    requests: f.requests.byKind.some((k) => k.received + k.completed + k.refused + k.withdrawn > 0),
    onTime: f.onTime.answered > 0,
    refusals: f.refusals.some((r) => r.count > 0),
    provisions: f.provisions.some((p) => p.count > 0),
    statements: f.statements.staff > 0,
  };
}
