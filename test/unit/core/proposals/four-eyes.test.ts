// Four-eyes decisions (policy §7.2): only an officer decides, never the one who proposed; an approved correction is
// applied whole and recorded; a record changed since the proposal is a CONFLICT that shows what moved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../../../src-shared/customers';
import type { RequestDetail } from '../../../../src-shared/requests';
import { errorOf } from '../../helpers/desk';
import { asOfficer, secondOfficer, setUpOffice, signInAs, staffMember, verifiedRequest, type Office } from './office';

let office: Office;
beforeAll(async () => {
  office = await setUpOffice();
});
afterAll(async () => office.desk.dispose());

const desk = () => office.desk;
const db = () => office.desk.core.desk.requireDb();
const record = async (id: string) => {
  await asOfficer(desk());
  return desk().ok<CustomerRecord>('customers.get', { id });
};
const lastEvent = (action: string) => db().selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('seq', 'desc').executeTakeFirstOrThrow();

describe('who decides', () => {
  it('staff cannot decide their own proposal; the officer can', async () => {
    const request = await verifiedRequest(office, 'correction', 'sato', { requester: { name: '佐藤 花子', email: 'hanako.sato@example.com' } });
    await signInAs(desk(), staffMember);
    const proposed = await desk().ok<RequestDetail>('proposals.create', { requestId: request.id, kind: 'change', changes: [{ field: 'city', to: '大阪市中央区' }] });
    expect(proposed.state).toBe('awaitingApproval');
    const proposal = proposed.proposals[0]!;
    expect(proposal).toMatchObject({ kind: 'change', state: 'open', proposedById: office.staffId, changes: [{ field: 'city', from: '大阪市北区', to: '大阪市中央区' }] });

    const refused = errorOf(await desk().call('proposals.decide', { id: proposal.id, decision: 'approve' }));
    expect(refused.code).toBe('FORBIDDEN');
    expect(await lastEvent('proposals.decide')).toMatchObject({ actor_id: office.staffId, outcome: 'denied' });

    await asOfficer(desk());
    const decided = await desk().ok<RequestDetail>('proposals.decide', { id: proposal.id, decision: 'approve' });
    expect(decided.proposals[0]).toMatchObject({ state: 'approved', decidedByName: '南 真美' });
    expect(decided.state).toBe('inProgress');
    expect((await record(office.customers.sato)).city).toBe('大阪市中央区');
  });

  it("nor can an officer decide their own proposal; a second officer can", async () => {
    const request = await verifiedRequest(office, 'correction', 'yamamoto', { requester: { name: '山本 一郎', email: 'ichiro@example.org' } });
    await asOfficer(desk());
    const proposed = await desk().ok<RequestDetail>('proposals.create', { requestId: request.id, kind: 'change', changes: [{ field: 'addressLine2', to: '栄ビル5階' }] });
    const id = proposed.proposals[0]!.id;

    const own = errorOf(await desk().call('proposals.decide', { id, decision: 'approve' }));
    expect(own).toMatchObject({ code: 'FORBIDDEN', message: 'proposal.ownProposal' });
    expect((await record(office.customers.yamamoto)).addressLine2).toBeNull();

    await signInAs(desk(), secondOfficer);
    const decided = await desk().ok<RequestDetail>('proposals.decide', { id, decision: 'approve' });
    expect(decided.proposals[0]).toMatchObject({ state: 'approved', decidedByName: secondOfficer.displayName });
    expect(errorOf(await desk().call('proposals.decide', { id, decision: 'approve' }))).toMatchObject({ code: 'CONFLICT', message: 'proposal.decided' });
  });
});

