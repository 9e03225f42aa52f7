// Registering requests from the person: numbered, checked, matched to the customer, repeats flagged, and a register
// that shows no requester's details unless someone chooses to reveal them (and the trail says so).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestDetail, RequestRow } from '../../../../src-shared/requests';
import { sato, yamamoto } from '../../../fixtures/customers';
import { addAccount, asOfficer, auditorPerson, errorOf, signInAs, staffMember, type Person, type TestDesk } from '../../helpers/desk';
import { auditRows, setUpRequestDesk, yamadaAsksDisclosure } from './setup';

let desk: TestDesk;
let customers: Record<string, string>;
const db = () => desk.core.desk.requireDb();
const countRequests = async () => Number((await db().selectFrom('requests').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  ({ desk, customers } = await setUpRequestDesk());
});
afterAll(async () => desk.dispose());

describe('a staff member registers a request', () => {
  let first: RequestDetail;

  it('gets the office number of the year, state "received", the requester as told, and a history line', async () => {
    first = await desk.ok<RequestDetail>('requests.create', { ...yamadaAsksDisclosure, customerId: customers['C-0001'] });
    expect(first).toMatchObject({
      number: 'R-2026-0001',
      kind: 'disclosure',
      state: 'received',
      receivedOn: '2026-11-20',
      disclosureForm: 'electronic',
      customerId: customers['C-0001'],
      customerNo: 'C-0001',
      duplicateOf: null,
      identityVerified: false,
      createdByName: staffMember.displayName,
      requester: { name: '山田 太郎', email: 'yamada.taro@example.jp', birthDate: '1985-04-12' },
    });
    expect(first.history).toMatchObject([{ action: 'created', actorName: staffMember.displayName }]);
    const second = await desk.ok<RequestDetail>('requests.create', { ...yamadaAsksDisclosure, kind: 'correction', customerId: customers['C-0001'] });
    expect(second.number).toBe('R-2026-0002');
  });

  it('the trail names the fields given and the kind, never the requester or what they wrote', async () => {
    const [event] = await auditRows(desk, 'requests.create');
    expect(event).toMatchObject({ outcome: 'ok', target_type: 'request' });
    expect(JSON.parse(event!.fields!)).toEqual(expect.arrayContaining(['kind', 'requester.name', 'requester.email', 'asked', 'customerId']));
    expect(JSON.parse(event!.details!)).toMatchObject({ kind: 'correction', channel: 'email', duplicateOf: null });
    const all = JSON.stringify(await auditRows(desk, 'requests.create'));
    expect(all).not.toMatch(/山田|ヤマダ|yamada|090-1234|開示|1985-04/);
  });

  it('refuses a date of receipt in the future, a card number in what is asked, an unknown purpose or customer, and stores nothing', async () => {
    const before = await countRequests();
    expect(errorOf(await desk.call('requests.create', { ...yamadaAsksDisclosure, receivedOn: '2026-11-26' }))).toMatchObject({ code: 'VALIDATION', message: 'request.receivedInFuture' });
    const card = errorOf(await desk.call('requests.create', { ...yamadaAsksDisclosure, asked: '引き落としのカード 4111 1111 1111 1111 の情報も開示してください' }));
    expect(card).toEqual({ code: 'VALIDATION', message: 'card.number', details: { path: 'asked' } });
    expect(errorOf(await desk.call('requests.create', { ...yamadaAsksDisclosure, kind: 'cessationOfPurpose', purposeId: '9.9' }))).toMatchObject({ code: 'VALIDATION', message: 'purpose.unknown' });
    expect(errorOf(await desk.call('requests.create', { ...yamadaAsksDisclosure, customerId: '00000000-0000-4000-8000-000000000000' }))).toMatchObject({ code: 'NOT_FOUND', message: 'customer.notFound' });
    // APPI Art. 38 allows a fee for a disclosure only.
    expect(errorOf(await desk.call('requests.create', { ...yamadaAsksDisclosure, kind: 'erasure', feeYen: 500 }))).toMatchObject({ code: 'VALIDATION', message: 'request.disclosureOnly' });
    expect(await countRequests()).toBe(before);
  });

  it('a cessation of marketing names a purpose of the current policy', async () => {
    const ceased = await desk.ok<RequestDetail>('requests.create', { ...yamadaAsksDisclosure, kind: 'cessationOfPurpose', purposeId: '3.6', customerId: customers['C-0001'] });
    expect(ceased).toMatchObject({ kind: 'cessationOfPurpose', purposeId: '3.6', disclosureForm: null });
  });
});

