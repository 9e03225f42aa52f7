// Deciding a proposal: approval carries it out in the call's one transaction; rejection refuses the request with a
// ground from the fixed list and tells the person why (APPI Art. 36).
import type { Selectable } from 'kysely';
import type { ConsentChannel } from '../../../src-shared/customers';
import type { FieldChange, RefusalGround } from '../../../src-shared/requests';
import type { ProposalTable, RequestTable } from '../db/schema-requests';
import { DeskError } from '../errors';
import type { Ctx } from '../handler';
import { renderNotice } from '../notices/render';
import { moveRequest } from '../requests/store';
import { writeChangeOrders, type Order, type WrittenOrders } from '../tasks/orders';
import { applyChanges, currentValues, differences } from './apply-change';
import { applyCessation, type Cessation } from './cessation';
import { eraseCustomer, refuseWhileOtherRequestsOpen } from './erasure';

type Proposal = Selectable<ProposalTable>;
type Request = Selectable<RequestTable>;

export interface Outcome {
  /** Field names the decision changed (corrections), for the audit event. */
  fields: string[];
  taskIds: string[];
}

/** APPI Art. 37: nothing is carried out for someone whose identity was not confirmed, a duplicate request included. */
async function requireVerifiedIdentity(ctx: Ctx, requestId: string): Promise<void> {
  const verified = await ctx.db.selectFrom('id_copies').select('id').where('request_id', '=', requestId).where('result', '=', 'verified').executeTakeFirst();
  if (!verified) throw new DeskError('CONFLICT', 'proposal.identityNotVerified', { requestId });
}

export async function approve(ctx: Ctx, proposal: Proposal, request: Request): Promise<Outcome> {
  await requireVerifiedIdentity(ctx, request.id);
  const now = ctx.desk.now();
  const actor = { accountId: ctx.session!.accountId, now, requestId: request.id };
  const customerId = proposal.customer_id;
  if (proposal.kind !== 'disclose' && !customerId) throw new DeskError('CONFLICT', 'request.noCustomer', { requestId: request.id });

  let orders: WrittenOrders | null = null;
  let fields: string[] = [];
  const ordersFor = async (order: Order, customerNo: string) =>
    writeChangeOrders(ctx.db, ctx.desk.exportsDir, { requestId: request.id, requestNo: request.number, proposalId: proposal.id, customerId: customerId!, customerNo, now }, order);
  try {
    if (proposal.kind === 'change') {
      const changes = JSON.parse(proposal.changes) as FieldChange[];
      const current = await currentValues(ctx.db, customerId!);
      const moved = differences(changes, current.values, proposal.base_updated_at, current.updatedAt);
      // The record changed since the proposal: the officer sees what moved and nothing is written.
      if (current.updatedAt !== proposal.base_updated_at || moved.length > 0) {
        throw new DeskError('CONFLICT', 'proposal.recordChanged', { proposalId: proposal.id, fields: moved });
      }
      orders = await ordersFor({ action: 'correct', changes }, current.customerNo);
      await applyChanges(ctx.db, customerId!, changes, actor);
      fields = changes.map((c) => c.field);
    } else if (proposal.kind === 'erase') {
      await refuseWhileOtherRequestsOpen(ctx, customerId!, request.id);
      const { customerNo } = await currentValues(ctx.db, customerId!);
      // The orders first: they name the identifiers each system holds, which the erasure takes away.
      orders = await ordersFor({ action: 'erase' }, customerNo);
      await eraseCustomer(ctx, customerId!, request.id);
    } else if (proposal.kind === 'cease') {
      const cessation = JSON.parse(proposal.cessation ?? 'null') as Cessation | null;
      if (!cessation) throw new DeskError('CONFLICT', 'proposal.kindMismatch', { proposalId: proposal.id });
      const { customerNo } = await currentValues(ctx.db, customerId!);
      orders = await ordersFor({ action: 'cease', scope: cessation.scope, purposeId: cessation.purposeId }, customerNo);
      await applyCessation(ctx.db, customerId!, cessation, request.channel as ConsentChannel, actor);
    }
    await ctx.db
      .updateTable('proposals')
      .set({ state: 'approved', decided_at: now.toISOString(), decided_by: ctx.session!.accountId })
      .where('id', '=', proposal.id)
      .execute();
    await moveRequest(ctx.db, request, 'inProgress', actor, 'proposals.approved');
  } catch (err) {
    // Nothing of a refused decision may remain: the transaction rolls back, the order files go too.
    orders?.discard();
    throw err;
  }
  return { fields, taskIds: orders?.taskIds ?? [] };
}

export async function reject(ctx: Ctx, proposal: Proposal, request: Request, reason: { ground: RefusalGround; text: string }): Promise<Outcome> {
  const now = ctx.desk.now();
  await ctx.db
    .updateTable('proposals')
    .set({ state: 'rejected', decided_at: now.toISOString(), decided_by: ctx.session!.accountId, refusal_ground: reason.ground, reason_text: reason.text })
    .where('id', '=', proposal.id)
    .execute();
  // The ground and the text go into the refusal notice the person receives.
  await ctx.db.updateTable('requests').set({ outcome_ground: reason.ground, outcome_text: reason.text }).where('id', '=', request.id).execute();
  await moveRequest(ctx.db, request, 'refused', { accountId: ctx.session!.accountId, now }, 'proposals.rejected');
  await renderNotice(ctx, request.id, 'refusal');
  return { fields: [], taskIds: [] };
}
