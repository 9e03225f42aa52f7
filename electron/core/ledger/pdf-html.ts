// The ledger as printable A4 landscape pages in the house style of the registers: the entries, then their risk
// assessments in force or awaiting approval; tables whose header repeats on every page.
import type { LedgerEntry } from '../../../src-shared/api/ledger';
import type { ManagerInCharge } from '../../../src-shared/domain';
import { cssString } from '../disclosures/pdf-html';
import { formatDay } from '../notices/templates';
import { escapeHtml } from '../printer';
import { assessmentStateLabels, ledgerColumns as c, residualLabels, reviewBasisLabels, riskColumns as r, riskStateLabels, sourceLabels, storageLabels, threatLabels, words as w } from './labels';

const e = escapeHtml;
const day = (d: string | null | undefined) => (d ? formatDay(d, 'ja') : '');
/** Cells are escaped here, once; `<br>` joins the lines of one cell. */
const cell = (...parts: (string | null | undefined)[]) => parts.filter((p) => p !== null && p !== undefined && p !== '').map((p) => e(p!)).join('<br>');

function table(headers: string[], rows: string[][], widths: string[]): string {
  if (rows.length === 0) return `<p class="none">${e(w.none)}</p>`;
  return `<table><colgroup>${widths.map((x) => `<col style="width:${x}">`).join('')}</colgroup><thead><tr>${headers.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((row) => `<tr>${row.map((x) => `<td>${x}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

function reviewCell(x: LedgerEntry): string {
  if (x.retiredOn) return cell(`${w.retired} ${day(x.retiredOn)}`);
  const v = x.review;
  const last =
    v.basis === 'confirmed' ? `${day(v.lastConfirmedAt)} ${v.lastConfirmedByName ?? ''}` : v.basis === 'paper' ? `${day(v.paperReviewedOn)} ${v.paperReviewedBy ?? ''}（${reviewBasisLabels.paper}）` : reviewBasisLabels.registered;
  const state = v.overdue ? `<strong class="overdue">${e(w.overdue)}</strong>` : e(v.dueSoon ? w.dueSoon : w.current);
  return `${cell(last, `${c.reviewDueOn}: ${day(v.dueOn)}`)}<br>${state}`;
}

function entryRow(x: LedgerEntry): string[] {
  const marks = [x.disclosable ? c.disclosable : null, x.specialCare ? c.specialCare : null].filter(Boolean).join('・');
  return [
    cell(x.number, x.name, marks ? `［${marks}］` : null),
    cell(x.items.join('、')),
    cell(...x.purposes.map((p) => `${p.id} ${p.titleJa}`), x.otherPurposes ? `${w.otherPurposes}: ${x.otherPurposes}` : null),
    cell(x.obtainedHow),
    cell(x.department, x.responsible, `${c.access}: ${x.access}`),
    cell(`${storageLabels[x.storageKind]}: ${x.storagePlace}`),
    cell(`${c.retention}: ${x.retention}`, `${c.disposal}: ${x.disposal}`),
    cell(x.outsourcees.length ? `${c.outsourcees}: ${x.outsourcees.map((p) => p.name).join('、')}` : null, x.recipients.length ? `${c.recipients}: ${x.recipients.map((p) => p.name).join('、')}` : null) || '—',
    cell(w.people(x.count.people), x.count.source ? sourceLabels[x.count.source] : `${w.typed}（${day(x.count.asOf)}）`),
    reviewCell(x),
    cell(riskStateLabels[x.risk.state], x.risk.score !== null ? `${r.score.replace(/（.*/, '')}: ${x.risk.score}` : null, x.risk.residual ? `${r.residual}: ${residualLabels[x.risk.residual]}` : null),
  ];
}

/** Per entry, the assessment in force and a newer one awaiting approval; the history stays in the workbook. */
function riskRows(entries: LedgerEntry[]): string[][] {
  return entries.flatMap((x) => {
    const live = x.assessments.filter((a) => a.state !== 'superseded');
    const pending = live.find((a) => a.state === 'awaitingApproval');
    const inForce = live.find((a) => a.state === 'approved');
    return [pending, inForce].filter((a) => a !== undefined).map((a) => [
      cell(x.number, x.name),
      cell(`v${a.version}`, assessmentStateLabels[a.state] + (a === inForce ? `（${w.inForce}）` : '')),
      cell(a.threats.map((t) => threatLabels[t]).join('、'), a.threatNotes),
      cell(`${a.likelihood} × ${a.impact} = ${a.score}`),
      cell(a.measures),
      cell(residualLabels[a.residual]),
      cell(`${w.drafted}: ${day(a.draftedAt)} ${a.draftedByName ?? ''}`, a.approvedAt ? `${w.approved}: ${day(a.approvedAt)} ${a.approvedByName ?? ''}` : null),
    ]);
  });
}

export function ledgerHtml(entries: LedgerEntry[], heading: { preparedOn: string; manager: ManagerInCharge }): string {
  const m = heading.manager;
  const footer = `${w.title}　${w.manager} ${m.name}　${m.email}　${m.phone}`;
  const entriesTable = table(
    [`${c.number}・${c.name}`, c.items, c.purposes, c.obtainedHow, `${c.department}・${c.responsible}`, '保管', `${c.retention}・${c.disposal}`, `${c.outsourcees}・${c.recipients}`, c.people, '見直し', c.riskState],
    entries.map(entryRow),
    ['12%', '9%', '11%', '8%', '10%', '8%', '9%', '8%', '8%', '10%', '7%'],
  );
  const risks = table([`${r.number}・${r.name}`, `${r.version}・${r.state}`, `${r.threats}・${r.threatNotes}`, '発生可能性×影響度', r.measures, r.residual, `${r.draftedBy}・${r.approvedBy}`], riskRows(entries), ['13%', '9%', '20%', '8%', '29%', '6%', '15%']);
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${e(w.title)}</title>
<style>
  @page {
    size: A4 landscape; margin: 14mm 12mm 16mm;
    @bottom-left { content: ${cssString(footer)}; font-size: 7pt; color: #555; font-family: 'Noto Sans CJK JP', 'Noto Sans JP', sans-serif; }
    @bottom-right { content: ${cssString(w.page)} " " counter(page) " / " counter(pages); font-size: 7pt; color: #555; font-family: 'Noto Sans CJK JP', 'Noto Sans JP', sans-serif; }
  }
  body { font-family: 'Noto Sans CJK JP', 'Noto Sans JP', 'Yu Gothic', 'Hiragino Sans', 'Meiryo', sans-serif; font-size: 7.5pt; line-height: 1.45; color: #111; }
  h1 { font-size: 13pt; text-align: center; margin: 0 0 4mm; letter-spacing: 0.05em; }
  h2 { font-size: 10.5pt; margin: 6mm 0 2mm; break-after: avoid; }
  .meta { border-collapse: collapse; font-size: 8pt; margin-bottom: 4mm; width: auto; }
  .meta th, .meta td { border: none; background: none; padding: 0 4mm 0 0; text-align: left; }
  .meta th { font-weight: normal; color: #444; }
  table { width: 100%; border-collapse: collapse; table-layout: fixed; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  th, td { border: 0.5px solid #888; padding: 0.8mm 1.2mm; vertical-align: top; text-align: left; overflow-wrap: anywhere; white-space: pre-wrap; }
  thead th { background: #e8ecf2; font-weight: bold; }
  .overdue { color: #b00020; }
  .none, .note { color: #555; }
  .risks { break-before: page; }
</style></head>
<body>
<h1>${e(w.title)}</h1>
<table class="meta"><tbody>
  <tr><th>${e(w.preparedOn)}</th><td>${e(day(heading.preparedOn))}</td><th>${e(w.entries)}</th><td>${entries.length.toLocaleString('ja-JP')}</td></tr>
  <tr><th>${e(w.manager)}</th><td colspan="3">${e(`${m.name}（${m.title}）　${m.email}　${m.phone}`)}</td></tr>
</tbody></table>
${entriesTable}
<p class="note">${e(w.liveNote)}</p>
<section class="risks">
<h2>${e(w.riskTitle)}</h2>
${risks}
</section>
</body></html>`;
}
