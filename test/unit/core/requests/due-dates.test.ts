// Due dates in business days (Saturdays, Sundays and Japanese public holidays skipped), overdue requests that stand
// out once the day has passed, and the one extension, recorded with its reason and notified to the person.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestDetail, RequestRow, RequestSettings } from '../../../../src-shared/requests';
import { addBusinessDays, businessDaysBetween, isBusinessDay } from '../../../../electron/core/requests/business-days';
import { asOfficer, errorOf, signInAs, staffMember, type TestDesk } from '../../helpers/desk';
import { auditRows, clockTo, setUpRequestDesk, yamadaAsksDisclosure } from './setup';

describe('counting business days', () => {
  it('Monday 23 November 2026 is 勤労感謝の日: a request received on Friday the 20th has its first business day on Tuesday', () => {
    expect(isBusinessDay('2026-11-23')).toBe(false);
    expect(isBusinessDay('2026-11-21')).toBe(false);
    expect(isBusinessDay('2026-11-24')).toBe(true);
    expect(addBusinessDays('2026-11-20', 1)).toBe('2026-11-24');
  });

  it('fourteen business days from Friday 20 November end on Friday 11 December, a day later than without the holiday', () => {
    expect(addBusinessDays('2026-11-20', 14)).toBe('2026-12-11');
    // A fortnight without a holiday: fourteen business days from Friday 4 December are Thursday 24 December.
    expect(addBusinessDays('2026-12-04', 14)).toBe('2026-12-24');
  });

  it('New Year and Coming of Age Day: 1 January and 11 January 2027 are skipped', () => {
    // 31 Dec (Thu) counts, 1 Jan is 元日, then 4, 5, 6, 7 January; 11 January 2027 is 成人の日.
    expect(addBusinessDays('2026-12-30', 5)).toBe('2027-01-07');
    expect(addBusinessDays('2027-01-08', 1)).toBe('2027-01-12');
  });

  it('days left (from today to the due date) count business days, negative once past', () => {
    expect(businessDaysBetween('2026-12-11', '2026-12-11')).toBe(0);
    expect(businessDaysBetween('2026-11-20', '2026-11-24')).toBe(1);
    expect(businessDaysBetween('2026-11-25', '2026-12-11')).toBe(12);
    // Due on Friday the 11th: on Monday the 14th one business day has gone by, on Saturday the 12th none yet.
    expect(businessDaysBetween('2026-12-14', '2026-12-11')).toBe(-1);
    expect(businessDaysBetween('2026-12-12', '2026-12-11')).toBe(0);
  });
});

