// Import: customers.importCommit of a Shift_JIS CSV through the router, beside the bare driver inserting the same
// rows into the same tables with prepared statements in one transaction.
import { cpSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { v7 as timeOrderedUuid } from 'uuid';
import type { ImportResult } from '../../../src-shared/api/customer-import';
import type { Core } from '../../core/core';
import { customerRowOf, fieldsOf, normalisePhone } from '../../core/customers/store';
import { all, close, exec, finalize, openRaw, prepare, runPrepared } from './raw';
import type { ImportFile } from './import-file';

export interface ImportFigures {
  rows: number;
  /** customers.importCommit through the router: decode, CSV, every check, duplicates, inserts, search index, audit. */
  router: { seconds: number; rowsPerSecond: number; imported: number; duplicates: number };
  /** The same rows' inserts into the same seven tables, prepared multi-row statements, one transaction, no search index. */
  bare: { seconds: number; rowsPerSecond: number; statements: number };
}

const tables = {
  customers: ['id', 'customer_no', 'name', 'name_kana', 'name_romaji', 'birth_date', 'postal_code', 'prefecture', 'city', 'address_line1', 'address_line2', 'provenance', 'receipt_id', 'kana_key', 'search_rowid', 'created_at', 'updated_at'],
  customer_phones: ['customer_id', 'number', 'kind'],
  customer_emails: ['customer_id', 'address', 'address_key'],
  payment_methods: ['customer_id', 'brand', 'last4', 'expiry'],
  consents: ['customer_id', 'purpose_id', 'state', 'decided_on', 'channel', 'policy_version', 'recorded_at'],
  consent_events: ['customer_id', 'purpose_id', 'state', 'decided_on', 'channel', 'policy_version', 'recorded_at', 'recorded_by'],
  customer_changes: ['customer_id', 'at', 'actor_id', 'action', 'fields', 'request_id'],
} as const;
type Table = keyof typeof tables;

const childTables = ['customer_phones', 'customer_emails', 'payment_methods', 'consents', 'consent_events', 'customer_changes'] as const;

/** Each customer's rows, computed before the clock starts: the bare figure is the driver's and SQLite's work only. */
function rowsOf(file: ImportFile, policyVersion: number, actorId: string, now: Date): { customer: unknown[]; children: { table: Table; values: unknown[] }[] }[] {
  const at = now.toISOString();
  const valuesOf = (table: Table, row: Record<string, unknown>) => tables[table].map((c) => row[c] ?? null);
  return file.parsed.map((input) => {
    const id = timeOrderedUuid();
    const children: { table: Table; values: unknown[] }[] = [];
    const push = (table: Table, row: Record<string, unknown>) => children.push({ table, values: valuesOf(table, row) });
    for (const p of input.phones) push('customer_phones', { customer_id: id, number: normalisePhone(p.number), kind: p.kind });
    for (const e of input.emails) push('customer_emails', { customer_id: id, address: e.address, address_key: e.address.toLowerCase() });
    for (const p of input.paymentMethods) push('payment_methods', { customer_id: id, ...p });
    for (const c of input.consents) {
      const consent = { customer_id: id, purpose_id: c.purposeId, state: c.state, decided_on: c.on, channel: 'import', policy_version: policyVersion, recorded_at: at };
      push('consents', consent);
      push('consent_events', { ...consent, recorded_by: actorId });
    }
    push('customer_changes', { customer_id: id, at, actor_id: actorId, action: 'create', fields: JSON.stringify(fieldsOf(input)), request_id: null });
    const customer = valuesOf('customers', customerRowOf(input, { id, customerNo: input.customerNo.normalize('NFKC').trim().toUpperCase(), receiptId: null, now: at }) as Record<string, unknown>);
    return { customer, children };
  });
}

/** Rows per multi-row statement: 100 customers' 17 columns stay far below SQLite's 32,766 parameters. */
const rowsPerStatement = 100;
/** Customers whose rows are queued before waiting, to bound memory. */
const customersPerBatch = 2000;

/**
 * The floor: on a copy of the desk's file, with the desk's foreign keys on, the rows through prepared multi-row
 * INSERTs (one prepared statement per table and row count, reused), queued on the connection and committed once.
 * The customers of a batch go first, then their children, whose foreign keys need them.
 */
export async function measureBareImport(desk: { dataDir: string; dataKeyHex: string }, file: ImportFile, now: Date): Promise<ImportFigures['bare']> {
  const copy = `${desk.dataDir}-bare-import`;
  rmSync(copy, { recursive: true, force: true });
  cpSync(desk.dataDir, copy, { recursive: true });
  const db = await openRaw(`${copy}/desk.db`, desk.dataKeyHex);
  const prepared = new Map<string, Awaited<ReturnType<typeof prepare>>>();
  try {
    await exec(db, 'PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA secure_delete = ON');
    const [version] = await all<{ v: number }>(db, 'select max(version) as v from policy_versions where effective_on <= ?', [now.toISOString().slice(0, 10)]);
    const [officer] = await all<{ id: string }>(db, "select id from accounts where role = 'officer' order by created_at limit 1");
    const rows = rowsOf(file, Number(version?.v ?? 1), officer!.id, now);
    const statementFor = async (table: Table, n: number) => {
      const key = `${table}/${n}`;
      if (!prepared.has(key)) {
        const columns = tables[table];
        const tuple = `(${columns.map(() => '?').join(', ')})`;
        prepared.set(key, await prepare(db, `insert into ${table} (${columns.join(', ')}) values ${Array.from({ length: n }, () => tuple).join(', ')}`));
      }
      return prepared.get(key)!;
    };
    let statements = 0;
    const insert = async (table: Table, values: unknown[][]) => {
      const runs: Promise<void>[] = [];
      for (let i = 0; i < values.length; i += rowsPerStatement) {
        const chunk = values.slice(i, i + rowsPerStatement);
        runs.push(runPrepared(await statementFor(table, chunk.length), chunk.flat()));
        statements += 1;
      }
      await Promise.all(runs);
    };
    const start = performance.now();
    await exec(db, 'BEGIN IMMEDIATE');
    for (let i = 0; i < rows.length; i += customersPerBatch) {
      const batch = rows.slice(i, i + customersPerBatch);
      await insert('customers', batch.map((c) => c.customer));
      await Promise.all(childTables.map((table) => insert(table, batch.flatMap((c) => c.children.filter((r) => r.table === table).map((r) => r.values)))));
    }
    await exec(db, 'COMMIT');
    const seconds = (performance.now() - start) / 1000;
    return { seconds, rowsPerSecond: file.parsed.length / seconds, statements };
  } finally {
    for (const statement of prepared.values()) await finalize(statement);
    // A failure to close must not hide the failure that came first.
    await close(db).catch(() => undefined);
    rmSync(copy, { recursive: true, force: true });
  }
}

/** The router's commit of the same file, signed in as the officer (who has a statement on file). */
export async function measureRouterImport(core: Core, file: ImportFile): Promise<ImportFigures['router']> {
  // Base64 is what the window sends; making it is the window's work, not the core's.
  const dataBase64 = file.bytes.toString('base64');
  const start = performance.now();
  const result = await core.call('customers.importCommit', { file: { fileName: 'bench-import.csv', dataBase64 }, language: 'ja' });
  const seconds = (performance.now() - start) / 1000;
  if (!result.ok) throw new Error(`customers.importCommit failed: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.details ?? {})}`);
  const value = result.value as ImportResult;
  if (value.imported !== file.parsed.length) throw new Error(`customers.importCommit imported ${value.imported} of ${file.parsed.length} rows (${value.rejected} rejected)`);
  return { seconds, rowsPerSecond: value.imported / seconds, imported: value.imported, duplicates: value.duplicates };
}
