// Purposes of use and consents: the marketing list holds only customers with a standing prior approval (policy §3.6).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentRecord, CustomerRecord, CustomerRow, PolicyVersion, Purpose } from '../../../../src-shared/customers';
import { allCustomers } from '../../../fixtures/customers';
import { asUpload, scannedPdf } from '../../../fixtures/scans';
import { addAccount, asOfficer, errorOf, setUpDesk, signInAs, staffMember, type TestDesk } from '../../helpers/desk';

let desk: TestDesk;
const ids: Record<string, string> = {};

beforeAll(async () => {
  desk = await setUpDesk();
  const staffId = await addAccount(desk, staffMember);
  await desk.ok('statements.record', { accountId: staffId, templateVersion: 1, signedOn: '2026-11-01', trainingOn: '2026-11-01', scan: asUpload(scannedPdf(), 's.pdf', 'application/pdf') });
  for (const c of allCustomers) ids[c.customerNo] = (await desk.ok<CustomerRecord>('customers.create', c)).id;
  await signInAs(desk, staffMember);
});
afterAll(async () => desk.dispose());

const marketingList = async () => (await desk.ok<{ rows: CustomerRow[]; total: number }>('customers.marketingList', { page: 0, pageSize: 50 }));
type Listed = { version: PolicyVersion; purposes: Purpose[]; versions: PolicyVersion[] };

