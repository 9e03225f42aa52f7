// The provision and receipt registers as printable A4 pages (landscape) in the house style of the disclosure PDF:
// paged tables whose header repeats, the manager-in-charge and the policy version, customer numbers and never names.
import type { ManagerInCharge } from '../../../src-shared/domain';
import type { ProvisionRow } from '../../../src-shared/registers';
import { cssString } from '../disclosures/pdf-html';
import { formatDay } from '../notices/templates';
import { escapeHtml } from '../printer';
import { basisLabels, pdfWords as w, stateLabels } from './labels';

const e = escapeHtml;

const day = (d: string | null) => (d ? formatDay(d, 'ja') : '');

export interface RegisterHeading {
  preparedOn: string;
  policyVersion: number;
  manager: ManagerInCharge;
  filter: { partnerName: string | null; customerNo: string | null; from: string | null; to: string | null };
  total: number;
}

export interface ProvisionEntry {
  row: ProvisionRow;
  /** The first customers of the record (numbers only); `customerCount` says how many there are. */
  customerNos: string[];
}

export interface ReceiptEntry {
  receivedOn: string;
  providerName: string;
  providerAddress: string;
  providerRepresentative: string;
  obtainedHow: string;
  items: string;
  keepUntil: string;
  customerCount: number;
  customerNos: string[];
}

function table(headers: string[], rows: string[][], widths: string[]): string {
  if (rows.length === 0) return `<p class="none">${e(w.none)}</p>`;
  return `<table><colgroup>${widths.map((x) => `<col style="width:${x}">`).join('')}</colgroup><thead><tr>${headers.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/** Cells are escaped here, once; `<br>` joins the lines of one cell. */
const lines = (...parts: (string | null | undefined)[]) => parts.filter((p) => p !== null && p !== undefined && p !== '').map((p) => e(p!)).join('<br>');

function customersCell(numbers: string[], count: number): string {
  const more = count - numbers.length;
  return lines(numbers.join('、'), more > 0 ? w.more(more) : null);
}

function page(title: string, heading: RegisterHeading, content: string): string {
  const m = heading.manager;
  const f = heading.filter;
  const period = f.from || f.to ? `${day(f.from) || '—'} 〜 ${day(f.to) || '—'}` : w.all;
  const footer = `${title}　${w.manager} ${m.name}　${m.email}　${m.phone}`;
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${e(title)}</title>
<style>
  @page {
    size: A4 landscape; margin: 14mm 12mm 16mm;
    @bottom-left { content: ${cssString(footer)}; font-size: 7pt; color: #555; font-family: 'Noto Sans CJK JP', 'Noto Sans JP', sans-serif; }
    @bottom-right { content: ${cssString(w.page)} " " counter(page) " / " counter(pages); font-size: 7pt; color: #555; font-family: 'Noto Sans CJK JP', 'Noto Sans JP', sans-serif; }
  }
  body { font-family: 'Noto Sans CJK JP', 'Noto Sans JP', 'Yu Gothic', 'Hiragino Sans', 'Meiryo', sans-serif; font-size: 8pt; line-height: 1.5; color: #111; }
  h1 { font-size: 13pt; text-align: center; margin: 0 0 4mm; letter-spacing: 0.05em; }
  .meta { border-collapse: collapse; font-size: 8pt; margin-bottom: 4mm; width: auto; }
  .meta th, .meta td { border: none; background: none; padding: 0 4mm 0 0; text-align: left; }
  .meta th { font-weight: normal; color: #444; }
  table { width: 100%; border-collapse: collapse; table-layout: fixed; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  th, td { border: 0.5px solid #888; padding: 0.8mm 1.2mm; vertical-align: top; text-align: left; overflow-wrap: anywhere; white-space: pre-wrap; }
  thead th { background: #e8ecf2; font-weight: bold; }
  .none { color: #555; }
</style></head>
<body>
<h1>${e(title)}</h1>
<table class="meta"><tbody>
  <tr><th>${e(w.preparedOn)}</th><td>${e(day(heading.preparedOn))}</td><th>${e(w.policyVersion)}</th><td>v${heading.policyVersion}</td></tr>
  <tr><th>${e(w.manager)}</th><td colspan="3">${e(`${m.name}（${m.title}）　${m.email}　${m.phone}`)}</td></tr>
  <tr><th>${e(w.filter)}</th><td colspan="3">${e(
    `${w.partner}: ${f.partnerName ?? w.all}　${w.customer}: ${f.customerNo ?? w.all}　${w.period}: ${period}　${w.total}: ${heading.total.toLocaleString('ja-JP')}`,
  )}</td></tr>
</tbody></table>
${content}
</body></html>`;
}

export function provisionRegisterHtml(heading: RegisterHeading, entries: ProvisionEntry[]): string {
  const c = w.cols;
  const rows = entries.map(({ row: r, customerNos }) => [
    lines(r.number),
    lines(day(r.providedOn), r.lastProvidedOn ? `〜 ${day(r.lastProvidedOn)}` : null),
    lines(r.partnerName, `（${r.partnerCountry}）`),
    lines(r.items),
    lines(basisLabels[r.basis]),
    lines(stateLabels[r.state], r.excludedCount > 0 ? w.excluded(r.excludedCount) : null),
    lines(w.people(r.customerCount)) + (customerNos.length ? `<br>${customersCell(customerNos, r.customerCount)}` : ''),
    lines(day(r.keepUntil)),
  ]);
  return page(w.provisionTitle, heading, table([c.number, c.providedOn, c.recipient, c.items, c.basis, c.state, c.customers, c.keepUntil], rows, ['9%', '10%', '14%', '17%', '14%', '8%', '19%', '9%']));
}

export function receiptRegisterHtml(heading: RegisterHeading, entries: ReceiptEntry[]): string {
  const c = w.cols;
  const rows = entries.map((r) => [
    lines(day(r.receivedOn)),
    lines(r.providerName, r.providerAddress, r.providerRepresentative),
    lines(r.obtainedHow),
    lines(r.items),
    lines(w.people(r.customerCount)) + (r.customerNos.length ? `<br>${customersCell(r.customerNos, r.customerCount)}` : ''),
    lines(day(r.keepUntil)),
  ]);
  return page(w.receiptTitle, heading, table([c.receivedOn, c.provider, c.obtainedHow, c.receivedItems, c.customers, c.keepUntil], rows, ['10%', '22%', '22%', '18%', '18%', '10%']));
}
