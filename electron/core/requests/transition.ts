// Moving a request on by hand: only the moves the office's procedure allows, each with what it needs.
import type { RefusalGround, RequestState, RequestTransitionTarget } from '../../../src-shared/requests';
import { isOpenState } from '../../../src-shared/requests';
import { refuseCardNumbers } from '../customers/no-card-numbers';
import { DeskError } from '../errors';
import type { Ctx } from '../handler';
import { renderNotice } from '../notices/render';
import { completionBlockers } from './blockers';
import { filesOfRequest, removeFilesAfterCommit, scrubRequestPersonalData } from './scrub';
import { loadRequest, moveRequest, requireOpen } from './store';

export interface TransitionInput {
  id: string;
  to: RequestTransitionTarget;
  ground?: RefusalGround;
  note?: string;
}

/** The ordinary path; withdrawal and refusal are possible from any open state. */
const forward: Partial<Record<RequestState, RequestTransitionTarget>> = {
  received: 'identityCheck',
  identityCheck: 'inProgress',
  inProgress: 'completed',
};

function allowed(from: RequestState, to: RequestTransitionTarget): boolean {
  if (to === 'withdrawn' || to === 'refused') return isOpenState(from);
  return forward[from] === to;
}

export async function transitionRequest(ctx: Ctx, input: TransitionInput): Promise<Record<string, unknown>> {
  const request = await loadRequest(ctx.db, input.id);
  requireOpen(request);
  if (!allowed(request.state, input.to)) throw new DeskError('CONFLICT', 'request.transitionNotAllowed', { from: request.state, to: input.to });
  const note = input.note && input.note !== '' ? input.note : null;
  if (note !== null) refuseCardNumbers(note, 'note');
  if (input.ground !== undefined && input.to !== 'refused') throw new DeskError('VALIDATION', 'request.groundOnlyForRefusal', { path: 'ground' });

  if (input.to === 'inProgress') {
    const verified = await ctx.db.selectFrom('id_copies').select('id').where('request_id', '=', request.id).where('result', '=', 'verified').executeTakeFirst();
    // APPI Art. 37: the work starts only once the person (or a proxy's authority) has been confirmed.
    if (!verified) throw new DeskError('CONFLICT', 'request.identityNotVerified');
  }
  if (input.to === 'withdrawn' && note === null) throw new DeskError('VALIDATION', 'request.noteRequired', { path: 'note' });
  if (input.to === 'refused') {
    // APPI Art. 36: not acting is the officer's decision, and the person is told why.
    if (ctx.session!.role !== 'officer') throw new DeskError('FORBIDDEN', 'request.officerOnly');
    if (input.ground === undefined) throw new DeskError('VALIDATION', 'request.groundRequired', { path: 'ground' });
    if (note === null) throw new DeskError('VALIDATION', 'request.noteRequired', { path: 'note' });
  }
  if (input.to === 'completed') {
    const blockers = await completionBlockers(ctx.db, request);
    if (blockers.length > 0) throw new DeskError('CONFLICT', 'request.blocked', { blockers });
  }

  const now = ctx.desk.now();
  const actor = { accountId: ctx.session!.accountId, now };
  if (input.to === 'refused') {
    await ctx.db.updateTable('requests').set({ outcome_ground: input.ground!, outcome_text: note }).where('id', '=', request.id).execute();
  }
  await moveRequest(ctx.db, request, input.to, actor, input.to, note);

  const details: Record<string, unknown> = { from: request.state, to: input.to };
  if (input.to === 'refused') details.ground = input.ground;
  if (input.to === 'refused' || input.to === 'completed') {
    // The person is told the result, or why the office does not act (APPI Art. 33(3), 34(3), 35(7), 36).
    const notice = await renderNotice(ctx, request.id, input.to === 'refused' ? 'refusal' : 'result');
    details.noticeId = notice.id;
  }
  if (input.to === 'completed' && request.kind === 'erasure') {
    // The notice above is the last use of the person's address; then the request's own copy of their data goes,
    // and the files the desk wrote for it, except that notice on its way to the person.
    removeFilesAfterCommit(ctx, await filesOfRequest(ctx.db, request.id, ctx.desk.exportsDir, [details.noticeId as string]));
    await scrubRequestPersonalData(ctx.db, request.id, now);
    details.personalDataErased = true;
  }
  return details;
}
