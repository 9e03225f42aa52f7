// Committing an import: a partner's file makes its Art. 30 receipt, nothing is half-imported, duplicates are
// flagged for review and never merged, and who may import.
import { existsSync, readdirSync } from 'node:fs';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../../../src-shared/customers';
import { asUpload, scannedPdf } from '../../../fixtures/scans';
import { addAccount, asOfficer, auditorPerson, errorOf, setUpDesk, signInAs, staffMember, type TestDesk } from '../../helpers/desk';
import { asFile, commit, cp932, csvText, customerNumbers, preview, shopHeader, shopRow } from './import-fixtures';

let desk: TestDesk | undefined;
afterEach(async () => {
  await desk?.dispose();
  desk = undefined;
});

const partner = {
  providerName: '株式会社ナニワ通販',
  providerAddress: '大阪府大阪市北区梅田1-1-1',
  providerRepresentative: '代表取締役 浪速 一郎',
  obtainedHow: '同社の会員登録時に本人から取得（第三者提供への同意あり）',
  receivedOn: '2026-11-20',
  items: '氏名、フリガナ、住所、電話番号、メールアドレス',
};

describe('a partner import', () => {
  it("creates one receipt record with the provider's details, and its customers point at it", async () => {
    const d = (desk = await setUpDesk());
    await asOfficer(d);
    const file = asFile(cp932(csvText([shopHeader, shopRow(1), shopRow(2), shopRow(3, { 生年月日: '2023-02-30' })])), 'ナニワ通販_202611.csv');
    const result = await commit(d, { file, partner });
    expect(result).toMatchObject({ imported: 2, rejected: 1, receiptId: expect.any(String) });

    const db = d.core.desk.requireDb();
    const receipts = await db.selectFrom('receipts').selectAll().execute();
    expect(receipts).toEqual([
      expect.objectContaining({
        id: result.receiptId,
        provider_name: '株式会社ナニワ通販',
        provider_address: '大阪府大阪市北区梅田1-1-1',
        provider_representative: '代表取締役 浪速 一郎',
        obtained_how: partner.obtainedHow,
        received_on: '2026-11-20',
        items: partner.items,
        keep_until: '2029-11-20',
      }),
    ]);
    const customers = await db.selectFrom('customers').select(['id', 'provenance', 'receipt_id']).execute();
    expect(customers.map((c) => [c.provenance, c.receipt_id])).toEqual([
      ['partner', result.receiptId],
      ['partner', result.receiptId],
    ]);
    const record = await d.ok<CustomerRecord>('customers.get', { id: customers[0]!.id });
    expect(record.receipt).toMatchObject({ providerName: '株式会社ナニワ通販', receivedOn: '2026-11-20' });
    expect(await db.selectFrom('customer_imports').select(['receipt_id', 'imported', 'rejected']).execute()).toEqual([{ receipt_id: result.receiptId, imported: 2, rejected: 1 }]);

    // The audit event names the import, the receipt and counts; no names, no file contents.
    const event = await db.selectFrom('audit_events').selectAll().where('action', '=', 'customers.importCommit').executeTakeFirstOrThrow();
    expect(JSON.parse(event.details!)).toEqual({ imported: 2, rejected: 1, duplicates: 0, receiptId: result.receiptId, encoding: 'cp932' });
    expect(event).toMatchObject({ target_type: 'customerImport', target_id: result.importId });
    expect(JSON.stringify(event)).not.toMatch(/山田|ナニワ|example\.jp/);
  });

  it('a receipt without the provider details is refused by the contract', async () => {
    const d = (desk = await setUpDesk());
    await asOfficer(d);
    const file = asFile(Buffer.from(csvText([shopHeader, shopRow(1)])));
    expect(errorOf(await d.call('customers.importCommit', { language: 'ja', file, partner: { ...partner, providerRepresentative: '' } })).code).toBe('VALIDATION');
    expect(await customerNumbers(d)).toEqual([]);
  });
});

