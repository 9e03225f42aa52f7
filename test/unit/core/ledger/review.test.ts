// The yearly review (JIS Q 15001: the ledger is reviewed at least once a year): an entry unconfirmed for 13 months is
// overdue, on the list and on the home screen's count; a review done on paper before the desk counts, and cannot be
// moved later; a retired entry is no longer reviewed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerCounts, LedgerEntry, LedgerRow } from '../../../../src-shared/api/ledger';
import { errorOf, setUpDesk, type TestDesk } from '../../helpers/desk';
import { applicants, clockTo, customerMaster, register } from './steps';

let desk: TestDesk;
let customers: LedgerEntry;
let hr: LedgerEntry;
const list = (show: string) => desk.ok<{ rows: LedgerRow[]; counts: LedgerCounts }>('ledger.list', { show });
const names = async (show: string) => (await list(show)).rows.map((r) => r.name);
const due = () => desk.ok<{ overdue: number; dueSoon: number; awaitingApproval: number }>('ledger.due', {});

beforeAll(async () => {
  desk = await setUpDesk();
  await clockTo(desk, '2026-11-25T10:00:00+09:00');
  customers = await register(desk, customerMaster);
});
afterAll(async () => desk.dispose());

describe('an entry never confirmed', () => {
  it('is due a year after it was registered, and not overdue on that day', async () => {
    await clockTo(desk, '2027-11-25T17:00:00+09:00');
    const entry = await desk.ok<LedgerEntry>('ledger.get', { id: customers.id });
    expect(entry.review).toMatchObject({ basis: 'registered', dueOn: '2027-11-25', overdue: false, dueSoon: true });
    expect(await due()).toEqual({ overdue: 0, dueSoon: 1, awaitingApproval: 0 });
  });

  it('is overdue 13 months on: listed under overdue and counted on the home screen', async () => {
    await clockTo(desk, '2027-12-26T09:00:00+09:00');
    expect((await desk.ok<LedgerEntry>('ledger.get', { id: customers.id })).review).toMatchObject({ overdue: true, dueSoon: false, dueOn: '2027-11-25' });
    expect(await names('overdue')).toEqual(['顧客マスタ']);
    expect(await due()).toEqual({ overdue: 1, dueSoon: 0, awaitingApproval: 0 });
  });

  it('once the officer confirms it, is due again a year later', async () => {
    const confirmed = await desk.ok<LedgerEntry>('ledger.confirm', { id: customers.id });
    expect(confirmed.review).toMatchObject({ basis: 'confirmed', dueOn: '2028-12-26', overdue: false });
    expect(await names('overdue')).toEqual([]);
  });
});

describe('an entry last reviewed on paper before the desk', () => {
  it('counts from the paper review: reviewed 13 months ago, it is overdue the day it is registered', async () => {
    hr = await register(desk, applicants, { on: '2026-11-20', by: '人事部長 小川 恵' });
    expect(hr.review).toMatchObject({ basis: 'paper', paperReviewedOn: '2026-11-20', paperReviewedBy: '人事部長 小川 恵', lastConfirmedAt: null, dueOn: '2027-11-20', overdue: true });
    expect(await names('overdue')).toEqual(['採用応募者']);
  });

  it('keeps its paper review as it was given: it cannot be moved later to hide the overdue review', async () => {
    const moved = errorOf(await desk.call('ledger.save', { id: hr.id, entry: applicants, paperReview: { on: '2027-12-01', by: '人事部長 小川 恵' } }));
    expect(moved).toMatchObject({ code: 'VALIDATION', message: 'ledger.paperReviewAtRegistration', details: { path: 'paperReview.on' } });
    // Given again unchanged with the rest of the entry, it is accepted.
    const same = await desk.ok<LedgerEntry>('ledger.save', { id: hr.id, entry: { ...applicants, retention: '選考終了後1年' }, paperReview: { on: '2026-11-20', by: '人事部長 小川 恵' } });
    expect(same.review.paperReviewedOn).toBe('2026-11-20');
  });

  it('a paper review cannot be dated after today', async () => {
    const later = errorOf(await desk.call('ledger.save', { entry: { ...applicants, name: '採用内定者' }, paperReview: { on: '2027-12-27', by: '人事部' } }));
    expect(later).toMatchObject({ code: 'VALIDATION', message: 'ledger.paperReviewFuture' });
  });
});

describe('a retired entry', () => {
  it('is no longer reviewed: it leaves the overdue list and the current ledger, and shows under retired', async () => {
    const retired = await desk.ok<LedgerEntry>('ledger.retire', { id: hr.id, retiredOn: '2027-12-20', reason: '紙の応募書類の受付をやめ、採用管理サービスに移行したため' });
    expect(retired).toMatchObject({ retiredOn: '2027-12-20', retiredReason: '紙の応募書類の受付をやめ、採用管理サービスに移行したため', review: { overdue: false } });
    expect(await names('overdue')).toEqual([]);
    expect(await names('current')).toEqual(['顧客マスタ']);
    expect(await names('retired')).toEqual(['採用応募者']);
    expect((await list('all')).counts).toEqual({ current: 1, overdue: 0, dueSoon: 0, awaitingApproval: 0, retired: 1 });
  });

  it('cannot be confirmed, changed or retired again', async () => {
    for (const [method, input] of [
      ['ledger.confirm', { id: hr.id }],
      ['ledger.save', { id: hr.id, entry: applicants }],
      ['ledger.retire', { id: hr.id, retiredOn: '2027-12-21', reason: '重複' }],
    ] as const) {
      expect(errorOf(await desk.call(method, input))).toMatchObject({ code: 'CONFLICT', message: 'ledger.retired' });
    }
  });

  it('its name may be used again by a new entry, as the company may hold that data again', async () => {
    const again = await register(desk, applicants);
    expect(again).toMatchObject({ number: 'L-003', name: '採用応募者', retiredOn: null });
  });
});