describe('an approved correction', () => {
  it('changes the record, its phone list and its history, and the search finds the new number; the trail has field names only', async () => {
    const request = await verifiedRequest(office, 'correction', 'yamada');
    await signInAs(desk(), staffMember);
    const proposed = await desk().ok<RequestDetail>('proposals.create', {
      requestId: request.id,
      kind: 'change',
      changes: [
        { field: 'addressLine1', to: '神宮前4-5-6' },
        { field: 'phones', to: ['０９０−８７６５−４３２１'] },
      ],
    });
    // Staff see the proposal masked as they see the record: the street not at all, the phone cut.
    expect(proposed.proposals[0]!.changes).toEqual([
      { field: 'addressLine1', from: '****', to: '****' },
      { field: 'phones', from: ['090-****-5678'], to: ['090-****-4321'] },
    ]);
    const created = await lastEvent('proposals.create');
    expect(JSON.parse(created.fields!)).toEqual(['addressLine1', 'phones']);
    expect(JSON.parse(created.details!)).toEqual({ requestId: request.id, kind: 'change' });

    desk().clock.advanceMinutes(30);
    await asOfficer(desk());
    // The core took the old values from the record and stored the new ones normalised, as the record will hold them.
    expect((await desk().ok<RequestDetail>('requests.get', { id: request.id })).proposals[0]!.changes).toEqual([
      { field: 'addressLine1', from: '神宮前1-2-3', to: '神宮前4-5-6' },
      { field: 'phones', from: ['090-1234-5678'], to: ['090-8765-4321'] },
    ]);
    await desk().ok('proposals.decide', { id: proposed.proposals[0]!.id, decision: 'approve' });
    const after = await record(office.customers.yamada);
    expect(after).toMatchObject({ addressLine1: '神宮前4-5-6', phones: [{ number: '090-8765-4321' }], updatedAt: desk().clock.now.toISOString() });
    expect(after.history[0]).toMatchObject({ action: 'correct', fields: ['addressLine1', 'phones'], requestId: request.id, actorName: '南 真美' });
    const found = await desk().ok<{ rows: { id: string }[] }>('customers.search', { query: '8765-4321' });
    expect(found.rows.map((r) => r.id)).toEqual([office.customers.yamada]);
    expect((await desk().ok<{ rows: unknown[] }>('customers.search', { query: '1234-5678' })).rows).toEqual([]);

    const decided = await lastEvent('proposals.decide');
    expect(JSON.parse(decided.details!)).toMatchObject({ requestId: request.id, kind: 'change', decision: 'approve', ground: null });
    expect(JSON.stringify(decided) + JSON.stringify(created)).not.toMatch(/神宮前|8765|4321|1234|山田/);
  });

  it("an officer's decision on a record changed since the proposal returns CONFLICT with the difference and changes nothing", async () => {
    // Two requests about the same address: the first proposal is decided after the second one changed the record.
    const first = await verifiedRequest(office, 'correction', 'yamada');
    const second = await verifiedRequest(office, 'correction', 'yamada');
    await signInAs(desk(), staffMember);
    const stale = (await desk().ok<RequestDetail>('proposals.create', { requestId: first.id, kind: 'change', changes: [{ field: 'postalCode', to: '〒150-0002' }, { field: 'city', to: '渋谷区東' }] })).proposals[0]!;
    const fresh = (await desk().ok<RequestDetail>('proposals.create', { requestId: second.id, kind: 'change', changes: [{ field: 'postalCode', to: '151-0051' }] })).proposals[0]!;
    // Staff see the values a proposal carries masked, as they see the record (policy §4.2).
    expect(stale.changes[0]).toEqual({ field: 'postalCode', from: '150-****', to: '150-****' });

    desk().clock.advanceMinutes(5);
    await asOfficer(desk());
    await desk().ok('proposals.decide', { id: fresh.id, decision: 'approve' });
    const before = await record(office.customers.yamada);

    desk().clock.advanceMinutes(5);
    const conflict = errorOf(await desk().call('proposals.decide', { id: stale.id, decision: 'approve' }));
    expect(conflict).toMatchObject({ code: 'CONFLICT', message: 'proposal.recordChanged' });
    expect(conflict.details).toEqual({ proposalId: stale.id, fields: [{ field: 'postalCode', proposed: '150-0002', current: '151-0051' }] });

    const after = await record(office.customers.yamada);
    expect(after).toEqual(before);
    expect(after.city).toBe('渋谷区');
    const still = await desk().ok<RequestDetail>('requests.get', { id: first.id });
    // The officer sees the values in full, and that the proposal went stale.
    expect(still.proposals[0]).toMatchObject({ state: 'open', stale: true, decidedAt: null, changes: [{ field: 'postalCode', from: '150-0001', to: '150-0002' }, { field: 'city' }] });
    expect(still.state).toBe('awaitingApproval');
    expect(await lastEvent('proposals.decide')).toMatchObject({ outcome: 'failed' });
  });

  it('a new proposal on the changed record takes the stale one\'s place, and the officer can approve it', async () => {
    const request = await verifiedRequest(office, 'correction', 'yamada');
    const other = await verifiedRequest(office, 'correction', 'yamada');
    await signInAs(desk(), staffMember);
    const stale = (await desk().ok<RequestDetail>('proposals.create', { requestId: request.id, kind: 'change', changes: [{ field: 'city', to: '渋谷区西' }] })).proposals[0]!;
    // While the record has not moved, a second proposal is refused: one open proposal at a time.
    expect(errorOf(await desk().call('proposals.create', { requestId: request.id, kind: 'change', changes: [{ field: 'city', to: '渋谷区北' }] }))).toMatchObject({ code: 'CONFLICT', message: 'proposal.alreadyOpen' });
    const moving = (await desk().ok<RequestDetail>('proposals.create', { requestId: other.id, kind: 'change', changes: [{ field: 'addressLine2', to: '202' }] })).proposals[0]!;
    desk().clock.advanceMinutes(5);
    await asOfficer(desk());
    await desk().ok('proposals.decide', { id: moving.id, decision: 'approve' });

    await signInAs(desk(), staffMember);
    const renewed = await desk().ok<RequestDetail>('proposals.create', { requestId: request.id, kind: 'change', changes: [{ field: 'city', to: '渋谷区西' }] });
    expect(renewed.proposals.map((p) => [p.id === stale.id ? 'stale' : 'new', p.state])).toEqual([['stale', 'superseded'], ['new', 'open']]);
    expect(renewed.history.at(-1)).toMatchObject({ action: 'proposals.superseded' });
    await asOfficer(desk());
    const done = await desk().ok<RequestDetail>('proposals.decide', { id: renewed.proposals[1]!.id, decision: 'approve' });
    expect(done.proposals[1]).toMatchObject({ state: 'approved', stale: false });
    expect((await record(office.customers.yamada)).city).toBe('渋谷区西');
  });
});

