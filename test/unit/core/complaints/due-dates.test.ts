// The response to a complaint is due in business days, as a request's is: weekends and Japan's public holidays skipped,
// overdue the day after, and the home screen counts what is open, due soon and overdue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintDetail, ComplaintDueCounts, ComplaintRow } from '../../../../src-shared/api/complaints';
import { asOfficer, errorOf, type TestDesk } from '../../helpers/desk';
import { clockTo, record, setUpComplaintDesk, wrongAddressCall } from './setup';

let desk: TestDesk;
let complaint: ComplaintDetail;

const list = (show: string) => desk.ok<{ rows: ComplaintRow[]; total: number }>('complaints.list', { show });
const counts = () => desk.ok<ComplaintDueCounts>('complaints.dueCounts', {});

beforeAll(async () => {
  ({ desk } = await setUpComplaintDesk());
  complaint = await record(desk, wrongAddressCall());
});
afterAll(async () => desk.dispose());

describe('the due date', () => {
  it('is ten business days after receipt: Labour Thanksgiving Day (Monday 23 November) and the weekends do not count', () => {
    // Received Friday 20 November: 24–27 Nov, 30 Nov–4 Dec, then Monday 7 December is the tenth business day.
    expect(complaint).toMatchObject({ receivedOn: '2026-11-20', dueOn: '2026-12-07', state: 'open', overdue: false, businessDaysLeft: 8 });
  });

  it('moves with a corrected day of receipt', async () => {
    const moved = await desk.ok<ComplaintDetail>('complaints.update', { id: complaint.id, receivedOn: '2026-11-24' });
    expect(moved.dueOn).toBe('2026-12-08');
    complaint = await desk.ok<ComplaintDetail>('complaints.update', { id: complaint.id, receivedOn: '2026-11-20' });
    expect(complaint.dueOn).toBe('2026-12-07');
  });

  it('follows the officer’s setting for complaints received after it changes; staff cannot change it', async () => {
    expect(errorOf(await desk.call('complaints.updateSettings', { dueBusinessDays: 5 })).code).toBe('FORBIDDEN');
    await asOfficer(desk);
    expect(errorOf(await desk.call('complaints.updateSettings', { dueBusinessDays: 0 })).code).toBe('VALIDATION');
    await desk.ok('complaints.updateSettings', { dueBusinessDays: 5 });
    const quicker = await record(desk, { ...wrongAddressCall(), receivedOn: '2026-11-20' });
    expect(quicker.dueOn).toBe('2026-11-30');
    // The complaint already on file keeps the date it was given.
    expect((await desk.ok<ComplaintDetail>('complaints.get', { id: complaint.id })).dueOn).toBe('2026-12-07');
    await desk.ok('complaints.updateSettings', { dueBusinessDays: 10 });
    await desk.ok('complaints.close', { id: quicker.id, response: '電話で回答済み。', closedOn: '2026-11-25', problemFound: false });
    expect(await desk.ok('complaints.settings', {})).toEqual({ dueBusinessDays: 10 });
  });
});

describe('as the days pass', () => {
  it('three business days before, it is due soon', async () => {
    await clockTo(desk, '2026-12-02T09:30:00+09:00', 'staff');
    expect(await counts()).toEqual({ open: 1, dueSoon: 1, overdue: 0 });
    expect((await list('dueSoon')).rows.map((r) => r.number)).toEqual([complaint.number]);
    const [row] = (await list('open')).rows;
    expect(row).toMatchObject({ businessDaysLeft: 3, overdue: false });
  });

  it('on the due date itself it is not yet overdue', async () => {
    await clockTo(desk, '2026-12-07T17:00:00+09:00', 'staff');
    const [row] = (await list('open')).rows;
    expect(row).toMatchObject({ businessDaysLeft: 0, overdue: false });
    expect(await counts()).toEqual({ open: 1, dueSoon: 1, overdue: 0 });
  });

  it('the day after, it is overdue, listed under overdue and counted on the home screen', async () => {
    await clockTo(desk, '2026-12-08T09:00:00+09:00', 'staff');
    const overdue = await list('overdue');
    expect(overdue.rows.map((r) => r.number)).toEqual([complaint.number]);
    expect(overdue.rows[0]).toMatchObject({ overdue: true, businessDaysLeft: -1 });
    expect(await counts()).toEqual({ open: 1, dueSoon: 0, overdue: 1 });
    // The closed one is not counted, and shows under closed with no countdown.
    expect((await list('closed')).rows).toEqual([expect.objectContaining({ state: 'closed', businessDaysLeft: null, overdue: false, closedOn: '2026-11-25' })]);
  });

  it('closed late, it leaves the overdue list, and the trail says it was late', async () => {
    await desk.ok('complaints.close', { id: complaint.id, response: '住所の変更手続きの不備をお詫びし、訂正の請求として受け付けた旨を回答。', closedOn: '2026-12-08', problemFound: false });
    expect((await list('overdue')).total).toBe(0);
    expect(await counts()).toEqual({ open: 0, dueSoon: 0, overdue: 0 });
    const event = await desk.core.desk.requireDb().selectFrom('audit_events').select('details').where('action', '=', 'complaints.close').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(event.details!)).toMatchObject({ late: true, dueOn: '2026-12-07', closedOn: '2026-12-08' });
  });
});
