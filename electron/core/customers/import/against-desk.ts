// Checking an import's good rows against the customers already held: customer numbers taken, and possible duplicates to review.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { kanaKey } from '../search-text';
import type { ReadFile } from './read-file';
import { customerNoKey } from './read-file';

type Db = Kysely<Database>;

export interface PossibleDuplicate {
  existingCustomerId: string;
  reason: 'email' | 'readingAndBirthDate';
}

/** SQLite bounds a statement's parameters (32,766 here, 999 in old builds): look up in slices well below both. */
const slice = 500;

function slices<T>(items: T[], size = slice): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Refuses, in place, the good rows whose customer number the desk already holds (the store would refuse them mid-commit). */
export async function refuseTakenNumbers(db: Db, file: ReadFile): Promise<void> {
  const column = file.columns.indexOf('customerNo');
  const byKey = new Map<string, number>();
  file.rows.forEach((r, i) => {
    if (r.ok) byKey.set(customerNoKey(String(r.parsed.customerNo)), i);
  });
  for (const keys of slices([...byKey.keys()])) {
    const taken = await db.selectFrom('customers').select('customer_no').where('customer_no', 'in', keys).execute();
    for (const t of taken) {
      const i = byKey.get(t.customer_no)!;
      const row = file.rows[i]!.row;
      file.rows[i] = { ok: false, row, problems: [{ row, column: column + 1, header: file.headers[column] ?? null, reason: 'import.customerNoExists' }], cardColumns: [] };
    }
  }
}

/**
 * Existing customers each good row may duplicate: the same e-mail (any case), or the same reading and date of birth.
 * The same rule as findPossibleDuplicates in customers/store.ts, asked for all rows in a few queries instead of two per row.
 */
export async function findImportDuplicates(db: Db, file: ReadFile): Promise<Map<number, PossibleDuplicate[]>> {
  const byEmail = new Map<string, number[]>();
  const byReading = new Map<string, number[]>();
  file.rows.forEach((r, i) => {
    if (!r.ok) return;
    for (const e of r.parsed.emails ?? []) push(byEmail, e.address.trim().toLowerCase(), i);
    if (r.parsed.birthDate) push(byReading, `${kanaKey(r.parsed.nameKana)}\u0000${r.parsed.birthDate}`, i);
  });
  const found = new Map<number, PossibleDuplicate[]>();
  const add = (i: number, existingCustomerId: string, reason: PossibleDuplicate['reason']) => {
    const list = found.get(i) ?? [];
    if (!list.some((d) => d.existingCustomerId === existingCustomerId && d.reason === reason)) list.push({ existingCustomerId, reason });
    found.set(i, list);
  };
  for (const keys of slices([...byEmail.keys()])) {
    const rows = await db.selectFrom('customer_emails').select(['customer_id', 'address_key']).where('address_key', 'in', keys).execute();
    for (const r of rows) for (const i of byEmail.get(r.address_key) ?? []) add(i, r.customer_id, 'email');
  }
  const pairs = [...byReading.keys()].map((k) => k.split('\u0000') as [string, string]);
  // Two parameters a pair.
  for (const part of slices(pairs, 400)) {
    // Each (reading, date of birth) pair probes the customers_kana_birth index: only the customers that match are
    // read. Asking by reading alone read every customer of every common reading (all of a million-customer desk).
    const probes = sql.join(part.map(([k, b]) => sql`(${k}, ${b})`));
    const { rows } = await sql<{ id: string; kana_key: string; birth_date: string }>`with probe(k, b) as (values ${probes})
      select c.id, c.kana_key, c.birth_date from probe join customers c on c.kana_key = probe.k and c.birth_date = probe.b`.execute(db);
    for (const r of rows) for (const i of byReading.get(`${r.kana_key}\u0000${r.birth_date}`) ?? []) add(i, r.id, 'readingAndBirthDate');
  }
  return found;
}

function push(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}
