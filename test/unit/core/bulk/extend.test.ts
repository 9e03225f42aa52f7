// The officer extends twenty overdue requests at once: a preview that changes nothing, then each request extended
// by the single extension's own rules, each person told by an extension notice, each request in the audit trail.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkResult } from '../../../../src-shared/api/bulk';
import type { RequestDetail } from '../../../../src-shared/requests';
import { addBusinessDays } from '../../../../electron/core/requests/business-days';
import { asOfficer, errorOf, signInAs, staffMember, type TestDesk } from '../../helpers/desk';
import { setUpRequestDesk } from '../requests/setup';
import { db, events, registerRequests } from './setup';

const reason = '年末の繁忙期につき、保有データの確認に時間を要するため';

describe('a bulk extension of 20 overdue requests previews, confirms, and notifies each', () => {
  let desk: TestDesk;
  let overdue: RequestDetail[];
  let closed: RequestDetail;
  let extendedOnce: RequestDetail;
  let ids: string[];
  const outbox = () => join(desk.exportsDir, 'outbox');
  const emlFiles = () => (existsSync(outbox()) ? readdirSync(outbox()).filter((f) => f.endsWith('.eml')) : []);

  beforeAll(async () => {
    ({ desk } = await setUpRequestDesk());
    // Staff registered these in October; on 25 November 2026 all twenty are past their fourteen business days.
    overdue = await registerRequests(desk, 20);
    const later = await registerRequests(desk, 2, '2026-11-16');
    closed = later[0]!;
    extendedOnce = later[1]!;
    await desk.ok('requests.transition', { id: closed.id, to: 'withdrawn', note: '本人より取り下げ' });
    await asOfficer(desk);
    await desk.ok('requests.extend', { id: extendedOnce.id, dueOn: '2027-01-08', reason: '外部委託先の確認のため' });
    ids = [...overdue.map((r) => r.id), closed.id, extendedOnce.id];
  }, 60_000);
  afterAll(() => desk.dispose());

  it('the overdue filter lists the twenty the officer selects', async () => {
    const list = await desk.ok<{ rows: { id: string; overdue: boolean }[]; total: number }>('requests.list', { overdueOnly: true });
    expect(list.total).toBe(20);
    expect(new Set(list.rows.map((r) => r.id))).toEqual(new Set(overdue.map((r) => r.id)));
  });

  it('the preview says per row what will happen, and extends nothing', async () => {
    const emlBefore = emlFiles().length;
    const preview = await desk.ok<BulkResult>('bulk.extend', { step: 'preview', ids, extension: { mode: 'businessDays', days: 10 }, reason });
    expect(preview.counts).toMatchObject({ will: 20, skip: 2, done: 0 });
    // Overdue: ten business days after today (the 25th), not after a due date already past.
    const newDue = addBusinessDays('2026-11-25', 10);
    for (const r of overdue) expect(preview.rows.find((row) => row.id === r.id)).toMatchObject({ outcome: 'will', number: r.number, from: r.dueOn, to: newDue, notice: { kind: 'extension', byEmail: true } });
    expect(preview.rows.find((row) => row.id === closed.id)).toMatchObject({ outcome: 'skip', reason: 'request.closed' });
    expect(preview.rows.find((row) => row.id === extendedOnce.id)).toMatchObject({ outcome: 'skip', reason: 'request.alreadyExtended' });

    const stored = await db(desk).selectFrom('requests').select(['extended_due_on', 'requester_email']).where('id', 'in', overdue.map((r) => r.id)).execute();
    expect(stored.every((r) => r.extended_due_on === null)).toBe(true);
    // The preview set the addresses aside only inside its rolled-back savepoint.
    expect(stored.every((r) => r.requester_email?.endsWith('@example.jp'))).toBe(true);
    expect(await db(desk).selectFrom('notices').select('id').where('kind', '=', 'extension').execute()).toHaveLength(1);
    expect(emlFiles()).toHaveLength(emlBefore);
    const [call] = await events(desk, 'bulk.extend');
    expect(call).toMatchObject({ outcome: 'ok', target_type: 'bulk' });
    expect(JSON.parse(call!.details!)).toMatchObject({ step: 'preview', requested: 22, will: 20, skip: 2 });
  });

  it('staff cannot extend in bulk: the officer decides extensions', async () => {
    await signInAs(desk, staffMember);
    expect(errorOf(await desk.call('bulk.extend', { step: 'run', ids, extension: { mode: 'businessDays', days: 10 }, reason }))).toMatchObject({ code: 'FORBIDDEN' });
    await asOfficer(desk);
  });

  it('the run extends the twenty, writes twenty extension notices to the outbox, and records each request', async () => {
    const emlBefore = emlFiles().length;
    const run = await desk.ok<BulkResult>('bulk.extend', { step: 'run', ids, extension: { mode: 'businessDays', days: 10 }, reason });
    expect(run.counts).toMatchObject({ done: 20, skipped: 2, failed: 0 });
    expect(run.rows.filter((r) => r.outcome === 'skipped').map((r) => r.reason).sort()).toEqual(['request.alreadyExtended', 'request.closed']);

    const newDue = addBusinessDays('2026-11-25', 10);
    for (const r of overdue) {
      const after = await desk.ok<RequestDetail>('requests.get', { id: r.id });
      expect(after).toMatchObject({ dueOn: newDue, extended: true, overdue: false, extension: { reason } });
      const notice = after.notices.find((n) => n.kind === 'extension')!;
      expect(notice.recipient).toMatch(/^person\d+@example\.jp$/);
      expect(notice.body).toContain(reason);
      expect(readFileSync(notice.emlFile!, 'latin1')).toContain(`To: ${notice.recipient}`);
      expect(run.rows.find((row) => row.id === r.id)!.notice).toMatchObject({ id: notice.id, kind: 'extension', byEmail: true });
    }
    expect(emlFiles()).toHaveLength(emlBefore + 20);

    // One event per request extended (with its notice's id), the notices' own events, and the call's event.
    const rowEvents = (await events(desk, 'bulk.extend')).filter((e) => e.target_type === 'request');
    expect(rowEvents).toHaveLength(20);
    expect(new Set(rowEvents.map((e) => e.target_id))).toEqual(new Set(overdue.map((r) => r.id)));
    const call = (await events(desk, 'bulk.extend')).at(-1)!;
    expect(JSON.parse(call.details!)).toMatchObject({ step: 'run', done: 20, skipped: [{ id: closed.id, reason: 'request.closed' }, { id: extendedOnce.id, reason: 'request.alreadyExtended' }] });
    for (const e of rowEvents) expect(JSON.parse(e.details!)).toMatchObject({ bulkId: call.target_id, dueOn: newDue });
    expect((await events(desk, 'notices.render')).filter((e) => JSON.parse(e.details!).kind === 'extension')).toHaveLength(21);
    // The reason is free text: it lives on the requests and in the notices, never in the trail.
    const trail = await db(desk).selectFrom('audit_events').select(['details']).execute();
    expect(JSON.stringify(trail)).not.toMatch(/繁忙期|example\.jp/);
  });

  it('run again, every row is skipped: a request is extended once', async () => {
    const again = await desk.ok<BulkResult>('bulk.extend', { step: 'preview', ids: overdue.slice(0, 3).map((r) => r.id), extension: { mode: 'dueOn', dueOn: '2027-02-01' }, reason });
    expect(again.rows.map((r) => [r.outcome, r.reason])).toEqual(Array(3).fill(['skip', 'request.alreadyExtended']));
  });

  it('more than 200 requests in one call are refused with a clear reason', async () => {
    const many = Array.from({ length: 201 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const error = errorOf(await desk.call('bulk.extend', { step: 'preview', ids: many, extension: { mode: 'businessDays', days: 5 }, reason }));
    expect(error).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'ids', message: 'bulk.tooMany' }] } });
  });
});

