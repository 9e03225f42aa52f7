// Bad input: an impossible date, a malformed e-mail, an unknown encoding, a broken quote, an empty file, an
// over-limit file, columns nobody placed: a clear message naming the row and column where there is one.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxImportBytes } from '../../../../src-shared/api/customer-import';
import { asOfficer, errorOf, setUpDesk, type TestDesk } from '../../helpers/desk';
import { asFile, commit, cp932, csvText, customerNumbers, preview, shopHeader, shopRow, utf8Bom } from './import-fixtures';

let desk: TestDesk;
beforeAll(async () => {
  desk = await setUpDesk();
  await asOfficer(desk);
});
afterAll(async () => desk.dispose());

const refusal = async (input: Record<string, unknown>, method = 'customers.importPreview') => errorOf(await desk.call(method, { language: 'ja', ...input }));

describe('rows the desk cannot take', () => {
  it('an impossible date and a malformed e-mail are named by row and column, and the other rows import', async () => {
    const file = asFile(Buffer.from(csvText([shopHeader, shopRow(1), shopRow(2, { 生年月日: '2023-02-30' }), shopRow(3, { メールアドレス: 'taro3@' }), shopRow(4, { 生年月日: '2030/1/1' })])));
    const seen = await preview(desk, { file });
    expect(seen.problems).toEqual([
      { row: 3, column: 4, header: '生年月日', reason: 'import.dateInvalid' },
      { row: 4, column: 11, header: 'メールアドレス', reason: 'email.format' },
      { row: 5, column: 4, header: '生年月日', reason: 'import.dateFuture' },
    ]);
    expect(seen).toMatchObject({ encoding: 'utf-8', goodRows: 1, rejectedRows: 3, problemsTotal: 3 });
    const result = await commit(desk, { file });
    expect(result).toMatchObject({ imported: 1, rejected: 3 });
    expect(await customerNumbers(desk)).toEqual(['C-00001']);

    // The same file again: every row is now a customer number the desk already holds.
    const again = await preview(desk, { file });
    expect(again.problems[0]).toEqual({ row: 2, column: 1, header: '顧客番号', reason: 'import.customerNoExists' });
  });

  it('a customer number twice in one file: the first row stands, the second is refused', async () => {
    const seen = await preview(desk, { file: asFile(Buffer.from(csvText([shopHeader, shopRow(50), shopRow(50, { 氏名: '別人' })]))) });
    expect(seen.problems).toEqual([{ row: 3, column: 1, header: '顧客番号', reason: 'import.customerNoRepeated' }]);
  });
});

describe('files the desk cannot read', () => {
  it('random bytes are an unknown encoding', async () => {
    const random = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 2654435761) % 251));
    expect(await refusal({ file: asFile(random) })).toEqual({ code: 'VALIDATION', message: 'import.encodingUnknown' });
  });

  it('a broken quote names its row and column', async () => {
    const text = csvText([shopHeader, shopRow(1)]) + 'C-9,"山田 花子,ヤマダ ハナコ\r\n';
    expect(await refusal({ file: asFile(cp932(text)) })).toEqual({ code: 'VALIDATION', message: 'import.brokenQuote', details: { row: 3, column: 2 } });
  });

  it('an empty file, a BOM alone, and a header without rows', async () => {
    expect(await refusal({ file: { fileName: 'empty.csv', dataBase64: '' } })).toMatchObject({ message: 'import.empty' });
    expect(await refusal({ file: asFile(utf8Bom('')) })).toMatchObject({ message: 'import.empty' });
    expect(await refusal({ file: asFile(utf8Bom(csvText([shopHeader]))) })).toMatchObject({ message: 'import.noRows' });
  });

  it('a file over 200 MB is refused from its size alone, before it is decoded', async () => {
    // The real path: a base64 text one byte over the limit (V8 keeps a repeated string compactly).
    const dataBase64 = 'A'.repeat(Math.ceil(((maxImportBytes + 1) * 4) / 3) + 4);
    const started = Date.now();
    for (const method of ['customers.importPreview', 'customers.importCommit']) {
      expect(await refusal({ file: { fileName: 'huge.csv', dataBase64 } }, method)).toEqual({ code: 'VALIDATION', message: 'import.tooLarge', details: { maxBytes: maxImportBytes } });
    }
    // Decoding 200 MB and reading it as CSV takes seconds; the refusal takes none.
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('the mapping step', () => {
  const header = ['ショップ会員コード', 'お名前', 'カナ', '〒', '県', '市区町村', '住所', '備考'];
  const row = ['M-1', '田中 一郎', 'タナカ イチロウ', '〒100-0001', '東京都', '千代田区', '千代田1-1', 'VIP'];
  const file = asFile(Buffer.from(csvText([header, row])));

  it('unknown headers are listed with what is missing; the commit waits for the mapping, then imports', async () => {
    const seen = await preview(desk, { file });
    expect(seen.unknownHeaders).toEqual(['ショップ会員コード', '県', '備考']);
    expect(seen.missingFields).toEqual(['customerNo', 'prefecture']);
    expect(seen.fields).toContain('consent.3.6');
    expect(await refusal({ file }, 'customers.importCommit')).toMatchObject({ message: 'import.mappingMissing', details: { fields: ['customerNo', 'prefecture'] } });
    expect(await refusal({ file, mapping: { ショップ会員コード: 'customerNo', 県: 'prefecture' } }, 'customers.importCommit')).toMatchObject({ message: 'import.mappingUnknown', details: { headers: ['備考'] } });
    const mapping = { ショップ会員コード: 'customerNo', 県: 'prefecture', 備考: 'ignore' };
    expect((await preview(desk, { file, mapping })).unknownHeaders).toEqual([]);
    expect(await commit(desk, { file, mapping })).toMatchObject({ imported: 1, rejected: 0 });
    expect(await customerNumbers(desk)).toContain('M-1');
  });

  it('no rejected file is written when every row imports', async () => {
    const result = await commit(desk, { file: asFile(Buffer.from(csvText([shopHeader, shopRow(77)]))) });
    expect(result.rejectedPath).toBeUndefined();
    expect(existsSync(desk.exportsDir) ? (await import('node:fs')).readdirSync(desk.exportsDir).filter((f) => f.includes('C-00077')) : []).toEqual([]);
  });
});
