// The provision and receipt registers for an auditor or the PPC: a CSV (UTF-8 with BOM, Japanese headers) or a PDF
// in `<exportsDir>/registers/`, under names that carry the register and the day, never a person.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { sql, type Kysely } from 'kysely';
import type { ProvisionRow } from '../../../src-shared/registers';
import { localDay } from '../dates';
import type { Database } from '../db/schema';
import { DeskError } from '../errors';
import { exportPath as targetPath } from '../exports/target';
import { writeFileAtomic, storageError } from '../files';
import type { Ctx } from '../handler';
import { currentPolicyVersion } from '../purposes/store';
import { chunks } from './consent-check';
import { basisLabels, provisionCsvColumns, receiptCsvColumns, stateLabels } from './labels';
import { provisionRegisterHtml, receiptRegisterHtml, type RegisterHeading } from './pdf-html';
import { provisionQuery, receiptQuery, toProvisionRow, type RegisterFilter } from './read';

type Db = Kysely<Database>;
type Format = 'csv' | 'pdf';
export type ExportInput = Omit<RegisterFilter, 'state'> & { format: Format; saveTo?: string | undefined };

/** The customers a PDF names per record; the CSV names every one. */
const namedInPdf = 20;

/**
 * UTF-8 with a BOM, CRLF, as the audit CSV: Excel in Japan reads a CSV without a BOM as Shift_JIS. A cell starting
 * with = + - @ is a formula to a spreadsheet: an item list or a provider's name typed by someone must never run as one,
 * so csv-stringify puts an apostrophe before it.
 */
export function registerCsv(columns: readonly string[], rows: (string | number | null)[][]): string {
  return stringify(
    rows.map((r) => r.map((c) => c ?? '')),
    { bom: true, header: true, columns: [...columns], record_delimiter: 'windows', escape_formulas: true, quote_record_delimiter: true },
  );
}

/** `provisions-2026-11-25.csv`, then `-2`, `-3`: never over an earlier export. */
function exportPath(dir: string, register: 'provisions' | 'receipts', day: string, format: Format): string {
  for (let n = 1; ; n++) {
    const file = join(dir, `${register}-${day}${n === 1 ? '' : `-${n}`}.${format}`);
    if (!existsSync(file)) return file;
  }
}

async function heading(db: Db, input: ExportInput, total: number, now: Date): Promise<RegisterHeading> {
  const manager = await db.selectFrom('manager_in_charge').select(['name', 'title', 'email', 'phone']).where('id', '=', 1).executeTakeFirstOrThrow();
  const partner = input.partnerId ? await db.selectFrom('partners').select('name').where('id', '=', input.partnerId).executeTakeFirst() : undefined;
  const customer = input.customerId ? await db.selectFrom('customers').select('customer_no').where('id', '=', input.customerId).executeTakeFirst() : undefined;
  return {
    preparedOn: localDay(now),
    policyVersion: await currentPolicyVersion(db, localDay(now)),
    manager,
    filter: { partnerName: partner?.name ?? null, customerNo: customer?.customer_no ?? null, from: input.from ?? null, to: input.to ?? null },
    total,
  };
}

async function write(ctx: Ctx, register: 'provisions' | 'receipts', format: Format, content: string | Buffer, saveTo: string | undefined): Promise<string> {
  // The place chosen in the save dialog (the dialog asked before replacing a file), or the registers folder.
  const chosen = saveTo ? targetPath(ctx, saveTo, 'registers', `${register}.${format}`) : null;
  const dir = chosen ? dirname(chosen) : join(ctx.desk.exportsDir, 'registers');
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = chosen ?? exportPath(dir, register, localDay(ctx.desk.now()), format);
    writeFileAtomic(file, content);
    return file;
  } catch (err) {
    throw storageError(err, dir) ?? new DeskError('CONFLICT', 'export.writeFailed', { reason: (err as NodeJS.ErrnoException).code ?? 'unknown' });
  }
}

/** The first customers of each record, for the PDF: one query per chunk of records. */
async function firstCustomers(db: Db, provisionIds: string[], customerId: string | undefined): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const chunk of chunks(provisionIds)) {
    const only = customerId ? sql` and customer_id = ${customerId}` : sql``;
    const { rows } = await sql<{ provision_id: string; customer_no: string }>`
      select provision_id, customer_no from (
        select provision_id, customer_no, row_number() over (partition by provision_id order by customer_no) as k
        from provision_customers where provision_id in (${sql.join(chunk)})${only}
      ) where k <= ${namedInPdf} order by provision_id, customer_no`.execute(db);
    for (const r of rows) out.set(r.provision_id, [...(out.get(r.provision_id) ?? []), r.customer_no]);
  }
  return out;
}

