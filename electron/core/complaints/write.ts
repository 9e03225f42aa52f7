// Recording a complaint, changing it while open, closing it with the response, and the officer's reopening.
import { randomUUID } from 'node:crypto';
import type { Updateable } from 'kysely';
import type { z } from 'zod';
import type { complaintInput, complaints } from '../../../src-shared/api/complaints';
import { refuseCardNumbers } from '../customers/no-card-numbers';
import { localDay } from '../dates';
import type { ComplaintTable } from '../db/schema-complaints';
import { DeskError } from '../errors';
import type { AuditNote, Ctx } from '../handler';
import { scrubComplaintPersonalData } from './scrub';
import { actorOf, addHistory, checkHandler, customerNoOf, dueOnFor, loadComplaint, nextNumber, requireOpen } from './store';

type NewComplaint = z.output<typeof complaintInput>;
type Change = z.output<(typeof complaints)['complaints.update']['input']>;
type Closing = z.output<(typeof complaints)['complaints.close']['input']>;

const orNull = (v: string | undefined) => (v === undefined || v === '' ? null : v);

/** The person's words and the office's own may quote a card number read out on the phone: the desk never keeps one. */
function refuseCards(fields: Record<string, string | null | undefined>): void {
  refuseCardNumbers(Object.fromEntries(Object.entries(fields).filter(([, v]) => typeof v === 'string')));
}

function checkReceivedOn(receivedOn: string, today: string): void {
  if (receivedOn > today) throw new DeskError('VALIDATION', 'complaint.receivedInFuture', { path: 'receivedOn' });
}

export async function createComplaint(ctx: Ctx, input: NewComplaint): Promise<{ id: string; audit: AuditNote }> {
  const actor = actorOf(ctx);
  const today = localDay(actor.now);
  checkReceivedOn(input.receivedOn, today);
  refuseCards({ subject: input.subject, content: input.content, complainantName: input.complainantName, complainantContact: input.complainantContact });
  const customerNo = input.customerId ? await customerNoOf(ctx.db, input.customerId) : null;
  if (input.handlerId) await checkHandler(ctx.db, input.handlerId);
  const id = randomUUID();
  const number = await nextNumber(ctx.db, today.slice(0, 4));
  const at = actor.now.toISOString();
  await ctx.db
    .insertInto('complaints')
    .values({
      id,
      number,
      kind: input.kind,
      channel: input.channel,
      received_on: input.receivedOn,
      due_on: await dueOnFor(ctx.db, input.receivedOn),
      subject: input.subject,
      content: input.content,
      complainant_name: orNull(input.complainantName),
      complainant_contact: orNull(input.complainantContact),
      customer_id: input.customerId ?? null,
      customer_no: customerNo,
      // Whoever records it answers for it until someone else is named.
      handler_id: input.handlerId ?? actor.accountId,
      response: null,
      problem_found: null,
      problem_description: null,
      state: 'open',
      closed_on: null,
      closed_at: null,
      closed_by: null,
      personal_data_erased_at: null,
      created_at: at,
      created_by: actor.accountId,
      updated_at: at,
    })
    .execute();
  await addHistory(ctx.db, id, actor, 'created');
  const fields = Object.entries(input)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k]) => k);
  return { id, audit: { targetType: 'complaint', targetId: id, fields, details: { number, kind: input.kind, channel: input.channel, customerId: input.customerId ?? null } } };
}

const columnOf = {
  kind: 'kind',
  channel: 'channel',
  receivedOn: 'received_on',
  subject: 'subject',
  content: 'content',
  complainantName: 'complainant_name',
  complainantContact: 'complainant_contact',
  customerId: 'customer_id',
  handlerId: 'handler_id',
  response: 'response',
  problemFound: 'problem_found',
  problemDescription: 'problem_description',
} as const;

