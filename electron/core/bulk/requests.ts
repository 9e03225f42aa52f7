// Bulk work on requests: assign, extend and notify many at once, each row through the single action's own code.
import type { BulkExtension, BulkResult, BulkStep } from '../../../src-shared/api/bulk';
import type { NoticeKind, NoticeLanguage } from '../../../src-shared/requests';
import { localDay } from '../dates';
import type { Ctx } from '../handler';
import { writeNotice } from '../notices/render';
import { assignRequest, loadAssignee } from '../requests/assign';
import { addBusinessDays } from '../requests/business-days';
import { extendRequest } from '../requests/extend';
import { dueOnInForce, type RequestRecord } from '../requests/store';
import { runRows, type PlannedRow } from './rows';

type Request = RequestRecord & { assignee_name: string | null };

/** The requests asked for, in the order asked (the order of the officer's list), with their assignees' names. */
async function loadRequests(ctx: Ctx, ids: string[]): Promise<Map<string, Request>> {
  const rows = await ctx.db
    .selectFrom('requests as r')
    .leftJoin('accounts as a', 'a.id', 'r.assignee_id')
    .selectAll('r')
    .select('a.display_name as assignee_name')
    .where('r.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r as Request]));
}

function plan(ids: string[], found: Map<string, Request>, each: (r: Request) => Omit<PlannedRow, 'id' | 'number'>): PlannedRow[] {
  return ids.map((id) => {
    const request = found.get(id);
    return request ? { id, number: request.number, ...each(request) } : { id, number: '', from: null, to: null, work: null, skipReason: 'request.notFound' };
  });
}

/**
 * A preview of a notice must not leave an .eml in the outbox: inside the preview's savepoint (always rolled back) the
 * address is set aside first, so the notice's own code checks everything else and writes no file.
 */
async function withoutMail(rowCtx: Ctx, id: string, step: BulkStep): Promise<void> {
  if (step === 'preview') await rowCtx.db.updateTable('requests').set({ requester_email: null }).where('id', '=', id).execute();
}

export async function bulkAssign(ctx: Ctx, method: string, input: { step: BulkStep; ids: string[]; assigneeId: string }): Promise<BulkResult> {
  // An assignee who may not handle requests refuses the whole call: no row could be done.
  const assignee = await loadAssignee(ctx.db, input.assigneeId);
  const found = await loadRequests(ctx, input.ids);
  const rows = plan(input.ids, found, (r) => ({
    from: r.assignee_name,
    to: assignee.displayName,
    work: (rowCtx) => assignRequest(rowCtx, r.id, assignee),
  }));
  const result = await runRows(ctx, method, input.step, rows);
  Object.assign(ctx.audit.details!, { assigneeId: assignee.id });
  return result;
}

/** The new due date of one request: the one date for all, or N business days after its own (or after today when overdue). */
export function newDueOn(request: RequestRecord, extension: BulkExtension, today: string): string {
  if (extension.mode === 'dueOn') return extension.dueOn;
  const due = dueOnInForce(request);
  return addBusinessDays(due < today ? today : due, extension.days);
}

export async function bulkExtend(ctx: Ctx, method: string, input: { step: BulkStep; ids: string[]; extension: BulkExtension; reason: string }): Promise<BulkResult> {
  const today = localDay(ctx.desk.now());
  const found = await loadRequests(ctx, input.ids);
  const rows = plan(input.ids, found, (r) => {
    const dueOn = newDueOn(r, input.extension, today);
    return {
      from: dueOnInForce(r),
      to: dueOn,
      notice: { id: null, kind: 'extension', byEmail: r.requester_email !== null },
      work: async (rowCtx, step) => {
        await withoutMail(rowCtx, r.id, step);
        return extendRequest(rowCtx, { id: r.id, dueOn, reason: input.reason });
      },
    };
  });
  const result = await runRows(ctx, method, input.step, rows);
  // The reason is free text written to each request and its notice; the trail gets the mode only.
  Object.assign(ctx.audit.details!, { extension: input.extension.mode === 'dueOn' ? { mode: 'dueOn', dueOn: input.extension.dueOn } : { mode: 'businessDays', days: input.extension.days } });
  return result;
}

export async function bulkNotify(ctx: Ctx, method: string, input: { step: BulkStep; ids: string[]; kind: NoticeKind; language?: NoticeLanguage }): Promise<BulkResult> {
  const found = await loadRequests(ctx, input.ids);
  const rows = plan(input.ids, found, (r) => ({
    from: null,
    to: null,
    notice: { id: null, kind: input.kind, byEmail: r.requester_email !== null },
    work: async (rowCtx, step) => {
      await withoutMail(rowCtx, r.id, step);
      const { audit } = await writeNotice(rowCtx, r.id, input.kind, input.language);
      return { targetType: 'request', targetId: r.id, fields: ['notice'], details: { noticeId: audit.targetId, ...audit.details } };
    },
  }));
  const result = await runRows(ctx, method, input.step, rows);
  Object.assign(ctx.audit.details!, { kind: input.kind, language: input.language ?? null });
  return result;
}
