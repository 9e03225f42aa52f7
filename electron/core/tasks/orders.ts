// Change orders for the company's other systems: which systems hold the person, and one CSV per system naming only what
// must change, with a task that stays open until the system's owner confirms or the officer waives it.
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { Kysely } from 'kysely';
import type { CessationScope, FieldChange } from '../../../src-shared/requests';
import type { Database } from '../db/schema';
import { DeskError } from '../errors';
import { writeFileAtomic } from '../files';

type Db = Kysely<Database>;

export type Order =
  | { action: 'correct'; changes: FieldChange[] }
  | { action: 'erase' }
  | { action: 'cease'; scope: CessationScope; purposeId: string | null };

interface HoldingSystem {
  id: string;
  key: string;
  name: string;
  /** The person's identifiers this system holds, so its owner can find them. */
  identifiers: { kind: string; value: string }[];
}

/**
 * The systems that hold the person: every active system that holds every customer (the order system), and every
 * active system named as the `system` of one of the person's online identifiers (#4).
 */
export async function systemsHolding(db: Db, customerId: string): Promise<HoldingSystem[]> {
  const identifiers = await db.selectFrom('online_identifiers').select(['kind', 'value', 'system']).where('customer_id', '=', customerId).orderBy('id').execute();
  const keys = [...new Set(identifiers.map((i) => i.system))];
  let query = db.selectFrom('company_systems').select(['id', 'key', 'name', 'holds_every_customer']).where('ended_at', 'is', null);
  query = keys.length ? query.where((eb) => eb.or([eb('holds_every_customer', '=', 1), eb('key', 'in', keys)])) : query.where('holds_every_customer', '=', 1);
  const systems = await query.orderBy('name').execute();
  return systems.map((s) => ({ id: s.id, key: s.key, name: s.name, identifiers: identifiers.filter((i) => i.system === s.key).map((i) => ({ kind: i.kind, value: i.value })) }));
}

const orderColumns = ['請求番号', '顧客番号', 'システム', '対応', '停止の範囲', '利用目的', '項目', '新しい値', '識別子の種類', '識別子'] as const;

const cell = (v: string | string[] | null) => (v === null ? '' : Array.isArray(v) ? v.join('; ') : v);

/** The order's lines: one per field for a correction, one per identifier for an erasure, one for a cessation. */
function orderLines(order: Order, at: { requestNo: string; customerNo: string; system: HoldingSystem }): string[][] {
  const head = [at.requestNo, at.customerNo, at.system.key];
  const line = (cols: Partial<Record<(typeof orderColumns)[number], string>>) => [...head, ...orderColumns.slice(3).map((c) => cols[c] ?? '')];
  switch (order.action) {
    case 'correct':
      // A correction names the field and its new value only: the old value is what the owner must replace, not keep.
      return order.changes.map((c) => line({ 対応: 'correct', 項目: c.field, 新しい値: cell(c.to) }));
    case 'erase':
      // An erasure names how the system knows the person, nothing else: the customer number, and the identifiers it holds.
      return at.system.identifiers.length ? at.system.identifiers.map((i) => line({ 対応: 'erase', 識別子の種類: i.kind, 識別子: i.value })) : [line({ 対応: 'erase' })];
    case 'cease':
      return [line({ 対応: 'cease', 停止の範囲: order.scope, 利用目的: order.purposeId ?? '' })];
  }
}

export function orderCsv(order: Order, at: { requestNo: string; customerNo: string; system: HoldingSystem }): Buffer {
  const text = stringify(orderLines(order, at), {
    bom: true,
    header: true,
    columns: [...orderColumns],
    record_delimiter: 'windows',
    // UTF-8 with a BOM so Excel in Japan reads it; a value must never run as a formula in the owner's spreadsheet.
    escape_formulas: true,
    quote_record_delimiter: true,
  });
  return Buffer.from(text, 'utf8');
}

/** File names keep letters and digits of any script; the task id keeps two orders of one request apart. */
const safe = (s: string) => s.replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 40);

export interface WrittenOrders {
  taskIds: string[];
  /** Removes the files again, for a decision that fails after they were written. */
  discard(): void;
}

/** Writes one change order per system holding the person into `<exports>/orders/` and opens a task for each. */
export async function writeChangeOrders(
  db: Db,
  exportsDir: string,
  at: { requestId: string; requestNo: string; proposalId: string; customerId: string; customerNo: string; now: Date },
  order: Order,
): Promise<WrittenOrders> {
  const systems = await systemsHolding(db, at.customerId);
  const dir = join(exportsDir, 'orders');
  const written: string[] = [];
  const discard = () => written.forEach((f) => rmSync(f, { force: true }));
  const taskIds: string[] = [];
  try {
    if (systems.length) mkdirSync(dir, { recursive: true });
    for (const system of systems) {
      const id = randomUUID();
      const name = `${safe(at.requestNo)}-${safe(system.key)}-${id.slice(0, 8)}.csv`;
      const content = orderCsv(order, { requestNo: at.requestNo, customerNo: at.customerNo, system });
      const path = join(dir, name);
      writeFileAtomic(path, content);
      written.push(path);
      await db
        .insertInto('request_tasks')
        .values({
          id,
          request_id: at.requestId,
          proposal_id: at.proposalId,
          system_id: system.id,
          // Relative to the exports folder, like the other exports the desk records.
          order_file: `orders/${name}`,
          order_sha256: createHash('sha256').update(content).digest('hex'),
          state: 'open',
          confirmed_by: null,
          confirmed_at: null,
          evidence: null,
          waive_reason: null,
          recorded_by: null,
          created_at: at.now.toISOString(),
        })
        .execute();
      taskIds.push(id);
    }
  } catch (err) {
    discard();
    if (err instanceof DeskError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code) throw new DeskError('CONFLICT', 'export.writeFailed', { reason: code });
    throw err;
  }
  return { taskIds, discard };
}
