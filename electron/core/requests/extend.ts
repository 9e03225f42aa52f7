// The one extension of a request's due date (policy §7; APPI Art. 33/35): its rules, for `requests.extend` and bulk work alike.
import { localDay } from '../dates';
import { refuseCardNumbers } from '../customers/no-card-numbers';
import { DeskError } from '../errors';
import type { AuditNote, Ctx } from '../handler';
import { renderNotice } from '../notices/render';
import { addHistory, dueOnInForce, loadRequest, requireOpen, type RequestRecord } from './store';

/** Why the request cannot be extended to `dueOn`, thrown as the error `requests.extend` answers with. */
export function checkExtension(request: RequestRecord, dueOn: string, today: string): void {
  requireOpen(request);
  // Once, with a reason, and the person is told (the office's own rule for its internal target).
  if (request.extended_due_on !== null) throw new DeskError('CONFLICT', 'request.alreadyExtended', { dueOn: request.extended_due_on });
  const previousDueOn = dueOnInForce(request);
  if (dueOn <= previousDueOn) throw new DeskError('VALIDATION', 'request.extensionNotLater', { path: 'dueOn', dueOn: previousDueOn });
  if (dueOn < today) throw new DeskError('VALIDATION', 'request.extensionInPast', { path: 'dueOn' });
}

/** Extends the request and writes the extension notice; returns what the call's audit event records. */
export async function extendRequest(ctx: Ctx, input: { id: string; dueOn: string; reason: string }): Promise<AuditNote> {
  const request = await loadRequest(ctx.db, input.id);
  checkExtension(request, input.dueOn, localDay(ctx.desk.now()));
  const previousDueOn = dueOnInForce(request);
  refuseCardNumbers(input.reason, 'reason');
  const actor = { accountId: ctx.session!.accountId, now: ctx.desk.now() };
  await ctx.db
    .updateTable('requests')
    .set({ extended_due_on: input.dueOn, extension_reason: input.reason, extended_at: actor.now.toISOString(), extended_by: actor.accountId, updated_at: actor.now.toISOString() })
    .where('id', '=', request.id)
    .execute();
  await addHistory(ctx.db, request.id, actor, 'extended', input.reason);
  const notice = await renderNotice(ctx, request.id, 'extension');
  return { targetType: 'request', targetId: request.id, fields: ['dueOn', 'extensionReason'], details: { previousDueOn, dueOn: input.dueOn, noticeId: notice.id } };
}
