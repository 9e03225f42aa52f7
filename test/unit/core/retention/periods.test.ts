// The officer's retention periods and who may act on them: the defaults until set, staff kept out, a cancelled or
// stale preview that can no longer erase anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RetentionPeriod, RetentionPreview } from '../../../../src-shared/registers';
import { addAccount, asOfficer, errorOf, officer, setUpDesk, signInAs, staffMember, type TestDesk } from '../../helpers/desk';

let desk: TestDesk;
beforeAll(async () => {
  desk = await setUpDesk();
  await addAccount(desk, staffMember);
  await asOfficer(desk);
});
afterAll(async () => desk.dispose());

const db = () => desk.core.desk.requireDb();
type Periods = { periods: RetentionPeriod[]; previews: RetentionPreview[] };

describe('retention periods', () => {
  it('start as the law and the office need: customers kept, closed requests 36 months, records by their own keep dates', async () => {
    expect((await desk.ok<Periods>('retention.periods')).periods).toEqual([
      { kind: 'inactiveCustomers', months: null },
      { kind: 'closedRequests', months: 36 },
      { kind: 'provisionRecords', months: null },
      { kind: 'receiptRecords', months: null },
    ]);
  });

  it('are set by the officer per kind, "kept" included, and the change is in the trail', async () => {
    const set = await desk.ok<Periods>('retention.setPeriods', {
      periods: [
        { kind: 'inactiveCustomers', months: 60 },
        { kind: 'closedRequests', months: null },
      ],
    });
    expect(set.periods).toEqual([
      { kind: 'inactiveCustomers', months: 60 },
      { kind: 'closedRequests', months: null },
      { kind: 'provisionRecords', months: null },
      { kind: 'receiptRecords', months: null },
    ]);
    const event = await db().selectFrom('audit_events').selectAll().where('action', '=', 'retention.setPeriods').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(event).toMatchObject({ outcome: 'ok', target_type: 'retentionPeriods' });
    expect(JSON.parse(event.fields!)).toEqual(['inactiveCustomers', 'closedRequests']);
  });

  it('refuse zero months, and the same kind twice, saying why', async () => {
    const zero = errorOf(await desk.call('retention.setPeriods', { periods: [{ kind: 'closedRequests', months: 0 }] }));
    expect(zero).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'periods.0.months', message: 'retention.months' }] } });
    const twice = errorOf(await desk.call('retention.setPeriods', { periods: [{ kind: 'closedRequests', months: 12 }, { kind: 'closedRequests', months: 24 }] }));
    expect(twice).toMatchObject({ code: 'VALIDATION', message: 'retention.duplicateKind' });
    // Nothing of either was stored.
    expect((await desk.ok<Periods>('retention.periods')).periods.find((p) => p.kind === 'closedRequests')).toEqual({ kind: 'closedRequests', months: null });
  });
});

describe('who may preview and run', () => {
  it('staff cannot see the periods, preview or run, and the refusals are in the trail', async () => {
    await asOfficer(desk);
    const preview = await desk.ok<RetentionPreview>('retention.preview');
    await signInAs(desk, staffMember);
    for (const [method, input] of [
      ['retention.periods', {}],
      ['retention.setPeriods', { periods: [{ kind: 'closedRequests', months: 1 }] }],
      ['retention.preview', {}],
      ['retention.run', { previewId: preview.id }],
    ] as const) {
      expect(errorOf(await desk.call(method, input)), method).toMatchObject({ code: 'FORBIDDEN' });
    }
    const denied = await db().selectFrom('audit_events').select('action').where('outcome', '=', 'denied').where('action', 'like', 'retention.%').execute();
    expect(denied.map((d) => d.action).sort()).toEqual(['retention.periods', 'retention.preview', 'retention.run', 'retention.setPeriods']);
    await asOfficer(desk);
    expect((await desk.ok<Periods>('retention.periods')).previews.find((p) => p.id === preview.id)).toMatchObject({ state: 'previewed', runAt: null });
  });

  it('a cancelled preview cannot run, and keeps no ids', async () => {
    await asOfficer(desk);
    const preview = await desk.ok<RetentionPreview>('retention.preview');
    const cancelled = await desk.ok<RetentionPreview>('retention.run', { previewId: preview.id, decision: 'cancel' });
    expect(cancelled).toMatchObject({ state: 'cancelled', runByName: officer.displayName, erased: null });
    expect(errorOf(await desk.call('retention.run', { previewId: preview.id, decision: 'run' }))).toMatchObject({
      code: 'CONFLICT',
      message: 'retention.notPreviewed',
      details: { state: 'cancelled' },
    });
    const row = await db().selectFrom('retention_runs').select('found').where('id', '=', preview.id).executeTakeFirstOrThrow();
    expect(JSON.parse(row.found)).toEqual({ inactiveCustomers: [], closedRequests: [], provisionRecords: [], receiptRecords: [] });
  });

  it('a preview more than 7 days old must be made again', async () => {
    await asOfficer(desk);
    const preview = await desk.ok<RetentionPreview>('retention.preview');
    desk.clock.now = new Date(desk.clock.now.getTime() + 8 * 24 * 60 * 60_000);
    await asOfficer(desk);
    expect(errorOf(await desk.call('retention.run', { previewId: preview.id }))).toMatchObject({ code: 'CONFLICT', message: 'retention.stale' });
    const fresh = await desk.ok<RetentionPreview>('retention.preview');
    expect((await desk.ok<RetentionPreview>('retention.run', { previewId: fresh.id })).state).toBe('run');
  });

  it('an unknown preview is not found', async () => {
    expect(errorOf(await desk.call('retention.run', { previewId: '00000000-0000-4000-8000-000000000000' }))).toMatchObject({ code: 'NOT_FOUND', message: 'retention.notFound' });
  });
});
