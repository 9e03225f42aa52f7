// The count of people of a ledger entry kept in the desk, taken live from the desk's own tables (issue #10): one honest
// query per source, so the ledger never carries a typed number that drifts from the data.
import { sql, type Kysely } from 'kysely';
import { ledgerSources, type LedgerSource } from '../../../src-shared/api/ledger';
import type { Database } from '../db/schema';

type Db = Kysely<Database>;

/**
 * Who each source counts. An erased customer (APPI Art. 35, or a retention run) is deleted from `customers` with its
 * orders, so no source counts them; the tombstone left behind is not a person's data and is not counted.
 */
const queries: Record<LedgerSource, ReturnType<typeof sql<{ n: number }>>> = {
  // Every customer record on file.
  customers: sql<{ n: number }>`select count(*) as n from customers`,
  // Customers with at least one order kept on their record.
  customersWithOrders: sql<{ n: number }>`select count(distinct customer_id) as n from orders`,
  // People named on requests whose personal data is still kept (scrubbed once an erasure completes or retention
  // runs): a request tied to a customer counts as that customer, once however many requests they made.
  requesters: sql<{ n: number }>`select count(distinct coalesce(customer_id, id)) as n from requests where personal_data_erased_at is null`,
  // People whose ID copy image is still held (copies are erased after their period, id_copies.erase_on).
  idCopies: sql<{ n: number }>`select count(distinct coalesce(r.customer_id, r.id)) as n from id_copies i join requests r on r.id = i.request_id where i.image is not null`,
  // Employees with a desk account; a disabled account still holds the person's name and department.
  accounts: sql<{ n: number }>`select count(*) as n from accounts`,
  // The contact person of each partner in the register (ended partners too: their contact is still held).
  partnerContacts: sql<{ n: number }>`select count(*) as n from partners`,
};

export async function countSource(db: Db, source: LedgerSource): Promise<number> {
  const { rows } = await queries[source].execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** Counts each source at most once per call, however many entries name it. */
export function sourceCounter(db: Db): (source: LedgerSource) => Promise<number> {
  const counted = new Map<LedgerSource, Promise<number>>();
  return (source) => {
    let found = counted.get(source);
    if (!found) counted.set(source, (found = countSource(db, source)));
    return found;
  };
}

export async function countEverySource(db: Db): Promise<Record<LedgerSource, number>> {
  const out = {} as Record<LedgerSource, number>;
  for (const source of ledgerSources) out[source] = await countSource(db, source);
  return out;
}
