// Customer records: created whole, masked for staff, revealed with a reason, and opened only with a statement on file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../../../src-shared/customers';
import { allCustomers, sato, tanaka } from '../../../fixtures/customers';
import { asUpload, scannedPdf } from '../../../fixtures/scans';
import { addAccount, asOfficer, errorOf, setUpDesk, signInAs, staffMember, type Person, type TestDesk } from '../../helpers/desk';

let desk: TestDesk;
let staffId: string;
const ids: Record<string, string> = {};
const newcomer: Person = { displayName: '鈴木 新', loginId: 'suzuki', role: 'staff', department: 'カスタマーサポート', temporaryPassword: 'karipasu-suzuki-2026', password: 'suzuki-no-aikotoba-2026' };
const pdf = asUpload(scannedPdf(), 's.pdf', 'application/pdf');

beforeAll(async () => {
  desk = await setUpDesk();
  staffId = await addAccount(desk, staffMember);
  await desk.ok('statements.record', { accountId: staffId, templateVersion: 1, signedOn: '2026-11-01', trainingOn: '2026-11-01', scan: pdf });
  for (const c of allCustomers) ids[c.customerNo] = (await desk.ok<CustomerRecord>('customers.create', c)).id;
});
afterAll(async () => desk.dispose());

const db = () => desk.core.desk.requireDb();
const lastEvent = (action: string) => db().selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('seq', 'desc').executeTakeFirstOrThrow();

describe('the officer creates customer records', () => {
  it('with phones, e-mails, payment methods, orders, identifiers, feedback and consents, normalised', async () => {
    await asOfficer(desk);
    const record = await desk.ok<CustomerRecord>('customers.get', { id: ids['C-0002'] });
    expect(record).toMatchObject({ masked: false, customerNo: 'C-0002', postalCode: '530-0001', phones: [{ number: '080-2222-3333' }], addressLine1: '梅田3-4-5' });
    const full = await desk.ok<CustomerRecord>('customers.get', { id: ids['C-0001'] });
    expect(full).toMatchObject({ paymentMethods: [{ brand: 'visa', last4: '4242', expiry: '2028-09' }], orders: [{ orderId: 'ORD-2026-000101', amount: 1980 }], consents: [{ purposeId: '3.1', state: 'given', channel: 'web', policyVersion: 1 }] });
    expect(full.identifiers[0]).toMatchObject({ kind: 'ip', value: '203.0.113.42', system: 'アクセスログ' });
  });

  it('a record from a partner carries the Art. 30 receipt, kept three years', async () => {
    await asOfficer(desk);
    const record = await desk.ok<CustomerRecord>('customers.get', { id: ids['C-0004'] });
    expect(record.provenance).toBe('partner');
    expect(record.receipt).toMatchObject({ providerName: '株式会社サンプル通販', providerRepresentative: '代表取締役 鈴木 一', receivedOn: '2026-09-01', keepUntil: '2029-09-01' });
    expect(errorOf(await desk.call('customers.create', { ...tanaka, customerNo: 'C-0099', receipt: undefined })).details).toMatchObject({ issues: [{ path: 'receipt', message: 'receipt.required' }] });
  });

  it('the change history names the fields and the account, never the values', async () => {
    const rows = await db().selectFrom('customer_changes').selectAll().where('customer_id', '=', ids['C-0001']!).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'create', request_id: null });
    expect(JSON.parse(rows[0]!.fields)).toContain('phones');
    expect(JSON.stringify(rows)).not.toMatch(/山田|090|yamada/);
  });

  it('refuses impossible dates, malformed e-mails, a taken customer number and a five-digit "last four", naming the field', async () => {
    await asOfficer(desk);
    const issue = async (input: unknown) => errorOf(await desk.call('customers.create', input));
    expect((await issue({ ...sato, customerNo: 'C-0100', birthDate: '1990-02-30' })).details).toEqual({ issues: [{ path: 'birthDate', message: 'date.format' }] });
    expect((await issue({ ...sato, customerNo: 'C-0100', emails: [{ address: 'hanako@@example' }] })).details).toEqual({ issues: [{ path: 'emails.0.address', message: 'email.format' }] });
    expect((await issue({ ...sato, customerNo: 'C-0100', paymentMethods: [{ brand: 'jcb', last4: '12345', expiry: '2027-01' }] })).details).toEqual({ issues: [{ path: 'paymentMethods.0.last4', message: 'card.last4' }] });
    expect((await issue({ ...sato, customerNo: 'C-0100', nameKana: '佐藤' })).details).toEqual({ issues: [{ path: 'nameKana', message: 'kana.format' }] });
    expect(await issue({ ...sato, customerNo: 'C-0100', birthDate: '2030-01-01' })).toEqual({ code: 'VALIDATION', message: 'birthDate.range', details: { path: 'birthDate' } });
    expect(await issue({ ...sato, customerNo: 'c-0002' })).toMatchObject({ code: 'CONFLICT', message: 'customer.numberTaken' });
    expect(await issue({ ...sato, customerNo: 'C-0100', consents: [{ purposeId: '9.9', on: '2026-01-01', channel: 'web' }] })).toMatchObject({ code: 'VALIDATION', message: 'purpose.unknown' });
    const count = await db().selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(4);
  });
});

