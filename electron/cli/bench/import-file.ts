// The import benchmark's file: demo customers as a shop's system exports them, Shift_JIS (CP932) CSV, CRLF.
import iconv from 'iconv-lite';
import { stringify } from 'csv-stringify/sync';
import { customerInput, type CustomerInput, type ParsedCustomerInput } from '../../../src-shared/api/customer-input';
import { demoCustomer, random } from '../demo/generate';

/** The columns of a typical shop export; the desk maps every one of them by its header. */
export const importHeader = [
  '顧客番号', '氏名', 'フリガナ', 'ローマ字', '生年月日', '郵便番号', '都道府県', '市区町村', '住所1', '住所2',
  '携帯電話', '自宅電話', 'メールアドレス', 'カード会社', 'カード下4桁', '有効期限', '同意（3.1）', '同意（3.2）', '同意（3.6）',
];

/** Customer numbers of imported rows start here, far above any seeded desk's (C-0000001 …). */
export const importNumberBase = 8_000_000;

export interface ImportFile {
  /** The CSV as the shop hands it over. */
  bytes: Buffer;
  /** The same rows as the desk's schema reads them: what the bare insert writes. */
  parsed: ParsedCustomerInput[];
}

function cells(c: CustomerInput): string[] {
  const phone = (kind: string) => c.phones?.find((p) => p.kind === kind)?.number ?? '';
  const card = c.paymentMethods?.[0];
  const consent = (purpose: string) => c.consents?.find((k) => k.purposeId === purpose && (k.state ?? 'given') === 'given')?.on ?? '';
  return [
    c.customerNo, c.name, c.nameKana, c.nameRomaji ?? '', c.birthDate ?? '', c.postalCode, c.prefecture, c.city, c.addressLine1, c.addressLine2 ?? '',
    phone('mobile'), phone('home'), c.emails?.[0]?.address ?? '', card?.brand ?? '', card?.last4 ?? '', card?.expiry ?? '',
    consent('3.1'), consent('3.2'), consent('3.6'),
  ];
}

/**
 * `rows` customers drawn from the demo generator with their own seed, as CSV cells and as the schema parses the
 * same cells (orders, identifiers and feedback are not columns of a shop's customer export, so neither has them).
 */
export function importFile(rows: number, seed: number, today: string): ImportFile {
  const rng = random(seed * 104729 + 17);
  const records: string[][] = [importHeader];
  const parsed: ParsedCustomerInput[] = [];
  for (let i = 0; i < rows; i++) {
    const demo = demoCustomer(importNumberBase + i, rng, { receiptIds: [], today });
    const row = cells(demo);
    records.push(row);
    const given = (purpose: string, on: string) => (on ? [{ purposeId: purpose, on, channel: 'import' as const }] : []);
    parsed.push(
      customerInput.parse({
        customerNo: demo.customerNo,
        name: demo.name,
        nameKana: demo.nameKana,
        nameRomaji: demo.nameRomaji,
        birthDate: demo.birthDate,
        postalCode: demo.postalCode,
        prefecture: demo.prefecture,
        city: demo.city,
        addressLine1: demo.addressLine1,
        addressLine2: demo.addressLine2,
        provenance: 'registration',
        phones: demo.phones,
        emails: demo.emails,
        paymentMethods: demo.paymentMethods,
        consents: [...given('3.1', row[16]!), ...given('3.2', row[17]!), ...given('3.6', row[18]!)],
      }),
    );
  }
  return { bytes: iconv.encode(stringify(records, { record_delimiter: 'windows' }), 'cp932'), parsed };
}
