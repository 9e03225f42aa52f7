// Moving a request on: only the moves the procedure allows, identity first, completion only when nothing stands in
// the way, refusal only by the officer with a ground and a note; a closed request never moves again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestDetail } from '../../../../src-shared/requests';
import { addDays, localDay } from '../../../../electron/core/dates';
import { asOfficer, errorOf, signInAs, staffMember, type TestDesk } from '../../helpers/desk';
import { auditRows, setUpRequestDesk, verifyIdentity, yamadaAsksDisclosure } from './setup';

let desk: TestDesk;
let customers: Record<string, string>;
let request: RequestDetail;
const db = () => desk.core.desk.requireDb();

/** What a refused move must leave untouched. */
async function snapshot(id: string) {
  const row = await db().selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const history = await db().selectFrom('request_history').select('id').where('request_id', '=', id).execute();
  const notices = await db().selectFrom('notices').select('id').where('request_id', '=', id).execute();
  return { row, history: history.length, notices: notices.length };
}

beforeAll(async () => {
  ({ desk, customers } = await setUpRequestDesk());
  request = await desk.ok<RequestDetail>('requests.create', { ...yamadaAsksDisclosure, customerId: customers['C-0001'] });
});
afterAll(async () => desk.dispose());

describe('wrong moves are refused with the right codes, and nothing changes', () => {
  it('a request just received cannot skip the identity check or be completed', async () => {
    const before = await snapshot(request.id);
    expect(errorOf(await desk.call('requests.transition', { id: request.id, to: 'inProgress' }))).toEqual({
      code: 'CONFLICT',
      message: 'request.transitionNotAllowed',
      details: { from: 'received', to: 'inProgress' },
    });
    expect(errorOf(await desk.call('requests.transition', { id: request.id, to: 'completed' }))).toMatchObject({ code: 'CONFLICT', details: { from: 'received', to: 'completed' } });
    expect(errorOf(await desk.call('requests.transition', { id: request.id, to: 'withdrawn' }))).toMatchObject({ code: 'VALIDATION', message: 'request.noteRequired' });
    expect(errorOf(await desk.call('requests.transition', { id: request.id, to: 'identityCheck', ground: 'noDataHeld' }))).toMatchObject({
      code: 'VALIDATION',
      message: 'request.groundOnlyForRefusal',
    });
    expect(await snapshot(request.id)).toEqual(before);
    const failed = await auditRows(desk, 'requests.transition');
    expect(failed.every((e) => e.outcome === 'failed')).toBe(true);
  });

  it('work does not start before the identity is confirmed (APPI Art. 37)', async () => {
    const moved = await desk.ok<RequestDetail>('requests.transition', { id: request.id, to: 'identityCheck' });
    expect(moved.state).toBe('identityCheck');
    expect(moved.history.at(-1)).toMatchObject({ fromState: 'received', toState: 'identityCheck', actorName: staffMember.displayName });
    const before = await snapshot(request.id);
    expect(errorOf(await desk.call('requests.transition', { id: request.id, to: 'inProgress' }))).toMatchObject({ code: 'CONFLICT', message: 'request.identityNotVerified' });
    expect(await snapshot(request.id)).toEqual(before);
  });

  it('a verified ID copy lets the work start; completion waits for the approved disclosure and its package', async () => {
    const verified = await verifyIdentity(desk, request.id);
    expect(verified).toMatchObject({ state: 'inProgress', identityVerified: true });
    expect(verified.completionBlockers).toEqual(['noApprovedProposal', 'packageNotBuilt']);
    const before = await snapshot(request.id);
    expect(errorOf(await desk.call('requests.transition', { id: request.id, to: 'completed' }))).toEqual({
      code: 'CONFLICT',
      message: 'request.blocked',
      details: { blockers: ['noApprovedProposal', 'packageNotBuilt'] },
    });
    expect(await snapshot(request.id)).toEqual(before);
  });
});

