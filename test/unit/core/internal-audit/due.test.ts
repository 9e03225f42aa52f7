// Time passes on the desk's clock: an action past its due day is overdue (for the officer and on its owner's card),
// staff count only their own, a management review gathers the period's counts and is due again after 12 months.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CorrectionDetail, CorrectionRow, InternalAuditDue, ManagementReview, ReviewInputs } from '../../../../src-shared/api/internal-audit';
import type { RequestDetail } from '../../../../src-shared/requests';
import { errorOf, type TestDesk } from '../../helpers/desk';
import { leak } from '../incidents/office';
import { yamadaAsksDisclosure } from '../requests/setup';
import { as, auditTrail, openAction, planThisYear, recordUnlockedScreen, setUpAuditDesk, type AuditDesk } from './steps';

let desk: TestDesk;
let ids: AuditDesk['ids'];
let request: RequestDetail;
const actions: Record<'sato' | 'tanaka', CorrectionDetail> = {} as never;

/** Moves the clock to a local time in Tokyo; whoever signs in next finds the idle lock long fallen. */
async function clockTo(isoJst: string, who: keyof typeof as): Promise<void> {
  desk.clock.now = new Date(isoJst);
  await as[who](desk);
}
const due = () => desk.ok<InternalAuditDue>('corrections.dueCounts', {});
const listed = async (show: string) => (await desk.ok<{ rows: CorrectionRow[] }>('corrections.list', { show })).rows.map((r) => r.number);

const review = {
  heldOn: '2026-12-15',
  periodFrom: '2026-01-01',
  periodTo: '2026-12-15',
  representative: '代表取締役社長 山本 一郎',
  attendees: '個人情報保護管理者、監査責任者、EC運営部長',
  decisions: '個人情報保護方針は継続。請求の全件期限内回答を来年度の目的とする。',
  improvements: '離席時の画面ロックを全社の手順に加える。',
  nextReviewOn: '2027-12-01',
};

beforeAll(async () => {
  ({ desk, ids } = await setUpAuditDesk());
  // A disclosure request and a leak of card data this November: what the review will count.
  request = await desk.ok<RequestDetail>('requests.create', yamadaAsksDisclosure);
  await desk.ok('incidents.create', leak({ categories: ['name', 'financial'] }));
  const plan = await planThisYear(desk, ids.auditor);
  const finding = await recordUnlockedScreen(desk, plan.id, ids.staff);
  actions.sato = await openAction(desk, finding.id, ids.staff, '2026-12-10');
  actions.tanaka = await openAction(desk, finding.id, ids.otherStaff, '2026-11-30');
});
afterAll(async () => desk.dispose());

describe('overdue with the desk’s clock', () => {
  it('on 25 November nothing is late; no management review has ever been recorded', async () => {
    expect(await due()).toEqual({ overdue: 0, awaitingVerification: 0, active: 2, review: { lastHeldOn: null, nextReviewOn: null, due: 'none' } });
  });

  it('on 1 December the action due on 30 November is overdue, by one day', async () => {
    await clockTo('2026-12-01T09:00:00+09:00', 'officer');
    expect(await listed('overdue')).toEqual([actions.tanaka.number]);
    const late = await desk.ok<CorrectionDetail>('corrections.get', { id: actions.tanaka.id });
    expect(late).toMatchObject({ overdue: true, daysLeft: -1 });
    expect((await due()).overdue).toBe(1);
  });

  it('staff count and list only their own actions, and see no review reminder', async () => {
    await as.staff(desk);
    expect(await due()).toEqual({ overdue: 0, awaitingVerification: 0, active: 1, review: null });
    expect(await listed('all')).toEqual([actions.sato.number]);
    expect(await listed('overdue')).toEqual([]);
    await as.otherStaff(desk);
    expect(await due()).toEqual({ overdue: 1, awaitingVerification: 0, active: 1, review: null });
    expect(await listed('overdue')).toEqual([actions.tanaka.number]);
  });

  it('reported a day late, the action is no longer overdue but awaits the officer; the trail notes it was late', async () => {
    await desk.ok('corrections.report', { id: actions.tanaka.id, doneOn: '2026-12-01', note: '端末の設定を変更した。' });
    await as.officer(desk);
    expect(await listed('overdue')).toEqual([]);
    expect(await listed('awaitingVerification')).toEqual([actions.tanaka.number]);
    expect(await due()).toMatchObject({ overdue: 0, awaitingVerification: 1, active: 2 });
    const [event] = (await auditTrail(desk)).filter((r) => r.action === 'corrections.report');
    expect(JSON.parse(event!.details!)).toMatchObject({ late: true });
  });

  it('on 11 December 佐藤’s action, due the 10th, is overdue too', async () => {
    await clockTo('2026-12-11T09:00:00+09:00', 'staff');
    expect(await due()).toMatchObject({ overdue: 1, active: 1 });
    const [mine] = (await desk.ok<{ rows: CorrectionRow[] }>('corrections.list', {})).rows;
    expect(mine).toMatchObject({ number: actions.sato.number, overdue: true, daysLeft: -1 });
  });
});

