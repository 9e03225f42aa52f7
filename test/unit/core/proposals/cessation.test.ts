// Cessations (APPI Art. 35): approved, they take effect at once in every list, with the consents they cover withdrawn.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRecord, CustomerRow } from '../../../../src-shared/customers';
import type { RequestDetail } from '../../../../src-shared/requests';
import { errorOf } from '../../helpers/desk';
import { asOfficer, setUpOffice, signInAs, staffMember, verifiedRequest, type Office } from './office';

let office: Office;
beforeAll(async () => {
  office = await setUpOffice();
});
afterAll(async () => office.desk.dispose());

const desk = () => office.desk;
const marketingList = async () => {
  const list = await desk().ok<{ rows: CustomerRow[]; total: number }>('customers.marketingList', { page: 0, pageSize: 50 });
  return { ids: list.rows.map((r) => r.id), total: list.total };
};
const record = async (id: string) => {
  await asOfficer(desk());
  return desk().ok<CustomerRecord>('customers.get', { id });
};

describe('a marketing cessation', () => {
  it('removes the customer from the marketing list at once, withdraws the consent and shows on the record', async () => {
    await asOfficer(desk());
    expect(await marketingList()).toEqual({ ids: [office.customers.sato, office.customers.yamada], total: 2 });

    const request = await verifiedRequest(office, 'cessationOfPurpose', 'sato', { purposeId: '3.6', requester: { name: '佐藤 花子', email: 'hanako.sato@example.com' } });
    await signInAs(desk(), staffMember);
    // The scope and the purpose follow the request: another scope or purpose does not fit it.
    expect(errorOf(await desk().call('proposals.create', { requestId: request.id, kind: 'cease', cessation: { scope: 'use' } }))).toMatchObject({ code: 'VALIDATION', message: 'proposal.kindMismatch' });
    expect(errorOf(await desk().call('proposals.create', { requestId: request.id, kind: 'cease', cessation: { scope: 'purpose', purposeId: '3.1' } }))).toMatchObject({ message: 'proposal.kindMismatch' });
    const proposal = (await desk().ok<RequestDetail>('proposals.create', { requestId: request.id, kind: 'cease' })).proposals[0]!;
    expect(proposal.cessation).toEqual({ scope: 'purpose', purposeId: '3.6' });
    // Staff still see the customer on the list until the officer decides.
    expect((await marketingList()).ids).toContain(office.customers.sato);

    desk().clock.advanceMinutes(10);
    await asOfficer(desk());
    await desk().ok('proposals.decide', { id: proposal.id, decision: 'approve' });
    expect(await marketingList()).toEqual({ ids: [office.customers.yamada], total: 1 });

    const sato = await record(office.customers.sato);
    expect(sato.cessations).toEqual([{ scope: 'purpose', purposeId: '3.6', since: desk().clock.now.toISOString(), requestId: request.id }]);
    expect(sato.consents.find((c) => c.purposeId === '3.6')).toMatchObject({ state: 'withdrawn', on: '2026-11-25', channel: 'email' });
    expect(sato.history.map((h) => h.action)).toEqual(expect.arrayContaining(['cease', 'consent.withdrawn']));
  });
});

describe('a cessation of all use', () => {
  it('withdraws every consent, and the flag keeps the customer off the list even if a consent is recorded again', async () => {
    const request = await verifiedRequest(office, 'cessationOfUse', 'yamada');
    await signInAs(desk(), staffMember);
    const proposal = (await desk().ok<RequestDetail>('proposals.create', { requestId: request.id, kind: 'cease' })).proposals[0]!;
    await asOfficer(desk());
    const approved = await desk().ok<RequestDetail>('proposals.decide', { id: proposal.id, decision: 'approve' });
    expect(approved.state).toBe('inProgress');

    const yamada = await record(office.customers.yamada);
    expect(yamada.consents.map((c) => [c.purposeId, c.state])).toEqual([
      ['3.1', 'withdrawn'],
      ['3.6', 'withdrawn'],
    ]);
    expect(yamada.cessations).toMatchObject([{ scope: 'use', purposeId: null, requestId: request.id }]);
    expect(await marketingList()).toEqual({ ids: [], total: 0 });

    await desk().ok('consents.record', { customerId: office.customers.yamada, purposeId: '3.6', givenOn: '2026-11-25', channel: 'web' });
    expect(await marketingList()).toEqual({ ids: [], total: 0 });
  });
});
