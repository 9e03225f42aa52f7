// The auditor's dashboard: the chain verifies (as the audit screen checks it), the last export, events per day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditorDashboard } from '../../../../src-shared/api/dashboard';
import { addDays } from '../../../../electron/core/dates';
import { startOfLocalDay } from '../../../../electron/core/retention/periods';
import { addAccount, asOfficer, auditorPerson, setUpDesk, signInAs, type TestDesk } from '../../helpers/desk';

let desk: TestDesk;
let auditorId: string;

beforeAll(async () => {
  desk = await setUpDesk();
  auditorId = await addAccount(desk, auditorPerson);
  // Work on three days: the day before yesterday, yesterday and today (the fake clock stands at 25 November, 10:00 in Tokyo).
  desk.clock.now = new Date('2026-11-23T12:00:00+09:00');
  await asOfficer(desk);
  await desk.ok('settings.get', {});
  desk.clock.now = new Date('2026-11-24T12:00:00+09:00');
  await asOfficer(desk);
  desk.clock.now = new Date('2026-11-25T10:00:00+09:00');
  await signInAs(desk, auditorPerson);
}, 60_000);
afterAll(async () => desk.dispose());

describe("the auditor's dashboard", () => {
  it('shows the chain as the audit screen recomputes it: verified, with its head and the signing key', async () => {
    const board = await desk.ok<AuditorDashboard>('dashboard.get', {});
    const status = await desk.ok<{ chain: unknown; fingerprint: string }>('audit.status', {});
    expect(board.chain).toEqual({ ...(status.chain as object), fingerprint: status.fingerprint });
    expect(board.chain).toMatchObject({ valid: true });
  });

  it('counts events per local day for 30 days, as the audit trail searched day by day does', async () => {
    const board = await desk.ok<AuditorDashboard>('dashboard.get', {});
    expect(board.eventsPerDay).toHaveLength(30);
    expect(board.eventsPerDay[0]!.day).toBe('2026-10-27');
    expect(board.eventsPerDay.at(-1)!.day).toBe('2026-11-25');
    for (const day of ['2026-11-23', '2026-11-24', '2026-11-25']) {
      // The workstation's calendar day, as the audit screen's filter reads a day.
      const from = startOfLocalDay(day);
      const to = startOfLocalDay(addDays(day, 1));
      // The dashboard's own reading is not recorded, so the trail does not move while the auditor looks.
      const { total } = await desk.ok<{ total: number }>('audit.search', { from, to });
      expect(board.eventsPerDay.find((d) => d.day === day)!.events, day).toBe(total);
      expect(total, day).toBeGreaterThan(0);
    }
    // Days nobody worked are there, with none.
    expect(board.eventsPerDay.find((d) => d.day === '2026-11-22')!.events).toBe(0);
    expect(board.eventsPerDay.reduce((n, d) => n + d.events, 0)).toBe(
      (await desk.ok<{ total: number }>('audit.search', { from: startOfLocalDay('2026-10-27'), to: startOfLocalDay('2026-11-26') })).total,
    );
  });

  it('names the last signed export: when, by which role and account, how many events', async () => {
    expect((await desk.ok<AuditorDashboard>('dashboard.get', {})).lastExport).toBeNull();
    const exported = await desk.ok<{ events: number }>('audit.export', {});
    const board = await desk.ok<AuditorDashboard>('dashboard.get', {});
    expect(board.lastExport).toEqual({ at: desk.clock.now.toISOString(), byRole: 'auditor', byId: auditorId, events: exported.events });
  });

  it('still shows a valid chain after the officer has worked on', async () => {
    await asOfficer(desk);
    await desk.ok('settings.get', {});
    await signInAs(desk, auditorPerson);
    expect((await desk.ok<AuditorDashboard>('dashboard.get', {})).chain.valid).toBe(true);
  });
});
