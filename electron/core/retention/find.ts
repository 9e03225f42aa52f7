// What a retention run would erase today (APPI Art. 22): ids only, per kind, found by the officer's periods.
import { sql, type Kysely } from 'kysely';
import { closedRequestStates, openRequestStates } from '../../../src-shared/requests';
import { retentionKinds, type RetentionKind } from '../../../src-shared/registers';
import type { Database } from '../db/schema';
import { monthsBefore, startOfLocalDay } from './periods';

type Db = Kysely<Database>;
export type Found = Record<RetentionKind, string[]>;
type Months = Record<RetentionKind, number | null>;
/** A query of ids, limited to some ids when a run re-checks what its preview found. */
type IdQuery = (among: string[] | null) => Promise<{ id: string }[]>;

/** Ids per statement when a run re-checks: well under SQLite's limit of bound values. */
const chunkSize = 500;

/**
 * Whether a provision record is still kept: the law's minimum (`keep_until`, APPI Art. 29: 3 years, 1 year from the
 * last provision for a combined record), lengthened by the officer's period counted from the (last) provision, never
 * shortened. A record still awaiting the officer's decision is never due: the decision comes first.
 */
function provisionKept(months: number | null, today: string) {
  const lengthened = months === null ? sql<boolean>`0` : sql<boolean>`coalesce(p.last_provided_on, p.provided_on) >= ${monthsBefore(today, months)}`;
  return sql<boolean>`(p.state = 'awaitingApproval' or p.keep_until >= ${today} or ${lengthened})`;
}

/** Whether a receipt record is still kept: `keep_until` (APPI Art. 30), lengthened by the officer's period from receipt. */
function receiptKept(months: number | null, today: string) {
  const lengthened = months === null ? sql<boolean>`0` : sql<boolean>`rc.received_on >= ${monthsBefore(today, months)}`;
  return sql<boolean>`(rc.keep_until >= ${today} or ${lengthened})`;
}

const openStates = sql.join(openRequestStates.map((s) => sql.lit(s)));

/**
 * Customers with no order, no consent event, no change and no open request for the period. Never one with an open
 * request (it would pull the record from under the request), nor one named by a provision or receipt record still
 * kept: the law keeps the record, and the record is only worth keeping while it can still say who the person is.
 */
function inactiveCustomers(db: Db, months: Months, today: string): IdQuery | null {
  const period = months.inactiveCustomers;
  if (period === null) return null;
  const sinceDay = monthsBefore(today, period);
  // Orders carry a calendar day; changes, consents and the record's own time are instants.
  const since = startOfLocalDay(sinceDay);
  return (among) => {
    let query = db
      .selectFrom('customers as c')
      .select('c.id as id')
      .where('c.updated_at', '<', since)
      .where(sql<boolean>`not exists (select 1 from orders o where o.customer_id = c.id and o.ordered_on >= ${sinceDay})`)
      .where(sql<boolean>`not exists (select 1 from customer_changes h where h.customer_id = c.id and h.at >= ${since})`)
      .where(sql<boolean>`not exists (select 1 from consent_events e where e.customer_id = c.id and e.recorded_at >= ${since})`)
      .where(sql<boolean>`not exists (select 1 from requests r where r.customer_id = c.id and r.state in (${openStates}))`)
      .where(
        sql<boolean>`not exists (select 1 from provision_customers pc join provisions p on p.id = pc.provision_id where pc.customer_id = c.id and ${provisionKept(months.provisionRecords, today)})`,
      )
      .where(sql<boolean>`not exists (select 1 from receipts rc where rc.id = c.receipt_id and ${receiptKept(months.receiptRecords, today)})`);
    if (among) query = query.where('c.id', 'in', among);
    return query.orderBy('c.id').execute();
  };
}

/** Requests closed longer ago than the period whose copy of the person's data is still there; the register row stays. */
function closedRequests(db: Db, months: Months, today: string): IdQuery | null {
  const period = months.closedRequests;
  if (period === null) return null;
  const since = startOfLocalDay(monthsBefore(today, period));
  return (among) => {
    let query = db
      .selectFrom('requests')
      .select('id')
      .where('state', 'in', [...closedRequestStates])
      .where('personal_data_erased_at', 'is', null)
      .where('closed_at', 'is not', null)
      .where('closed_at', '<', since);
    if (among) query = query.where('id', 'in', among);
    return query.orderBy('id').execute();
  };
}

/** Provision records past their keep date: the record itself is what the law allows to go now. */
function provisionRecords(db: Db, months: Months, today: string): IdQuery {
  return (among) => {
    let query = db
      .selectFrom('provisions as p')
      .select('p.id as id')
      .where('p.keep_until', '<', today)
      .where(sql<boolean>`not ${provisionKept(months.provisionRecords, today)}`);
    if (among) query = query.where('p.id', 'in', among);
    return query.orderBy('p.id').execute();
  };
}

/**
 * Receipt records past their keep date that no customer refers to. A customer whose `receipt_id` points at one keeps
 * it: it is where their data came from, which they may ask to see (APPI Art. 33(5)) and which their record's
 * provenance names; it goes in a later run, once the customer has gone.
 */
function receiptRecords(db: Db, months: Months, today: string): IdQuery {
  return (among) => {
    let query = db
      .selectFrom('receipts as rc')
      .select('rc.id as id')
      .where('rc.keep_until', '<', today)
      .where(sql<boolean>`not ${receiptKept(months.receiptRecords, today)}`)
      .where(sql<boolean>`not exists (select 1 from customers c where c.receipt_id = rc.id)`);
    if (among) query = query.where('rc.id', 'in', among);
    return query.orderBy('rc.id').execute();
  };
}

const finders: Record<RetentionKind, (db: Db, months: Months, today: string) => IdQuery | null> = {
  inactiveCustomers,
  closedRequests,
  provisionRecords,
  receiptRecords,
};

/**
 * What is due today, per kind. With `among` (the ids a preview found), only those of them that are still due: a
 * customer who ordered since the preview, a request reopened, is kept.
 */
export async function findDue(db: Db, months: Months, today: string, among?: Found): Promise<Found> {
  const found = {} as Found;
  for (const kind of retentionKinds) {
    const query = finders[kind](db, months, today);
    if (!query) {
      found[kind] = [];
    } else if (!among) {
      found[kind] = (await query(null)).map((r) => r.id);
    } else {
      const ids: string[] = [];
      for (let i = 0; i < among[kind].length; i += chunkSize) {
        for (const r of await query(among[kind].slice(i, i + chunkSize))) ids.push(r.id);
      }
      found[kind] = ids;
    }
  }
  return found;
}

export function countsOf(found: Found): Record<RetentionKind, number> {
  return Object.fromEntries(retentionKinds.map((k) => [k, found[k].length])) as Record<RetentionKind, number>;
}
