// A full card number anywhere in a customer is refused, and the number is found nowhere afterwards.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../../../src-shared/customers';
import { findCardNumberPath } from '../../../../electron/core/customers/no-card-numbers';
import { sato, yamada } from '../../../fixtures/customers';
import { asUpload, scannedPdf } from '../../../fixtures/scans';
import { addAccount, errorOf, setUpDesk, signInAs, staffMember, type TestDesk } from '../../helpers/desk';

let desk: TestDesk;
let yamadaId: string;
const card = '4111 1111 1111 1111';
const cardDigits = '4111111111111111';
const wideCard = '４１１１－１１１１－１１１１－１１１１';

beforeAll(async () => {
  desk = await setUpDesk();
  const staffId = await addAccount(desk, staffMember);
  await desk.ok('statements.record', { accountId: staffId, templateVersion: 1, signedOn: '2026-11-01', trainingOn: '2026-11-01', scan: asUpload(scannedPdf(), 's.pdf', 'application/pdf') });
  yamadaId = (await desk.ok<CustomerRecord>('customers.create', yamada)).id;
  await signInAs(desk, staffMember);
});
afterAll(async () => desk.dispose());

/** Every text value of every table of the decrypted database, as one string. */
async function everyStoredText(): Promise<string> {
  const db = desk.core.desk.requireDb();
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'customer_search_%'`.execute(db);
  const parts: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    for (const row of rows.rows) for (const v of Object.values(row)) if (typeof v === 'string') parts.push(v);
  }
  // The search index is contentless; its vocabulary is what it holds of text.
  await sql`create virtual table if not exists temp.search_vocab using fts5vocab(main, customer_search, 'row')`.execute(db);
  const terms = await sql<{ term: string }>`select term from temp.search_vocab`.execute(db);
  parts.push(terms.rows.map((t) => t.term).join(''));
  return parts.join('\n');
}

describe('card numbers', () => {
  const places: [string, Record<string, unknown>][] = [
    ['name', { name: `山田 ${card}` }],
    ['addressLine1', { addressLine1: `神宮前 ${wideCard}` }],
    ['addressLine2', { addressLine2: cardDigits }],
    ['city', { city: `渋谷区${cardDigits}` }],
    ['phones.0.number', { phones: [{ number: '4111-1111-1111-1111' }] }],
    ['orders.0.items', { orders: [{ orderId: 'ORD-1', orderedOn: '2026-10-01', items: `カード番号 ${card} で支払い`, amount: 100 }] }],
    ['identifiers.0.value', { identifiers: [{ kind: 'device', value: `dev-${cardDigits}`, system: 'アプリ' }] }],
    ['feedback.0.text', { feedback: [{ kind: 'feedback', receivedOn: '2026-10-01', text: `カード ${wideCard} を登録したい` }] }],
    ['receipt.items', { provenance: 'partner', receipt: { providerName: 'A社', providerAddress: '東京都', providerRepresentative: '代表', obtainedHow: '会員登録', receivedOn: '2026-09-01', items: `氏名 ${card}` } }],
  ];

  it.each(places)('a customer with a card number in %s is refused, and the number appears nowhere: not in the database, the audit or the error', async (path, change) => {
    const result = await desk.call('customers.create', { ...sato, customerNo: 'C-0777', ...change });
    const error = errorOf(result);
    expect(error).toEqual({ code: 'VALIDATION', message: 'card.number', details: { path } });
    const stored = await everyStoredText();
    for (const needle of [cardDigits, '1111111111', '１１１１']) {
      expect(JSON.stringify(result)).not.toContain(needle);
      expect(stored).not.toContain(needle);
    }
    const customers = await desk.core.desk.requireDb().selectFrom('customers').select('customer_no').execute();
    expect(customers.map((c) => c.customer_no)).toEqual(['C-0001']);
  });

  it('a reveal reason with a card number is refused and not kept', async () => {
    const error = errorOf(await desk.call('customers.reveal', { id: yamadaId, reason: { kind: 'payment', text: `決済確認 ${card}` } }));
    expect(error).toEqual({ code: 'VALIDATION', message: 'card.number', details: { path: 'reason.text' } });
    expect(await everyStoredText()).not.toContain(cardDigits);
  });

  it('an order number, a phone number and a last-four are not mistaken for card numbers', () => {
    expect(findCardNumberPath({ orderId: 'ORD-2026-000101', phone: '090-1234-5678', last4: '1111', postal: '150-0001' })).toBeNull();
    expect(findCardNumberPath({ a: [{ b: `x ${card}` }] })).toBe('a.0.b');
  });
});
