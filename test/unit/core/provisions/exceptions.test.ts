// The policy's four exceptions (§5.1, APPI Art. 27(1)): a written justification and an officer's approval, never one's own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Partner, ProvisionDetail } from '../../../../src-shared/registers';
import { asOfficer, errorOf, signInAs, staffMember, type TestDesk } from '../../helpers/desk';
import { addPartner, makeCustomers, openOffice, police, printingDesk, secondOfficer } from './office';

let desk: TestDesk;
let station: Partner;
let c: { id: string; customerNo: string }[];
const db = () => desk.core.desk.requireDb();
const justification = '渋谷警察署長からの捜査関係事項照会書（刑事訴訟法第197条第2項、令和8年11月24日付）による照会';
const policeRequest = (customerId: string, more: Record<string, unknown> = {}) => ({
  partnerId: station.id,
  providedOn: '2026-11-25',
  items: '氏名、住所、電話番号、注文履歴',
  basis: 'publicInstitution',
  justification,
  customerIds: [customerId],
  ...more,
});

beforeAll(async () => {
  desk = printingDesk();
  await openOffice(desk, [staffMember, secondOfficer]);
  station = await addPartner(desk, police);
  c = await makeCustomers(desk, 'C', 4);
}, 60_000);
afterAll(async () => desk.dispose());

describe('a police request (exception)', () => {
  it('needs a written justification', async () => {
    await signInAs(desk, staffMember);
    expect(errorOf(await desk.call('provisions.create', policeRequest(c[0]!.id, { justification: undefined })))).toMatchObject({
      code: 'VALIDATION',
      message: 'provision.justificationRequired',
      details: { path: 'justification' },
    });
    expect(errorOf(await desk.call('provisions.create', policeRequest(c[0]!.id, { justification: '   ' })))).toMatchObject({ message: 'provision.justificationRequired' });
  });

  it('recorded by staff, needs no consent, waits for the officer; staff cannot approve it; the officer does', async () => {
    await signInAs(desk, staffMember);
    const recorded = await desk.ok<ProvisionDetail>('provisions.create', policeRequest(c[0]!.id));
    expect(recorded).toMatchObject({ state: 'awaitingApproval', basis: 'publicInstitution', justification, customerCount: 1, decidedAt: null });
    expect(recorded.customers).toEqual([{ customerId: c[0]!.id, customerNo: 'C-0001', consentId: null }]);
    expect(errorOf(await desk.call('provisions.approveException', { id: recorded.id, decision: 'approve' }))).toMatchObject({ code: 'FORBIDDEN' });

    await asOfficer(desk);
    const approved = await desk.ok<ProvisionDetail>('provisions.approveException', { id: recorded.id, decision: 'approve' });
    expect(approved).toMatchObject({ state: 'recorded', decidedByName: '南 真美', decidedAt: desk.clock.now.toISOString() });
    const event = await db().selectFrom('audit_events').selectAll().where('action', '=', 'provisions.approveException').where('outcome', '=', 'ok').executeTakeFirstOrThrow();
    expect(event).toMatchObject({ target_type: 'provision', target_id: recorded.id });
    expect(JSON.parse(event.details!)).toEqual({ decision: 'approve', state: 'recorded', basis: 'publicInstitution' });
  });

  it('cannot be approved by the one who recorded it: the officer who records it needs a second officer', async () => {
    await asOfficer(desk);
    const recorded = await desk.ok<ProvisionDetail>('provisions.create', policeRequest(c[1]!.id));
    expect(errorOf(await desk.call('provisions.approveException', { id: recorded.id, decision: 'approve' }))).toMatchObject({ code: 'FORBIDDEN', message: 'provision.ownRecord' });
    expect((await desk.ok<ProvisionDetail>('provisions.get', { id: recorded.id })).state).toBe('awaitingApproval');
    const refusals = await db().selectFrom('audit_events').select('details').where('action', '=', 'provisions.approveException').where('outcome', '=', 'denied').orderBy('seq').execute();
    expect(JSON.parse(refusals.at(-1)!.details!)).toEqual({ code: 'FORBIDDEN', reason: 'provision.ownRecord' });

    await signInAs(desk, secondOfficer);
    expect(await desk.ok<ProvisionDetail>('provisions.approveException', { id: recorded.id, decision: 'approve' })).toMatchObject({ state: 'recorded', decidedByName: secondOfficer.displayName });
    // Decided once: a second decision is refused.
    expect(errorOf(await desk.call('provisions.approveException', { id: recorded.id, decision: 'reject', reason: '重複' }))).toMatchObject({ code: 'CONFLICT', message: 'provision.decided' });
  });

  it('the database itself refuses a decision by the recorder, whatever the code does', async () => {
    await asOfficer(desk);
    const recorded = await desk.ok<ProvisionDetail>('provisions.create', policeRequest(c[2]!.id));
    const { recorded_by } = await db().selectFrom('provisions').select('recorded_by').where('id', '=', recorded.id).executeTakeFirstOrThrow();
    expect(recorded_by).toBe(desk.core.desk.session!.accountId);
    await expect(db().updateTable('provisions').set({ state: 'recorded', decided_by: recorded_by }).where('id', '=', recorded.id).execute()).rejects.toThrow(/CHECK constraint failed/);
    expect((await desk.ok<ProvisionDetail>('provisions.get', { id: recorded.id })).state).toBe('awaitingApproval');
  });

  it('may be rejected with a reason, and is then no provision', async () => {
    await signInAs(desk, staffMember);
    const recorded = await desk.ok<ProvisionDetail>('provisions.create', policeRequest(c[3]!.id, { basis: 'protectCompanyRights', justification: '不正注文の疑い（利用規約第12条違反）につき調査会社へ提供' }));
    await signInAs(desk, secondOfficer);
    expect(errorOf(await desk.call('provisions.approveException', { id: recorded.id, decision: 'reject' }))).toMatchObject({ code: 'VALIDATION' });
    const rejected = await desk.ok<ProvisionDetail>('provisions.approveException', { id: recorded.id, decision: 'reject', reason: '本人の同意を得ることが困難とはいえないため' });
    expect(rejected).toMatchObject({ state: 'rejected', rejectionReason: '本人の同意を得ることが困難とはいえないため', decidedByName: secondOfficer.displayName });
    // Of the four, only the one the database kept from being self-approved still waits.
    const waiting = await desk.ok<{ rows: { number: string; state: string }[]; total: number }>('provisions.list', { state: 'awaitingApproval' });
    expect(waiting).toMatchObject({ total: 1, rows: [{ number: 'P-2026-0003', state: 'awaitingApproval' }] });
  });
});
