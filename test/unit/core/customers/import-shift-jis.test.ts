// A shop's Shift_JIS (CP932) export with era dates, full-width digits and 〒 imports; its bad rows come back in a
// rejected file that opens in the same encoding.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../../../src-shared/customers';
import { decodeImportFile } from '../../../../electron/core/customers/import/encoding';
import { asOfficer, setUpDesk, type TestDesk } from '../../helpers/desk';
import { asFile, commit, cp932, csvText, customerNumbers, preview, shopHeader, shopRow, utf8Bom } from './import-fixtures';

let desk: TestDesk | undefined;
afterEach(async () => {
  await desk?.dispose();
  desk = undefined;
});

const takahashi = shopRow(1, {
  氏名: '髙橋 ①子',
  フリガナ: 'ﾀｶﾊｼ ｲﾁｺ',
  生年月日: '令和5年4月1日',
  郵便番号: '〒150-0001',
  住所1: '神宮前１－２－３',
  住所2: '㈱ナニワ商事 ２階',
  電話番号: '０９０-１２３４-５６７８',
  '同意（3.6）': '令和5年4月1日',
});
const yamada = shopRow(2, { 生年月日: 'S55.2.29', 郵便番号: '１５０００２２', 都道府県: '東京', 電話番号: '03(1234)5678', '同意（3.6）': '0' });
const sato = shopRow(3, { 氏名: '佐藤 ㈱花子', フリガナ: 'サトウ ハナコ', 生年月日: 'H31.5.1' });
const suzuki = shopRow(4, { 氏名: '鈴木 一郎', 生年月日: '2023-02-30', メールアドレス: 'suzuki@@example.jp' });

describe('a Shift_JIS export from the shop', () => {
  it('imports with era dates and full-width digits, and 髙, ①, ㈱ survive', async () => {
    const d = (desk = await setUpDesk());
    await asOfficer(d);
    const file = asFile(cp932(csvText([shopHeader, takahashi, yamada, sato, suzuki])));

    const seen = await preview(d, { file });
    expect(seen).toMatchObject({ encoding: 'cp932', headers: shopHeader, unknownHeaders: [], missingFields: [], rowCount: 4, goodRows: 2, rejectedRows: 2 });
    expect(seen.sample[0]!.values).toMatchObject({ name: '髙橋 ①子', nameKana: 'タカハシ イチコ', birthDate: '2023-04-01', postalCode: '150-0001', phones: '090-1234-5678 (mobile)', consents: '3.6: 2023-04-01' });
    expect(seen.problems).toEqual([
      { row: 4, column: 4, header: '生年月日', reason: 'import.dateOutsideEra' },
      { row: 5, column: 4, header: '生年月日', reason: 'import.dateInvalid' },
      { row: 5, column: 11, header: 'メールアドレス', reason: 'email.format' },
    ]);

    const result = await commit(d, { file });
    expect(result).toMatchObject({ imported: 2, rejected: 2, duplicates: 0 });
    expect(await customerNumbers(d)).toEqual(['C-00001', 'C-00002']);

    const db = d.core.desk.requireDb();
    const id = (await db.selectFrom('customers').select('id').where('customer_no', '=', 'C-00001').executeTakeFirstOrThrow()).id;
    const record = await d.ok<CustomerRecord>('customers.get', { id });
    expect(record).toMatchObject({ name: '髙橋 ①子', nameKana: 'タカハシ イチコ', birthDate: '2023-04-01', postalCode: '150-0001', addressLine1: '神宮前１－２－３', addressLine2: '㈱ナニワ商事 ２階', provenance: 'registration' });
    expect(record.phones).toEqual([{ number: '090-1234-5678', kind: 'mobile' }]);
    expect(record.consents).toMatchObject([{ purposeId: '3.6', state: 'given', on: '2023-04-01', channel: 'import' }]);
    const yamadaRecord = await db.selectFrom('customers').selectAll().where('customer_no', '=', 'C-00002').executeTakeFirstOrThrow();
    expect(yamadaRecord).toMatchObject({ birth_date: '1980-02-29', postal_code: '150-0022', prefecture: '東京都' });

    // The rejected rows, in CP932 like the input, with the reason in Japanese.
    expect(dirname(result.rejectedPath!)).toBe(d.exportsDir);
    const bytes = readFileSync(result.rejectedPath!);
    expect(decodeImportFile(bytes).encoding).toBe('cp932');
    const rows = parse(iconv.decode(bytes, 'cp932')) as string[][];
    expect(rows[0]).toEqual([...shopHeader, '取込不可の理由']);
    expect(rows.slice(1).map((r) => r.slice(0, shopHeader.length))).toEqual([sato, suzuki]);
    expect(rows[1]!.at(-1)).toBe('4行目: 「生年月日」: その元号にない日付です');
    expect(rows[2]!.at(-1)).toContain('「メールアドレス」: メールアドレスの形式ではありません');
  });

  it('a UTF-8 file with a BOM gets its rejected rows back as UTF-8 with a BOM, the reasons in English', async () => {
    const d = (desk = await setUpDesk());
    await asOfficer(d);
    const result = await commit(d, { file: asFile(utf8Bom(csvText([shopHeader, takahashi, suzuki])), 'export.csv'), language: 'en' });
    expect(result).toMatchObject({ imported: 1, rejected: 1 });
    expect(result.rejectedPath).toMatch(/rejected-export-\d{8}-\d{6}\.csv$/);
    const bytes = readFileSync(result.rejectedPath!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.subarray(3).toString('utf8')) as string[][];
    expect(rows[0]!.at(-1)).toBe('reason not imported');
    expect(rows[1]!.at(-1)).toBe('row 3: "生年月日": not a date, or a date that does not exist; "メールアドレス": not an e-mail address');
  });
});
