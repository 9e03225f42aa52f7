// The request or incident a complaint leads to: registered by that area's own code in the complaint's transaction, or
// an existing one linked by its number. One stored link, read from both sides.
import type { z } from 'zod';
import type { complaints } from '../../../src-shared/api/complaints';
import { roleHas, type Permission } from '../../../src-shared/roles';
import { appendEvent } from '../audit/chain';
import { DeskError } from '../errors';
import type { AuditNote, Ctx } from '../handler';
import { incidentHandlers } from '../incidents/handlers';
import { requestHandlers } from '../requests/handlers';
import { actorOf, addHistory, loadComplaint, requireOpen, type ComplaintRecord } from './store';

type Input<M extends keyof typeof complaints> = z.output<(typeof complaints)[M]['input']>;

/** The router checked `complaints.write`; registering a request or an incident needs that area's own permission too. */
function requirePermission(ctx: Ctx, permission: Permission): void {
  if (!roleHas(ctx.session!.role, permission)) throw new DeskError('FORBIDDEN', 'auth.forbidden', { method: permission });
}

async function openComplaint(ctx: Ctx, id: string): Promise<ComplaintRecord> {
  const complaint = await loadComplaint(ctx.db, id);
  requireOpen(complaint);
  return complaint;
}

/**
 * Runs another area's create handler inside this call's transaction and records its own audit event, as if it had been
 * called directly: the trail of a request or an incident starts with its creation, wherever it was made from.
 */
async function createThrough<T>(ctx: Ctx, action: 'requests.create' | 'incidents.create', complaintId: string, create: (inner: Ctx) => Promise<T>): Promise<T> {
  const note: AuditNote = {};
  const value = await create({ ...ctx, audit: note });
  await appendEvent(ctx.db, {
    at: ctx.desk.now().toISOString(),
    actorId: ctx.session!.accountId,
    actorRole: ctx.session!.role,
    action,
    outcome: 'ok',
    targetType: note.targetType ?? null,
    targetId: note.targetId ?? null,
    fields: note.fields ?? null,
    details: { ...note.details, fromComplaint: complaintId },
  });
  return value;
}

async function insertLink(ctx: Ctx, complaintId: string, target: { requestId: string } | { incidentId: string }, how: 'registered' | 'linked'): Promise<void> {
  const actor = actorOf(ctx);
  await ctx.db
    .insertInto('complaint_links')
    .values({
      complaint_id: complaintId,
      request_id: 'requestId' in target ? target.requestId : null,
      incident_id: 'incidentId' in target ? target.incidentId : null,
      how,
      linked_at: actor.now.toISOString(),
      linked_by: actor.accountId,
    })
    .execute();
  await ctx.db.updateTable('complaints').set({ updated_at: actor.now.toISOString() }).where('id', '=', complaintId).execute();
}

export async function registerRequest(ctx: Ctx, input: Input<'complaints.registerRequest'>): Promise<AuditNote> {
  requirePermission(ctx, 'requests.write');
  const complaint = await openComplaint(ctx, input.id);
  const request = await createThrough(ctx, 'requests.create', complaint.id, (inner) => requestHandlers['requests.create'](input.request, inner));
  await insertLink(ctx, complaint.id, { requestId: request.id }, 'registered');
  await addHistory(ctx.db, complaint.id, actorOf(ctx), 'requestRegistered', request.number);
  return { targetType: 'complaint', targetId: complaint.id, fields: ['requests'], details: { number: complaint.number, requestId: request.id, requestNumber: request.number, requestKind: request.kind } };
}

export async function registerIncident(ctx: Ctx, input: Input<'complaints.registerIncident'>): Promise<AuditNote> {
  requirePermission(ctx, 'incidents.write');
  const complaint = await openComplaint(ctx, input.id);
  const incident = await createThrough(ctx, 'incidents.create', complaint.id, (inner) => incidentHandlers['incidents.create'](input.incident, inner));
  await insertLink(ctx, complaint.id, { incidentId: incident.id }, 'registered');
  await addHistory(ctx.db, complaint.id, actorOf(ctx), 'incidentRegistered', incident.number);
  return { targetType: 'complaint', targetId: complaint.id, fields: ['incidents'], details: { number: complaint.number, incidentId: incident.id, incidentNumber: incident.number } };
}