describe('nothing is half-imported', () => {
  it('a failure on the 150th row takes back the 149 before it, the receipt and the import record, and writes no file', async () => {
    const d = (desk = await setUpDesk());
    await asOfficer(d);
    const db = d.core.desk.requireDb();
    // A stand-in for a disk or database failure in the middle of the commit.
    await sql`create temp trigger fail_mid_import before insert on customers when new.customer_no = 'C-00150'
              begin select raise(abort, 'disk I/O error'); end`.execute(db);
    const rows = [shopHeader, ...Array.from({ length: 300 }, (_, i) => shopRow(i + 1)), shopRow(999, { 生年月日: '2023-02-30' })];
    const file = asFile(cp932(csvText(rows)));
    const error = errorOf(await d.call('customers.importCommit', { language: 'ja', file, partner }));
    expect(error.code).toBe('INTERNAL');

    expect(await customerNumbers(d)).toEqual([]);
    for (const table of ['receipts', 'customer_phones', 'customer_emails', 'consents', 'customer_changes', 'customer_imports', 'customer_import_reviews'] as const) {
      const { n } = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(n), table).toBe(0);
    }
    expect(existsSync(d.exportsDir) ? readdirSync(d.exportsDir) : []).toEqual([]);

    // Once the fault is gone, the same file imports whole.
    await sql`drop trigger fail_mid_import`.execute(db);
    expect(await commit(d, { file, partner })).toMatchObject({ imported: 300, rejected: 1 });
  });
});

describe('possible duplicates', () => {
  it('are flagged for review, not merged: same e-mail, or same reading and date of birth', async () => {
    const d = (desk = await setUpDesk());
    await asOfficer(d);
    await commit(d, { file: asFile(Buffer.from(csvText([shopHeader, shopRow(1, { メールアドレス: 'Taro@Example.jp', 生年月日: '1980-02-29' })]))) });
    const [existing] = await d.core.desk.requireDb().selectFrom('customers').select('id').execute();

    const file = asFile(
      Buffer.from(
        csvText([
          shopHeader,
          // Same e-mail in another case, another person's name and reading.
          shopRow(2, { 氏名: '山田 次郎', フリガナ: 'ヤマダ ジロウ', 生年月日: '', メールアドレス: 'taro@example.JP' }),
          // Same reading in hiragana and half-width katakana, same birthday in era form.
          shopRow(3, { フリガナ: 'やまだ たろう', 生年月日: '昭和55年2月29日', メールアドレス: 'other3@example.jp' }),
          shopRow(4, { フリガナ: 'ﾔﾏﾀﾞ ﾀﾛｳ', 生年月日: '1980-03-01', メールアドレス: 'other4@example.jp' }),
        ]),
      ),
    );
    expect((await preview(d, { file })).possibleDuplicates).toBe(2);
    const result = await commit(d, { file });
    expect(result).toMatchObject({ imported: 3, duplicates: 2 });
    expect(await customerNumbers(d)).toEqual(['C-00001', 'C-00002', 'C-00003', 'C-00004']);

    const db = d.core.desk.requireDb();
    const reviews = await db
      .selectFrom('customer_import_reviews as r')
      .innerJoin('customers as c', 'c.id', 'r.customer_id')
      .select(['c.customer_no', 'r.existing_customer_id', 'r.reason', 'r.status', 'r.import_id'])
      .orderBy('c.customer_no')
      .execute();
    expect(reviews).toEqual([
      { customer_no: 'C-00002', existing_customer_id: existing!.id, reason: 'email', status: 'open', import_id: result.importId },
      { customer_no: 'C-00003', existing_customer_id: existing!.id, reason: 'readingAndBirthDate', status: 'open', import_id: result.importId },
    ]);
    // The existing record is untouched: still one e-mail, its own.
    const record = await d.ok<CustomerRecord>('customers.get', { id: existing!.id });
    expect(record.emails).toEqual([{ address: 'Taro@example.jp' }]);
  });
});

describe('who may import', () => {
  it('staff with a current statement may; staff without one are sent to the manager; the auditor may not', async () => {
    const d = (desk = await setUpDesk());
    const staffId = await addAccount(d, staffMember);
    await addAccount(d, auditorPerson);
    const file = asFile(Buffer.from(csvText([shopHeader, shopRow(1)])));

    await signInAs(d, staffMember);
    expect(errorOf(await d.call('customers.importPreview', { language: 'ja', file }))).toMatchObject({ code: 'FORBIDDEN', message: 'statements.required' });

    await asOfficer(d);
    await d.ok('statements.record', { accountId: staffId, templateVersion: 1, signedOn: '2026-11-20', trainingOn: '2026-11-20', scan: asUpload(scannedPdf(), 's.pdf', 'application/pdf') });
    await signInAs(d, staffMember);
    expect((await preview(d, { file })).goodRows).toBe(1);
    expect(await commit(d, { file })).toMatchObject({ imported: 1 });

    await signInAs(d, auditorPerson);
    expect(errorOf(await d.call('customers.importCommit', { language: 'ja', file }))).toMatchObject({ code: 'FORBIDDEN', message: 'auth.forbidden' });
  });
});