describe('what can be proposed', () => {
  it('refuses a proposal that does not fit the request, a change to the same value, bad values and card numbers', async () => {
    const request = await verifiedRequest(office, 'correction', 'yamamoto', { requester: { name: '山本 一郎' } });
    await signInAs(desk(), staffMember);
    const propose = async (body: object) => errorOf(await desk().call('proposals.create', { requestId: request.id, ...body }));
    expect(await propose({ kind: 'erase' })).toMatchObject({ code: 'VALIDATION', message: 'proposal.kindMismatch' });
    expect(await propose({ kind: 'change', changes: [] })).toMatchObject({ code: 'VALIDATION', message: 'proposal.changesRequired' });
    expect(await propose({ kind: 'change', changes: [{ field: 'postalCode', to: '４６０−０００８' }] })).toMatchObject({ code: 'VALIDATION', message: 'proposal.noChange', details: { field: 'postalCode' } });
    expect(await propose({ kind: 'change', changes: [{ field: 'birthDate', to: '1972-02-30' }] })).toMatchObject({ code: 'VALIDATION', message: 'date.format', details: { path: 'changes.0.to' } });
    expect(await propose({ kind: 'change', changes: [{ field: 'nameKana', to: '山本' }] })).toMatchObject({ message: 'kana.format' });
    expect(await propose({ kind: 'change', changes: [{ field: 'prefecture', to: '東京' }] })).toMatchObject({ message: 'prefecture.unknown' });
    expect(await propose({ kind: 'change', changes: [{ field: 'emails', to: ['ichiro@example.org', 'not-an-address'] }] })).toMatchObject({ message: 'email.format', details: { path: 'changes.0.to.1' } });
    expect(await propose({ kind: 'change', changes: [{ field: 'name', to: null }] })).toMatchObject({ message: 'required' });
    const card = await propose({ kind: 'change', changes: [{ field: 'addressLine2', to: 'カード 4111 1111 1111 1111' }] });
    expect(card).toEqual({ code: 'VALIDATION', message: 'card.number', details: { path: 'changes.0.to' } });
    expect((await db().selectFrom('proposals').select('id').where('request_id', '=', request.id).execute()).length).toBe(0);

    await desk().ok('proposals.create', { requestId: request.id, kind: 'change', changes: [{ field: 'nameRomaji', to: 'Yamamoto Ichiro' }] });
    expect(await propose({ kind: 'change', changes: [{ field: 'city', to: '名古屋市東区' }] })).toMatchObject({ code: 'CONFLICT', message: 'proposal.alreadyOpen' });
  });

  it('a request not yet linked to a customer record cannot have a proposal', async () => {
    await asOfficer(desk());
    const request = await desk().ok<RequestDetail>('requests.create', { kind: 'erasure', channel: 'post', receivedOn: '2026-11-24', requesterKind: 'person', requester: { name: '匿名 希望' }, asked: '全部消してください。' });
    expect(errorOf(await desk().call('proposals.create', { requestId: request.id, kind: 'erase' }))).toMatchObject({ code: 'CONFLICT', message: 'request.noCustomer' });
  });

  it('an unverified request can never be approved', async () => {
    const request = await verifiedRequest(office, 'cessationOfProvision', 'yamamoto', { requester: { name: '山本 一郎' }, verify: false });
    await signInAs(desk(), staffMember);
    const proposal = (await desk().ok<RequestDetail>('proposals.create', { requestId: request.id, kind: 'cease' })).proposals[0]!;
    expect(proposal.cessation).toEqual({ scope: 'provision', purposeId: null });
    await asOfficer(desk());
    expect(errorOf(await desk().call('proposals.decide', { id: proposal.id, decision: 'approve' }))).toMatchObject({ code: 'CONFLICT', message: 'proposal.identityNotVerified' });
    expect((await record(office.customers.yamamoto)).cessations).toEqual([]);
  });
});

