// The report as printable A4 pages: a summary, then each figure with its chart beside its table, in the reader's language.
import type { ReportFigures } from '../../../src-shared/api/reports';
import type { ManagerInCharge } from '../../../src-shared/domain';
import { cssString } from '../disclosures/pdf-html';
import { formatDay } from '../notices/templates';
import { escapeHtml } from '../printer';
import type { ReportSvgs } from './charts-svg';
import type { ReportLabels } from './labels';
import { percent, reportTables, type ReportTable, type ReportTableKey } from './tables';

const e = escapeHtml;

/** The range is one whole calendar month: the report is then the monthly one and says which month. */
export function wholeMonth(range: { from: string; to: string }): string | null {
  const [y, m] = range.from.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return range.from.endsWith('-01') && range.to === `${range.from.slice(0, 8)}${String(last).padStart(2, '0')}` ? range.from.slice(0, 7) : null;
}

export function periodText(range: { from: string; to: string }, l: ReportLabels): string {
  const month = wholeMonth(range);
  if (month) {
    const [y, m] = month.split('-').map(Number) as [number, number];
    return l.language === 'ja' ? `${y}年${m}月` : new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  }
  return `${formatDay(range.from, l.language)} – ${formatDay(range.to, l.language)}`;
}

function table(t: ReportTable, l: ReportLabels): string {
  const numeric = (v: unknown) => typeof v === 'number' || (typeof v === 'string' && /^\d[\d.,]*%$/.test(v));
  const cell = (v: string | number | null) => `<td${numeric(v) ? ' class="num"' : ''}>${v === null ? '—' : e(typeof v === 'number' ? v.toLocaleString(l.language === 'ja' ? 'ja-JP' : 'en-GB') : v)}</td>`;
  return `<table class="figures"><thead><tr>${t.headers.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${t.rows.map((row) => `<tr>${row.map(cell).join('')}</tr>`).join('')}</tbody></table>`;
}

function section(t: ReportTable, chart: string | null | undefined, l: ReportLabels, layout: 'stacked' | 'beside'): string {
  const drawing = chart === undefined ? '' : `<div class="chart" data-chart="${t.key}">${chart ?? `<p class="none">${e(l.notes.noChart)}</p>`}</div>`;
  return `<section class="${layout}" id="${t.key}"><h2>${e(t.title)}</h2><div class="body">${drawing}<div class="table">${table(t, l)}</div></div></section>`;
}

export function reportHtml(f: ReportFigures, svgs: ReportSvgs, l: ReportLabels, heading: { preparedOn: string; manager: ManagerInCharge }): string {
  const title = wholeMonth(f.range) ? l.title : l.titleRange;
  const period = periodText(f.range, l);
  const tables = Object.fromEntries(reportTables(f, l).map((t) => [t.key, t])) as Record<ReportTableKey, ReportTable>;
  const g = l.figures;
  const tiles: [string, string][] = [
    [g.received, String(f.requests.received)],
    [g.completedCount, String(f.completion.count)],
    [g.onTimeRate, percent(f.onTime.rate) ?? '—'],
    [g.medianDays, f.completion.medianDays === null ? '—' : l.unit.days(f.completion.medianDays)],
    [g.extensions, String(f.extensions)],
    [g.discovered, String(f.incidents.discovered)],
    [g.coverage, percent(f.statements.rate) ?? '—'],
  ];
  const m = heading.manager;
  const footer = `${title}　${period}`;
  const font = `'Noto Sans CJK JP', 'Noto Sans JP', 'Yu Gothic', 'Hiragino Sans', 'Meiryo', sans-serif`;
  return `<!doctype html>
<html lang="${l.language}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${e(`${title} ${period}`)}</title>
<style>
  @page {
    size: A4; margin: 14mm 14mm 16mm;
    @bottom-left { content: ${cssString(footer)}; font-size: 7.5pt; color: #555; font-family: ${font}; }
    @bottom-right { content: ${cssString(l.page)} " " counter(page) " / " counter(pages); font-size: 7.5pt; color: #555; font-family: ${font}; }
  }
  body { font-family: ${font}; font-size: 9pt; line-height: 1.5; color: #111; margin: 0; }
  h1 { font-size: 15pt; text-align: center; margin: 0 0 1mm; letter-spacing: 0.05em; }
  .period { text-align: center; font-size: 11pt; margin: 0 0 4mm; }
  h2 { font-size: 11pt; margin: 6mm 0 2mm; padding-bottom: 1mm; border-bottom: 1.5px solid #333; break-after: avoid; }
  .meta { border-collapse: collapse; font-size: 8.5pt; margin: 0 0 4mm auto; }
  .meta th, .meta td { border: none; padding: 0 0 0 4mm; text-align: left; }
  .meta th { font-weight: normal; color: #444; }
  .tiles { display: grid; grid-template-columns: repeat(4, 1fr); gap: 2mm; }
  .tile { border: 0.5px solid #888; border-radius: 1.5mm; padding: 1.5mm 2mm; }
  .tile .name { font-size: 7.5pt; color: #444; }
  .tile .value { font-size: 14pt; font-weight: bold; }
  section { break-inside: avoid; }
  .beside .body { display: flex; gap: 4mm; align-items: flex-start; }
  .beside .chart { flex: 0 0 88mm; }
  .beside .table { flex: 1; }
  .chart svg { display: block; max-width: 100%; height: auto; }
  table.figures { width: 100%; border-collapse: collapse; }
  .stacked .table { margin-top: 2mm; }
  th, td { border: 0.5px solid #888; padding: 0.8mm 1.5mm; text-align: left; vertical-align: top; }
  thead th { background: #e8ecf2; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; }
  .none { color: #555; }
  .note { color: #444; font-size: 8pt; margin-top: 5mm; }
</style></head>
<body>
<h1>${e(title)}</h1>
<p class="period">${e(period)}</p>
<table class="meta"><tbody>
  <tr><th>${e(l.period)}</th><td>${e(`${formatDay(f.range.from, l.language)} – ${formatDay(f.range.to, l.language)}`)}</td></tr>
  <tr><th>${e(l.preparedOn)}</th><td>${e(formatDay(heading.preparedOn, l.language))}</td></tr>
  <tr><th>${e(l.manager)}</th><td>${e(l.language === 'ja' ? `${m.name}（${m.title}）` : `${m.name} (${m.title})`)}</td></tr>
</tbody></table>
<h2>${e(l.sections.summary)}</h2>
<div class="tiles">${tiles.map(([name, value]) => `<div class="tile"><div class="name">${e(name)}</div><div class="value">${e(value)}</div></div>`).join('')}</div>
${section(tables.requests, svgs.requests, l, 'stacked')}
${section(tables.timeliness, svgs.onTime, l, 'beside')}
${section(tables.refusals, svgs.refusals, l, 'beside')}
${section(tables.provisions, svgs.provisions, l, 'beside')}
${section(tables.incidents, undefined, l, 'beside')}
${section(tables.statements, svgs.statements, l, 'beside')}
<p class="note">${e(l.notes.definitions)}</p>
</body></html>`;
}
