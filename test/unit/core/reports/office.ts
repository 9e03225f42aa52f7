// The reports' office: two months of a privacy office's work (September to November 2026), made through the desk's own
// calls with the clock moved day by day, so each figure of October's report can be worked out by hand.
import type { CustomerRecord } from '../../../../src-shared/customers';
import type { ProvisionDetail } from '../../../../src-shared/registers';
import type { RequestDetail } from '../../../../src-shared/requests';
import { allCustomers } from '../../../fixtures/customers';
import { asUpload, scannedPdf } from '../../../fixtures/scans';
import { asOfficer, auditorPerson, officer, signInAs, staffMember, type Person, type TestDesk } from '../../helpers/desk';
import { advertiser, police, secondOfficer } from '../provisions/office';
import { verifyIdentity, yamadaAsksDisclosure } from '../requests/setup';

/** A second staff member who has not handed in a statement yet: October's coverage is one of two. */
export const newcomer: Person = {
  displayName: '鈴木 一郎',
  loginId: 'suzuki',
  role: 'staff',
  department: 'カスタマーサポート',
  temporaryPassword: 'karipasu-suzuki-2026',
  password: 'suzuki-no-aikotoba-2026',
};

/** Request numbers by their role in the story, for the expectations. */
export interface OfficeStory {
  numbers: Record<'lateCompletion' | 'quickCompletion' | 'secondCompletion', string>;
}

type Who = 'officer' | 'staff' | 'secondOfficer';

/**
 * Moves the clock on (never back: the trail is in time order) and signs in: a jump of days locks the session, as the
 * idle lock should. Each sign-in costs a key derivation, so the story is told one day at a time.
 */
async function on(desk: TestDesk, day: string, who: Who = 'officer', time = '10:00'): Promise<void> {
  const next = new Date(`${day}T${time}:00+09:00`);
  if (next < desk.clock.now) throw new Error(`the story goes back in time: ${day} ${time}`);
  desk.clock.now = next;
  if (desk.core.desk.session) await desk.ok('auth.logout');
  if (who === 'officer') await asOfficer(desk);
  else await signInAs(desk, who === 'staff' ? staffMember : secondOfficer);
}

/** Registers what the person asked, received on `receivedOn` (registered that day or later). */
async function intake(desk: TestDesk, kind: string, customerId: string, receivedOn: string): Promise<RequestDetail> {
  return desk.ok<RequestDetail>('requests.create', {
    ...yamadaAsksDisclosure,
    kind,
    receivedOn,
    ...(kind === 'cessationOfPurpose' ? { purposeId: '3.6' } : {}),
    asked: kind === 'cessationOfPurpose' ? 'メールマガジン等の販促目的での利用停止を求めます' : yamadaAsksDisclosure.asked,
    customerId,
  });
}

const refuse = (desk: TestDesk, id: string, ground: string) => desk.ok('requests.transition', { id, to: 'refused', ground, note: '理由を記載した通知を送付' });
const withdraw = (desk: TestDesk, id: string) => desk.ok('requests.transition', { id, to: 'withdrawn', note: '本人より電話で取り下げ' });
const complete = (desk: TestDesk, id: string) => desk.ok('requests.transition', { id, to: 'completed' });

/**
 * October 2026, by hand (requests R-… numbered in order of registration):
 * - received in October: disclosure 2, correction 2, erasure 1, cessation for a purpose 2 (7);
 * - completed in October: three cessations, after 5 days (received 1 Oct, done 6 Oct), 9 days (5 → 14 Oct) and
 *   40 days (received 10 Sep, done 20 Oct, due 5 Oct: late) → median 9, longest 40;
 * - refused in October: a correction on 9 Oct (content accurate, on time), a disclosure received 1 Oct refused 30 Oct
 *   (identity not verified; due 22 Oct: late); withdrawn: the erasure on 22 Oct;
 * - on time: 3 of the 5 answered (60.0%); extended in October: 1 (on 14 Oct; another on 4 Nov does not count);
 * - open at the end of October: the extended correction and a disclosure received 22 Oct, withdrawn only on 4 Nov (2);
 * - September's refusal (30 Sep, no data held) and November's (4 Nov, requirements not met) are outside;
 * - provisions: with consent on 10 Oct to two customers, to the police on 20 Oct (one customer, approved by the
 *   second officer), with consent on 4 Nov (outside); incidents: one found on 12 Oct (3 people, preliminary report
 *   made), one on 3 Nov (outside); statements on 31 Oct: the staff member's is in force, the newcomer has none (1/2).
 */
