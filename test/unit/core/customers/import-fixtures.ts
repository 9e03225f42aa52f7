// Shop CSV files for the import tests, made here: the header a shop's system writes, rows of realistic customers.
import iconv from 'iconv-lite';
import type { ImportPreview, ImportResult } from '../../../../src-shared/api/customer-import';
import type { TestDesk } from '../../helpers/desk';

export const shopHeader = ['顧客番号', '氏名', 'フリガナ', '生年月日', '郵便番号', '都道府県', '市区町村', '住所1', '住所2', '電話番号', 'メールアドレス', '同意（3.6）'];

/** One row of the shop header's columns; `over` replaces cells by header. */
export function shopRow(n: number, over: Partial<Record<(typeof shopHeader)[number], string>> = {}): string[] {
  const base: Record<string, string> = {
    顧客番号: `C-${String(n).padStart(5, '0')}`,
    氏名: `山田 太郎${n}`,
    フリガナ: 'ヤマダ タロウ',
    生年月日: '1980-02-29',
    郵便番号: '150-0001',
    都道府県: '東京都',
    市区町村: '渋谷区',
    住所1: `神宮前1-2-${n}`,
    住所2: '',
    電話番号: '090-1234-5678',
    メールアドレス: `taro${n}@example.jp`,
    '同意（3.6）': '',
    ...over,
  };
  return shopHeader.map((h) => base[h] ?? '');
}

/** CSV text as Excel writes it: CRLF, quotes only where needed. */
export function csvText(rows: string[][]): string {
  const cell = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

export function asFile(bytes: Buffer, fileName = '顧客一覧.csv') {
  return { fileName, dataBase64: bytes.toString('base64') };
}

export const cp932 = (text: string) => iconv.encode(text, 'cp932');
export const utf8Bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);

export const preview = (d: TestDesk, input: Record<string, unknown>) => d.ok<ImportPreview>('customers.importPreview', { language: 'ja', ...input });
export const commit = (d: TestDesk, input: Record<string, unknown>) => d.ok<ImportResult>('customers.importCommit', { language: 'ja', ...input });

/** Customers in the database, by customer number. */
export async function customerNumbers(d: TestDesk): Promise<string[]> {
  const rows = await d.core.desk.requireDb().selectFrom('customers').select('customer_no').orderBy('customer_no').execute();
  return rows.map((r) => r.customer_no);
}
