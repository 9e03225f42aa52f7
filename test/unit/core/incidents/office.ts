// The privacy office of the incident tests: the officer, a staff member with a statement on file, the auditor, and
// customers of the shop, one of whom gave no e-mail address.
import type { CustomerInput } from '../../../../src-shared/api/customer-input';
import type { CustomerRecord } from '../../../../src-shared/customers';
import type { IncidentDetail } from '../../../../src-shared/registers';
import { sato, tanaka, yamada, yamamoto } from '../../../fixtures/customers';
import { asUpload, scannedPdf } from '../../../fixtures/scans';
import { addAccount, asOfficer, auditorPerson, setUpDesk, signInAs, staffMember, type TestDesk } from '../../helpers/desk';

/** Tanaka as she registered by post: no e-mail address, so a leak notice to her goes as a letter. */
export const tanakaByPost: CustomerInput = { ...tanaka, emails: [] };

export interface Office {
  desk: TestDesk;
  customers: Record<'yamada' | 'sato' | 'yamamoto' | 'tanaka', CustomerRecord>;
}

export async function setUpOffice(): Promise<Office> {
  const desk = await setUpDesk();
  const staffId = await addAccount(desk, staffMember);
  await addAccount(desk, auditorPerson);
  await desk.ok('statements.record', { accountId: staffId, templateVersion: 1, signedOn: '2026-11-01', trainingOn: '2026-11-01', scan: asUpload(scannedPdf(), 's.pdf', 'application/pdf') });
  const create = (c: CustomerInput) => desk.ok<CustomerRecord>('customers.create', c);
  const customers = { yamada: await create(yamada), sato: await create(sato), yamamoto: await create(yamamoto), tanaka: await create(tanakaByPost) };
  await signInAs(desk, staffMember);
  return { desk, customers };
}

/** Moves the desk's clock and signs in again, as after a night away (the idle lock has fallen meanwhile). */
export async function clockTo(desk: TestDesk, isoJst: string, who: 'officer' | 'staff' = 'staff'): Promise<void> {
  desk.clock.now = new Date(isoJst);
  if (who === 'officer') await asOfficer(desk);
  else await signInAs(desk, staffMember);
}

/** A leak as the office first writes it down; the test changes what it is about. */
export function leak(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    discoveredAt: '2026-11-20T14:00:00+09:00',
    summary: '配送委託先の誤送信により、お客様情報を含むファイルが第三者に送付されました。',
    categories: ['name', 'contact'],
    peopleCount: 1,
    unlawfulSuspected: false,
    ...overrides,
  };
}

export async function record(desk: TestDesk, overrides: Record<string, unknown> = {}): Promise<IncidentDetail> {
  return desk.ok<IncidentDetail>('incidents.create', leak(overrides));
}

export async function auditEvents(desk: TestDesk, targetId: string) {
  return desk.core.desk.requireDb().selectFrom('audit_events').selectAll().where('target_id', '=', targetId).orderBy('seq').execute();
}