export async function exportProvisions(ctx: Ctx, input: ExportInput): Promise<{ file: string; rows: number }> {
  const db = ctx.db;
  if (input.format === 'pdf' && !ctx.desk.printer) throw new DeskError('CONFLICT', 'print.unavailable');
  const filter = { partnerId: input.partnerId, customerId: input.customerId, from: input.from, to: input.to };
  // A register reads in order of time: the oldest provision first.
  const records = await provisionQuery(db, filter)
    .leftJoin('accounts as d', 'd.id', 'p.decided_by')
    .select(['p.decided_at', 'd.display_name as decided_by_name'])
    .orderBy('p.provided_on')
    .orderBy('p.number')
    .execute();
  const rows: ProvisionRow[] = records.map(toProvisionRow);

  if (input.format === 'pdf') {
    const named = await firstCustomers(db, rows.map((r) => r.id), input.customerId);
    const html = provisionRegisterHtml(await heading(db, input, rows.length, ctx.desk.now()), rows.map((row) => ({ row, customerNos: named.get(row.id) ?? [] })));
    const file = await write(ctx, 'provisions', 'pdf', await ctx.desk.printer!.htmlToPdf(html), input.saveTo);
    return { file, rows: rows.length };
  }

  const lines: (string | number | null)[][] = [];
  const byId = new Map(records.map((r) => [r.id, r]));
  for (const chunk of chunks(rows.map((r) => r.id))) {
    let customers = db.selectFrom('provision_customers').select(['provision_id', 'customer_no', 'consent_id']).where('provision_id', 'in', chunk);
    if (input.customerId) customers = customers.where('customer_id', '=', input.customerId);
    const found = await customers.execute();
    const ofRecord = new Map<string, typeof found>();
    for (const c of found) ofRecord.set(c.provision_id, [...(ofRecord.get(c.provision_id) ?? []), c]);
    for (const id of chunk) {
      const r = byId.get(id)!;
      const people = (ofRecord.get(id) ?? []).sort((a, b) => a.customer_no.localeCompare(b.customer_no));
      for (const c of people) {
        lines.push([
          r.number,
          r.provided_on,
          r.last_provided_on,
          r.partner_name,
          r.partner_country,
          r.partner_address,
          r.partner_representative,
          r.items,
          basisLabels[r.basis],
          stateLabels[r.state],
          c.customer_no,
          c.consent_id,
          r.keep_until,
          r.recorded_at,
          r.recorded_by_name ?? null,
          r.decided_at,
          r.decided_by_name ?? null,
        ]);
      }
    }
  }
  const file = await write(ctx, 'provisions', 'csv', registerCsv(provisionCsvColumns, lines), input.saveTo);
  return { file, rows: lines.length };
}

export async function exportReceipts(ctx: Ctx, input: ExportInput): Promise<{ file: string; rows: number }> {
  const db = ctx.db;
  if (input.format === 'pdf' && !ctx.desk.printer) throw new DeskError('CONFLICT', 'print.unavailable');
  const filter = { partnerId: input.partnerId, customerId: input.customerId, from: input.from, to: input.to };
  const receipts = await receiptQuery(db, filter).orderBy('r.received_on').orderBy('r.recorded_at').execute();
  const numbers = new Map<string, string[]>();
  for (const chunk of chunks(receipts.map((r) => r.id))) {
    let customers = db.selectFrom('customers').select(['receipt_id', 'customer_no']).where('receipt_id', 'in', chunk);
    if (input.customerId) customers = customers.where('id', '=', input.customerId);
    for (const c of await customers.orderBy('customer_no').execute()) numbers.set(c.receipt_id!, [...(numbers.get(c.receipt_id!) ?? []), c.customer_no]);
  }

  if (input.format === 'pdf') {
    const entries = receipts.map((r) => ({
      receivedOn: r.received_on,
      providerName: r.provider_name,
      providerAddress: r.provider_address,
      providerRepresentative: r.provider_representative,
      obtainedHow: r.obtained_how,
      items: r.items,
      keepUntil: r.keep_until,
      customerCount: input.customerId ? (numbers.get(r.id)?.length ?? 0) : Number(r.customer_count ?? 0),
      customerNos: (numbers.get(r.id) ?? []).slice(0, namedInPdf),
    }));
    const html = receiptRegisterHtml(await heading(db, input, receipts.length, ctx.desk.now()), entries);
    const file = await write(ctx, 'receipts', 'pdf', await ctx.desk.printer!.htmlToPdf(html), input.saveTo);
    return { file, rows: receipts.length };
  }

  const lines: (string | null)[][] = [];
  for (const r of receipts) {
    const head = [r.received_on, r.provider_name, r.provider_address, r.provider_representative, r.obtained_how, r.items, r.keep_until];
    const people = numbers.get(r.id) ?? [];
    // A receipt whose customers were all erased is still a record the law keeps: one line without a number.
    if (people.length === 0) lines.push([...head, null]);
    for (const customerNo of people) lines.push([...head, customerNo]);
  }
  const file = await write(ctx, 'receipts', 'csv', registerCsv(receiptCsvColumns, lines), input.saveTo);
  return { file, rows: lines.length };
}
