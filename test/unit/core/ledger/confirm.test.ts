// The officer confirms the customer ledger entry at its yearly review; its count of people is the desk's own customers,
// live: a new customer adds one, an approved erasure (APPI Art. 35) takes one away. Staff draft but never confirm.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerEntry, LedgerRow } from '../../../../src-shared/api/ledger';
import type { CustomerRecord } from '../../../../src-shared/customers';
import type { RequestDetail } from '../../../../src-shared/requests';
import { yamada } from '../../../fixtures/customers';
import { asOfficer, errorOf, officer, signInAs, staffMember, type TestDesk } from '../../helpers/desk';
import { setUpRequestDesk, verifyIdentity } from '../requests/setup';
import { auditRows, customerMaster, register } from './steps';

let desk: TestDesk;
let customers: Record<string, string>;
let entry: LedgerEntry;
const db = () => desk.core.desk.requireDb();
const customersOnFile = async () => Number((await db().selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const get = () => desk.ok<LedgerEntry>('ledger.get', { id: entry.id });

beforeAll(async () => {
  ({ desk, customers } = await setUpRequestDesk());
});
afterAll(async () => desk.dispose());

describe('the customer ledger entry', () => {
  it('staff register it with the desk as its source: the count is the customers on file, not a typed number', async () => {
    entry = await register(desk, customerMaster);
    expect(entry).toMatchObject({ number: 'L-001', name: '顧客マスタ', storageKind: 'system', disclosable: true, count: { source: 'customers', people: 4 } });
    expect(entry.count.people).toBe(await customersOnFile());
    expect(entry.purposes.map((p) => [p.id, p.titleJa])).toEqual([
      ['3.1', '登録情報の表示・訂正'],
      ['3.2', '商品の発送及び決済'],
      ['3.3', 'ご注文内容・配送方法の確認連絡'],
    ]);
    // Registered today and never reviewed: the first review falls due a year after registration.
    expect(entry.review).toMatchObject({ basis: 'registered', dueOn: '2027-11-25', overdue: false, lastConfirmedAt: null });
  });

  it('staff may not confirm it: the yearly review is the officer’s', async () => {
    expect(errorOf(await desk.call('ledger.confirm', { id: entry.id }))).toMatchObject({ code: 'FORBIDDEN', message: 'auth.forbidden' });
    expect((await get()).confirmations).toEqual([]);
  });

  it('the officer confirms it: who and when are recorded, and the next review is due a year later', async () => {
    await asOfficer(desk);
    const confirmed = await desk.ok<LedgerEntry>('ledger.confirm', { id: entry.id, note: '項目・保管場所に変更なし' });
    expect(confirmed.review).toMatchObject({ basis: 'confirmed', lastConfirmedAt: desk.clock.now.toISOString(), lastConfirmedByName: officer.displayName, dueOn: '2027-11-25', overdue: false });
    expect(confirmed.confirmations).toEqual([{ at: desk.clock.now.toISOString(), byName: officer.displayName, note: '項目・保管場所に変更なし' }]);
    expect(confirmed.changedSinceConfirmed).toBe(false);
    const [event] = await auditRows(desk, 'ledger.confirm');
    expect(event).toMatchObject({ outcome: 'ok', target_type: 'ledgerEntry', target_id: entry.id, fields: JSON.stringify(['confirmedAt', 'note']) });
    // The note is the officer's words: they stay in the ledger, never in the trail.
    expect(JSON.stringify(event)).not.toContain('変更なし');
  });

  it('a new customer is counted at once, in the list and in the entry', async () => {
    await desk.ok<CustomerRecord>('customers.create', { ...yamada, customerNo: 'C-0005', emails: [{ address: 'new.customer@example.jp' }] });
    const { rows } = await desk.ok<{ rows: LedgerRow[] }>('ledger.list', {});
    expect(rows.map((r) => [r.name, r.count.source, r.count.people])).toEqual([['顧客マスタ', 'customers', 5]]);
    expect((await get()).count.people).toBe(await customersOnFile());
  });

  it('a customer erased on their request is no longer counted', async () => {
    await signInAs(desk, staffMember);
    const request = await desk.ok<RequestDetail>('requests.create', {
      kind: 'erasure',
      channel: 'post',
      receivedOn: '2026-11-24',
      requesterKind: 'person',
      requester: { name: '山本 一郎' },
      asked: '私の個人情報をすべて消去してください。',
      customerId: customers['C-0003'],
    });
    await verifyIdentity(desk, request.id);
    const proposed = await desk.ok<RequestDetail>('proposals.create', { requestId: request.id, kind: 'erase' });
    await asOfficer(desk);
    await desk.ok('proposals.decide', { id: proposed.proposals[0]!.id, decision: 'approve' });
    expect(await customersOnFile()).toBe(4);
    expect((await get()).count).toMatchObject({ source: 'customers', people: 4 });
  });

  it('the desk sources count what each says: customers with orders, ID copies held, requesters, accounts, partner contacts', async () => {
    const { counts } = await desk.ok<{ counts: Record<string, number> }>('ledger.sources', {});
    // 山田 and the new customer (a copy of 山田's record) have orders; the erasure's request holds its ID copy until
    // the copy's period ends; two accounts (the officer and the staff member); no partners yet.
    expect(counts).toEqual({ customers: 4, customersWithOrders: 2, requesters: 1, idCopies: 1, accounts: 2, partnerContacts: 0 });
  });

  it('a change after the confirmation is shown, so the next review looks at it', async () => {
    const changed = await desk.ok<LedgerEntry>('ledger.save', { id: entry.id, entry: { ...customerMaster, retention: '最終取引から7年' } });
    expect(changed.changedSinceConfirmed).toBe(true);
    const [event] = await auditRows(desk, 'ledger.save');
    expect(JSON.parse(event!.fields!)).toEqual(['retention']);
    expect(JSON.stringify(event)).not.toContain('7年');
  });
});