export async function updateComplaint(ctx: Ctx, input: Change): Promise<AuditNote> {
  const before = await loadComplaint(ctx.db, input.id);
  requireOpen(before);
  const actor = actorOf(ctx);
  if (input.receivedOn !== undefined) checkReceivedOn(input.receivedOn, localDay(actor.now));
  refuseCards({ subject: input.subject, content: input.content, complainantName: input.complainantName, complainantContact: input.complainantContact, response: input.response, problemDescription: input.problemDescription });
  if (input.handlerId) await checkHandler(ctx.db, input.handlerId);
  const wanted: Record<string, string | number | null> = {};
  for (const [key, column] of Object.entries(columnOf) as [keyof typeof columnOf, (typeof columnOf)[keyof typeof columnOf]][]) {
    const value = input[key];
    if (value === undefined) continue;
    wanted[column] = typeof value === 'boolean' ? (value ? 1 : 0) : typeof value === 'string' && value === '' && !['subject', 'content'].includes(key) ? null : value;
  }
  if ('customer_id' in wanted) wanted.customer_no = wanted.customer_id === null ? null : await customerNoOf(ctx.db, wanted.customer_id as string);
  // A later day of receipt moves the due date with it, by the office's setting of today.
  if (input.receivedOn !== undefined && input.receivedOn !== before.received_on) wanted.due_on = await dueOnFor(ctx.db, input.receivedOn);
  const changed = (Object.keys(columnOf) as (keyof typeof columnOf)[]).filter((k) => columnOf[k] in wanted && wanted[columnOf[k]] !== before[columnOf[k]]);
  if (changed.length > 0) {
    await ctx.db
      .updateTable('complaints')
      .set({ ...(wanted as Updateable<ComplaintTable>), updated_at: actor.now.toISOString() })
      .where('id', '=', before.id)
      .execute();
    await addHistory(ctx.db, before.id, actor, changed.includes('response') && changed.length === 1 ? 'responseDrafted' : 'updated');
  }
  return {
    targetType: 'complaint',
    targetId: before.id,
    fields: changed,
    details: {
      number: before.number,
      ...(changed.includes('customerId') ? { customerId: wanted.customer_id, previousCustomerId: before.customer_id } : {}),
      ...(changed.includes('handlerId') ? { handlerId: wanted.handler_id } : {}),
    },
  };
}

export async function closeComplaint(ctx: Ctx, input: Closing): Promise<AuditNote> {
  const complaint = await loadComplaint(ctx.db, input.id);
  requireOpen(complaint);
  const actor = actorOf(ctx);
  if (input.closedOn > localDay(actor.now)) throw new DeskError('VALIDATION', 'complaint.closedInFuture', { path: 'closedOn' });
  if (input.closedOn < complaint.received_on) throw new DeskError('VALIDATION', 'complaint.closedBeforeReceived', { path: 'closedOn', receivedOn: complaint.received_on });
  refuseCards({ response: input.response, problemDescription: input.problemDescription });
  const at = actor.now.toISOString();
  await ctx.db
    .updateTable('complaints')
    .set({
      response: input.response,
      problem_found: input.problemFound ? 1 : 0,
      problem_description: input.problemFound ? orNull(input.problemDescription) : null,
      state: 'closed',
      closed_on: input.closedOn,
      closed_at: at,
      closed_by: actor.accountId,
      updated_at: at,
    })
    .where('id', '=', complaint.id)
    .execute();
  await addHistory(ctx.db, complaint.id, actor, 'closed');
  // The customer was erased while this complaint was open: it kept the person's words for its handling, until now.
  const customerErased = complaint.customer_id === null && complaint.customer_no !== null;
  if (customerErased) {
    await scrubComplaintPersonalData(ctx.db, complaint.id, actor.now);
    ctx.afterCommit(() => ctx.desk.flushErasedPages());
  }
  const late = input.closedOn > complaint.due_on;
  return {
    targetType: 'complaint',
    targetId: complaint.id,
    fields: ['state', 'response', 'closedOn', 'problemFound', ...(input.problemFound ? ['problemDescription'] : [])],
    details: { number: complaint.number, closedOn: input.closedOn, dueOn: complaint.due_on, late, problemFound: input.problemFound, personalDataErased: customerErased },
  };
}

export async function reopenComplaint(ctx: Ctx, input: { id: string; reason: string }): Promise<AuditNote> {
  // Closing is the record of the answer given: only the officer may undo it, and says why.
  if (ctx.session!.role !== 'officer') throw new DeskError('FORBIDDEN', 'complaint.reopenOfficerOnly');
  const complaint = await loadComplaint(ctx.db, input.id);
  if (complaint.state !== 'closed') throw new DeskError('CONFLICT', 'complaint.notClosed', { number: complaint.number });
  refuseCards({ reason: input.reason });
  const actor = actorOf(ctx);
  await ctx.db
    .updateTable('complaints')
    .set({ state: 'open', closed_on: null, closed_at: null, closed_by: null, updated_at: actor.now.toISOString() })
    .where('id', '=', complaint.id)
    .execute();
  await addHistory(ctx.db, complaint.id, actor, 'reopened', input.reason);
  return { targetType: 'complaint', targetId: complaint.id, fields: ['state'], details: { number: complaint.number, closedOn: complaint.closed_on } };
}