describe('a rejected proposal', () => {
  it('needs a ground and text; the request is refused and the refusal notice carries the reason; the trail has the ground only', async () => {
    const request = await verifiedRequest(office, 'correction', 'sato', { requester: { name: '佐藤 花子', email: 'hanako.sato@example.com' } });
    await signInAs(desk(), staffMember);
    const proposal = (await desk().ok<RequestDetail>('proposals.create', { requestId: request.id, kind: 'change', changes: [{ field: 'birthDate', to: '1991-07-01' }] })).proposals[0]!;
    await asOfficer(desk());
    expect(errorOf(await desk().call('proposals.decide', { id: proposal.id, decision: 'reject' })).code).toBe('VALIDATION');

    const text = '住民票の写しにより、登録済みの生年月日が正しいことを確認しました。';
    const refused = await desk().ok<RequestDetail>('proposals.decide', { id: proposal.id, decision: 'reject', reason: { ground: 'contentIsAccurate', text } });
    expect(refused).toMatchObject({ state: 'refused', outcome: { ground: 'contentIsAccurate', text } });
    expect(refused.proposals[0]).toMatchObject({ state: 'rejected', refusalGround: 'contentIsAccurate', reasonText: text });
    const notice = refused.notices.find((n) => n.kind === 'refusal');
    expect(notice?.body).toContain(text);
    expect((await record(office.customers.sato)).birthDate).toBe('1990-07-01');

    const event = await lastEvent('proposals.decide');
    expect(JSON.parse(event.details!)).toMatchObject({ requestId: request.id, kind: 'change', decision: 'reject', ground: 'contentIsAccurate' });
    expect(JSON.stringify(event)).not.toContain('住民票');
  });
});
