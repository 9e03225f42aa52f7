// Supervision over the year (APPI Art. 25, JIS Q 15001): outsourcees without a selection check or evaluated more than
// 12 months ago are listed overdue, a check today clears them, findings are followed up, and only the officer records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutsourceeDetail, OutsourceeList } from '../../../../src-shared/api/outsourcees';
import type { Partner } from '../../../../src-shared/registers';
import { addAccount, asOfficer, auditorPerson, errorOf, setUpDesk, signInAs, staffMember, type TestDesk } from '../../helpers/desk';
import { adNetwork, callCentre, checklist, deliveryCompany, evaluation, selection, sentencesOf } from './steps';

let desk: TestDesk;
const ids: Record<string, string> = {};
const db = () => desk.core.desk.requireDb();
const list = (show = 'all') => desk.ok<OutsourceeList>('outsourcees.list', { show });
const row = async (partnerId: string) => (await list()).rows.find((r) => r.partnerId === partnerId)!;

/** Moves the desk's clock to a day (10:00 in Japan) and signs the officer in again: the idle lock has long run. */
async function moveTo(day: string): Promise<void> {
  desk.clock.now = new Date(`${day}T10:00:00+09:00`);
  await asOfficer(desk);
}

beforeAll(async () => {
  desk = await setUpDesk();
  await addAccount(desk, staffMember);
  await addAccount(desk, auditorPerson);
  await asOfficer(desk);
  // October 2025: the delivery company was chosen and evaluated; the call centre was signed without a check.
  await moveTo('2025-10-24');
  for (const [key, p] of Object.entries({ deliveryCompany, callCentre, adNetwork })) ids[key] = (await desk.ok<Partner>('partners.create', p)).id;
  await desk.ok('outsourcees.evaluate', selection(ids.deliveryCompany!, { evaluatedOn: '2024-03-15' }));
  await desk.ok('outsourcees.evaluate', evaluation(ids.deliveryCompany!, { evaluatedOn: '2025-10-24' }));
});
afterAll(async () => desk.dispose());

describe('thirteen months later, the officer sees who needs a check', () => {
  it('right after the evaluation, the delivery company is current and due a year later; the call centre has none at all', async () => {
    const delivery = await row(ids.deliveryCompany!);
    expect(delivery).toMatchObject({ due: 'current', nextDueOn: '2026-10-24', daysToDue: 365, selectionMissing: false, openFindings: 0 });
    expect(delivery.lastSelection).toMatchObject({ number: 'OE-2025-0001', evaluatedOn: '2024-03-15', result: 'approved' });
    expect(delivery.lastEvaluation).toMatchObject({ number: 'OE-2025-0002', evaluatedOn: '2025-10-24', score: 100 });
    expect(await row(ids.callCentre!)).toMatchObject({ due: 'never', nextDueOn: null, daysToDue: null, selectionMissing: true, lastSelection: null, lastEvaluation: null });
  });

  it('only outsourcees are listed: the ad network is a recipient of provision, not supervised here', async () => {
    expect((await list()).rows.map((r) => r.name)).toEqual([callCentre.name, deliveryCompany.name].sort());
  });

  it('on its due day the evaluation is due soon, not yet late', async () => {
    await moveTo('2026-10-24');
    expect(await row(ids.deliveryCompany!)).toMatchObject({ due: 'dueSoon', daysToDue: 0 });
    expect((await list('dueSoon')).rows.map((r) => r.name)).toEqual([deliveryCompany.name]);
  });

  it('in November 2026 both are overdue: one evaluated 13 months ago, one with no selection check; the card counts them', async () => {
    await moveTo('2026-11-25');
    expect(await row(ids.deliveryCompany!)).toMatchObject({ due: 'overdue', nextDueOn: '2026-10-24', daysToDue: -32, selectionMissing: false });
    const overdue = await list('overdue');
    expect(overdue.rows.map((r) => r.name).sort()).toEqual([callCentre.name, deliveryCompany.name].sort());
    expect(overdue.counts).toEqual({ outsourcees: 2, overdue: 2, selectionMissing: 1, dueSoon: 0, findingsOverdue: 0 });
  });

  it('an evaluation today clears the delivery company: due again in a year', async () => {
    const detail = await desk.ok<OutsourceeDetail>('outsourcees.evaluate', evaluation(ids.deliveryCompany!, { evaluatedOn: '2026-11-25' }));
    expect(detail.outsourcee).toMatchObject({ due: 'current', nextDueOn: '2027-11-25', daysToDue: 365 });
    expect(detail.evaluations.map((e) => [e.number, e.kind, e.evaluatedOn])).toEqual([
      ['OE-2026-0001', 'periodic', '2026-11-25'],
      ['OE-2025-0002', 'periodic', '2025-10-24'],
      ['OE-2025-0001', 'selection', '2024-03-15'],
    ]);
    expect((await list('overdue')).rows.map((r) => r.name)).toEqual([callCentre.name]);
  });

  it('a yearly evaluation of the call centre is not enough: its selection check is still missing, and stays on the list', async () => {
    await desk.ok('outsourcees.evaluate', evaluation(ids.callCentre!, { evaluatedOn: '2026-11-24', method: 'questionnaire' }));
    expect(await row(ids.callCentre!)).toMatchObject({ due: 'current', selectionMissing: true });
    expect((await list('overdue')).counts).toMatchObject({ overdue: 0, selectionMissing: 1 });
    // Recorded late from the contract file: the selection check of April 2024. Now nothing is due.
    await desk.ok('outsourcees.evaluate', selection(ids.callCentre!, { evaluatedOn: '2024-04-01', result: 'conditional', conditions: '通話録音の保存期間を90日以内にすること' }));
    expect((await list('overdue')).rows).toEqual([]);
  });
});