describe('on the desk', () => {
  let desk: TestDesk;
  let customers: Record<string, string>;
  let request: RequestDetail;
  const db = () => desk.core.desk.requireDb();

  beforeAll(async () => {
    ({ desk, customers } = await setUpRequestDesk());
    request = await desk.ok<RequestDetail>('requests.create', { ...yamadaAsksDisclosure, customerId: customers['C-0001'] });
  });
  afterAll(async () => desk.dispose());

  it('a request received on Friday 20 November 2026 is due on 11 December, past the weekend and 勤労感謝の日', () => {
    expect(request).toMatchObject({ receivedOn: '2026-11-20', dueOn: '2026-12-11', extended: false, overdue: false, businessDaysLeft: 12 });
  });

  it("the officer's setting of business days applies to requests registered after it", async () => {
    await asOfficer(desk);
    const settings = await desk.ok<RequestSettings>('requestSettings.get', {});
    await desk.ok('requestSettings.update', { dueBusinessDays: 10, idCopyRetentionDays: settings.idCopyRetentionDays, smtp: null });
    const later = await desk.ok<RequestDetail>('requests.create', { ...yamadaAsksDisclosure, kind: 'correction', customerId: customers['C-0001'] });
    expect(later.dueOn).toBe(addBusinessDays('2026-11-20', 10));
    expect(later.dueOn).toBe('2026-12-07');
    expect((await desk.ok<RequestDetail>('requests.get', { id: request.id })).dueOn).toBe('2026-12-11');
    await desk.ok('requests.transition', { id: later.id, to: 'withdrawn', note: '登録の誤り' });
    await desk.ok('requestSettings.update', { dueBusinessDays: 14, idCopyRetentionDays: settings.idCopyRetentionDays, smtp: null });
  });

  it('when the clock has moved past the due date the request shows as overdue, and the overdue filter finds it', async () => {
    await clockTo(desk, '2026-12-11T17:00:00+09:00', 'staff');
    const dueToday = (await desk.ok<{ rows: RequestRow[] }>('requests.list', {})).rows.find((r) => r.id === request.id)!;
    expect(dueToday).toMatchObject({ overdue: false, businessDaysLeft: 0 });
    expect((await desk.ok<{ rows: RequestRow[] }>('requests.list', { overdueOnly: true })).rows).toEqual([]);

    await clockTo(desk, '2026-12-14T09:00:00+09:00', 'staff');
    const list = await desk.ok<{ rows: RequestRow[]; total: number }>('requests.list', { overdueOnly: true });
    expect(list.rows.map((r) => r.number)).toContain(request.number);
    expect(list.rows.find((r) => r.id === request.id)).toMatchObject({ overdue: true, businessDaysLeft: -1 });
    expect(await desk.ok<RequestDetail>('requests.get', { id: request.id })).toMatchObject({ overdue: true, businessDaysLeft: -1 });
  });

  it('staff cannot extend a due date: the officer decides', async () => {
    expect(errorOf(await desk.call('requests.extend', { id: request.id, dueOn: '2026-12-25', reason: '調査に時間を要するため' }))).toMatchObject({ code: 'FORBIDDEN', message: 'auth.forbidden' });
  });

  it('the officer extends once with a reason: recorded on the request, in its history, and an extension notice for the person', async () => {
    await asOfficer(desk);
    expect(errorOf(await desk.call('requests.extend', { id: request.id, dueOn: '2026-12-11', reason: '調査に時間を要するため' }))).toMatchObject({
      code: 'VALIDATION',
      message: 'request.extensionNotLater',
    });
    const extended = await desk.ok<RequestDetail>('requests.extend', { id: request.id, dueOn: '2026-12-25', reason: '外部委託先の保有データの確認に時間を要するため' });
    expect(extended).toMatchObject({
      dueOn: '2026-12-25',
      extended: true,
      overdue: false,
      extension: { dueOn: '2026-12-25', reason: '外部委託先の保有データの確認に時間を要するため', byName: '南 真美' },
    });
    expect(extended.history.map((h) => h.action)).toContain('extended');
    const notice = extended.notices.find((n) => n.kind === 'extension');
    expect(notice).toMatchObject({ recipient: 'yamada.taro@example.jp', language: 'ja' });
    // The person reads the new date and the reason.
    expect(notice!.body).toContain('2026年12月25日');
    expect(notice!.body).toContain('外部委託先の保有データの確認に時間を要するため');
    expect(readFileSync(notice!.emlFile!, 'latin1')).toMatch(/^To: yamada\.taro@example\.jp/m);

    const [event] = await auditRows(desk, 'requests.extend');
    expect(JSON.parse(event!.details!)).toEqual({ previousDueOn: '2026-12-11', dueOn: '2026-12-25', noticeId: notice!.id });
    expect(JSON.stringify(event)).not.toMatch(/外部委託先|yamada/);
  });

  it('a second extension is refused and the first one stands', async () => {
    const again = errorOf(await desk.call('requests.extend', { id: request.id, dueOn: '2027-01-15', reason: 'さらに延長' }));
    expect(again).toMatchObject({ code: 'CONFLICT', message: 'request.alreadyExtended' });
    const stored = await db().selectFrom('requests').select(['extended_due_on', 'extension_reason']).where('id', '=', request.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ extended_due_on: '2026-12-25', extension_reason: '外部委託先の保有データの確認に時間を要するため' });
    expect(await db().selectFrom('notices').select('id').where('request_id', '=', request.id).where('kind', '=', 'extension').execute()).toHaveLength(1);
  });

  it('a closed request is not extended', async () => {
    await signInAs(desk, staffMember);
    const withdrawn = await desk.ok<RequestDetail>('requests.create', { ...yamadaAsksDisclosure, kind: 'erasure', receivedOn: '2026-12-14', customerId: customers['C-0003'] });
    await desk.ok('requests.transition', { id: withdrawn.id, to: 'withdrawn', note: '本人より取り下げ' });
    await asOfficer(desk);
    expect(errorOf(await desk.call('requests.extend', { id: withdrawn.id, dueOn: '2027-02-01', reason: '延長' }))).toMatchObject({ code: 'CONFLICT', message: 'request.closed' });
  });
});
