// A desk with a staff member who may open requests (statement on file), and requests from the person to check.
import type { RequestDetail } from '../../../../src-shared/requests';
import { asUpload, scannedPdf } from '../../../fixtures/scans';
import { addAccount, setUpDesk, signInAs, staffMember, type TestDesk } from '../../helpers/desk';

export async function deskWithStaff(): Promise<TestDesk & { staffId: string }> {
  const desk = await setUpDesk();
  const staffId = await addAccount(desk, staffMember);
  await desk.ok('statements.record', { accountId: staffId, templateVersion: 1, signedOn: '2026-11-01', trainingOn: '2026-11-01', scan: asUpload(scannedPdf(), 's.pdf', 'application/pdf') });
  await signInAs(desk, staffMember);
  return Object.assign(desk, { staffId });
}

export const requesterYamada = { name: '山田 太郎', nameKana: 'ヤマダ タロウ', email: 'yamada.taro@example.jp', address: '東京都杉並区高円寺南1-2-3', birthDate: '1985-04-12' };

/** The person asks, at the counter, to see what the company holds about them. */
export async function disclosureRequest(desk: TestDesk, extra: Record<string, unknown> = {}): Promise<RequestDetail> {
  return desk.ok<RequestDetail>('requests.create', {
    kind: 'disclosure',
    channel: 'counter',
    receivedOn: '2026-11-25',
    requesterKind: 'person',
    requester: requesterYamada,
    asked: '保有個人データの開示を求めます。',
    disclosureForm: 'electronic',
    ...extra,
  });
}

/** A mother asks for her son's data as his legal representative, with the family register extract as proof. */
export async function proxyRequest(desk: TestDesk): Promise<RequestDetail> {
  return disclosureRequest(desk, { requesterKind: 'proxy', proxy: { name: '山田 花子', relationship: '法定代理人（母）', authority: '戸籍謄本' } });
}