describe('purposes of use', () => {
  it('are the policy\'s 3.1 to 3.8 in Japanese and English, with 3.6 opt-in', async () => {
    const listed = await desk.ok<Listed>('purposes.list');
    expect(listed.version.version).toBe(1);
    expect(listed.purposes.map((p) => p.id)).toEqual(['3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '3.7', '3.8']);
    expect(listed.purposes.filter((p) => p.optIn).map((p) => p.id)).toEqual(['3.6']);
    expect(listed.purposes[5]).toMatchObject({ titleJa: expect.stringContaining('事前の同意'), titleEn: expect.stringContaining('prior approval') });
  });

  it('the officer changes a purpose, which makes policy version 2; the old version stays readable; 3.6 cannot lose its opt-in', async () => {
    await asOfficer(desk);
    const { purposes } = await desk.ok<Listed>('purposes.list');
    const changed = purposes.map((p) => (p.id === '3.5' ? { ...p, descriptionEn: `${p.descriptionEn} Reviews included.` } : p));
    const v2 = await desk.ok<Listed>('purposes.update', { effectiveOn: '2026-12-01', purposes: changed });
    expect(v2.version).toMatchObject({ version: 2, effectiveOn: '2026-12-01' });
    expect(v2.purposes.find((p) => p.id === '3.5')!.descriptionEn).toContain('Reviews included.');
    const v1 = await desk.ok<Listed>('purposes.list', { version: 1 });
    expect(v1.purposes.find((p) => p.id === '3.5')!.descriptionEn).not.toContain('Reviews');
    expect(errorOf(await desk.call('purposes.update', { effectiveOn: '2026-12-01', purposes: changed })).message).toBe('purposes.unchanged');
    expect(errorOf(await desk.call('purposes.update', { effectiveOn: '2026-12-01', purposes: changed.map((p) => ({ ...p, optIn: false })) })).message).toBe('purpose.marketingOptIn');
    expect(errorOf(await desk.call('purposes.update', { effectiveOn: '2026-12-01', purposes: changed.slice(1) })).details).toEqual({ ids: ['3.1'] });
    const audit = await desk.core.desk.requireDb().selectFrom('audit_events').selectAll().where('action', '=', 'purposes.update').where('outcome', '=', 'ok').execute();
    expect(audit.map((a) => JSON.parse(a.fields!))).toEqual([['purposes.3.5']]);
    await signInAs(desk, staffMember);
    expect(errorOf(await desk.call('purposes.update', { effectiveOn: '2026-12-01', purposes: changed })).code).toBe('FORBIDDEN');
  });
});

describe('the marketing list', () => {
  it('nobody appears on the marketing list without prior approval; a withdrawal removes them at once', async () => {
    await signInAs(desk, staffMember);
    // Consents to other purposes (3.1 for 山田) do not count.
    expect(await marketingList()).toMatchObject({ rows: [], total: 0 });

    const after = await desk.ok<{ consents: ConsentRecord[] }>('consents.record', { customerId: ids['C-0002'], purposeId: '3.6', channel: 'email', givenOn: '2026-11-20' });
    // Version 2 takes effect on 1 December: a consent of today is given to version 1, the one in force.
    expect(after.consents.find((c) => c.purposeId === '3.6')).toEqual({ purposeId: '3.6', state: 'given', on: '2026-11-20', channel: 'email', policyVersion: 1 });
    await desk.ok('consents.record', { customerId: ids['C-0003'], purposeId: '3.6', channel: 'post', givenOn: '2026-11-21' });
    const listed = await marketingList();
    expect(listed.total).toBe(2);
    expect(listed.rows.map((r) => r.customerNo)).toEqual(['C-0002', 'C-0003']);
    // Staff see the list as they see any list: contact details masked.
    expect(listed.rows[0]).toMatchObject({ masked: true, email: 'h***@example.com' });

    const withdrawn = await desk.ok<{ consents: ConsentRecord[] }>('consents.withdraw', { customerId: ids['C-0002'], purposeId: '3.6', channel: 'phone' });
    expect(withdrawn.consents.find((c) => c.purposeId === '3.6')).toMatchObject({ state: 'withdrawn', on: '2026-11-25', channel: 'phone' });
    expect((await marketingList()).rows.map((r) => r.customerNo)).toEqual(['C-0003']);

    // The history keeps both steps; the withdrawal cannot be withdrawn twice.
    const events = await desk.core.desk.requireDb().selectFrom('consent_events').select(['state', 'channel']).where('customer_id', '=', ids['C-0002']!).where('purpose_id', '=', '3.6').orderBy('id').execute();
    expect(events).toEqual([{ state: 'given', channel: 'email' }, { state: 'withdrawn', channel: 'phone' }]);
    expect(errorOf(await desk.call('consents.withdraw', { customerId: ids['C-0002'], purposeId: '3.6' })).message).toBe('consent.notGiven');
  });

  it('a consent dated in the future, to an unknown purpose, or for an unknown customer is refused', async () => {
    await signInAs(desk, staffMember);
    expect(errorOf(await desk.call('consents.record', { customerId: ids['C-0001'], purposeId: '3.6', channel: 'web', givenOn: '2026-12-24' })).message).toBe('consent.inFuture');
    expect(errorOf(await desk.call('consents.record', { customerId: ids['C-0001'], purposeId: '4.1', channel: 'web', givenOn: '2026-11-01' })).message).toBe('purpose.unknown');
    expect(errorOf(await desk.call('consents.record', { customerId: '00000000-0000-4000-8000-000000000000', purposeId: '3.6', channel: 'web', givenOn: '2026-11-01' })).code).toBe('NOT_FOUND');
    expect(errorOf(await desk.call('consents.record', { customerId: ids['C-0001'], purposeId: '3.6', channel: 'fax', givenOn: '2026-11-01' })).code).toBe('VALIDATION');
    expect((await marketingList()).rows.map((r) => r.customerNo)).toEqual(['C-0003']);
  });

  it('consents are audited with the purpose and channel, and written to the change history', async () => {
    const db = desk.core.desk.requireDb();
    const event = await db.selectFrom('audit_events').selectAll().where('action', '=', 'consents.withdraw').where('outcome', '=', 'ok').executeTakeFirstOrThrow();
    expect(event).toMatchObject({ target_type: 'customer', target_id: ids['C-0002'] });
    expect(JSON.parse(event.details!)).toEqual({ purposeId: '3.6', state: 'withdrawn', channel: 'phone' });
    const changes = await db.selectFrom('customer_changes').select(['action', 'fields']).where('customer_id', '=', ids['C-0002']!).orderBy('id').execute();
    expect(changes.map((c) => c.action)).toEqual(['create', 'consent.given', 'consent.withdrawn']);
  });
});

describe('the record\'s history', () => {
  it('shows who registered the customer and who recorded and withdrew a consent, with field names and never values', async () => {
    await signInAs(desk, staffMember);
    const id = Object.values(ids)[0]!;
    await desk.call('consents.record', { customerId: id, purposeId: '3.4', channel: 'phone', givenOn: '2026-11-20' });
    await desk.ok('consents.withdraw', { customerId: id, purposeId: '3.4', channel: 'phone' });
    const record = await desk.ok<CustomerRecord>('customers.get', { id });
    expect(record.history.slice(0, 2).map((h) => [h.action, h.fields, h.actorName])).toEqual([
      ['consent.withdrawn', ['consents.3.4'], staffMember.displayName],
      ['consent.given', ['consents.3.4'], staffMember.displayName],
    ]);
    expect(record.history.at(-1)!.action).toBe('create');
    const raw = JSON.stringify(record.history);
    for (const value of [record.name, record.nameKana]) expect(raw).not.toContain(value);
  });
});
