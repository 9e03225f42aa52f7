// A realistic office for the dashboard's stories: requests in every state (some late, some due within days), a
// proposal and a police request waiting for the officer, a reportable leak, statements due, a locked account, refusals.
import { lockout } from '../../../../src-shared/domain';
import type { RequestIntake } from '../../../../src-shared/api/requests';
import type { RequestDetail } from '../../../../src-shared/requests';
import { asUpload, scannedPdf } from '../../../fixtures/scans';
import { addAccount, asOfficer, auditorPerson, signInAs, staffMember, type Person, type TestDesk } from '../../helpers/desk';
import { addPartner, makeCustomers, police } from '../provisions/office';
import { setUpRequestDesk, verifyIdentity, yamadaAsksDisclosure } from '../requests/setup';

export const newcomer: Person = {
  displayName: '鈴木 新',
  loginId: 'suzuki',
  role: 'staff',
  department: 'カスタマーサポート',
  temporaryPassword: 'karipasu-suzuki-2026-11',
  password: 'suzuki-no-aikotoba-2026',
};
export const leaver: Person = {
  displayName: '伊藤 退',
  loginId: 'ito',
  role: 'staff',
  department: '物流部',
  temporaryPassword: 'karipasu-ito-2026-11-25',
  password: 'ito-no-aikotoba-2026-11',
};

export interface SeededOffice {
  desk: TestDesk;
  staffId: string;
  /** The staff member's requests by what the story made of them. */
  staffRequests: Record<'late1' | 'late2' | 'dueTomorrow' | 'dueFriday' | 'fresh' | 'checking' | 'proposed' | 'withdrawn', string>;
  officerRequestId: string;
}

const scan = asUpload(scannedPdf(), 's.pdf', 'application/pdf');
const ask = (receivedOn: string, customerId?: string): RequestIntake => ({ ...yamadaAsksDisclosure, receivedOn, ...(customerId ? { customerId } : {}) });

/** The fake clock stands at Wednesday 25 November 2026, 10:00 in Tokyo; the due date is 14 business days. */
export async function seedOffice(): Promise<SeededOffice> {
  const { desk, staffId } = await setUpRequestDesk();
  await asOfficer(desk);
  const customers = await makeCustomers(desk, 'D', 4);
  const stationId = (await addPartner(desk, police)).id;

  // Statements: one runs out within 30 days, one has run out, the auditor has none (policy §4.1).
  const newcomerId = await addAccount(desk, newcomer);
  const leaverId = await addAccount(desk, leaver);
  await addAccount(desk, auditorPerson);
  await desk.ok('statements.record', { accountId: newcomerId, templateVersion: 1, signedOn: '2025-12-10', trainingOn: '2025-12-10', renewalOn: '2026-12-10', scan });
  await desk.ok('statements.record', { accountId: leaverId, templateVersion: 1, signedOn: '2025-10-01', trainingOn: '2025-10-01', renewalOn: '2026-11-01', scan });
  const officerRequestId = (await desk.ok<RequestDetail>('requests.create', ask('2026-11-24'))).id;

  await signInAs(desk, staffMember);
  const create = async (receivedOn: string, customerId?: string) => (await desk.ok<RequestDetail>('requests.create', ask(receivedOn, customerId))).id;
  const staffRequests = {
    late1: await create('2026-10-01'),
    late2: await create('2026-10-20'),
    // 14 business days on: due Thursday 26 and Friday 27 November, inside the next 3 business days.
    dueTomorrow: await create('2026-11-05'),
    dueFriday: await create('2026-11-06'),
    fresh: await create('2026-11-25'),
    checking: await create('2026-11-20'),
    proposed: await create('2026-11-19', customers[0]!.id),
    withdrawn: await create('2026-11-18', customers[1]!.id),
  };
  await desk.ok('requests.transition', { id: staffRequests.checking, to: 'identityCheck' });
  await verifyIdentity(desk, staffRequests.proposed);
  await desk.ok('proposals.create', { requestId: staffRequests.proposed, kind: 'disclose', note: '本人確認済み。開示を提案します。' });
  // Its ID copy stays until its erasure day, 30 days after the request closed.
  await verifyIdentity(desk, staffRequests.withdrawn);
  await desk.ok('requests.transition', { id: staffRequests.withdrawn, to: 'withdrawn', note: '本人から取り下げの連絡' });
  // A police enquiry waits for the officer's approval (APPI Art. 27(1) exception).
  await desk.ok('provisions.create', {
    partnerId: stationId,
    providedOn: '2026-11-25',
    items: '氏名、住所、電話番号',
    basis: 'publicInstitution',
    justification: '渋谷警察署長からの捜査関係事項照会書（刑事訴訟法第197条第2項）による照会',
    customerIds: [customers[2]!.id],
  });
  // A leak found yesterday: card data, reportable; its preliminary report is due within days.
  await desk.ok('incidents.create', {
    discoveredAt: new Date(desk.clock.now.getTime() - 24 * 3600_000).toISOString(),
    summary: '決済連携ファイルに1名分のカード情報が含まれていた。',
    categories: ['financial'],
    peopleCount: 1,
    unlawfulSuspected: false,
    cause: '手順変更時の確認漏れ',
    measures: '連携先に削除を依頼',
    customerIds: [customers[3]!.id],
  });
  // Two calls the staff member may not make: refused and recorded.
  await desk.call('accounts.list', {});
  await desk.call('retention.periods', {});

  // Someone tries the newcomer's account with wrong passwords until the desk locks it.
  await desk.ok('auth.logout');
  for (let i = 0; i < lockout.attempts; i++) await desk.call('auth.login', { loginId: newcomer.loginId, password: 'wrong-password-guess' });
  return { desk, staffId, staffRequests, officerRequestId };
}