export async function seedOffice(desk: TestDesk): Promise<OfficeStory> {
  desk.clock.now = new Date('2026-09-01T09:00:00+09:00');
  await desk.ok('setup.createOfficer', officer);
  await asOfficer(desk);
  const ids: Record<string, string> = {};
  for (const p of [staffMember, newcomer, auditorPerson, secondOfficer]) {
    const { displayName, loginId, role, department, temporaryPassword } = p;
    ids[loginId] = (await desk.ok<{ id: string }>('accounts.create', { displayName, loginId, role, department, temporaryPassword })).id;
  }
  await desk.ok('statements.record', { accountId: ids[staffMember.loginId], templateVersion: 1, signedOn: '2026-09-01', trainingOn: '2026-09-01', scan: asUpload(scannedPdf(), 's.pdf', 'application/pdf') });
  const customers: string[] = [];
  // The fixtures' orders are dated in November; the desk refuses a day that has not come, so they are left out.
  for (const c of allCustomers) customers.push((await desk.ok<CustomerRecord>('customers.create', { ...c, orders: [] })).id);
  const [c1, c2, c3, c4] = customers as [string, string, string, string];

  // September: two requests received on the 10th; one is refused on the 30th.
  await on(desk, '2026-09-30');
  const late = await intake(desk, 'cessationOfPurpose', c3, '2026-09-10');
  await verifyIdentity(desk, late.id);
  const september = await intake(desk, 'disclosure', c4, '2026-09-10');
  await refuse(desk, september.id, 'noDataHeld');

  // October. The staff member proposes the three cessations, the officer approves them (four eyes).
  await on(desk, '2026-10-05', 'staff');
  const quick = await intake(desk, 'cessationOfPurpose', c1, '2026-10-01');
  const unverified = await intake(desk, 'disclosure', c2, '2026-10-01');
  const second = await intake(desk, 'cessationOfPurpose', c2, '2026-10-05');
  await verifyIdentity(desk, quick.id);
  await verifyIdentity(desk, second.id);
  const proposals: string[] = [];
  for (const r of [quick, second, late]) proposals.push((await desk.ok<RequestDetail>('proposals.create', { requestId: r.id, kind: 'cease' })).proposals[0]!.id);
  await on(desk, '2026-10-05', 'officer', '15:00');
  for (const id of proposals) await desk.ok('proposals.decide', { id, decision: 'approve' });
  await on(desk, '2026-10-06');
  await complete(desk, quick.id);
  await on(desk, '2026-10-09');
  const accurate = await intake(desk, 'correction', c4, '2026-10-07');
  await refuse(desk, accurate.id, 'contentIsAccurate');
  await on(desk, '2026-10-14');
  await complete(desk, second.id);
  const extended = await intake(desk, 'correction', c1, '2026-10-13');
  const ad = await desk.ok<{ id: string }>('partners.create', advertiser);
  const station = await desk.ok<{ id: string }>('partners.create', police);
  for (const c of [c1, c2]) await desk.ok('provisionConsents.record', { customerId: c, partnerRole: 'advertiser', givenOn: '2026-10-01', channel: 'web' });
  // The third customer gave no consent: left out of the provision, and of its count of people.
  await desk.ok('provisions.create', { partnerId: ad.id, providedOn: '2026-10-10', items: '氏名、メールアドレス', basis: 'consent', customerIds: [c1, c2, c3] });
  const incident = await desk.ok<{ id: string }>('incidents.create', {
    discoveredAt: '2026-10-12T09:30:00+09:00',
    summary: '配送伝票の誤送付により3名分の氏名・住所が別の顧客に届いた',
    categories: ['name'],
    peopleCount: 3,
    unlawfulSuspected: false,
  });
  await desk.ok('incidents.update', { id: incident.id, reportMade: { kind: 'preliminary', at: '2026-10-14T10:00:00+09:00' } });
  await desk.ok('requests.extend', { id: extended.id, dueOn: '2026-11-30', reason: '社内システムの確認に時間を要するため' });
  await on(desk, '2026-10-20');
  await complete(desk, late.id);
  const erasure = await intake(desk, 'erasure', c3, '2026-10-20');
  const asked = await desk.ok<ProvisionDetail>('provisions.create', {
    partnerId: station.id,
    providedOn: '2026-10-20',
    items: '氏名、住所、注文履歴',
    basis: 'publicInstitution',
    justification: '渋谷警察署 捜査関係事項照会書（2026年10月19日付 第123号）',
    customerIds: [c4],
  });
  await on(desk, '2026-10-20', 'secondOfficer', '14:00');
  await desk.ok('provisions.approveException', { id: asked.id, decision: 'approve' });
  await on(desk, '2026-10-22');
  await withdraw(desk, erasure.id);
  const pending = await intake(desk, 'disclosure', c1, '2026-10-22');
  await on(desk, '2026-10-30');
  await refuse(desk, unverified.id, 'identityNotVerified');

  // November: outside October's report.
  await on(desk, '2026-11-04');
  const november = await intake(desk, 'correction', c2, '2026-11-02');
  await refuse(desk, november.id, 'requirementsNotMet');
  await desk.ok('requests.extend', { id: pending.id, dueOn: '2026-12-04', reason: '開示資料の準備に時間を要するため' });
  await desk.ok('incidents.create', { discoveredAt: '2026-11-03T09:00:00+09:00', summary: '誤送信', categories: ['name'], peopleCount: 1, unlawfulSuspected: false });
  await withdraw(desk, pending.id);
  await desk.ok('provisions.create', { partnerId: ad.id, providedOn: '2026-11-04', items: '氏名', basis: 'consent', customerIds: [c1] });

  await on(desk, '2026-11-25');
  return { numbers: { lateCompletion: late.number, quickCompletion: quick.number, secondCompletion: second.number } };
}