describe('repeat requests of the same person and kind are flagged', () => {
  it('a second disclosure request about the same customer points at the first one', async () => {
    const original = (await desk.ok<{ rows: RequestRow[] }>('requests.list', { kind: 'disclosure', customerId: customers['C-0001'] })).rows[0]!;
    const repeat = await desk.ok<RequestDetail>('requests.create', { ...yamadaAsksDisclosure, channel: 'post', receivedOn: '2026-11-24', customerId: customers['C-0001'] });
    expect(repeat.duplicateOf).toEqual({ id: original.id, number: original.number });
    const [event] = await auditRows(desk, 'requests.create');
    expect(JSON.parse(event!.details!)).toMatchObject({ duplicateOf: original.id });
  });

  it('without a customer, the same e-mail address in other letters is the same person; a different kind is not a repeat', async () => {
    const asked = { ...yamadaAsksDisclosure, kind: 'erasure' as const, requester: { name: '佐藤 花子', email: 'Hanako.Sato@Example.com' } };
    const first = await desk.ok<RequestDetail>('requests.create', asked);
    const again = await desk.ok<RequestDetail>('requests.create', { ...asked, requester: { name: '佐藤 花子', email: 'hanako.sato@example.com' } });
    expect(first.duplicateOf).toBeNull();
    expect(again.duplicateOf?.id).toBe(first.id);
    const other = await desk.ok<RequestDetail>('requests.create', { ...asked, kind: 'cessationOfUse', requester: { name: '佐藤 花子', email: 'hanako.sato@example.com' } });
    expect(other.duplicateOf).toBeNull();
  });

  it('the same reading and date of birth is the same person; the same name with another birthday is someone else', async () => {
    const asked = { ...yamadaAsksDisclosure, kind: 'cessationOfProvision' as const, requester: { name: '山本 一郎', nameKana: 'ヤマモト イチロウ', birthDate: '1972-12-30' } };
    const first = await desk.ok<RequestDetail>('requests.create', asked);
    const again = await desk.ok<RequestDetail>('requests.create', { ...asked, requester: { name: '山本 一朗', nameKana: 'やまもと いちろう', birthDate: '1972-12-30' } });
    const namesake = await desk.ok<RequestDetail>('requests.create', { ...asked, requester: { name: '山本 一郎', nameKana: 'ヤマモト イチロウ', birthDate: '1990-01-01' } });
    expect(again.duplicateOf?.id).toBe(first.id);
    expect(namesake.duplicateOf).toBeNull();
  });

  it('linking a request to the customer record re-checks it, and a withdrawn request no longer counts', async () => {
    const byPost = await desk.ok<RequestDetail>('requests.create', { ...yamadaAsksDisclosure, kind: 'correction', requester: { name: sato.name }, asked: '住所の訂正を求めます' });
    expect(byPost.duplicateOf).toBeNull();
    const earlier = await desk.ok<RequestDetail>('requests.create', { ...yamadaAsksDisclosure, kind: 'correction', requester: { name: sato.name }, asked: '電話番号の訂正', customerId: customers['C-0002'] });
    const linked = await desk.ok<RequestDetail>('requests.link', { id: byPost.id, customerId: customers['C-0002'] });
    expect(linked).toMatchObject({ customerNo: 'C-0002', duplicateOf: null });
    // The later one is now flagged as repeating the one just linked, which was registered first.
    const later = await desk.ok<RequestDetail>('requests.get', { id: earlier.id });
    expect(later.duplicateOf?.id).toBe(byPost.id);
    expect(linked.history.map((h) => h.action)).toEqual(['created', 'linked']);

    await desk.ok('requests.transition', { id: byPost.id, to: 'withdrawn', note: '本人から電話で取り下げの連絡あり' });
    // With the first one withdrawn, the other is the person's live request again.
    expect((await desk.ok<RequestDetail>('requests.get', { id: earlier.id })).duplicateOf).toBeNull();
    const fresh = await desk.ok<RequestDetail>('requests.create', { ...yamadaAsksDisclosure, kind: 'correction', requester: { name: sato.name }, asked: '氏名の訂正', customerId: customers['C-0002'] });
    expect(fresh.duplicateOf?.id).toBe(earlier.id);
  });
});

