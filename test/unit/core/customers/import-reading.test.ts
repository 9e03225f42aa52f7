// Reading a shop's CSV: its encoding, its quotes, its headers and the way people write dates, postal codes and phones.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../electron/core/customers/import/csv';
import { decodeImportFile, encodeLike } from '../../../../electron/core/customers/import/encoding';
import { mapColumns } from '../../../../electron/core/customers/import/headers';
import { parseDate, parseExpiry } from '../../../../electron/core/customers/import/japanese-dates';
import { normaliseCardBrand, normalisePhone, normalisePostalCode, normalisePrefecture } from '../../../../electron/core/customers/import/values';
import { DeskError } from '../../../../electron/core/errors';

function refusal(work: () => unknown): { key: string; details?: Record<string, unknown> } {
  try {
    work();
  } catch (err) {
    if (err instanceof DeskError) return { key: err.key, ...(err.details ? { details: err.details } : {}) };
    throw err;
  }
  throw new Error('expected a refusal');
}

const japanese = '氏名,住所\n髙橋 ①子,㈱ナニワ商事 ２階\n';

describe('the encoding of a file', () => {
  it('a CP932 file (what Excel in Japan calls Shift_JIS) is recognised and 髙, ①, ㈱ survive', () => {
    const decoded = decodeImportFile(iconv.encode(japanese, 'cp932'));
    expect(decoded).toEqual({ encoding: 'cp932', text: japanese });
  });

  it('UTF-8 with and without a BOM are told apart, and the BOM does not stick to the first header', () => {
    expect(decodeImportFile(Buffer.from('\ufeff' + japanese, 'utf8'))).toEqual({ encoding: 'utf-8-bom', text: japanese });
    expect(decodeImportFile(Buffer.from(japanese, 'utf8'))).toEqual({ encoding: 'utf-8', text: japanese });
  });

  it('random bytes, UTF-16 and a file with NUL bytes are an unknown encoding, not mojibake', () => {
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    expect(refusal(() => decodeImportFile(random)).key).toBe('import.encodingUnknown');
    expect(refusal(() => decodeImportFile(Buffer.from('\ufeff氏名', 'utf16le'))).key).toBe('import.encodingUnknown');
    expect(refusal(() => decodeImportFile(Buffer.from('name\u0000x', 'latin1'))).key).toBe('import.encodingUnknown');
  });

  it('text goes back out in the encoding it came in', () => {
    expect(iconv.decode(encodeLike('cp932', japanese), 'cp932')).toBe(japanese);
    expect([...encodeLike('utf-8-bom', 'a').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(encodeLike('utf-8', 'a').toString('hex')).toBe('61');
  });
});

describe('the CSV', () => {
  it('quoted cells may hold commas, quotes and line breaks; rows are numbered as a spreadsheet shows them', () => {
    const table = parseCsv('氏名,住所\r\n"山田, 太郎","東京都""本社""\n2階"\r\n\r\n佐藤,大阪\r\n,\r\n');
    expect(table.headers).toEqual(['氏名', '住所']);
    expect(table.rows).toEqual([
      { row: 2, cells: ['山田, 太郎', '東京都"本社"\n2階'] },
      { row: 3, cells: ['佐藤', '大阪'] },
    ]);
  });

  it('a broken quote names the row and the column, and never the cell', () => {
    const unclosed = refusal(() => parseCsv('氏名,電話番号\n山田,090\n佐藤,"4111 1111 1111 1111\n鈴木,080\n'));
    expect(unclosed).toEqual({ key: 'import.brokenQuote', details: { row: 3, column: 2 } });
    expect(JSON.stringify(unclosed)).not.toContain('4111');
    expect(refusal(() => parseCsv('a,b,c\n1,2,3\n4,5,"x"y\n'))).toEqual({ key: 'import.brokenQuote', details: { row: 3, column: 3 } });
  });

  it('an empty file, or one of blank lines, is empty', () => {
    expect(refusal(() => parseCsv('')).key).toBe('import.empty');
    expect(refusal(() => parseCsv('\r\n \n')).key).toBe('import.empty');
  });

  it('a tab-separated export is read too', () => {
    expect(parseCsv('氏名\t電話番号\n山田\t090-1234-5678\n').rows[0]!.cells).toEqual(['山田', '090-1234-5678']);
  });
});

describe('headers', () => {
  const purposes = new Set(['3.4', '3.6']);

  it('Japanese and English headers find their fields; numbered phone columns all count; unknown ones are listed', () => {
    const headers = ['顧客番号', 'お名前', 'フリガナ', 'Date of Birth', '〒', '都道府県', '市区町村', '住所1', '住所2', '電話番号1', '電話番号2', '携帯電話', 'E-mail', 'カード会社', 'カード下４桁', '有効期限', '同意（3.6）', '備考'];
    const { mapping, unknownHeaders, columns } = mapColumns(headers, undefined, purposes);
    expect(mapping).toMatchObject({ 顧客番号: 'customerNo', お名前: 'name', フリガナ: 'nameKana', 'Date of Birth': 'birthDate', '〒': 'postalCode', 電話番号1: 'phone', 電話番号2: 'phone', 携帯電話: 'phone.mobile', 'E-mail': 'email', カード下４桁: 'card.last4', '同意（3.6）': 'consent.3.6' });
    expect(unknownHeaders).toEqual(['備考']);
    expect(columns.at(-1)).toBeNull();
  });

  it("the user's mapping wins; a field the user maps twice is refused, one guessed twice is asked about", () => {
    expect(mapColumns(['備考', '氏名'], { 備考: 'ignore', 氏名: 'nameKana' }, purposes).mapping).toEqual({ 備考: 'ignore', 氏名: 'nameKana' });
    expect(refusal(() => mapColumns(['a', 'b'], { a: 'name', b: 'name' }, purposes)).key).toBe('import.mappingTwice');
    expect(refusal(() => mapColumns(['a'], { a: 'password' }, purposes)).key).toBe('import.mappingUnknownField');
    expect(refusal(() => mapColumns(['a'], { a: 'consent.9.9' }, purposes)).key).toBe('import.mappingUnknownField');
    expect(mapColumns(['住所', '住所1'], undefined, purposes).unknownHeaders).toEqual(['住所1']);
  });
});

describe('dates', () => {
  it.each([
    ['2023-04-01', '2023-04-01'],
    ['2023/4/1', '2023-04-01'],
    ['2023年4月1日', '2023-04-01'],
    ['２０２３／０４／０１', '2023-04-01'],
    ['2023/4/1 0:00', '2023-04-01'],
    ['20230401', '2023-04-01'],
    ['令和5年4月1日', '2023-04-01'],
    ['令和５年４月１日', '2023-04-01'],
    ['R5.4.1', '2023-04-01'],
    ['r5/4/1', '2023-04-01'],
    ['H31.4.30', '2019-04-30'],
    ['平成元年1月8日', '1989-01-08'],
    ['㍻元年1月8日', '1989-01-08'],
    ['昭和63年12月31日', '1988-12-31'],
    ['昭和64年1月7日', '1989-01-07'],
    ['S55.2.29', '1980-02-29'],
    ['大正15年12月24日', '1926-12-24'],
    ['明治45年7月29日', '1912-07-29'],
  ])('%s is %s', (text, date) => {
    expect(parseDate(text)).toEqual({ ok: true, date });
  });

  it.each([
    ['2023-02-30', 'import.dateInvalid'],
    ['2023-13-01', 'import.dateInvalid'],
    ['2023-02-29', 'import.dateInvalid'],
    ['R5.2.29', 'import.dateInvalid'],
    ['昨日', 'import.dateInvalid'],
    ['2023/4', 'import.dateInvalid'],
    ['平成0年1月1日', 'import.dateInvalid'],
    ['H31.5.1', 'import.dateOutsideEra'],
    ['平成元年1月7日', 'import.dateOutsideEra'],
    ['昭和64年1月8日', 'import.dateOutsideEra'],
    ['令和元年4月30日', 'import.dateOutsideEra'],
    ['明治3年1月1日', 'import.dateOutsideEra'],
  ])('%s is refused (%s)', (text, reason) => {
    expect(parseDate(text)).toEqual({ ok: false, reason });
  });

  it('card expiry is read as it is printed on the card', () => {
    expect(parseExpiry('12/27')).toBe('2027-12');
    expect(parseExpiry('2027/1')).toBe('2027-01');
    expect(parseExpiry('１２／２０２７')).toBe('2027-12');
    expect(parseExpiry('13/27')).toBeNull();
  });
});

describe('postal codes, phones, prefectures, brands', () => {
  it('〒 and full-width digits become 150-0001; anything but seven digits is refused', () => {
    for (const v of ['〒150-0001', '〒１５０－０００１', '1500001', '150 0001', '〒 150ー0001']) expect(normalisePostalCode(v)).toBe('150-0001');
    for (const v of ['150-001', '〒', 'abc-defg', '150-00011']) expect(normalisePostalCode(v)).toBeNull();
  });

  it('phone numbers in the ways people write them', () => {
    expect(normalisePhone('０９０-１２３４-５６７８')).toBe('090-1234-5678');
    expect(normalisePhone('09012345678')).toBe('090-1234-5678');
    expect(normalisePhone('090 1234 5678')).toBe('090-1234-5678');
    expect(normalisePhone('+81 90-1234-5678')).toBe('090-1234-5678');
    expect(normalisePhone('03(1234)5678')).toBe('03-1234-5678');
    expect(normalisePhone('0120123456')).toBe('0120-123-456');
    for (const v of ['12345', 'tel', '090-1234-567', '0000']) expect(normalisePhone(v)).toBeNull();
  });

  it('prefectures without their suffix, and card brands in katakana', () => {
    expect(normalisePrefecture('東京')).toBe('東京都');
    expect(normalisePrefecture('大阪')).toBe('大阪府');
    expect(normalisePrefecture('神奈川県')).toBe('神奈川県');
    expect(normalisePrefecture('ニューヨーク')).toBeNull();
    expect(normaliseCardBrand('ＶＩＳＡ')).toBe('visa');
    expect(normaliseCardBrand('アメックス')).toBe('amex');
    expect(normaliseCardBrand('楽天')).toBe('other');
  });
});
