// The report's charts drawn to SVG in the core with ECharts' server-side rendering, for the PDF the printer makes.
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ReportFigures } from '../../../src-shared/api/reports';
import { chartHasData, onTimeChart, provisionsChart, refusalsChart, requestsChart, statementsChart, type ChartOption, type ChartWords } from '../../../src-shared/report-charts';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer]);

/** One chart as an SVG string; no DOM: ECharts lays it out for the size given (CSS pixels, 96 per inch). */
export function chartSvg(option: ChartOption, size: { width: number; height: number }): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ ...option, animation: false, tooltip: { show: false } });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export interface ReportSvgs {
  requests: string | null;
  onTime: string | null;
  refusals: string | null;
  provisions: string | null;
  statements: string | null;
}

/** The PDF's charts; a chart with nothing to draw is null, and the page says so in words instead. */
export function reportSvgs(f: ReportFigures, w: ChartWords): ReportSvgs {
  const has = chartHasData(f);
  // A4 portrait leaves about 690 px of width inside the margins: a wide chart for requests, the others half-width.
  const wide = { width: 680, height: 240 };
  const half = { width: 330, height: 210 };
  return {
    requests: has.requests ? chartSvg(requestsChart(f, w), wide) : null,
    onTime: has.onTime ? chartSvg(onTimeChart(f, w), half) : null,
    refusals: has.refusals ? chartSvg(refusalsChart(f, w), half) : null,
    provisions: has.provisions ? chartSvg(provisionsChart(f, w), half) : null,
    statements: has.statements ? chartSvg(statementsChart(f, w), half) : null,
  };
}
