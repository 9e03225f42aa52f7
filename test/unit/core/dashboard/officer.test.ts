// The officer's dashboard counts match the lists they link to, with seeded data (issue #9).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OfficerDashboard } from '../../../../src-shared/api/dashboard';
import { requestStates } from '../../../../src-shared/requests';
import type { AccountRow, AuditRow } from '../../../../src-shared/domain';
import type { IncidentRow } from '../../../../src-shared/registers';
import { startOfLocalDay } from '../../../../electron/core/retention/periods';
import { asOfficer, errorOf, signInAs, staffMember, auditorPerson } from '../../helpers/desk';
import { seedOffice, type SeededOffice } from './office';

let office: SeededOffice;
let board: OfficerDashboard;
const total = async (method: string, input: unknown) => (await office.desk.ok<{ total: number }>(method, input)).total;

beforeAll(async () => {
  office = await seedOffice();
  await asOfficer(office.desk);
  board = await office.desk.ok<OfficerDashboard>('dashboard.get', {});
}, 120_000);
afterAll(async () => office.desk.dispose());

describe("the officer's dashboard counts match the lists they link to", () => {
  it('is the officer\'s dashboard, for today in Tokyo', () => {
    expect(board).toMatchObject({ role: 'officer', today: '2026-11-25' });
  });

  it('counts requests by state as the register filtered by that state lists them', async () => {
    for (const state of requestStates) expect(board.requests.byState[state], state).toBe(await total('requests.list', { states: [state] }));
    // The officer's one and five of the staff member's still just received; one in the identity check, one awaiting a
    // decision, one withdrawn.
    expect(board.requests.byState).toMatchObject({ received: 6, identityCheck: 1, awaitingApproval: 1, withdrawn: 1, completed: 0 });
  });

  it('counts the requests due within three business days and the late ones as the register with those filters', async () => {
    // Wednesday 25 November: three business days on is Monday 30 November.
    expect(board.requests.dueBy).toBe('2026-11-30');
    expect(board.requests.dueSoon).toBe(await total('requests.list', { dueBy: board.requests.dueBy }));
    expect(board.requests.overdue).toBe(await total('requests.list', { overdueOnly: true }));
    const late = (await office.desk.ok<{ rows: { id: string }[] }>('requests.list', { overdueOnly: true })).rows.map((r) => r.id);
    expect(late.sort()).toEqual([office.staffRequests.late1, office.staffRequests.late2].sort());
    // The two late ones are due by Monday too, with the two due on Thursday and Friday.
    expect(board.requests.dueSoon).toBe(4);
  });

  it('counts the decisions waiting: requests with a proposal, and provisions under an exception', async () => {
    expect(board.decisions.proposals).toBe(await total('requests.list', { states: ['awaitingApproval'] }));
    expect(board.decisions.provisionExceptions).toBe(await total('provisions.list', { state: 'awaitingApproval' }));
    expect(board.decisions).toEqual({ proposals: 1, provisionExceptions: 1 });
  });

  it('shows each open incident with the countdown to its next report, as the incident register does', async () => {
    const open = (await office.desk.ok<{ rows: IncidentRow[] }>('incidents.list', { state: 'open' })).rows;
    expect(board.incidents.open).toBe(open.length);
    expect(board.incidents.countdowns).toHaveLength(1);
    const [leak] = open;
    expect(board.incidents.countdowns[0]).toEqual({ id: leak!.id, number: leak!.number, report: 'preliminary', dueOn: leak!.preliminaryDueOn, daysLeft: leak!.daysToNextReport });
  });

  it('counts statements due and overdue and accounts without one, as the statements screen lists them', async () => {
    const due = await office.desk.ok<{ dueSoon: unknown[]; overdue: unknown[]; missing: unknown[] }>('statements.due', {});
    expect(board.statements).toEqual({ dueSoon: due.dueSoon.length, overdue: due.overdue.length, missing: due.missing.length });
    expect(board.statements).toMatchObject({ dueSoon: 1, overdue: 1 });
  });

  it('counts the locked accounts the accounts screen shows locked', async () => {
    const rows = (await office.desk.ok<{ rows: AccountRow[] }>('accounts.list', {})).rows;
    expect(board.accounts.locked).toBe(rows.filter((a) => a.lockedUntil !== null).length);
    expect(rows.filter((a) => a.lockedUntil !== null).map((a) => a.loginId)).toEqual(['suzuki']);
  });

  it('counts the calls refused in the last 7 days as the audit trail filtered by outcome and day lists them', async () => {
    expect(board.deniedCalls.fromDay).toBe('2026-11-19');
    const from = startOfLocalDay('2026-11-19');
    const denied = await office.desk.ok<{ rows: AuditRow[]; total: number }>('audit.search', { outcome: 'denied', from, pageSize: 200 });
    expect(board.deniedCalls.count).toBe(denied.total);
    expect(denied.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['accounts.list', 'retention.periods']));
  });

  it('counts the ID copy images still kept after their request closed, until the desk erases them on their day', async () => {
    expect(board.idCopies).toEqual({ awaitingErasure: 1, nextEraseOn: '2026-12-25' });
    office.desk.clock.now = new Date('2026-12-25T09:00:00+09:00');
    await office.desk.core.desk.runRetention();
    await asOfficer(office.desk);
    const later = await office.desk.ok<OfficerDashboard>('dashboard.get', {});
    expect(later.idCopies).toEqual({ awaitingErasure: 0, nextEraseOn: null });
  });
});

describe('reading the dashboard', () => {
  it('records nothing but a refusal: it shows counts, no personal data', async () => {
    const db = office.desk.core.desk.requireDb();
    const events = await db.selectFrom('audit_events').select('action').where('action', '=', 'dashboard.get').execute();
    expect(events).toEqual([]);
  });

  it('gives each role its own dashboard from the same call', async () => {
    await signInAs(office.desk, staffMember);
    expect((await office.desk.ok<{ role: string }>('dashboard.get', {})).role).toBe('staff');
    await signInAs(office.desk, auditorPerson);
    expect((await office.desk.ok<{ role: string }>('dashboard.get', {})).role).toBe('auditor');
    await office.desk.ok('auth.logout');
    expect(errorOf(await office.desk.call('dashboard.get', {})).code).toBe('UNAUTHENTICATED');
  });
});