describe('need-to-know (policy §4.2)', () => {
  it('staff member sees masked contact details; reveals with a reason; the audit shows the reason kind and not the values', async () => {
    await signInAs(desk, staffMember);
    const masked = await desk.ok<CustomerRecord>('customers.get', { id: ids['C-0001'] });
    expect(masked).toMatchObject({
      masked: true,
      name: '山田 太郎',
      phones: [{ number: '090-****-5678' }],
      emails: [{ address: 'y***@example.jp' }],
      birthDate: '1985',
      postalCode: '150-****',
      prefecture: '東京都',
      city: '渋谷区',
      addressLine1: null,
      addressLine2: null,
      paymentMethods: [{ last4: '4242' }],
    });
    expect(JSON.stringify(masked)).not.toMatch(/1234-5678|yamada\.taro|神宮前|1985-04-12|203\.0\.113/);
    const got = await lastEvent('customers.get');
    expect(got).toMatchObject({ actor_id: staffId, target_type: 'customer', target_id: ids['C-0001'], outcome: 'ok' });

    const reason = { kind: 'inquiry', text: '山田様から配送先の確認のお電話（090-1234-5678）' };
    const full = await desk.ok<CustomerRecord>('customers.reveal', { id: ids['C-0001'], reason });
    expect(full).toMatchObject({ masked: false, phones: [{ number: '090-1234-5678' }], emails: [{ address: 'yamada.taro@example.jp' }], addressLine1: '神宮前1-2-3', birthDate: '1985-04-12' });

    const event = await lastEvent('customers.reveal');
    const details = JSON.parse(event.details!);
    expect(details).toMatchObject({ view: 'full', reasonKind: 'inquiry', requestId: null });
    expect(JSON.stringify(event)).not.toMatch(/山田|090|1234|5678|yamada|神宮前|配送先/);
    // The staff member's words are kept in the encrypted database, found from the event.
    const kept = await db().selectFrom('reveal_reasons').selectAll().where('id', '=', details.revealReasonId).executeTakeFirstOrThrow();
    expect(kept).toMatchObject({ kind: 'inquiry', text: reason.text, actor_id: staffId, customer_id: ids['C-0001'] });

    // The reveal lasts for that view: the next opening is masked again.
    expect((await desk.ok<CustomerRecord>('customers.get', { id: ids['C-0001'] })).masked).toBe(true);
  });

  it('a reveal needs a reason from the list, and a linked request when the reason is a request', async () => {
    await signInAs(desk, staffMember);
    expect(errorOf(await desk.call('customers.reveal', { id: ids['C-0001'] })).code).toBe('VALIDATION');
    expect(errorOf(await desk.call('customers.reveal', { id: ids['C-0001'], reason: { kind: 'curiosity', text: 'x' } })).details).toMatchObject({ issues: [{ path: 'reason.kind' }] });
    expect(errorOf(await desk.call('customers.reveal', { id: ids['C-0001'], reason: { kind: 'request', text: '開示請求' } })).details).toMatchObject({ issues: [{ path: 'reason.requestId', message: 'reveal.requestId' }] });
    const ok = await desk.call('customers.reveal', { id: ids['C-0001'], reason: { kind: 'request', requestId: 'R-2026-0007', text: '開示請求への対応' } });
    expect(ok.ok).toBe(true);
    expect(JSON.parse((await lastEvent('customers.reveal')).details!)).toMatchObject({ reasonKind: 'request', requestId: 'R-2026-0007' });
  });

  it('staff member sees masked phones and e-mails in the list; the officer sees them in full', async () => {
    await signInAs(desk, staffMember);
    const staffView = await desk.ok<{ rows: { customerNo: string; phone: string; email: string; area: string }[] }>('customers.search', { query: '山田' });
    expect(staffView.rows[0]).toMatchObject({ phone: '090-****-5678', email: 'y***@example.jp', area: '東京都渋谷区', masked: true });
    await asOfficer(desk);
    const officerView = await desk.ok<{ rows: { phone: string; email: string }[] }>('customers.search', { query: '山田' });
    expect(officerView.rows[0]).toMatchObject({ phone: '090-1234-5678', email: 'yamada.taro@example.jp', masked: false });
  });
});

