// An imported customer is the same record customers.create makes from the same details, and search finds it,
// whether the import rebuilt the search index or placed its few rows one by one.
import { afterEach, describe, expect, it } from 'vitest';
import type { CustomerRecord, CustomerRow } from '../../../../src-shared/customers';
import { asOfficer, setUpDesk, type TestDesk } from '../../helpers/desk';
import { asFile, commit, csvText, shopHeader, shopRow } from './import-fixtures';

let desk: TestDesk | undefined;
afterEach(async () => {
  await desk?.dispose();
  desk = undefined;
});

const header = [...shopHeader, 'ローマ字', '携帯電話', 'カード会社', 'カード下4桁', '有効期限'];

describe('an imported customer', () => {
  it('is stored as customers.create stores the same details', async () => {
    const d = (desk = await setUpDesk());
    await asOfficer(d);
    const row = [
      ...shopRow(1, { 氏名: '髙橋 一子', フリガナ: 'ﾀｶﾊｼ ｲﾁｺ', 生年月日: '昭和60年1月2日', 住所2: '㈱ナニワ ２階', 電話番号: '03-1234-5678', メールアドレス: 'Ichiko@Example.JP', '同意（3.6）': '2026-11-01' }),
      'Takahashi Ichiko',
      '090 1111 2222',
      'ＶＩＳＡ',
      '１２３４',
      '12/28',
    ];
    await commit(d, { file: asFile(Buffer.from(csvText([header, row]))) });
    const created = await d.ok<CustomerRecord>('customers.create', {
      customerNo: 'c-00002',
      name: '髙橋 一子',
      nameKana: 'タカハシ イチコ',
      nameRomaji: 'Takahashi Ichiko',
      birthDate: '1985-01-02',
      postalCode: '150-0001',
      prefecture: '東京都',
      city: '渋谷区',
      addressLine1: '神宮前1-2-1',
      addressLine2: '㈱ナニワ ２階',
      provenance: 'registration',
      phones: [
        { number: '03-1234-5678', kind: 'other' },
        { number: '090-1111-2222', kind: 'mobile' },
      ],
      emails: [{ address: 'Ichiko@example.jp' }],
      paymentMethods: [{ brand: 'visa', last4: '1234', expiry: '2028-12' }],
      consents: [{ purposeId: '3.6', on: '2026-11-01', channel: 'import' }],
    });
    const db = d.core.desk.requireDb();
    const imported = await d.ok<CustomerRecord>('customers.get', { id: (await db.selectFrom('customers').select('id').where('customer_no', '=', 'C-00001').executeTakeFirstOrThrow()).id });
    const comparable = (r: CustomerRecord) => ({ ...r, id: undefined, customerNo: undefined, createdAt: undefined, updatedAt: undefined });
    expect(comparable(imported)).toEqual(comparable(created));
    expect(created.customerNo).toBe('C-00002');

    const changes = await db.selectFrom('customer_changes').select(['customer_id', 'action', 'fields', 'actor_id']).orderBy('id').execute();
    expect(changes.map((c) => [c.action, JSON.parse(c.fields).sort()])).toEqual([
      ['create', JSON.parse(changes[1]!.fields).sort()],
      ['create', JSON.parse(changes[1]!.fields).sort()],
    ]);
    const events = await db.selectFrom('consent_events').select(['purpose_id', 'state', 'decided_on', 'channel', 'policy_version', 'recorded_by']).execute();
    expect(events[0]).toEqual(events[1]);
  });

  it('is found by search after a large import (index rebuilt) and after a small one (rows placed one by one)', async () => {
    const d = (desk = await setUpDesk());
    await asOfficer(d);
    const readings = ['サトウ ハナコ', 'スズキ イチロウ', 'ヤマダ タロウ', 'タナカ ジロウ'];
    const many = Array.from({ length: 120 }, (_, i) => shopRow(i + 1, { フリガナ: readings[i % 4]! }));
    await commit(d, { file: asFile(Buffer.from(csvText([shopHeader, ...many]))) });
    // 3 rows into 120: placed between their kana neighbours, several at the same spot.
    const few = [shopRow(500, { 氏名: '山田 花子', フリガナ: 'ヤマダ ハナコ' }), shopRow(501, { 氏名: '山田 花子', フリガナ: 'ヤマダ ハナコ' }), shopRow(502, { 氏名: '佐藤 一', フリガナ: 'サトウ ハジメ' })];
    await commit(d, { file: asFile(Buffer.from(csvText([shopHeader, ...few]))) });

    const search = (query: string) => d.ok<{ rows: CustomerRow[]; total: number }>('customers.search', { query, page: 0, pageSize: 200 });
    expect((await search('やまだ')).total).toBe(32);
    expect((await search('ﾔﾏﾀﾞﾊﾅｺ')).rows.map((r) => r.customerNo)).toEqual(['C-00500', 'C-00501']);
    expect((await search('sato')).total).toBe(31);
    // Kana order: the whole list, page by page, is sorted by reading.
    const all = await d.ok<{ rows: CustomerRow[] }>('customers.search', { query: '', page: 0, pageSize: 200, sort: 'kana' });
    const kana = all.rows.map((r) => r.nameKana);
    expect(kana).toHaveLength(123);
    expect(kana.slice(0, 31).every((k) => k.startsWith('サトウ'))).toBe(true);
    expect(kana.slice(1, 2)).toEqual(['サトウ ハナコ']);
  });
});
