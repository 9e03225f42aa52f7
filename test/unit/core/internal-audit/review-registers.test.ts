// The management review puts the Privacy Mark registers before the representative: complaints, training, outsourcees
// and the ledger, counted by each register's own rules; a review recorded before those registers still reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { internalAuditEn } from '../../../../renderer/src/i18n/en/internal-audit';
import { internalAuditJa } from '../../../../renderer/src/i18n/ja/internal-audit';
import type { ComplaintDetail } from '../../../../src-shared/api/complaints';
import type { ManagementReview, ReviewInputs } from '../../../../src-shared/api/internal-audit';
import type { LedgerEntry } from '../../../../src-shared/api/ledger';
import type { OutsourceeDetail } from '../../../../src-shared/api/outsourcees';
import type { Partner } from '../../../../src-shared/registers';
import type { TestDesk } from '../../helpers/desk';
import { wrongAddressCall } from '../complaints/setup';
import { applicants, customerMaster, customerRisk, register } from '../ledger/steps';
import { callCentre, deliveryCompany, evaluation, selection } from '../outsourcees/steps';
import { session } from '../training/steps';
import { setUpAuditDesk, type AuditDesk } from './steps';

let desk: TestDesk;
let ids: AuditDesk['ids'];
/** Fiscal 2026 so far; the desk's clock reads 25 November 2026. */
const period = { periodFrom: '2026-04-01', periodTo: '2026-11-25' };
const gather = () => desk.ok<ReviewInputs>('managementReviews.inputs', period);

async function complaint(receivedOn: string, more: object = {}): Promise<ComplaintDetail> {
  return desk.ok<ComplaintDetail>('complaints.create', { ...wrongAddressCall(), receivedOn, ...more });
}
function close(c: ComplaintDetail, closedOn: string, problem?: string): Promise<ComplaintDetail> {
  return desk.ok<ComplaintDetail>('complaints.close', { id: c.id, response: '電話で経緯を説明し、お詫びした。', closedOn, problemFound: problem !== undefined, ...(problem ? { problemDescription: problem } : {}) });
}

beforeAll(async () => {
  // Signed in as the officer; four people work at the desk: the officer, 佐藤 and 田中 (staff), and the auditor.
  ({ desk, ids } = await setUpAuditDesk());

  // Complaints: one from last fiscal year, answered in March; three received this year.
  await close(await complaint('2026-03-10'), '2026-03-12');
  const answeredLate = await complaint('2026-10-01');
  expect(answeredLate.dueOn < '2026-11-24').toBe(true);
  await close(answeredLate, '2026-11-24');
  await close(await complaint('2026-11-20'), '2026-11-25', 'サイトでの住所変更が配送システムに連携されない不具合。');
  const waiting = await complaint('2026-11-02', { kind: 'consultation', subject: 'メールマガジンの配信停止の方法' });
  expect(waiting.dueOn < '2026-11-25').toBe(true);

  // Training: the spring session for 佐藤 and the officer; 田中 was last trained in November 2025, the auditor never.
  await desk.ok('training.record', session([{ accountId: ids.staff }, { accountId: ids.officer }]));
  await desk.ok('training.record', session([{ accountId: ids.otherStaff }], { heldOn: '2025-11-01', topic: '個人情報保護研修（2025年度）' }));

  // The ledger: the customer master registered today with a risk assessment to approve; the applicants' file last
  // reviewed on paper in October 2025; an old paper file retired today.
  const customers = await register(desk, customerMaster);
  await desk.ok<LedgerEntry>('ledger.assessRisk', { entryId: customers.id, assessment: customerRisk });
  await register(desk, applicants, { on: '2025-10-01', by: '人事部長 小川 恵' });
  const old = await register(desk, { ...applicants, name: '旧・採用応募者（紙の台帳）' }, { on: '2025-10-01', by: '人事部長 小川 恵' });
  await desk.ok('ledger.retire', { id: old.id, retiredOn: '2026-11-25', reason: '電子化により廃止' });

  // Outsourcees: the delivery company evaluated on 20 November (and that record put right), the call centre never.
  const delivery = (await desk.ok<Partner>('partners.create', deliveryCompany)).id;
  await desk.ok<Partner>('partners.create', callCentre);
  await desk.ok('outsourcees.evaluate', selection(delivery, { evaluatedOn: '2024-03-15' }));
  const evaluated = await desk.ok<OutsourceeDetail>('outsourcees.evaluate', evaluation(delivery));
  const periodic = evaluated.evaluations.find((e) => e.kind === 'periodic')!;
  await desk.ok('outsourcees.evaluate', evaluation(delivery, { evidence: [], keepEvidence: [periodic.evidence[0]!.id], corrects: periodic.id, correctionReason: '評価者の記入漏れを訂正' }));
});
afterAll(async () => desk.dispose());

