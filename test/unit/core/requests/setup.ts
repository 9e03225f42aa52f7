// A desk for the request register's tests: the officer, a staff member with a statement on file, customers, and what people ask.
import type { RequestIntake } from '../../../../src-shared/api/requests';
import type { CustomerRecord } from '../../../../src-shared/customers';
import type { RequestDetail } from '../../../../src-shared/requests';
import { allCustomers, yamada } from '../../../fixtures/customers';
import { asUpload, scannedPdf, scannedPng } from '../../../fixtures/scans';
import { addAccount, asOfficer, setUpDesk, signInAs, staffMember, type TestDesk } from '../../helpers/desk';

export interface RequestDesk {
  desk: TestDesk;
  staffId: string;
  /** Customer ids by customer number. */
  customers: Record<string, string>;
}

export async function setUpRequestDesk(): Promise<RequestDesk> {
  const desk = await setUpDesk();
  const staffId = await addAccount(desk, staffMember);
  await desk.ok('statements.record', { accountId: staffId, templateVersion: 1, signedOn: '2026-11-01', trainingOn: '2026-11-01', scan: asUpload(scannedPdf(), 's.pdf', 'application/pdf') });
  const customers: Record<string, string> = {};
  for (const c of allCustomers) customers[c.customerNo] = (await desk.ok<CustomerRecord>('customers.create', c)).id;
  await signInAs(desk, staffMember);
  return { desk, staffId, customers };
}

/** 山田 太郎 asks by e-mail to see what the shop holds about him (received on Friday 20 November 2026). */
export const yamadaAsksDisclosure: RequestIntake = {
  kind: 'disclosure',
  channel: 'email',
  receivedOn: '2026-11-20',
  requesterKind: 'person',
  requester: {
    name: yamada.name,
    nameKana: yamada.nameKana,
    email: 'yamada.taro@example.jp',
    phone: '090-1234-5678',
    postalCode: '150-0001',
    address: '東京都渋谷区神宮前1-2-3 メゾン神宮前101',
    birthDate: '1985-04-12',
  },
  asked: '貴社が保有する私の個人データ一式と、第三者提供の記録の開示を電子データで求めます。山田太郎',
};

/** The trail's rows for an action, newest first. */
export function auditRows(desk: TestDesk, action: string) {
  return desk.core.desk.requireDb().selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('seq', 'desc').execute();
}

/** Moves the desk's clock to a local time in Japan and signs in again (weeks away, the idle lock has long fired). */
export async function clockTo(desk: TestDesk, isoJst: string, who: 'officer' | 'staff'): Promise<void> {
  desk.clock.now = new Date(isoJst);
  if (who === 'officer') await asOfficer(desk);
  else await signInAs(desk, staffMember);
}

/** The staff member attaches the person's driver's licence and confirms it against the record (and a proxy's authority). */
export async function verifyIdentity(desk: TestDesk, requestId: string, proxy = false): Promise<RequestDetail> {
  const attached = await desk.ok<RequestDetail>('idcopies.attach', {
    requestId,
    documentType: 'driversLicence',
    image: { mediaType: 'image/png', dataBase64: scannedPng().toString('base64') },
    redactions: [{ x: 0.1, y: 0.1, width: 0.3, height: 0.2 }],
  });
  const copy = attached.idCopies.at(-1)!;
  return desk.ok<RequestDetail>('idcopies.verify', { id: copy.id, nameMatches: true, addressMatches: true, birthDateMatches: true, ...(proxy ? { authorityConfirmed: true } : {}), result: 'verified' });
}
