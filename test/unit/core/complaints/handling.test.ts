// Handling a complaint by the office's rules: staff without a written statement see no complaint, closing needs the
// response and the day, a closed complaint is read-only until the officer reopens it, and the trail holds no content.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintAssignee, ComplaintDetail } from '../../../../src-shared/api/complaints';
import { addAccount, asOfficer, errorOf, signInAs, staffMember, type Person, type TestDesk } from '../../helpers/desk';
import { record, sentence, setUpComplaintDesk, wrongAddressCall, wrongAddressTraces } from './setup';

let desk: TestDesk;
let customers: Record<string, string>;
let complaint: ComplaintDetail;

const newcomer: Person = { displayName: '鈴木 新', loginId: 'suzuki', role: 'staff', department: 'カスタマーサポート', temporaryPassword: 'karipasu-suzuki-2026-11', password: 'suzuki-no-himitsu-aikotoba' };

beforeAll(async () => {
  ({ desk, customers } = await setUpComplaintDesk());
  complaint = await record(desk, wrongAddressCall(customers['C-0001']));
});
afterAll(async () => desk.dispose());

describe('who sees a complaint', () => {
  it('staff see the customer it names as they see customers: masked', async () => {
    expect(complaint.customer).toMatchObject({ customerNo: 'C-0001', name: '山田 太郎', phone: '090-****-5678', email: 'y***@example.jp', masked: true });
    expect(complaint).toMatchObject({ number: 'C-2026-0001', handlerName: staffMember.displayName, createdByName: staffMember.displayName });
    await asOfficer(desk);
    const full = await desk.ok<ComplaintDetail>('complaints.get', { id: complaint.id });
    expect(full.customer).toMatchObject({ phone: '090-1234-5678', email: 'yamada.taro@example.jp', masked: false });
  });

  it('a staff member without a current written statement is refused the register and the complaint, and told whom to ask', async () => {
    await addAccount(desk, newcomer);
    await signInAs(desk, newcomer);
    for (const [method, input] of [
      ['complaints.list', {}],
      ['complaints.get', { id: complaint.id }],
      ['complaints.create', wrongAddressCall()],
    ] as const) {
      expect(errorOf(await desk.call(method, input)), method).toMatchObject({ code: 'FORBIDDEN', message: 'statements.required' });
    }
    // The home screen's counts hold no one's data: shown without a statement.
    expect(await desk.ok('complaints.dueCounts', {})).toEqual({ open: 1, dueSoon: 0, overdue: 0 });
    const denials = await desk.core.desk.requireDb().selectFrom('audit_events').select('details').where('action', '=', 'complaints.get').where('outcome', '=', 'denied').execute();
    expect(denials.map((d) => JSON.parse(d.details!))).toEqual([{ code: 'STATEMENT_REQUIRED' }]);
  });

  it('the handler is an officer or a staff member; the auditor handles no complaint', async () => {
    await signInAs(desk, staffMember);
    const { rows } = await desk.ok<{ rows: ComplaintAssignee[] }>('complaints.assignees', {});
    expect(rows.map((r) => r.role).sort()).toEqual(['officer', 'staff', 'staff']);
    const officerId = rows.find((r) => r.role === 'officer')!.id;
    const handed = await desk.ok<ComplaintDetail>('complaints.update', { id: complaint.id, handlerId: officerId });
    expect(handed.handlerId).toBe(officerId);
    expect(errorOf(await desk.call('complaints.update', { id: complaint.id, handlerId: '00000000-0000-4000-8000-000000000000' }))).toMatchObject({ code: 'VALIDATION', message: 'complaint.handler' });
  });
});