describe('the register', () => {
  it('lists ids, kind, state and due dates without any requester data', async () => {
    const list = await desk.ok<{ rows: RequestRow[]; total: number }>('requests.list', {});
    expect(list.total).toBe(list.rows.length);
    expect(list.rows.length).toBeGreaterThan(5);
    expect(list.rows[0]).toEqual(
      expect.objectContaining({ id: expect.any(String), number: expect.stringMatching(/^R-2026-\d{4}$/), dueOn: expect.any(String), overdue: false, assigneeName: staffMember.displayName }),
    );
    for (const row of list.rows) expect(row).not.toHaveProperty('requesterName');
    expect(JSON.stringify(list)).not.toMatch(/山田|佐藤 花子|山本|yamada|hanako|090-1234/);
    // Open requests come first, by due date then number; the withdrawn one comes last.
    const open = list.rows.filter((r) => r.state !== 'withdrawn');
    expect(open.map((r) => `${r.dueOn} ${r.number}`)).toEqual(open.map((r) => `${r.dueOn} ${r.number}`).sort());
    expect(list.rows.at(-1)!.state).toBe('withdrawn');
  });

  it('filters by state, kind and customer, and pages', async () => {
    const withdrawn = await desk.ok<{ rows: RequestRow[]; total: number }>('requests.list', { states: ['withdrawn'] });
    expect(withdrawn.rows.map((r) => r.state)).toEqual(['withdrawn']);
    const corrections = await desk.ok<{ rows: RequestRow[] }>('requests.list', { kind: 'correction', customerId: customers['C-0002'] });
    expect(corrections.rows.every((r) => r.kind === 'correction' && r.customerNo === 'C-0002')).toBe(true);
    expect(corrections.rows).toHaveLength(3);
    const all = await desk.ok<{ rows: RequestRow[]; total: number }>('requests.list', {});
    const page = await desk.ok<{ rows: RequestRow[]; total: number }>('requests.list', { page: 1, pageSize: 2 });
    expect(page.total).toBe(all.total);
    expect(page.rows.map((r) => r.id)).toEqual(all.rows.slice(2, 4).map((r) => r.id));
  });

  it('shows names only when revealed, and the reveal is in the audit trail without the names', async () => {
    const revealed = await desk.ok<{ rows: RequestRow[] }>('requests.list', { kind: 'disclosure', reveal: true });
    expect(revealed.rows.map((r) => r.requesterName)).toContain('山田 太郎');
    const [event] = await auditRows(desk, 'requests.list');
    const details = JSON.parse(event!.details!);
    expect(details).toMatchObject({ revealed: true, shown: revealed.rows.length });
    expect(details.requestIds).toEqual(revealed.rows.map((r) => r.id));
    expect(JSON.stringify(event)).not.toMatch(/山田|yamada/);
  });
});

describe('who may open the register', () => {
  const newcomer: Person = { displayName: '鈴木 新', loginId: 'suzuki', role: 'staff', department: 'カスタマーサポート', temporaryPassword: 'karipasu-suzuki-2026', password: 'suzuki-no-aikotoba-2026' };

  it('a staff member without a current written statement can neither list, open nor register requests', async () => {
    await addAccount(desk, newcomer);
    await signInAs(desk, newcomer);
    const before = await countRequests();
    expect(errorOf(await desk.call('requests.list', {}))).toMatchObject({ code: 'FORBIDDEN', message: 'statements.required' });
    expect(errorOf(await desk.call('requests.create', yamadaAsksDisclosure))).toMatchObject({ code: 'FORBIDDEN', message: 'statements.required' });
    const any = (await db().selectFrom('requests').select('id').executeTakeFirstOrThrow()).id;
    expect(errorOf(await desk.call('requests.get', { id: any }))).toMatchObject({ code: 'FORBIDDEN', message: 'statements.required' });
    expect(await countRequests()).toBe(before);
    const [denied] = await auditRows(desk, 'requests.create');
    expect(denied).toMatchObject({ outcome: 'denied' });
  });

  it('the auditor, who sees no personal data, is refused the register', async () => {
    await asOfficer(desk);
    await addAccount(desk, auditorPerson);
    await signInAs(desk, auditorPerson);
    expect(errorOf(await desk.call('requests.list', {}))).toMatchObject({ code: 'FORBIDDEN', message: 'auth.forbidden' });
    await signInAs(desk, staffMember);
  });

  it('the staff member with a statement sees a customer the office does not know about yet as unlinked', async () => {
    const unlinked = await desk.ok<RequestDetail>('requests.create', { ...yamadaAsksDisclosure, requester: { name: yamamoto.name, email: 'someone.else@example.org' } });
    expect(unlinked).toMatchObject({ customerId: null, customerNo: null });
    expect(unlinked.completionBlockers).toEqual(expect.arrayContaining(['noCustomer', 'identityNotVerified', 'noApprovedProposal', 'packageNotBuilt']));
  });
});