describe('a written statement on file (policy §4.1)', () => {
  it('staff member without a statement on file opens a customer record and is refused; after the officer records a statement, it opens', async () => {
    const newcomerId = await addAccount(desk, newcomer);
    await signInAs(desk, newcomer);
    for (const [method, input] of [
      ['customers.get', { id: ids['C-0001'] }],
      ['customers.search', { query: '山田' }],
      ['customers.reveal', { id: ids['C-0001'], reason: { kind: 'inquiry', text: 'x' } }],
      ['customers.marketingList', {}],
      ['consents.withdraw', { customerId: ids['C-0001'], purposeId: '3.1' }],
    ] as const) {
      const error = errorOf(await desk.call(method, input));
      expect(error, method).toMatchObject({ code: 'FORBIDDEN', message: 'statements.required', details: { askName: '南 真美' } });
      expect(JSON.stringify(error)).not.toContain('山田 太郎');
    }
    const denied = await lastEvent('customers.get');
    expect(denied).toMatchObject({ actor_id: newcomerId, outcome: 'denied' });
    expect(JSON.parse(denied.details!)).toEqual({ code: 'STATEMENT_REQUIRED' });

    await asOfficer(desk);
    await desk.ok('statements.record', { accountId: newcomerId, templateVersion: 1, signedOn: '2026-11-25', trainingOn: '2026-11-25', scan: pdf });
    await signInAs(desk, newcomer);
    expect((await desk.ok<CustomerRecord>('customers.get', { id: ids['C-0001'] })).name).toBe('山田 太郎');
  });

  it('a statement past its renewal date blocks again', async () => {
    await signInAs(desk, staffMember);
    expect((await desk.call('customers.get', { id: ids['C-0001'] })).ok).toBe(true);
    // A year on, the statement signed on 2026-11-01 was due on 2027-11-01 and has not been renewed.
    desk.clock.now = new Date('2027-11-02T10:00:00+09:00');
    await signInAs(desk, staffMember);
    expect(errorOf(await desk.call('customers.get', { id: ids['C-0001'] }))).toMatchObject({ code: 'FORBIDDEN', message: 'statements.required' });
    desk.clock.now = new Date('2026-11-25T10:00:00+09:00');
  });
});

describe('an unknown customer', () => {
  it('is NOT_FOUND, for get and reveal alike', async () => {
    await asOfficer(desk);
    expect(errorOf(await desk.call('customers.get', { id: '00000000-0000-4000-8000-000000000000' })).code).toBe('NOT_FOUND');
    expect(errorOf(await desk.call('customers.reveal', { id: '00000000-0000-4000-8000-000000000000', reason: { kind: 'other', text: 'x' } })).code).toBe('NOT_FOUND');
  });
});
