// Who handles a request: handing it to another officer or staff member (requests.assign and bulk work alike).
import { DeskError } from '../errors';
import type { AuditNote, Ctx } from '../handler';
import { addHistory, loadRequest, requireOpen, type RequestRecord } from './store';

type Db = Ctx['db'];

export interface Assignee {
  id: string;
  displayName: string;
}

/**
 * The account a request may be handed to: active, and an officer or staff member. The auditor handles no requests
 * (the one who checks the work must not do it), and a disabled account can no longer sign in to do it.
 */
export async function loadAssignee(db: Db, accountId: string): Promise<Assignee> {
  const account = await db.selectFrom('accounts').select(['id', 'display_name', 'role', 'status']).where('id', '=', accountId).executeTakeFirst();
  if (!account) throw new DeskError('NOT_FOUND', 'request.assigneeNotFound', { path: 'assigneeId' });
  if (account.status !== 'active' || (account.role !== 'officer' && account.role !== 'staff')) {
    throw new DeskError('VALIDATION', 'request.assigneeNotAllowed', { path: 'assigneeId', role: account.role, status: account.status });
  }
  return { id: account.id, displayName: account.display_name };
}

/** Why the request cannot go to this assignee, thrown as the error `requests.assign` answers with. */
export function checkAssignment(request: RequestRecord, assignee: Assignee): void {
  // A closed request is the record of who handled it; it is not handed on any more.
  requireOpen(request);
  if (request.assignee_id === assignee.id) throw new DeskError('CONFLICT', 'request.alreadyAssigned', { assigneeId: assignee.id });
}

/** Hands the request on and writes it in its history; returns what the call's audit event records (ids only). */
export async function assignRequest(ctx: Ctx, requestId: string, assignee: Assignee): Promise<AuditNote> {
  const request = await loadRequest(ctx.db, requestId);
  checkAssignment(request, assignee);
  const now = ctx.desk.now();
  await ctx.db.updateTable('requests').set({ assignee_id: assignee.id, updated_at: now.toISOString() }).where('id', '=', request.id).execute();
  await addHistory(ctx.db, request.id, { accountId: ctx.session!.accountId, now }, 'assigned', assignee.displayName);
  return { targetType: 'request', targetId: request.id, fields: ['assigneeId'], details: { previousAssigneeId: request.assignee_id, assigneeId: assignee.id } };
}