describe('the management review of fiscal 2026', () => {
  let inputs: ReviewInputs;

  it('counts complaints, training, outsourcees and the ledger by the registers’ own rules', async () => {
    inputs = await gather();
    // Received this year: 3 (March's is last year's). Closed this year: 2, one after its due day, one revealing a
    // problem. Open now: the consultation, past its due day.
    expect(inputs.complaints).toEqual({ received: 3, closed: 2, closedLate: 1, openNow: 1, overdueNow: 1, problemFound: 1 });
    // One session this fiscal year; 田中 (13 months ago) and the auditor (never) are untrained, out of four people.
    expect(inputs.training).toEqual({ sessionsHeld: 1, untrainedNow: 2, peopleNow: 4 });
    // The corrected evaluation counts once; the 2024 selection check is outside the period; the call centre is overdue.
    expect(inputs.outsourcees).toEqual({ outsourceesNow: 2, evaluated: 1, overdueNow: 1 });
    // The retired file is neither an entry in use nor overdue.
    expect(inputs.ledger).toEqual({ entriesNow: 2, overdueNow: 1, awaitingApprovalNow: 1 });
  });

  it('agrees with what each register shows on the home screen', async () => {
    expect(await desk.ok('complaints.dueCounts', {})).toMatchObject({ open: inputs.complaints!.openNow, overdue: inputs.complaints!.overdueNow });
    expect(await desk.ok('ledger.due', {})).toMatchObject({ overdue: inputs.ledger!.overdueNow, awaitingApproval: inputs.ledger!.awaitingApprovalNow });
    expect((await desk.ok<{ counts: object }>('outsourcees.list', { show: 'all' })).counts).toMatchObject({ outsourcees: inputs.outsourcees!.outsourceesNow, overdue: inputs.outsourcees!.overdueNow });
  });

  it('holds numbers only, never a person', () => {
    for (const group of [inputs.complaints, inputs.training, inputs.outsourcees, inputs.ledger]) {
      expect(Object.values(group!).every((v) => Number.isInteger(v))).toBe(true);
    }
    expect(JSON.stringify(inputs)).not.toMatch(/山田|佐藤|田中|小川|みなと|コールサポート/);
  });

  it('a review recorded now keeps those counts', async () => {
    const recorded = await desk.ok<ManagementReview>('managementReviews.record', {
      heldOn: '2026-11-25',
      ...period,
      representative: '代表取締役社長 山本 一郎',
      attendees: '個人情報保護管理者、監査責任者',
      decisions: '研修未受講者への受講指示と、委託先の評価の年内実施を決定。',
      improvements: '苦情の回答期限の管理を週次の朝会で確認する。',
      nextReviewOn: '2027-11-01',
    });
    expect(recorded.inputs).toEqual(inputs);
  });

  it('a review recorded before these registers existed still reads, without their counts', async () => {
    const db = desk.core.desk.requireDb();
    // As a desk of the earlier version stored it: the counts it knew then, and nothing else.
    const earlier = Object.fromEntries(Object.entries(inputs).filter(([key]) => !['complaints', 'training', 'outsourcees', 'ledger'].includes(key)));
    await db.updateTable('management_reviews').set({ inputs: JSON.stringify(earlier) }).execute();
    const [read] = (await desk.ok<{ rows: ManagementReview[] }>('managementReviews.list', {})).rows;
    expect(read!.inputs).toEqual(earlier);
    expect(read!.inputs).not.toHaveProperty('complaints');
    expect(read).toMatchObject({ heldOn: '2026-11-25', nextReviewOn: '2027-11-01' });
  });
});

describe('the rows of the review’s table', () => {
  const groups = ['complaints', 'training', 'outsourcees', 'ledger'] as const;
  const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();

  it('name every count of each register, in Japanese and in English', async () => {
    const gathered = await gather();
    for (const bundle of [internalAuditJa, internalAuditEn]) {
      const words = bundle.internalAudit.inputs as Record<string, string>;
      for (const group of groups) {
        expect(words[group], group).toEqual(expect.any(String));
        expect(placeholders(words[`${group}Text`]!), group).toEqual(Object.keys(gathered[group]!).sort());
      }
    }
  });
});
