// Reports to the PPC and the countdown to them (APPI Art. 26(1), rules Art. 8), on the desk's clock; closing an incident.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentDetail, IncidentRow } from '../../../../src-shared/registers';
import { errorOf, type TestDesk } from '../../helpers/desk';
import { clockTo, record, setUpOffice } from './office';

let desk: TestDesk;
const db = () => desk.core.desk.requireDb();
const row = async (id: string) => (await desk.ok<{ rows: IncidentRow[] }>('incidents.list', {})).rows.find((r) => r.id === id)!;

beforeAll(async () => {
  desk = (await setUpOffice()).desk;
});
afterAll(async () => desk.dispose());

describe('the deadlines count from discovery and the countdown follows the clock', () => {
  it('the countdown runs to the preliminary report, goes negative when late, then runs to the final report', async () => {
    await clockTo(desk, '2026-11-21T09:30:00+09:00');
    const incident = await record(desk, { categories: ['financial'], peopleCount: 1, discoveredAt: '2026-11-20T14:00:00+09:00' });
    expect(incident).toMatchObject({ preliminaryDueOn: '2026-11-25', finalDueOn: '2026-12-20', daysToNextReport: 4 });

    await clockTo(desk, '2026-11-25T18:00:00+09:00');
    expect((await row(incident.id)).daysToNextReport).toBe(0);
    await clockTo(desk, '2026-11-27T10:00:00+09:00');
    expect((await row(incident.id)).daysToNextReport).toBe(-2);

    const preliminary = await desk.ok<IncidentDetail>('incidents.update', { id: incident.id, reportMade: { kind: 'preliminary', at: '2026-11-27T09:00:00+09:00', note: 'PPCのウェブフォームから速報' } });
    expect(preliminary).toMatchObject({ preliminaryReportedAt: '2026-11-27T00:00:00.000Z', finalReportedAt: null, daysToNextReport: 23 });
    expect(preliminary.timeline.at(-1)).toMatchObject({ kind: 'reported.preliminary', note: 'PPCのウェブフォームから速報' });

    await clockTo(desk, '2026-12-22T11:00:00+09:00');
    expect((await row(incident.id)).daysToNextReport).toBe(-2);
    const final = await desk.ok<IncidentDetail>('incidents.update', { id: incident.id, reportMade: { kind: 'final', at: '2026-12-22T10:30:00+09:00' } });
    expect(final).toMatchObject({ finalReportedAt: '2026-12-22T01:30:00.000Z', daysToNextReport: null });
    expect(final.timeline.map((e) => e.kind)).toEqual(['created', 'reportable', 'reported.preliminary', 'reported.final']);
  });

  it('where an unlawful purpose is suspected the final report is due 60 days after discovery', async () => {
    await clockTo(desk, '2026-12-01T10:00:00+09:00');
    const incident = await record(desk, { categories: ['credentials'], peopleCount: 300, unlawfulSuspected: true, discoveredAt: '2026-11-30T16:00:00+09:00' });
    await desk.ok('incidents.update', { id: incident.id, reportMade: { kind: 'preliminary', at: '2026-12-01T09:00:00+09:00' } });
    expect(await row(incident.id)).toMatchObject({ finalDueOn: '2027-01-29', daysToNextReport: 59 });
  });
});