describe('a partner that is not an outsourcee', () => {
  it('cannot be evaluated, with a sentence saying why; nothing is stored', async () => {
    const before = await db().selectFrom('outsourcee_evaluations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const refused = await desk.call('outsourcees.evaluate', evaluation(ids.adNetwork!));
    expect(errorOf(refused)).toMatchObject({ code: 'VALIDATION', message: 'outsourcee.notOutsourcee' });
    expect(sentencesOf(refused).ja[0]).toContain('委託先');
    const after = await db().selectFrom('outsourcee_evaluations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect(errorOf(await desk.call('outsourcees.get', { partnerId: ids.adNetwork! })).message).toBe('outsourcee.notOutsourcee');
  });
});

describe('findings are followed up', () => {
  let findingId = '';

  it('a finding from the visit is open; once past its due day it is counted on the card', async () => {
    const detail = await desk.ok<OutsourceeDetail>(
      'outsourcees.evaluate',
      evaluation(ids.deliveryCompany!, {
        evaluatedOn: '2026-11-25',
        criteria: { ...checklist(), physical: { rating: 'partly', note: '出荷場の入口に施錠なし' } },
        findings: [{ finding: '出荷場の入口が日中施錠されていない。', action: '入退室管理（ICカード）を導入し、写真で報告を受ける。', owner: '委託先 品質管理部 村井', dueOn: '2026-12-25' }],
      }),
    );
    const finding = detail.evaluations[0]!.findings[0]!;
    findingId = finding.id;
    expect(finding).toMatchObject({ evaluationNumber: detail.evaluations[0]!.number, dueOn: '2026-12-25', doneOn: null, overdue: false });
    expect(detail.outsourcee).toMatchObject({ openFindings: 1, findingsOverdue: 0 });
    await moveTo('2026-12-26');
    expect((await list('findingsOverdue')).rows.map((r) => [r.name, r.findingsOverdue])).toEqual([[deliveryCompany.name, 1]]);
    expect((await list()).counts.findingsOverdue).toBe(1);
  });

  it('staff and the auditor read the findings but may not follow them up or evaluate', async () => {
    for (const person of [staffMember, auditorPerson]) {
      await signInAs(desk, person);
      const detail = await desk.ok<OutsourceeDetail>('outsourcees.get', { partnerId: ids.deliveryCompany! });
      expect(detail.evaluations[0]!.findings[0]!.overdue).toBe(true);
      expect(errorOf(await desk.call('outsourcees.followUp', { findingId, doneOn: '2026-12-26', note: '確認' })).code).toBe('FORBIDDEN');
      expect(errorOf(await desk.call('outsourcees.evaluate', evaluation(ids.deliveryCompany!))).code).toBe('FORBIDDEN');
    }
    const denied = await db().selectFrom('audit_events').select('action').where('outcome', '=', 'denied').where('action', 'like', 'outsourcees.%').execute();
    expect(denied).toHaveLength(4);
    await asOfficer(desk);
  });

  it('the officer records the follow-up: done on a day not ahead of today, once; the card no longer counts it', async () => {
    expect(errorOf(await desk.call('outsourcees.followUp', { findingId, doneOn: '2026-12-27', note: '写真で確認' }))).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'doneOn', message: 'outsourcee.doneInFuture' }] } });
    expect(errorOf(await desk.call('outsourcees.followUp', { findingId, doneOn: '2026-11-01', note: '写真で確認' })).details).toEqual({ issues: [{ path: 'doneOn', message: 'outsourcee.doneBeforeEvaluation' }] });
    const detail = await desk.ok<OutsourceeDetail>('outsourcees.followUp', { findingId, doneOn: '2026-12-20', note: 'ICカードの入退室管理を導入した写真と運用記録を受領。' });
    expect(detail.evaluations[0]!.findings[0]).toMatchObject({ doneOn: '2026-12-20', doneNote: 'ICカードの入退室管理を導入した写真と運用記録を受領。', overdue: false, followedUpByName: '南 真美' });
    expect(detail.outsourcee).toMatchObject({ openFindings: 0, findingsOverdue: 0 });
    const again = await desk.call('outsourcees.followUp', { findingId, doneOn: '2026-12-21', note: 'もう一度' });
    expect(errorOf(again)).toMatchObject({ code: 'CONFLICT', message: 'outsourcee.alreadyFollowedUp', details: { doneOn: '2026-12-20' } });
    expect(sentencesOf(again).en[0]).toContain('{{doneOn}}');
    // The trail: the finding and its evaluation by id, the fields by name; never the note.
    const event = await db().selectFrom('audit_events').selectAll().where('action', '=', 'outsourcees.followUp').where('outcome', '=', 'ok').executeTakeFirstOrThrow();
    expect(event).toMatchObject({ target_type: 'outsourceeFinding', target_id: findingId, fields: JSON.stringify(['doneOn', 'note']) });
    expect(event.details).not.toContain('ICカード');
  });
});
