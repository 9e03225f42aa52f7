// A staff member's dashboard: their own open requests with due dates, their proposals' outcomes, their statement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffDashboard } from '../../../../src-shared/api/dashboard';
import type { RequestDetail, RequestRow } from '../../../../src-shared/requests';
import { openRequestStates } from '../../../../src-shared/requests';
import { asUpload, scannedPdf } from '../../../fixtures/scans';
import { addAccount, asOfficer, signInAs, staffMember, type TestDesk } from '../../helpers/desk';
import { setUpRequestDesk, verifyIdentity, yamadaAsksDisclosure } from '../requests/setup';
import { leaver } from './office';

let desk: TestDesk;
let staffId: string;
let customerId: string;
const mine: string[] = [];
let officersOwn: string;

beforeAll(async () => {
  const set = await setUpRequestDesk();
  desk = set.desk;
  staffId = set.staffId;
  customerId = Object.values(set.customers)[0]!;
  for (const receivedOn of ['2026-10-01', '2026-11-06', '2026-11-24']) mine.push((await desk.ok<RequestDetail>('requests.create', { ...yamadaAsksDisclosure, receivedOn })).id);
  await asOfficer(desk);
  officersOwn = (await desk.ok<RequestDetail>('requests.create', { ...yamadaAsksDisclosure, receivedOn: '2026-10-02' })).id;
}, 60_000);
afterAll(async () => desk.dispose());

describe("a staff member's dashboard", () => {
  it('lists their own open requests, soonest due first, with days left, as the register filtered to them does', async () => {
    await signInAs(desk, staffMember);
    const board = await desk.ok<StaffDashboard>('dashboard.get', {});
    const list = await desk.ok<{ rows: RequestRow[]; total: number }>('requests.list', { states: [...openRequestStates], assigneeId: staffId });
    expect(board.myRequests!.total).toBe(list.total);
    expect(board.myRequests!.rows.map((r) => r.id)).toEqual(list.rows.map((r) => r.id));
    expect(board.myRequests!.rows.map((r) => r.id)).not.toContain(officersOwn);
    expect(board.myRequests!.rows.map((r) => r.id)).toEqual(mine);
    // Received on 1 October: 14 business days on, long past. Received on 6 November: due Friday 27th, 2 business days left.
    expect(board.myRequests!.rows[0]).toMatchObject({ overdue: true });
    expect(board.myRequests!.rows[1]).toMatchObject({ dueOn: '2026-11-27', businessDaysLeft: 2, overdue: false });
    expect(board.myRequests!.overdue).toBe(await desk.ok<{ total: number }>('requests.list', { assigneeId: staffId, overdueOnly: true }).then((r) => r.total));
    expect(board.myRequests!.overdue).toBe(1);
  });

  it('says their statement is current and when it runs out', async () => {
    const board = await desk.ok<StaffDashboard>('dashboard.get', {});
    expect(board.statement).toEqual({ state: 'current', renewalOn: '2027-11-01', mayOpenPersonalData: true, blockedBy: null });
  });

  it("shows what the officer decided on their proposal, with the request's number", async () => {
    await signInAs(desk, staffMember);
    await desk.ok('requests.link', { id: mine[2], customerId });
    await verifyIdentity(desk, mine[2]!);
    const proposed = await desk.ok<RequestDetail>('proposals.create', { requestId: mine[2], kind: 'disclose', note: '開示を提案します。' });
    expect((await desk.ok<StaffDashboard>('dashboard.get', {})).openProposals).toBe(1);
    await asOfficer(desk);
    const proposalId = proposed.proposals[0]!.id;
    await desk.ok('proposals.decide', { id: proposalId, decision: 'approve' });
    await signInAs(desk, staffMember);
    const board = await desk.ok<StaffDashboard>('dashboard.get', {});
    expect(board.openProposals).toBe(0);
    expect(board.decidedProposals).toEqual([
      { id: proposalId, requestId: mine[2], requestNumber: proposed.number, kind: 'disclose', outcome: 'approved', decidedAt: desk.clock.now.toISOString() },
    ]);
  });

  it('tells someone whose statement has run out that the desk refuses them customers, and lists no request', async () => {
    const leaverId = await addAccount(desk, leaver);
    await desk.ok('statements.record', { accountId: leaverId, templateVersion: 1, signedOn: '2025-10-01', trainingOn: '2025-10-01', renewalOn: '2026-11-01', scan: asUpload(scannedPdf(), 's.pdf', 'application/pdf') });
    await signInAs(desk, leaver);
    const board = await desk.ok<StaffDashboard>('dashboard.get', {});
    expect(board.statement).toEqual({ state: 'overdue', renewalOn: '2026-11-01', mayOpenPersonalData: false, blockedBy: 'statement' });
    expect(board.myRequests).toBeNull();
    // The register itself refuses them too: the dashboard says so instead of showing what the desk would refuse.
    expect((await desk.call('requests.list', { assigneeId: leaverId })).ok).toBe(false);
  });
});