describe('the management review', () => {
  let inputs: ReviewInputs;

  it('gathers the year’s counts: findings by grade, actions, the reportable leak, the request', async () => {
    await clockTo('2026-12-15T15:00:00+09:00', 'officer');
    inputs = await desk.ok<ReviewInputs>('managementReviews.inputs', { periodFrom: '2026-01-01', periodTo: '2026-12-15' });
    expect(inputs).toEqual({
      periodFrom: '2026-01-01',
      periodTo: '2026-12-15',
      audits: { planned: 1, done: 0 },
      findings: { majorNonconformity: 0, minorNonconformity: 1, observation: 0, improvement: 0 },
      corrections: { opened: 2, closed: 0, openNow: 1, overdueNow: 1, awaitingVerificationNow: 1 },
      incidents: { discovered: 1, reportable: 1, openNow: 1 },
      requests: { received: 1, byKind: { disclosure: 1 }, closed: 0, closedLate: 0, openNow: 1, overdueNow: request.dueOn < '2026-12-15' ? 1 : 0 },
      // Nothing on this desk's other registers; its four people have no training on record.
      complaints: { received: 0, closed: 0, closedLate: 0, openNow: 0, overdueNow: 0, problemFound: 0 },
      training: { sessionsHeld: 0, untrainedNow: 4, peopleNow: 4 },
      outsourcees: { outsourceesNow: 0, evaluated: 0, overdueNow: 0 },
      ledger: { entriesNow: 0, overdueNow: 0, awaitingApprovalNow: 0 },
    });
    const before = await desk.ok<ReviewInputs>('managementReviews.inputs', { periodFrom: '2025-01-01', periodTo: '2025-12-31' });
    expect(before).toMatchObject({ audits: { planned: 0 }, corrections: { opened: 0, openNow: 1 }, incidents: { discovered: 0, openNow: 1 }, requests: { received: 0, byKind: {} } });
  });

  it('a review held tomorrow, or with its next one before it, is refused', async () => {
    expect(errorOf(await desk.call('managementReviews.record', { ...review, heldOn: '2026-12-16' }))).toMatchObject({ code: 'VALIDATION', message: 'review.heldInFuture' });
    expect(errorOf(await desk.call('managementReviews.record', { ...review, nextReviewOn: '2026-12-15' })).details).toEqual({ issues: [{ path: 'nextReviewOn', message: 'review.nextBeforeHeld' }] });
  });

  it('recorded with the counts of that day, which later work does not change', async () => {
    const recorded = await desk.ok<ManagementReview>('managementReviews.record', review);
    expect(recorded).toMatchObject({ heldOn: '2026-12-15', inputs, otherInputs: '', nextReviewOn: '2027-12-01' });
    await desk.ok('corrections.verify', { id: actions.tanaka.id, effective: true, note: '全台を確認した。' });
    const [kept] = (await desk.ok<{ rows: ManagementReview[] }>('managementReviews.list', {})).rows;
    expect(kept!.inputs).toEqual(inputs);
    expect((await due()).review).toEqual({ lastHeldOn: '2026-12-15', nextReviewOn: '2027-12-01', due: null });
  });

  it('the minutes are put right; the day held and the counts stay', async () => {
    const [r] = (await desk.ok<{ rows: ManagementReview[] }>('managementReviews.list', {})).rows;
    const text = { representative: r!.representative, attendees: r!.attendees, otherInputs: '苦情・相談 3件', decisions: r!.decisions, improvements: r!.improvements };
    expect(errorOf(await desk.call('managementReviews.update', { id: r!.id, ...text, nextReviewOn: '2026-12-01' }))).toMatchObject({ code: 'VALIDATION', message: 'review.nextBeforeHeld' });
    const fixed = await desk.ok<ManagementReview>('managementReviews.update', { id: r!.id, ...text, nextReviewOn: '2027-11-30' });
    expect(fixed).toMatchObject({ heldOn: '2026-12-15', inputs, otherInputs: '苦情・相談 3件', nextReviewOn: '2027-11-30' });
    const [event] = (await auditTrail(desk)).filter((e) => e.action === 'managementReviews.update' && e.outcome === 'ok');
    expect(JSON.parse(event!.fields!)).toEqual(['otherInputs', 'nextReviewOn']);
  });

  it('is due once its next day has passed, and again after 12 months without one', async () => {
    await clockTo('2027-12-01T09:00:00+09:00', 'auditor');
    expect((await due()).review).toEqual({ lastHeldOn: '2026-12-15', nextReviewOn: '2027-11-30', due: 'nextPassed' });
    await clockTo('2027-12-16T09:00:00+09:00', 'auditor');
    expect((await due()).review?.due).toBe('overYear');
    expect(errorOf(await desk.call('managementReviews.record', { ...review, heldOn: '2027-12-16', nextReviewOn: '2028-12-01' })).code).toBe('FORBIDDEN');
  });
});