describe('closing a complaint', () => {
  it('needs the response and the day, and whether it revealed a problem with what it was', async () => {
    const missing = errorOf(await desk.call('complaints.close', { id: complaint.id, closedOn: '2026-11-25', problemFound: false }));
    expect(missing).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'response', message: 'invalid_type' }] } });
    const blank = errorOf(await desk.call('complaints.close', { id: complaint.id, response: '  ', closedOn: '2026-11-25', problemFound: false }));
    expect(blank.details).toEqual({ issues: [{ path: 'response', message: 'required' }] });
    const noDay = errorOf(await desk.call('complaints.close', { id: complaint.id, response: '回答済み', problemFound: false }));
    expect(noDay.details).toMatchObject({ issues: [{ path: 'closedOn' }] });
    const noProblem = errorOf(await desk.call('complaints.close', { id: complaint.id, response: '回答済み', closedOn: '2026-11-25', problemFound: true }));
    expect(noProblem.details).toEqual({ issues: [{ path: 'problemDescription', message: 'complaint.problemDescriptionRequired' }] });
    expect(errorOf(await desk.call('complaints.close', { id: complaint.id, response: '回答済み', closedOn: '2026-11-19', problemFound: false }))).toMatchObject({ message: 'complaint.closedBeforeReceived' });
    expect(errorOf(await desk.call('complaints.close', { id: complaint.id, response: '回答済み', closedOn: '2026-11-26', problemFound: false }))).toMatchObject({ message: 'complaint.closedInFuture' });
    expect((await desk.ok<ComplaintDetail>('complaints.get', { id: complaint.id })).state).toBe('open');
  });

  it('the response drafted while it is open is kept, and closing records the answer given and the problem found', async () => {
    const drafted = await desk.ok<ComplaintDetail>('complaints.update', { id: complaint.id, response: '住所変更が配送システムに反映されていなかったことをお詫びする。' });
    expect(drafted.history.at(-1)?.action).toBe('responseDrafted');
    const closed = await desk.ok<ComplaintDetail>('complaints.close', {
      id: complaint.id,
      response: '住所変更が配送システムに反映されていなかったことをお詫びし、訂正の請求として受け付けたことを電話で回答した。',
      closedOn: '2026-11-25',
      problemFound: true,
      problemDescription: 'サイトでの住所変更が配送システムに連携されない不具合。',
    });
    expect(closed).toMatchObject({ state: 'closed', closedOn: '2026-11-25', problemFound: true, closedByName: staffMember.displayName, businessDaysLeft: null });
  });

  it('a closed complaint is read-only: no change, no new link, no second closing', async () => {
    expect(errorOf(await desk.call('complaints.update', { id: complaint.id, response: '追記' }))).toMatchObject({ code: 'CONFLICT', message: 'complaint.closed' });
    expect(errorOf(await desk.call('complaints.link', { id: complaint.id, incidentNumber: 'I-2026-0001' }))).toMatchObject({ code: 'CONFLICT', message: 'complaint.closed' });
    expect(errorOf(await desk.call('complaints.close', { id: complaint.id, response: 'x', closedOn: '2026-11-25', problemFound: false }))).toMatchObject({ code: 'CONFLICT' });
  });

  it('only the officer reopens it, giving a reason, and the reopening is in the trail', async () => {
    expect(errorOf(await desk.call('complaints.reopen', { id: complaint.id, reason: '回答に誤り' }))).toMatchObject({ code: 'FORBIDDEN', message: 'complaint.reopenOfficerOnly' });
    await asOfficer(desk);
    expect(errorOf(await desk.call('complaints.reopen', { id: complaint.id }))).toMatchObject({ code: 'VALIDATION' });
    const reopened = await desk.ok<ComplaintDetail>('complaints.reopen', { id: complaint.id, reason: '山田様から再度の入電。回答の訂正が必要。' });
    expect(reopened).toMatchObject({ state: 'open', closedOn: null, response: expect.stringContaining('お詫び') });
    expect(reopened.history.at(-1)).toMatchObject({ action: 'reopened', note: '山田様から再度の入電。回答の訂正が必要。' });
    const event = await desk.core.desk.requireDb().selectFrom('audit_events').selectAll().where('action', '=', 'complaints.reopen').where('outcome', '=', 'ok').executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor_role: 'officer', target_id: complaint.id });
    expect(errorOf(await desk.call('complaints.reopen', { id: complaint.id, reason: 'もう一度' }))).toMatchObject({ code: 'CONFLICT', message: 'complaint.notClosed' });
  });

  it('a card number read out on the phone is never stored', async () => {
    const error = errorOf(await desk.call('complaints.update', { id: complaint.id, content: 'カード番号 4242 4242 4242 4242 で支払ったとのこと' }));
    expect(error).toMatchObject({ code: 'VALIDATION', message: 'card.number', details: { path: 'content' } });
  });
});

describe('the audit trail', () => {
  it('names complaints, fields and ids, never the content, the person or the response', async () => {
    const events = await desk.core.desk.requireDb().selectFrom('audit_events').select(['action', 'fields', 'details']).where('action', 'like', 'complaints.%').execute();
    expect([...new Set(events.map((e) => e.action))]).toEqual(expect.arrayContaining(['complaints.create', 'complaints.get', 'complaints.update', 'complaints.close', 'complaints.reopen']));
    const trail = JSON.stringify(events);
    for (const trace of [...wrongAddressTraces, /お詫び/, /配送システム/, /再度の入電/, /4242 4242/]) expect(trail).not.toMatch(trace);
    const created = events.find((e) => e.action === 'complaints.create')!;
    expect(JSON.parse(created.fields!)).toEqual(expect.arrayContaining(['content', 'complainantName', 'customerId']));
  });
});

describe('every refusal says why', () => {
  it('in Japanese and in English, for each refusal the trail recorded and each field rule the closing checks', async () => {
    const refusals = await desk.core.desk.requireDb().selectFrom('audit_events').select('details').where('action', 'like', 'complaints.%').where('outcome', 'in', ['failed', 'denied']).execute();
    const reasons = new Set(refusals.map((r) => (JSON.parse(r.details!) as { reason?: string }).reason).filter((r): r is string => r !== undefined));
    expect([...reasons]).toEqual(expect.arrayContaining(['complaint.closed', 'complaint.closedInFuture', 'complaint.closedBeforeReceived', 'complaint.reopenOfficerOnly', 'complaint.handler', 'card.number']));
    const fieldRules = ['complaint.problemDescriptionRequired', 'complaint.problemDecision', 'complaint.requestNumber', 'complaint.incidentNumber', 'complaint.linkOne', 'complaint.dueDays', 'complaint.kind', 'complaint.channel'];
    for (const language of ['ja', 'en'] as const) {
      for (const reason of reasons) expect(sentence(language, `errors.${reason}`), `${language} errors.${reason}`).toEqual(expect.any(String));
      for (const rule of fieldRules) expect(sentence(language, `fieldErrors.${rule}`), `${language} fieldErrors.${rule}`).toEqual(expect.any(String));
    }
  });
});
