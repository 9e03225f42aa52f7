// Writing the incident register: loading one incident, its number, its people and its timeline.
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { IncidentTable } from '../db/schema-registers';
import { DeskError } from '../errors';
import type { Ctx } from '../handler';

type Db = Ctx['db'];
export type IncidentRecord = Selectable<IncidentTable>;
export interface KnownPerson {
  customerId: string;
  customerNo: string;
}

/** Lists of thousands of customers go to SQLite in slices: one statement has a limit on its parameters. */
const slice = 500;
function slices<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += slice) out.push(items.slice(i, i + slice));
  return out;
}

export async function loadIncident(db: Db, id: string): Promise<IncidentRecord> {
  const incident = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!incident) throw new DeskError('NOT_FOUND', 'incident.notFound', { id });
  return incident;
}

/** A closed incident is the record of what the office did: nothing is changed on it or added to it any more. */
export function requireOpen(incident: IncidentRecord): void {
  if (incident.state === 'closed') throw new DeskError('CONFLICT', 'incident.closed', { id: incident.id });
}

/** `I-2026-0001`: numbered in order of registration within the year of registration. */
export async function nextNumber(db: Db, year: string): Promise<string> {
  const prefix = `I-${year}-`;
  const { rows } = await sql<{ n: number | null }>`select max(cast(substr(number, ${prefix.length + 1}) as integer)) as n from incidents where number like ${`${prefix}%`}`.execute(db);
  return `${prefix}${String(Number(rows[0]?.n ?? 0) + 1).padStart(4, '0')}`;
}

/**
 * The people affected as the customers table knows them, from ids (a search) and numbers (a list from the system
 * that leaked). Anyone not found is refused by their place in the list, never guessed or silently dropped.
 */
export async function resolvePeople(db: Db, customerIds: readonly string[], customerNos: readonly string[]): Promise<KnownPerson[]> {
  const byId = new Map<string, string>();
  for (const part of slices([...new Set(customerIds)])) {
    for (const r of await db.selectFrom('customers').select(['id', 'customer_no']).where('id', 'in', part).execute()) byId.set(r.id, r.customer_no);
  }
  const missingId = customerIds.findIndex((id) => !byId.has(id));
  if (missingId >= 0) throw new DeskError('VALIDATION', 'incident.unknownCustomer', { path: `customerIds.${missingId}`, index: missingId });

  const byNo = new Map<string, string>();
  for (const part of slices([...new Set(customerNos)])) {
    for (const r of await db.selectFrom('customers').select(['id', 'customer_no']).where('customer_no', 'in', part).execute()) byNo.set(r.customer_no, r.id);
  }
  const missingNo = customerNos.findIndex((no) => !byNo.has(no));
  if (missingNo >= 0) throw new DeskError('VALIDATION', 'incident.unknownCustomer', { path: `customerNos.${missingNo}`, index: missingNo });

  // The same customer named twice (by id and by number) is one person.
  const people = new Map<string, KnownPerson>();
  for (const [customerId, customerNo] of byId) people.set(customerId, { customerId, customerNo });
  for (const [customerNo, customerId] of byNo) people.set(customerId, { customerId, customerNo });
  return [...people.values()].sort((a, b) => a.customerNo.localeCompare(b.customerNo));
}

export async function knownPeopleCount(db: Db, incidentId: string): Promise<number> {
  const row = await db
    .selectFrom('incident_people')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('incident_id', '=', incidentId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The known people become `people`. Someone already told of the incident stays on it: the notice is the record that
 * they were told, and it must keep saying whom it was about.
 */
export async function replacePeople(db: Db, incidentId: string, people: readonly KnownPerson[]): Promise<void> {
  const wanted = new Set(people.map((p) => p.customerNo));
  const current = await db.selectFrom('incident_people').select(['customer_no', 'customer_id', 'notified_at']).where('incident_id', '=', incidentId).execute();
  const leaving = current.filter((p) => !wanted.has(p.customer_no));
  const told = leaving.find((p) => p.notified_at !== null);
  if (told) throw new DeskError('CONFLICT', 'incident.personNotified', { customerId: told.customer_id, customerNo: told.customer_no });
  for (const part of slices(leaving.map((p) => p.customer_no))) {
    await db.deleteFrom('incident_people').where('incident_id', '=', incidentId).where('customer_no', 'in', part).execute();
  }
  const present = new Set(current.map((p) => p.customer_no));
  const joining = people.filter((p) => !present.has(p.customerNo));
  for (const part of slices(joining)) {
    await db
      .insertInto('incident_people')
      .values(part.map((p) => ({ incident_id: incidentId, customer_id: p.customerId, customer_no: p.customerNo, notified_at: null })))
      .execute();
  }
}

export interface Actor {
  accountId: string | null;
  now: Date;
}

/** One step on the incident's timeline: what the register shows and a regulator's inquiry asks for. */
export async function addEvent(db: Db, incidentId: string, actor: Actor, kind: string, note?: string | null): Promise<void> {
  await db.insertInto('incident_events').values({ incident_id: incidentId, at: actor.now.toISOString(), actor_id: actor.accountId, kind, note: note ?? null }).execute();
}