describe('refusing a request (APPI Art. 36)', () => {
  it('staff cannot refuse; the officer must give a ground and a note', async () => {
    const before = await snapshot(request.id);
    expect(errorOf(await desk.call('requests.transition', { id: request.id, to: 'refused', ground: 'hindranceToBusiness', note: '業務に著しい支障' }))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'request.officerOnly',
    });
    await asOfficer(desk);
    expect(errorOf(await desk.call('requests.transition', { id: request.id, to: 'refused', note: '業務に著しい支障' }))).toMatchObject({ code: 'VALIDATION', message: 'request.groundRequired' });
    expect(errorOf(await desk.call('requests.transition', { id: request.id, to: 'refused', ground: 'hindranceToBusiness' }))).toMatchObject({ code: 'VALIDATION', message: 'request.noteRequired' });
    expect(await snapshot(request.id)).toEqual(before);
    const [denied] = await auditRows(desk, 'requests.transition');
    expect(denied).toMatchObject({ outcome: 'failed' });
  });

  it('refused with a ground and a note: closed, the person told why, and the ID copy due for erasure 30 days on', async () => {
    const note = '同一内容の開示請求が短期間に繰り返されており、業務の適正な実施に著しい支障を及ぼすおそれがあるため';
    const refused = await desk.ok<RequestDetail>('requests.transition', { id: request.id, to: 'refused', ground: 'hindranceToBusiness', note });
    expect(refused).toMatchObject({ state: 'refused', outcome: { ground: 'hindranceToBusiness', text: note }, overdue: false, businessDaysLeft: null });
    expect(refused.closedAt).toBe(desk.clock.now.toISOString());
    expect(refused.history.find((h) => h.toState === 'refused')).toMatchObject({ fromState: 'inProgress', note, actorName: '南 真美' });
    const notice = refused.notices.find((n) => n.kind === 'refusal');
    expect(notice?.recipient).toBe('yamada.taro@example.jp');
    expect(notice?.body).toContain(note);
    expect(refused.idCopies[0]!.eraseOn).toBe(addDays(localDay(desk.clock.now), 30));

    const [event] = await auditRows(desk, 'requests.transition');
    expect(JSON.parse(event!.details!)).toEqual({ from: 'inProgress', to: 'refused', ground: 'hindranceToBusiness', noticeId: notice!.id });
    expect(JSON.stringify(event)).not.toMatch(/同一内容|yamada/);
  });

  it('a closed request never moves again and takes no more comments or documents', async () => {
    await signInAs(desk, staffMember);
    const before = await snapshot(request.id);
    expect(errorOf(await desk.call('requests.transition', { id: request.id, to: 'withdrawn', note: '取り下げ' }))).toMatchObject({ code: 'CONFLICT', message: 'request.closed' });
    expect(errorOf(await desk.call('requests.transition', { id: request.id, to: 'identityCheck' }))).toMatchObject({ code: 'CONFLICT', message: 'request.closed' });
    expect(errorOf(await desk.call('requests.comment', { id: request.id, text: '追記' }))).toMatchObject({ code: 'CONFLICT', message: 'request.closed' });
    expect(errorOf(await desk.call('requests.link', { id: request.id, customerId: customers['C-0002'] }))).toMatchObject({ code: 'CONFLICT', message: 'request.closed' });
    expect(await snapshot(request.id)).toEqual(before);
  });
});

describe('completing a request', () => {
  it('a cessation of marketing completes once identity is confirmed and the officer approved it; the result is notified', async () => {
    const asked = await desk.ok<RequestDetail>('requests.create', {
      ...yamadaAsksDisclosure,
      kind: 'cessationOfPurpose',
      purposeId: '3.6',
      requester: { name: '佐藤 花子', email: 'hanako.sato@example.com' },
      asked: 'メールマガジン等の販促目的での利用停止を求めます',
      customerId: customers['C-0002'],
    });
    await verifyIdentity(desk, asked.id);
    const proposed = await desk.ok<RequestDetail>('proposals.create', { requestId: asked.id, kind: 'cease' });
    expect(proposed.completionBlockers).toEqual(['noApprovedProposal', 'proposalOpen']);
    await asOfficer(desk);
    const approved = await desk.ok<RequestDetail>('proposals.decide', { id: proposed.proposals[0]!.id, decision: 'approve' });
    expect(approved).toMatchObject({ state: 'inProgress', completionBlockers: [] });
    await signInAs(desk, staffMember);
    const done = await desk.ok<RequestDetail>('requests.transition', { id: asked.id, to: 'completed' });
    expect(done).toMatchObject({ state: 'completed', personalDataErasedAt: null, requester: { name: '佐藤 花子' } });
    expect(done.notices.map((n) => n.kind)).toContain('result');
    expect(done.idCopies[0]!.eraseOn).toBe(addDays(localDay(desk.clock.now), 30));
  });

  it('a withdrawal needs a note and closes the request without a notice', async () => {
    const asked = await desk.ok<RequestDetail>('requests.create', { ...yamadaAsksDisclosure, kind: 'correction', customerId: customers['C-0004'] });
    const withdrawn = await desk.ok<RequestDetail>('requests.transition', { id: asked.id, to: 'withdrawn', note: '本人より電話で取り下げ' });
    expect(withdrawn).toMatchObject({ state: 'withdrawn', notices: [] });
    expect(withdrawn.history.at(-1)).toMatchObject({ fromState: 'received', toState: 'withdrawn', note: '本人より電話で取り下げ' });
  });
});
