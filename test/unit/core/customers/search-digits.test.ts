// Numbers are found through 4-grams of their digits: a phone or customer number among many similar ones, exactly,
// never a number that only runs across two fields.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldGrams, matchExpression } from '../../../../electron/core/customers/search-text';
import type { CustomerRecord, CustomerRow } from '../../../../src-shared/customers';
import { asOfficer, setUpDesk, type TestDesk } from '../../helpers/desk';

let desk: TestDesk;
const person = (customerNo: string, phone: string, postalCode = '150-0001') => ({
  customerNo,
  name: '田中 一郎',
  nameKana: 'タナカ イチロウ',
  postalCode,
  prefecture: '東京都',
  city: '渋谷区',
  addressLine1: '神宮前1-1-1',
  provenance: 'registration',
  phones: [{ number: phone }],
});

beforeAll(async () => {
  desk = await setUpDesk();
  await asOfficer(desk);
});
afterAll(async () => desk.dispose());

describe('the index of a number', () => {
  it('holds the 2-grams, the last character and the 4-grams of each run of digits', () => {
    expect(fieldGrams('090-1234-5678')).toEqual([
      '09', '90', '01', '12', '23', '34', '45', '56', '67', '78', '8',
      '0901', '9012', '0123', '1234', '2345', '3456', '4567', '5678',
    ]);
    expect(fieldGrams('C-012')).toEqual(['c0', '01', '12', '2']);
  });

  it('a query of digits is the phrase of their 4-grams; with letters, that phrase AND the exact 2-gram phrase', () => {
    expect(matchExpression('1234-5678')).toBe('"1234 2345 3456 4567 5678"');
    expect(matchExpression('C-0000123')).toBe('("0000 0001 0012 0123" AND "c0 00 00 00 01 12 23")');
    // Up to three digits there is no 4-gram to narrow with.
    expect(matchExpression('567')).toBe('"56 67"');
  });
});

describe('officer looks customers up by number', () => {
  it('finds the phone and the customer number asked for, and nothing that only spans two fields', async () => {
    const ids: Record<string, string> = {};
    for (const [no, phone, postal] of [
      ['C-0000123', '090-1234-5678', '150-0001'],
      ['C-0001230', '090-1234-5679', '150-0002'],
      ['C-0000124', '080-5678-1234', '160-0023'],
      // Its customer number ends in 5678 and its postal code begins 123: "56781234" runs across the two fields only.
      ['C-0005678', '03-3333-4444', '123-4567'],
    ] as const) {
      ids[no] = (await desk.ok<CustomerRecord>('customers.create', person(no, phone, postal))).id;
    }
    const found = async (query: string) => (await desk.ok<{ rows: CustomerRow[] }>('customers.search', { query })).rows.map((r) => r.customerNo).sort();
    expect(await found('1234-5678')).toEqual(['C-0000123']);
    // Full-width digits fold; 123-4567 is C-0005678's postal code, which holds 1234567 too.
    expect(await found('１２３４５６７')).toEqual(['C-0000123', 'C-0001230', 'C-0005678']);
    expect(await found('C-0000123')).toEqual(['C-0000123']);
    expect(await found('c0001')).toEqual(['C-0001230']);
    expect(await found('5678-1234')).toEqual(['C-0000124']);
    expect(await found('56781234')).toEqual(['C-0000124']);
  });
});
