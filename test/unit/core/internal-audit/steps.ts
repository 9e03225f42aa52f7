// A desk for the internal audit's tests: the officer, two staff members, the auditor, this year's audit plan, and the
// words of a finding and its action that must stay out of the audit trail.
import type { AuditPlan, CorrectionDetail, FindingDetail } from '../../../../src-shared/api/internal-audit';
import { addAccount, asOfficer, auditorPerson, setUpDesk, signInAs, staffMember, type Person, type TestDesk } from '../../helpers/desk';

/** A second staff member, who owns no action in these stories. */
export const otherStaff: Person = {
  displayName: '田中 美咲',
  loginId: 'tanaka-m',
  role: 'staff',
  department: 'EC運営部',
  temporaryPassword: 'karipasu-tanaka-2026-11',
  password: 'tanaka-no-himitsu-aikotoba',
};

export interface AuditDesk {
  desk: TestDesk;
  ids: { officer: string; staff: string; otherStaff: string; auditor: string };
}

/** Signed in as the officer. The desk's clock reads Wednesday 25 November 2026, 10:00 in Tokyo. */
export async function setUpAuditDesk(): Promise<AuditDesk> {
  const desk = await setUpDesk();
  const staff = await addAccount(desk, staffMember);
  const other = await addAccount(desk, otherStaff);
  const auditor = await addAccount(desk, auditorPerson);
  for (const person of [staffMember, otherStaff, auditorPerson]) await signInAs(desk, person);
  await asOfficer(desk);
  const officer = desk.core.desk.session!.accountId;
  return { desk, ids: { officer, staff, otherStaff: other, auditor } };
}

export const as = {
  officer: (desk: TestDesk) => asOfficer(desk),
  staff: (desk: TestDesk) => signInAs(desk, staffMember),
  otherStaff: (desk: TestDesk) => signInAs(desk, otherStaff),
  auditor: (desk: TestDesk) => signInAs(desk, auditorPerson),
};

export function planThisYear(desk: TestDesk, leadAuditorId: string): Promise<AuditPlan> {
  return desk.ok<AuditPlan>('auditplans.create', {
    year: 2026,
    scope: 'カスタマーサポート部・情報システム部。JIS Q 15001 A.3.4.3 安全管理措置',
    periodFrom: '2026-11-09',
    periodTo: '2026-11-20',
    leadAuditorId,
  });
}

/** What the auditor saw at the support desk: free text that names a person, kept out of the trail. */
export const unlockedScreen = {
  requirement: 'A.3.4.3.2 安全管理措置（離席時の画面ロック）',
  description: '佐藤健さんの端末が離席中にロックされず、顧客の住所が表示されたままだった。',
};
export const actionWords = {
  cause: '自動ロックの時間が60分に設定されていた。',
  action: '自動ロックを5分に短縮し、離席時のWindowsキー+Lを朝会で周知する。',
  report: '全端末の設定を5分に変更し、朝会で周知した。',
  returned: '1台だけ60分のままだった（受付横の共用端末）。',
  closed: '全台の設定画面を確認した。',
};
/** Words of the finding and its action that must never appear in the audit trail. */
export const traces = [/佐藤/, /健/, /住所/, /60分/, /Windows/, /共用端末/, /設定画面/, /ロック/];

export function recordUnlockedScreen(desk: TestDesk, planId: string, accountId: string): Promise<FindingDetail> {
  return desk.ok<FindingDetail>('findings.record', { planId, foundOn: '2026-11-12', grade: 'minorNonconformity', ...unlockedScreen, target: { kind: 'account', id: accountId } });
}

export function openAction(desk: TestDesk, findingId: string, ownerId: string, dueOn = '2026-12-10'): Promise<CorrectionDetail> {
  return desk.ok<CorrectionDetail>('corrections.open', { findingId, cause: actionWords.cause, action: actionWords.action, ownerId, dueOn });
}

/** The trail's rows for the internal audit's calls, oldest first. */
export function auditTrail(desk: TestDesk) {
  return desk.core.desk
    .requireDb()
    .selectFrom('audit_events')
    .selectAll()
    .where((eb) => eb.or(['auditplans.%', 'findings.%', 'corrections.%', 'managementReviews.%'].map((p) => eb('action', 'like', p))))
    .orderBy('seq')
    .execute();
}