describe('reports are recorded in order', () => {
  it('the final report before the preliminary one is refused, and nothing is recorded', async () => {
    await clockTo(desk, '2026-12-03T10:00:00+09:00');
    const incident = await record(desk, { categories: ['specialCare'], discoveredAt: '2026-12-02T10:00:00+09:00' });
    expect(errorOf(await desk.call('incidents.update', { id: incident.id, reportMade: { kind: 'final', at: '2026-12-03T09:00:00+09:00' } }))).toMatchObject({
      code: 'CONFLICT',
      message: 'incident.preliminaryFirst',
    });
    const stored = await db().selectFrom('incidents').select(['preliminary_reported_at', 'final_reported_at']).where('id', '=', incident.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ preliminary_reported_at: null, final_reported_at: null });
    expect((await desk.ok<IncidentDetail>('incidents.get', { id: incident.id })).timeline.map((e) => e.kind)).toEqual(['created', 'reportable']);
  });

  it('a report is made once, not before the discovery and not in the future; the final not before the preliminary', async () => {
    const incident = await record(desk, { categories: ['specialCare'], discoveredAt: '2026-12-02T10:00:00+09:00' });
    const report = (kind: string, at: string) => desk.call('incidents.update', { id: incident.id, reportMade: { kind, at } });
    expect(errorOf(await report('preliminary', '2026-12-01T10:00:00+09:00'))).toMatchObject({ code: 'VALIDATION', message: 'incident.reportBeforeDiscovery', details: { path: 'reportMade.at' } });
    expect(errorOf(await report('preliminary', '2026-12-04T10:00:00+09:00'))).toMatchObject({ code: 'VALIDATION', message: 'incident.reportInFuture' });
    await desk.ok('incidents.update', { id: incident.id, reportMade: { kind: 'preliminary', at: '2026-12-03T09:00:00+09:00' } });
    expect(errorOf(await report('preliminary', '2026-12-03T09:30:00+09:00'))).toMatchObject({ code: 'CONFLICT', message: 'incident.alreadyReported', details: { kind: 'preliminary' } });
    expect(errorOf(await report('final', '2026-12-03T08:00:00+09:00'))).toMatchObject({ code: 'VALIDATION', message: 'incident.finalBeforePreliminary' });
    // Nor can the discovery be moved after a report already made.
    expect(errorOf(await desk.call('incidents.update', { id: incident.id, facts: { discoveredAt: '2026-12-03T09:30:00+09:00' } }))).toMatchObject({ code: 'VALIDATION', message: 'incident.reportBeforeDiscovery' });
  });
});

describe('a closed incident', () => {
  it('a reportable incident stays open until its final report is made', async () => {
    const incident = await record(desk, { categories: ['financial'], discoveredAt: '2026-12-02T10:00:00+09:00' });
    expect(errorOf(await desk.call('incidents.update', { id: incident.id, close: true }))).toMatchObject({ code: 'CONFLICT', message: 'incident.reportsOutstanding' });
    await desk.ok('incidents.update', { id: incident.id, reportMade: { kind: 'preliminary', at: '2026-12-03T09:00:00+09:00' } });
    const closed = await desk.ok<IncidentDetail>('incidents.update', { id: incident.id, reportMade: { kind: 'final', at: '2026-12-03T09:00:00+09:00' }, close: true });
    expect(closed).toMatchObject({ state: 'closed', daysToNextReport: null });
  });

  it('takes no change: no facts, no report, no note, no notice', async () => {
    const incident = await record(desk, { categories: ['contact'], peopleCount: 12, customerNos: ['C-0001'] });
    const closed = await desk.ok<IncidentDetail>('incidents.update', { id: incident.id, note: '影響なしと判断', close: true });
    expect(closed.state).toBe('closed');
    expect(closed.timeline.map((e) => [e.kind, e.note])).toEqual([
      ['created', null],
      ['note', '影響なしと判断'],
      ['closed', null],
    ]);
    for (const change of [{ facts: { peopleCount: 13 } }, { reportMade: { kind: 'preliminary', at: '2026-12-03T09:00:00+09:00' } }, { note: '追記' }, { notifyPeople: {} }, { close: true }]) {
      expect(errorOf(await desk.call('incidents.update', { id: incident.id, ...change }))).toMatchObject({ code: 'CONFLICT', message: 'incident.closed' });
    }
    expect((await desk.ok<IncidentDetail>('incidents.get', { id: incident.id })).timeline).toHaveLength(3);
    const closedRows = (await desk.ok<{ rows: IncidentRow[] }>('incidents.list', { state: 'closed' })).rows;
    expect(closedRows.map((r) => r.id)).toContain(incident.id);
    expect(closedRows.every((r) => r.state === 'closed')).toBe(true);
    expect((await desk.ok<{ rows: IncidentRow[] }>('incidents.list', { state: 'open' })).rows.map((r) => r.id)).not.toContain(incident.id);
  });
});