export async function linkExisting(ctx: Ctx, input: Input<'complaints.link'>): Promise<AuditNote> {
  const complaint = await openComplaint(ctx, input.id);
  const actor = actorOf(ctx);
  if (input.requestNumber !== undefined) {
    requirePermission(ctx, 'requests.read');
    const request = await ctx.db.selectFrom('requests').select(['id', 'number']).where('number', '=', input.requestNumber).executeTakeFirst();
    if (!request) throw new DeskError('NOT_FOUND', 'complaint.requestNotFound', { path: 'requestNumber', number: input.requestNumber });
    await refuseRepeat(ctx, complaint.id, 'request_id', request.id, request.number);
    await insertLink(ctx, complaint.id, { requestId: request.id }, 'linked');
    await addHistory(ctx.db, complaint.id, actor, 'requestLinked', request.number);
    return { targetType: 'complaint', targetId: complaint.id, fields: ['requests'], details: { number: complaint.number, requestId: request.id, requestNumber: request.number } };
  }
  requirePermission(ctx, 'incidents.read');
  const incident = await ctx.db.selectFrom('incidents').select(['id', 'number']).where('number', '=', input.incidentNumber!).executeTakeFirst();
  if (!incident) throw new DeskError('NOT_FOUND', 'complaint.incidentNotFound', { path: 'incidentNumber', number: input.incidentNumber });
  await refuseRepeat(ctx, complaint.id, 'incident_id', incident.id, incident.number);
  await insertLink(ctx, complaint.id, { incidentId: incident.id }, 'linked');
  await addHistory(ctx.db, complaint.id, actor, 'incidentLinked', incident.number);
  return { targetType: 'complaint', targetId: complaint.id, fields: ['incidents'], details: { number: complaint.number, incidentId: incident.id, incidentNumber: incident.number } };
}

async function refuseRepeat(ctx: Ctx, complaintId: string, column: 'request_id' | 'incident_id', targetId: string, number: string): Promise<void> {
  const existing = await ctx.db.selectFrom('complaint_links').select('id').where('complaint_id', '=', complaintId).where(column, '=', targetId).executeTakeFirst();
  if (existing) throw new DeskError('CONFLICT', 'complaint.alreadyLinked', { number });
}

export async function unlink(ctx: Ctx, input: Input<'complaints.unlink'>): Promise<AuditNote> {
  const complaint = await openComplaint(ctx, input.id);
  const column = input.requestId !== undefined ? 'request_id' : 'incident_id';
  const targetId = (input.requestId ?? input.incidentId)!;
  const link = await ctx.db.selectFrom('complaint_links').select(['id', 'how']).where('complaint_id', '=', complaint.id).where(column, '=', targetId).executeTakeFirst();
  if (!link) throw new DeskError('NOT_FOUND', 'complaint.linkNotFound');
  // A request or incident made from this complaint came from it: that stays true, so its link is not removed.
  if (link.how === 'registered') throw new DeskError('CONFLICT', 'complaint.registeredLinkStays');
  await ctx.db.deleteFrom('complaint_links').where('id', '=', link.id).execute();
  const number = column === 'request_id'
    ? (await ctx.db.selectFrom('requests').select('number').where('id', '=', targetId).executeTakeFirstOrThrow()).number
    : (await ctx.db.selectFrom('incidents').select('number').where('id', '=', targetId).executeTakeFirstOrThrow()).number;
  await addHistory(ctx.db, complaint.id, actorOf(ctx), column === 'request_id' ? 'requestUnlinked' : 'incidentUnlinked', number);
  return { targetType: 'complaint', targetId: complaint.id, fields: [column === 'request_id' ? 'requests' : 'incidents'], details: { number: complaint.number, [column === 'request_id' ? 'requestId' : 'incidentId']: targetId } };
}
