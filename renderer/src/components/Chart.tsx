// A chart from ECharts (bar, line, pie) drawn as SVG, resized with its box, with a spoken description for screen readers.
import { useEffect, useRef } from 'react';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartOption } from '../../../src-shared/report-charts';

// Only what the desk draws is bundled (bars, pies, the dashboard's lines): the full ECharts build is about three times this.
echarts.use([BarChart, LineChart, PieChart, AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer]);

export interface ChartProps {
  option: ChartOption;
  /** What the chart shows, in words: read by screen readers in place of the drawing (WCAG 1.1.1). */
  label: string;
  height?: number;
}

export function Chart({ option, label, height = 260 }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = box.current!;
    const instance = echarts.init(element, null, { renderer: 'svg' });
    chart.current = instance;
    // A chart follows its card's width (window resized, side panel opened), not only the window's.
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // Without the `aria` component's own label, ECharts writes an English sentence; ours is in the person's language.
    chart.current?.setOption({ ...option, aria: { enabled: true, label: { enabled: true, description: label } } }, { notMerge: true });
    box.current?.setAttribute('aria-label', label);
    // The drawing itself is decoration behind the label: a screen reader reads the box, not the SVG's shapes.
    box.current?.querySelector('svg')?.setAttribute('aria-hidden', 'true');
  }, [option, label]);

  return <div ref={box} role="img" aria-label={label} style={{ width: '100%', height }} data-chart />;
}
