// The privacy office of the proposal and task tests: an officer, a second officer, a staff member with a statement on
// file, customers known to the order and mail systems, and a request taken as far as a verified ID copy.
import sharp from 'sharp';
import type { CustomerInput } from '../../../../src-shared/api/customer-input';
import type { RequestIntake } from '../../../../src-shared/api/requests';
import type { CustomerRecord } from '../../../../src-shared/customers';
import type { CompanySystem, RequestDetail } from '../../../../src-shared/requests';
import { sato, yamada, yamamoto } from '../../../fixtures/customers';
import { asUpload, scannedPdf } from '../../../fixtures/scans';
import { addAccount, asOfficer, setUpDesk, signInAs, staffMember, type Person, type TestDesk } from '../../helpers/desk';

export const secondOfficer: Person = {
  displayName: '北村 理沙',
  loginId: 'kitamura',
  role: 'officer',
  department: '個人情報保護室',
  temporaryPassword: 'karipasu-kitamura-2026',
  password: 'kitamura-no-aikotoba-2026',
};

/** Yamada as the order and mail systems know him: a mail-delivery subscriber id and an ad id beside the access log. */
export const yamadaKnown: CustomerInput = {
  ...yamada,
  identifiers: [
    ...(yamada.identifiers ?? []),
    { kind: 'cookie', value: 'mlsub-7f3a9c21', system: 'mail-delivery' },
    { kind: 'advertising', value: 'ad-5e1b-88d0', system: 'ad-network' },
  ],
  consents: [
    { purposeId: '3.1', on: '2024-05-01', channel: 'web' },
    { purposeId: '3.6', on: '2024-05-01', channel: 'web' },
  ],
};
export const satoWithMarketing: CustomerInput = { ...sato, consents: [{ purposeId: '3.6', on: '2025-02-01', channel: 'email' }] };

export interface Office {
  desk: TestDesk;
  staffId: string;
  officerId: string;
  secondOfficerId: string;
  customers: Record<'yamada' | 'sato' | 'yamamoto', string>;
  systems: Record<'orders' | 'mail' | 'ads', CompanySystem>;
}

export async function setUpOffice(): Promise<Office> {
  const desk = await setUpDesk();
  const staffId = await addAccount(desk, staffMember);
  const secondOfficerId = await addAccount(desk, secondOfficer);
  await desk.ok('statements.record', { accountId: staffId, templateVersion: 1, signedOn: '2026-11-01', trainingOn: '2026-11-01', scan: asUpload(scannedPdf(), 's.pdf', 'application/pdf') });
  const officerId = desk.core.desk.session!.accountId;
  const create = async (c: CustomerInput) => (await desk.ok<CustomerRecord>('customers.create', c)).id;
  const customers = { yamada: await create(yamadaKnown), sato: await create(satoWithMarketing), yamamoto: await create(yamamoto) };
  const system = (name: string, key: string, ownerName: string, ownerContact: string, holdsEveryCustomer: boolean) =>
    desk.ok<CompanySystem>('systems.save', { name, key, ownerName, ownerContact, holdsEveryCustomer });
  const systems = {
    orders: await system('受注管理システム', 'orders', '受注チーム 木村', 'kimura@shop.example.co.jp', true),
    mail: await system('メール配信', 'mail-delivery', '販促チーム 森', 'mori@shop.example.co.jp', false),
    // Ended last year: it holds nobody any more, whatever identifiers still name it.
    ads: await system('旧広告連携', 'ad-network', '販促チーム 森', 'mori@shop.example.co.jp', false),
  };
  systems.ads = await desk.ok<CompanySystem>('systems.save', { id: systems.ads.id, name: '旧広告連携', key: 'ad-network', ownerName: '販促チーム 森', ownerContact: 'mori@shop.example.co.jp', holdsEveryCustomer: false, ended: true });
  return { desk, staffId, officerId, secondOfficerId, customers, systems };
}

/** An ID copy as a scanner gives it: a pale card-sized image. */
async function licenceImage(): Promise<string> {
  const png = await sharp({ create: { width: 640, height: 400, channels: 3, background: { r: 230, g: 236, b: 240 } } }).png().toBuffer();
  return png.toString('base64');
}

/**
 * The officer registers the request about a customer, attaches a driver's licence copy and checks it against the record:
 * the request is then in progress with a verified identity. `verify: false` stops before the check.
 */
export async function verifiedRequest(
  office: Office,
  kind: RequestIntake['kind'],
  customer: keyof Office['customers'],
  options: { purposeId?: string; requester?: RequestIntake['requester']; verify?: boolean } = {},
): Promise<RequestDetail> {
  const { desk } = office;
  await asOfficer(desk);
  const requester = options.requester ?? { name: '山田 太郎', email: 'yamada.taro@example.jp' };
  const created = await desk.ok<RequestDetail>('requests.create', {
    kind,
    ...(options.purposeId ? { purposeId: options.purposeId } : {}),
    channel: 'email',
    receivedOn: '2026-11-24',
    requesterKind: 'person',
    requester,
    asked: '登録情報について対応をお願いします。',
    customerId: office.customers[customer],
  });
  const attached = await desk.ok<RequestDetail>('idcopies.attach', {
    requestId: created.id,
    documentType: 'driversLicence',
    side: 'front',
    image: { mediaType: 'image/png', dataBase64: await licenceImage() },
    redactions: [{ x: 0.6, y: 0.7, width: 0.3, height: 0.1 }],
  });
  if (options.verify === false) return attached;
  return desk.ok<RequestDetail>('idcopies.verify', { id: attached.idCopies[0]!.id, nameMatches: true, addressMatches: true, birthDateMatches: true, result: 'verified' });
}

export { asOfficer, signInAs, staffMember };
