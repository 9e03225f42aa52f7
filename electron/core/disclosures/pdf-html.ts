// The disclosure package as a printable A4 page in Japanese or English: paged tables, the request number, the manager-in-charge.
import { fieldLabels, formatDay } from '../notices/templates';
import { escapeHtml } from '../printer';
import type { DisclosureContent } from './package';
import { codeLabel, pdfLabels, type PdfLabels } from './pdf-labels';

const e = escapeHtml;

/** A string for CSS `content: "..."` (page margin boxes): every character but letters and digits as a hex escape. */
export function cssString(text: string): string {
  return `"${text.replace(/[^\p{L}\p{N} ]/gu, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;
}

const cell = (value: string | number | null | undefined): string => `<td>${value === null || value === undefined || value === '' ? '—' : e(String(value))}</td>`;

/** A table whose header row repeats on every page it runs over. */
function table(l: PdfLabels, headers: string[], rows: (string | number | null | undefined)[][], widths?: string[]): string {
  if (rows.length === 0) return `<p class="none">${e(l.none)}</p>`;
  const cols = widths ? `<colgroup>${widths.map((w) => `<col style="width:${w}">`).join('')}</colgroup>` : '';
  return `<table>${cols}<thead><tr>${headers.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map(cell).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

function keyValues(pairs: [string, string | null][]): string {
  return `<table class="kv"><tbody>${pairs.map(([k, v]) => `<tr><th>${e(k)}</th>${cell(v)}</tr>`).join('')}</tbody></table>`;
}

const section = (title: string, content: string): string => `<section><h2>${e(title)}</h2>${content}</section>`;

/** `addressLine1`, `consents.3.6`, `cessations.purpose.3.6` as the reader reads them. */
function fieldName(field: string, c: DisclosureContent, l: PdfLabels): string {
  const [head = field, ...rest] = field.split('.');
  const name = (fieldLabels[c.language] as Record<string, string>)[head] ?? l.codes.recordPart[head] ?? head;
  if (rest.length === 0) return name;
  const tail = rest.join('.');
  const purposeId = /(\d+(?:\.\d+)*)$/.exec(tail)?.[1];
  const shown = head === 'cessations' ? codeLabel(l.codes.scope, rest[0]!) : name;
  const note = purposeId ?? (head === 'cessations' ? null : tail);
  if (!note) return shown;
  return c.language === 'ja' ? `${shown}（${note}）` : `${shown} (${note})`;
}

function body(c: DisclosureContent, l: PdfLabels): string {
  const day = (d: string | null) => (d ? formatDay(d, c.language) : null);
  const p = c.person;
  const address =
    c.language === 'ja' ? [`${p.prefecture}${p.city}${p.addressLine1 ?? ''}`, p.addressLine2].filter(Boolean).join('　') : [p.addressLine2, p.addressLine1, p.city, p.prefecture].filter(Boolean).join(', ');
  const k = l.codes;
  return [
    section(
      l.sections.person,
      keyValues([
        [l.meta.customerNo, p.customerNo],
        [l.person.name, p.name],
        [l.person.nameKana, p.nameKana],
        [l.person.nameRomaji, p.nameRomaji],
        [l.person.birthDate, day(p.birthDate)],
        [l.person.postalCode, p.postalCode],
        [l.person.address, address],
        [l.person.phones, c.phones.map((ph) => `${ph.number}（${codeLabel(k.phone, ph.kind)}）`).join('\n') || null],
        [l.person.emails, c.emails.map((m) => m.address).join('\n') || null],
        [l.person.provenance, codeLabel(k.provenance, p.provenance)],
        [l.person.registeredAt, day(p.registeredAt)],
        [l.person.updatedAt, day(p.updatedAt)],
      ]),
    ),
    section(l.sections.payments, table(l, [l.cols.brand, l.cols.last4, l.cols.expiry], c.paymentMethods.map((m) => [m.brand.toUpperCase(), m.last4, m.expiry]))),
    section(
      l.sections.orders,
      table(l, [l.cols.orderId, l.cols.orderedOn, l.cols.items, l.cols.amount], c.orders.map((o) => [o.orderId, day(o.orderedOn), o.items, o.amount.toLocaleString('ja-JP')]), ['22%', '20%', '40%', '18%']),
    ),
    section(
      l.sections.identifiers,
      table(l, [l.cols.kind, l.cols.value, l.cols.system, l.cols.firstSeen, l.cols.lastSeen], c.onlineIdentifiers.map((i) => [codeLabel(k.identifier, i.kind), i.value, i.system, day(i.firstSeen), day(i.lastSeen)])),
    ),
    section(
      l.sections.feedback,
      table(l, [l.cols.kind, l.cols.receivedOn, l.cols.subject, l.cols.text], c.feedback.map((f) => [codeLabel(k.feedback, f.kind), day(f.receivedOn), f.subject, f.text]), ['14%', '18%', '20%', '48%']),
    ),
    section(
      l.sections.purposes,
      table(l, [l.cols.id, l.cols.purpose, l.cols.description, l.cols.optIn], c.purposesOfUse.map((u) => [u.id, u.title, u.description, u.optIn ? l.yes : l.no]), ['8%', '27%', '50%', '15%']),
    ),
    section(
      l.sections.consents,
      table(l, [l.cols.purpose, l.cols.state, l.cols.on, l.cols.channel, l.cols.policyVersion], c.consents.map((x) => [`${x.purposeId} ${x.purposeTitle}`, codeLabel(k.consentState, x.state), day(x.on), codeLabel(k.channel, x.channel), x.policyVersion])),
    ),
    section(
      l.sections.consentHistory,
      table(
        l,
        [l.cols.purpose, l.cols.state, l.cols.on, l.cols.channel, l.cols.policyVersion, l.cols.recordedAt],
        c.consentHistory.map((x) => [`${x.purposeId} ${x.purposeTitle}`, codeLabel(k.consentState, x.state), day(x.on), codeLabel(k.channel, x.channel), x.policyVersion, day(x.recordedAt)]),
      ),
    ),
    section(
      l.sections.receipt,
      c.receiptRecords.length > 0
        ? c.receiptRecords
            .map((r) =>
              keyValues([
                [l.cols.providerName, r.providerName],
                [l.cols.providerAddress, r.providerAddress],
                [l.cols.providerRepresentative, r.providerRepresentative],
                [l.cols.obtainedHow, r.obtainedHow],
                [l.cols.receivedOn, day(r.receivedOn)],
                [l.cols.receiptItems, r.items],
                [l.cols.keepUntil, day(r.keepUntil)],
              ]),
            )
            .join('\n')
        : `<p class="none">${e(l.none)}</p>`,
    ),
    section(
      l.sections.provision,
      `<p class="note">${e(c.provisionRecords.note)}</p>` +
        (c.provisionRecords.records.length > 0
          ? table(
              l,
              [l.cols.providedOn, l.cols.recipient, l.cols.recipientCountry, l.cols.providedItems, l.cols.basis, l.cols.keepUntil],
              c.provisionRecords.records.map((p) => [
                p.lastProvidedOn ? `${day(p.providedOn)}${c.language === 'ja' ? '〜' : ' –'}\n${day(p.lastProvidedOn)}` : day(p.providedOn),
                [p.recipientName, p.recipientAddress, p.recipientRepresentative].filter(Boolean).join('\n'),
                p.recipientCountry,
                p.items,
                p.consentGivenOn ? `${codeLabel(k.basis, p.basis)}\n（${day(p.consentGivenOn)}）` : codeLabel(k.basis, p.basis),
                day(p.keepUntil),
              ]),
              ['17%', '23%', '8%', '16%', '19%', '17%'],
            )
          : ''),
    ),
    section(
      l.sections.cessations,
      table(l, [l.cols.scope, l.cols.purpose, l.cols.since], c.cessations.map((x) => [codeLabel(k.scope, x.scope), x.purposeId ? `${x.purposeId} ${x.purposeTitle ?? ''}` : null, day(x.since)])),
    ),
    section(
      l.sections.requests,
      table(l, [l.cols.number, l.cols.kind, l.cols.receivedOn, l.cols.state, l.cols.closedOn], c.requests.map((r) => [r.number, codeLabel(k.requestKind, r.kind), day(r.receivedOn), codeLabel(k.requestState, r.state), day(r.closedOn)])),
    ),
    section(l.sections.changes, table(l, [l.cols.at, l.cols.action, l.cols.fields], c.changeHistory.map((h) => [day(h.at), codeLabel(k.changeAction, h.action), h.fields.map((f) => fieldName(f, c, l)).join(c.language === 'ja' ? '、' : ', ')]), ['20%', '25%', '55%'])),
  ].join('\n');
}

export function disclosureHtml(c: DisclosureContent): string {
  const l = pdfLabels[c.language];
  const m = c.managerInCharge;
  const managerLine = `${l.manager}: ${m.name}${m.title && m.title !== l.manager ? `（${m.title}）` : ''}`;
  const footer = `${c.request.number}　${l.manager} ${m.name}　${m.email}　${m.phone}`;
  return `<!doctype html>
<html lang="${c.language}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${e(l.title)} ${e(c.request.number)}</title>
<style>
  @page {
    size: A4; margin: 18mm 15mm 20mm;
    @bottom-left { content: ${cssString(footer)}; font-size: 7.5pt; color: #555; font-family: 'Noto Sans CJK JP', 'Noto Sans JP', sans-serif; }
    @bottom-right { content: ${cssString(l.page)} " " counter(page) " / " counter(pages); font-size: 7.5pt; color: #555; font-family: 'Noto Sans CJK JP', 'Noto Sans JP', sans-serif; }
  }
  body { font-family: 'Noto Sans CJK JP', 'Noto Sans JP', 'Yu Gothic', 'Hiragino Sans', 'Meiryo', sans-serif; font-size: 9pt; line-height: 1.6; color: #111; }
  h1 { font-size: 15pt; text-align: center; margin: 0 0 6mm; letter-spacing: 0.05em; }
  h2 { font-size: 11pt; margin: 7mm 0 2mm; padding-bottom: 1mm; border-bottom: 1.5px solid #333; break-after: avoid; }
  .meta { margin-left: auto; border-collapse: collapse; font-size: 8.5pt; }
  .meta { width: auto; }
  .meta th, .meta td { border: none; background: none; padding: 0 4mm 0 0; }
  .meta th { font-weight: normal; color: #444; }
  .addressee { font-size: 12pt; margin: 4mm 0; }
  .intro, .note { white-space: pre-wrap; }
  table { width: 100%; border-collapse: collapse; table-layout: fixed; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  th, td { border: 0.5px solid #888; padding: 1mm 1.5mm; vertical-align: top; text-align: left; overflow-wrap: anywhere; white-space: pre-wrap; }
  thead th { background: #e8ecf2; font-weight: bold; }
  table.kv th { width: 28%; background: #f3f5f8; font-weight: normal; }
  .none { color: #555; }
  .office { margin-top: 10mm; border-top: 1px solid #999; padding-top: 3mm; break-inside: avoid; }
</style></head>
<body>
<h1>${e(l.title)}</h1>
<table class="meta"><tbody>
  <tr><th>${e(l.meta.number)}</th><td>${e(c.request.number)}</td></tr>
  <tr><th>${e(l.meta.preparedOn)}</th><td>${e(formatDay(c.preparedOn, c.language))}</td></tr>
  <tr><th>${e(l.meta.policyVersion)}</th><td>v${c.policyVersion}</td></tr>
  <tr><th>${e(l.meta.form)}</th><td>${e(l.form[c.request.form])}</td></tr>
</tbody></table>
<p class="addressee">${e(c.person.name)}${e(l.addresseeSuffix)}</p>
<p class="intro">${e(l.intro)}</p>
${body(c, l)}
<div class="office">
  <div>${e(l.contact)}</div>
  <div>${e(managerLine)}</div>
  <div>${e(m.email)}　${e(m.phone)}</div>
</div>
</body></html>`;
}
