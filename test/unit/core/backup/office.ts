// A small privacy office worth backing up: the officer, a staff member with a signed statement, two customers, a
// request from one of them with a redacted ID copy; and what the backup and key tests look for in it afterwards.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { verifyChain } from '../../../../electron/core/audit/chain';
import type { CustomerRow } from '../../../../src-shared/customers';
import type { RequestDetail } from '../../../../src-shared/requests';
import { sato, yamada } from '../../../fixtures/customers';
import { licencePhoto } from '../../../fixtures/id-copies';
import { asUpload, scannedPdf } from '../../../fixtures/scans';
import { addAccount, asOfficer, officer, setUpDesk, signInAs, staffMember, type TestDesk } from '../../helpers/desk';

export { officer, staffMember };

export type Office = TestDesk & { recoveryKey: string; staffId: string; requestId: string };

export async function backupOffice(): Promise<Office> {
  const desk = await setUpDesk();
  const staffId = await addAccount(desk, staffMember);
  await desk.ok('statements.record', { accountId: staffId, templateVersion: 1, signedOn: '2026-11-01', trainingOn: '2026-11-01', scan: asUpload(scannedPdf('signed by sato'), 'statement.pdf', 'application/pdf') });
  await signInAs(desk, staffMember);
  await asOfficer(desk);
  const yamadaId = (await desk.ok<{ id: string }>('customers.create', yamada)).id;
  await desk.ok('customers.create', sato);
  const request = await desk.ok<RequestDetail>('requests.create', {
    kind: 'disclosure',
    channel: 'counter',
    receivedOn: '2026-11-25',
    requesterKind: 'person',
    requester: { name: yamada.name, nameKana: yamada.nameKana, email: yamada.emails![0]!.address, address: '東京都渋谷区神宮前1-2-3', birthDate: yamada.birthDate },
    customerId: yamadaId,
    asked: '保有個人データの開示を求めます。',
    disclosureForm: 'electronic',
  });
  await desk.ok('idcopies.attach', {
    requestId: request.id,
    documentType: 'driversLicence',
    image: { mediaType: 'image/jpeg', dataBase64: (await licencePhoto()).toString('base64') },
    redactions: [{ x: 0.1, y: 0.2, width: 0.3, height: 0.25 }],
  });
  return Object.assign(desk, { staffId, requestId: request.id });
}

/** Strings that must never appear in a backup file: a customer's name, e-mail and phone, an employee, the passwords. */
export const personalStrings = [yamada.name, yamada.nameKana, yamada.emails![0]!.address, yamada.phones![0]!.number, sato.emails![0]!.address, staffMember.displayName, officer.manager.email, officer.password, staffMember.password];

const sha = (bytes: Buffer | null) => (bytes ? createHash('sha256').update(bytes).digest('hex') : null);

/** What a restore must bring back, read from the open desk: customers, the request, ID copy and statement files. */
export async function officeContents(desk: TestDesk) {
  const db = desk.core.desk.requireDb();
  const customers = await desk.ok<{ rows: CustomerRow[]; total: number }>('customers.search', { query: '' });
  const idCopies = await db.selectFrom('id_copies').select(['id', 'image']).orderBy('id').execute();
  const statements = await db.selectFrom('statements').select(['id', 'scan']).orderBy('id').execute();
  const requests = await db.selectFrom('requests').select(['id', 'kind', 'state']).orderBy('id').execute();
  return {
    customers: customers.rows.map((c) => c.customerNo).sort(),
    requests,
    idCopies: idCopies.map((c) => ({ id: c.id, image: sha(c.image) })),
    statements: statements.map((s) => ({ id: s.id, scan: sha(s.scan) })),
  };
}

export async function chainOf(desk: TestDesk) {
  return verifyChain(desk.core.desk.requireDb());
}

export const filesIn = (folder: string) => readdirSync(folder).sort();
