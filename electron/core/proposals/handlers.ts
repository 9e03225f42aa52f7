// proposals.*: what the desk will do for a request is proposed by staff or the officer and decided by an officer who
// did not propose it (policy §7.2, four eyes).
import { randomUUID } from 'node:crypto';
import type { proposals } from '../../../src-shared/api/proposals';
import { cessationScopeFor, isOpenState, proposalKindFor, type CessationScope, type FieldChange } from '../../../src-shared/requests';
import { DeskError } from '../errors';
import type { Ctx, Handlers } from '../handler';
import { readRequestDetail } from '../requests/read';
import { addHistory, loadRequest, moveRequest } from '../requests/store';
import { currentValues, proposedChanges } from './apply-change';
import { approve, reject } from './decide';

const mismatch = (path: string) => new DeskError('VALIDATION', 'proposal.kindMismatch', { path });

export const viewerOf = (ctx: Ctx) => ({ accountId: ctx.session!.accountId, role: ctx.session!.role, now: ctx.desk.now() });

/** A stale proposal gives way: closed undecided (no decider, no ground), with a line in the request's history. */
async function supersede(ctx: Ctx, proposalId: string, requestId: string, now: Date): Promise<void> {
  await ctx.db.updateTable('proposals').set({ state: 'rejected', decided_at: now.toISOString(), decided_by: null }).where('id', '=', proposalId).execute();
  await addHistory(ctx.db, requestId, { accountId: ctx.session!.accountId, now }, 'proposals.superseded');
}

export const proposalHandlers: Handlers<typeof proposals> = {
  'proposals.create': async (input, ctx) => {
    const request = await loadRequest(ctx.db, input.requestId);
    if (!isOpenState(request.state)) throw new DeskError('CONFLICT', 'request.closed', { requestId: request.id });
    if (!request.customer_id) throw new DeskError('CONFLICT', 'request.noCustomer', { requestId: request.id });
    const { values, updatedAt } = await currentValues(ctx.db, request.customer_id);
    const open = await ctx.db.selectFrom('proposals').select(['id', 'base_updated_at']).where('request_id', '=', request.id).where('state', '=', 'open').executeTakeFirst();
    // One open proposal at a time, unless the record has changed since it was made: then it can never be approved
    // (CONFLICT), and the new proposal, made on the record as it is now, takes its place.
    if (open && open.base_updated_at === updatedAt) throw new DeskError('CONFLICT', 'proposal.alreadyOpen', { proposalId: open.id });

    if (input.kind !== proposalKindFor[request.kind]) throw mismatch('kind');
    if (input.kind !== 'change' && input.changes.length > 0) throw mismatch('changes');
    if (input.kind !== 'cease' && input.cessation) throw mismatch('cessation');

    const now = ctx.desk.now();
    if (open) await supersede(ctx, open.id, request.id, now);
    let changes: FieldChange[] = [];
    let cessation: { scope: CessationScope; purposeId: string | null } | null = null;
    if (input.kind === 'change') changes = proposedChanges(input.changes, values, now);
    if (input.kind === 'cease') {
      // The cessation is what the person asked for: its scope follows the request, and a purpose is the request's purpose.
      const scope = cessationScopeFor[request.kind]!;
      if (input.cessation && input.cessation.scope !== scope) throw mismatch('cessation.scope');
      const purposeId = scope === 'purpose' ? request.purpose_id : null;
      if (scope === 'purpose' && !purposeId) throw mismatch('cessation.purposeId');
      if (input.cessation?.purposeId !== undefined && input.cessation.purposeId !== purposeId) throw mismatch('cessation.purposeId');
      if (purposeId && !(await ctx.db.selectFrom('purposes').select('id').where('id', '=', purposeId).executeTakeFirst())) {
        throw new DeskError('VALIDATION', 'purpose.unknown', { purposeId });
      }
      cessation = { scope, purposeId };
    }

    const id = randomUUID();
    await ctx.db
      .insertInto('proposals')
      .values({
        id,
        request_id: request.id,
        customer_id: request.customer_id,
        kind: input.kind,
        changes: JSON.stringify(changes),
        cessation: cessation ? JSON.stringify(cessation) : null,
        base_updated_at: updatedAt,
        note: input.note || null,
        state: 'open',
        proposed_at: now.toISOString(),
        proposed_by: ctx.session!.accountId,
        decided_at: null,
        decided_by: null,
        refusal_ground: null,
        reason_text: null,
      })
      .execute();
    if (request.state !== 'awaitingApproval') await moveRequest(ctx.db, request, 'awaitingApproval', { accountId: ctx.session!.accountId, now }, 'proposals.created');
    // Field names only: the values stay in the proposal, in the encrypted database.
    Object.assign(ctx.audit, { targetType: 'proposal', targetId: id, fields: changes.map((c) => c.field), details: { requestId: request.id, kind: input.kind } });
    return readRequestDetail(ctx.db, request.id, viewerOf(ctx));
  },

  'proposals.decide': async (input, ctx) => {
    const proposal = await ctx.db.selectFrom('proposals').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!proposal) throw new DeskError('NOT_FOUND', 'proposal.notFound');
    // Four eyes: whoever proposed cannot decide, an officer's own proposal included; the database refuses it as well.
    if (proposal.proposed_by === ctx.session!.accountId) throw new DeskError('FORBIDDEN', 'proposal.ownProposal', { proposalId: proposal.id });
    if (proposal.state !== 'open') throw new DeskError('CONFLICT', 'proposal.decided', { proposalId: proposal.id, state: proposal.state });
    const request = await loadRequest(ctx.db, proposal.request_id);
    if (!isOpenState(request.state)) throw new DeskError('CONFLICT', 'request.closed', { requestId: request.id });

    const outcome = input.decision === 'approve' ? await approve(ctx, proposal, request) : await reject(ctx, proposal, request, input.reason!);
    Object.assign(ctx.audit, {
      targetType: 'proposal',
      targetId: proposal.id,
      fields: outcome.fields,
      details: {
        requestId: request.id,
        customerId: proposal.customer_id,
        kind: proposal.kind,
        decision: input.decision,
        ground: input.decision === 'reject' ? input.reason!.ground : null,
        taskIds: outcome.taskIds,
      },
    });
    return readRequestDetail(ctx.db, request.id, viewerOf(ctx));
  },
};