describe('one row the database refuses does not undo the others', () => {
  let desk: TestDesk;
  let made: RequestDetail[];

  beforeAll(async () => {
    ({ desk } = await setUpRequestDesk());
    made = await registerRequests(desk, 3);
    await asOfficer(desk);
    // A fault on one row only (a damaged page, a full disk): the database aborts the update of the second request.
    await sql`create trigger refuse_second before update on requests when old.id = ${sql.lit(made[1]!.id)} begin select raise(abort, 'disk I/O error'); end`.execute(db(desk));
  }, 30_000);
  afterAll(() => desk.dispose());

  it('the first and third are extended and notified, the second is reported failed and left as it was', async () => {
    const run = await desk.ok<BulkResult>('bulk.extend', { step: 'run', ids: made.map((r) => r.id), extension: { mode: 'dueOn', dueOn: '2026-12-18' }, reason });
    expect(run.rows.map((r) => r.outcome)).toEqual(['done', 'failed', 'done']);
    expect(run.rows[1]).toMatchObject({ reason: 'bulk.rowFailed' });
    const stored = await db(desk).selectFrom('requests').select(['id', 'extended_due_on']).where('id', 'in', made.map((r) => r.id)).execute();
    const byId = new Map(stored.map((r) => [r.id, r.extended_due_on]));
    expect([byId.get(made[0]!.id), byId.get(made[1]!.id), byId.get(made[2]!.id)]).toEqual(['2026-12-18', null, '2026-12-18']);
    const notices = await db(desk).selectFrom('notices').select('request_id').where('kind', '=', 'extension').execute();
    expect(notices.map((n) => n.request_id).sort()).toEqual([made[0]!.id, made[2]!.id].sort());
    const rowEvents = (await events(desk, 'bulk.extend')).filter((e) => e.target_type === 'request');
    expect(rowEvents.map((e) => [e.target_id, e.outcome])).toEqual([
      [made[0]!.id, 'ok'],
      [made[1]!.id, 'failed'],
      [made[2]!.id, 'ok'],
    ]);
  });
});
