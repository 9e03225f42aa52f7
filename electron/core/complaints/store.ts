// Writing the complaints register: loading one complaint, its number, its due date, its history, and the office's setting.
import type { Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import { complaintDueBusinessDaysRange, defaultComplaintDueBusinessDays } from '../../../src-shared/api/complaints';
import type { Database } from '../db/schema';
import type { ComplaintTable } from '../db/schema-complaints';
import { DeskError } from '../errors';
import type { Ctx } from '../handler';
import { addBusinessDays } from '../requests/business-days';
import { writeSetting } from '../requests/settings';

type Db = Kysely<Database>;
export type ComplaintRecord = Selectable<ComplaintTable>;

export interface Actor {
  accountId: string;
  now: Date;
}

export const actorOf = (ctx: Ctx): Actor => ({ accountId: ctx.session!.accountId, now: ctx.desk.now() });

export async function loadComplaint(db: Db, id: string): Promise<ComplaintRecord> {
  const complaint = await db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirst();
  if (!complaint) throw new DeskError('NOT_FOUND', 'complaint.notFound', { id });
  return complaint;
}

/** A closed complaint is the record of how the office answered: nothing is changed on it until the officer reopens it. */
export function requireOpen(complaint: ComplaintRecord): void {
  if (complaint.state === 'closed') throw new DeskError('CONFLICT', 'complaint.closed', { number: complaint.number });
}

/** `C-2026-0001`: numbered in order of registration within the year of registration (not of receipt), as requests are. */
export async function nextNumber(db: Db, year: string): Promise<string> {
  const prefix = `C-${year}-`;
  const { rows } = await sql<{ n: number | null }>`select max(cast(substr(number, ${prefix.length + 1}) as integer)) as n from complaints where number like ${`${prefix}%`}`.execute(db);
  return `${prefix}${String(Number(rows[0]?.n ?? 0) + 1).padStart(4, '0')}`;
}

/** One line of the complaint's own history. `note` holds free text only where a person's reason is the record (reopening). */
export async function addHistory(db: Db, complaintId: string, actor: Actor, action: string, note: string | null = null): Promise<void> {
  await db.insertInto('complaint_history').values({ complaint_id: complaintId, at: actor.now.toISOString(), actor_id: actor.accountId, action, note }).execute();
}

const dueDaysKey = 'complaints.dueBusinessDays';

export async function readDueBusinessDays(db: Db): Promise<number> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', dueDaysKey).executeTakeFirst();
  const value = row ? (JSON.parse(row.value) as unknown) : undefined;
  const { min, max } = complaintDueBusinessDaysRange;
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : defaultComplaintDueBusinessDays;
}

export async function writeDueBusinessDays(db: Db, days: number): Promise<void> {
  // The default is not stored, so a later change of the default reaches an office that never chose its own.
  await writeSetting(db, dueDaysKey, days === defaultComplaintDueBusinessDays ? null : days);
}

/** The response is due that many business days after receipt: weekends and Japan's public holidays skipped, as for requests. */
export async function dueOnFor(db: Db, receivedOn: string): Promise<string> {
  return addBusinessDays(receivedOn, await readDueBusinessDays(db));
}

/** The customer number of a customer record, refusing an id that names no customer. */
export async function customerNoOf(db: Db, customerId: string): Promise<string> {
  const customer = await db.selectFrom('customers').select('customer_no').where('id', '=', customerId).executeTakeFirst();
  if (!customer) throw new DeskError('NOT_FOUND', 'customer.notFound', { path: 'customerId' });
  return customer.customer_no;
}

/** A handler is an active officer or staff member: the auditor answers no one. */
export async function checkHandler(db: Db, handlerId: string): Promise<void> {
  const account = await db.selectFrom('accounts').select(['role', 'status']).where('id', '=', handlerId).executeTakeFirst();
  if (!account || account.status !== 'active' || account.role === 'auditor') throw new DeskError('VALIDATION', 'complaint.handler', { path: 'handlerId' });
}
