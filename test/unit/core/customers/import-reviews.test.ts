// Reviewing the possible duplicates an import flagged (issue #4): both records side by side, decided as two people or
// one person with two records, never merged; masked for staff like any list; no customer for the auditor.
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportReviewRow } from '../../../../src-shared/api/customer-import';
import type { CustomerRecord } from '../../../../src-shared/customers';
import { asUpload, scannedPdf } from '../../../fixtures/scans';
import { addAccount, asOfficer, auditorPerson, errorOf, setUpDesk, signInAs, staffMember, type TestDesk } from '../../helpers/desk';
import { asFile, commit, csvText, customerNumbers, shopHeader, shopRow } from './import-fixtures';

let desk: TestDesk | undefined;
afterEach(async () => {
  await desk?.dispose();
  desk = undefined;
});

type Reviews = { rows: ImportReviewRow[]; total: number };

/** C-00001 is held; the second file brings C-00002 with C-00001's e-mail (another name, no birthday). */
async function importWithSameEmail(d: TestDesk): Promise<void> {
  await commit(d, { file: asFile(Buffer.from(csvText([shopHeader, shopRow(1, { メールアドレス: 'taro@example.jp' })]))) });
  await commit(d, {
    file: asFile(Buffer.from(csvText([shopHeader, shopRow(2, { 氏名: '山田 次郎', フリガナ: 'ヤマダ ジロウ', 生年月日: '', メールアドレス: 'Taro@Example.jp' }), shopRow(3, { 氏名: '鈴木 花子', フリガナ: 'スズキ ハナコ' })]))),
  });
}

describe('possible duplicates under review', () => {
  it('an import that brings a customer with the e-mail of an existing one shows up for review with both records; marking them distinct closes it; nothing was merged', async () => {
    const d = (desk = await setUpDesk());
    await asOfficer(d);
    await importWithSameEmail(d);

    const open = await d.ok<Reviews>('customers.importReviews', { status: 'open', page: 0, pageSize: 50 });
    expect(open.total).toBe(1);
    const [review] = open.rows;
    expect(review).toMatchObject({
      status: 'open',
      reasons: ['email'],
      newCustomer: { customerNo: 'C-00002', name: '山田 次郎', email: 'Taro@example.jp', birthDate: null, masked: false },
      existing: [{ customerNo: 'C-00001', name: '山田 太郎1', email: 'taro@example.jp', birthDate: '1980-02-29', masked: false }],
    });
    expect(review!.decidedAt).toBeUndefined();

    const decided = await d.ok<ImportReviewRow>('customers.decideReview', { id: review!.id, decision: 'distinct', note: '電話で確認、別のご家族' });
    expect(decided).toMatchObject({ id: review!.id, status: 'distinct', decidedAt: expect.any(String), decidedBy: '南 真美', note: '電話で確認、別のご家族' });
    expect((await d.ok<Reviews>('customers.importReviews', { status: 'open', page: 0, pageSize: 50 })).total).toBe(0);
    expect((await d.ok<Reviews>('customers.importReviews', { status: 'distinct', page: 0, pageSize: 50 })).rows.map((r) => r.id)).toEqual([review!.id]);
    // Decided once: a second decision is refused.
    expect(errorOf(await d.call('customers.decideReview', { id: review!.id, decision: 'samePerson' }))).toMatchObject({ code: 'CONFLICT', message: 'review.decided' });

    // Nothing was merged: both customers are there, each with their own e-mail.
    expect(await customerNumbers(d)).toEqual(['C-00001', 'C-00002', 'C-00003']);
    const db = d.core.desk.requireDb();
    const ids = Object.fromEntries((await db.selectFrom('customers').select(['id', 'customer_no']).execute()).map((c) => [c.customer_no, c.id]));
    expect((await d.ok<CustomerRecord>('customers.get', { id: ids['C-00001'] })).emails).toEqual([{ address: 'taro@example.jp' }]);
    expect((await d.ok<CustomerRecord>('customers.get', { id: ids['C-00002'] })).emails).toEqual([{ address: 'Taro@example.jp' }]);

    // The trail: the list as a read, the decision as a write with the review id and decision, never the note's words.
    const events = await db.selectFrom('audit_events').selectAll().where('action', 'in', ['customers.importReviews', 'customers.decideReview']).orderBy('seq').execute();
    const decision = events.find((e) => e.action === 'customers.decideReview' && e.outcome === 'ok')!;
    expect(decision).toMatchObject({ target_type: 'customerImportReview', target_id: String(review!.id) });
    expect(JSON.parse(decision.details!)).toMatchObject({ decision: 'distinct', note: true });
    expect(JSON.stringify(events)).not.toMatch(/山田|家族|example\.jp/i);
  });

  it("'same person' records the decision and merges nothing", async () => {
    const d = (desk = await setUpDesk());
    await asOfficer(d);
    await importWithSameEmail(d);
    const [review] = (await d.ok<Reviews>('customers.importReviews', { page: 0, pageSize: 50 })).rows;
    expect(await d.ok<ImportReviewRow>('customers.decideReview', { id: review!.id, decision: 'samePerson' })).toMatchObject({ status: 'samePerson' });
    expect(await customerNumbers(d)).toEqual(['C-00001', 'C-00002', 'C-00003']);
    expect((await d.ok<Reviews>('customers.importReviews', { status: 'samePerson', page: 0, pageSize: 50 })).total).toBe(1);
  });

  it('staff see the rows masked like a search; the auditor is refused both calls', async () => {
    const d = (desk = await setUpDesk());
    const staffId = await addAccount(d, staffMember);
    await addAccount(d, auditorPerson);
    await asOfficer(d);
    await d.ok('statements.record', { accountId: staffId, templateVersion: 1, signedOn: '2026-11-20', trainingOn: '2026-11-20', scan: asUpload(scannedPdf(), 's.pdf', 'application/pdf') });
    await importWithSameEmail(d);

    await signInAs(d, staffMember);
    const [review] = (await d.ok<Reviews>('customers.importReviews', { status: 'open', page: 0, pageSize: 50 })).rows;
    expect(review!.newCustomer).toMatchObject({ email: 'T***@example.jp', phone: '090-****-5678', birthDate: null, masked: true });
    expect(review!.existing[0]).toMatchObject({ email: 't***@example.jp', phone: '090-****-5678', birthDate: '1980', masked: true });
    expect(JSON.stringify(review)).not.toContain('1234');
    expect(await d.ok<ImportReviewRow>('customers.decideReview', { id: review!.id, decision: 'distinct' })).toMatchObject({ status: 'distinct', newCustomer: { masked: true } });

    await signInAs(d, auditorPerson);
    expect(errorOf(await d.call('customers.importReviews', { page: 0, pageSize: 50 }))).toMatchObject({ code: 'FORBIDDEN', message: 'auth.forbidden' });
    expect(errorOf(await d.call('customers.decideReview', { id: review!.id, decision: 'samePerson' }))).toMatchObject({ code: 'FORBIDDEN', message: 'auth.forbidden' });
  });
});
