// An auditor records a finding; only the officer can close its corrective action. The owner reports it done, the
// officer sends it back once and then closes it; the auditor and another staff member are refused, and the trail
// holds ids and field names only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPlan, CorrectionDetail, CorrectionRow, FindingDetail } from '../../../../src-shared/api/internal-audit';
import { errorOf, officer, type TestDesk } from '../../helpers/desk';
import { actionWords, as, auditTrail, openAction, planThisYear, recordUnlockedScreen, setUpAuditDesk, traces, type AuditDesk } from './steps';

let desk: TestDesk;
let ids: AuditDesk['ids'];
let plan: AuditPlan;
let finding: FindingDetail;
let action: CorrectionDetail;

beforeAll(async () => {
  ({ desk, ids } = await setUpAuditDesk());
});
afterAll(async () => desk.dispose());

const deniedAs = async (action: string, role: string) =>
  desk.core.desk.requireDb().selectFrom('audit_events').selectAll().where('action', '=', action).where('outcome', '=', 'denied').where('actor_role', '=', role).execute();

describe('the auditor plans the audit and records what was found', () => {
  it('the auditor plans this year’s audit with themself as lead auditor', async () => {
    await as.auditor(desk);
    plan = await planThisYear(desk, ids.auditor);
    expect(plan).toMatchObject({ year: 2026, state: 'planned', leadAuditor: { id: ids.auditor, displayName: '高橋 監査' }, findings: 0 });
  });

  it('the finding about the staff member’s account is numbered in the year found and awaits an action', async () => {
    finding = await recordUnlockedScreen(desk, plan.id, ids.staff);
    expect(finding).toMatchObject({ number: 'F-2026-001', planYear: 2026, grade: 'minorNonconformity', status: 'awaitingAction', editable: true, corrections: [] });
    expect(finding.target).toEqual({ kind: 'account', id: ids.staff, label: '佐藤 健' });
  });

  it('the auditor may not open a corrective action: that is the officer’s', async () => {
    const error = errorOf(await desk.call('corrections.open', { findingId: finding.id, cause: 'x', action: 'y', ownerId: ids.staff, dueOn: '2026-12-10' }));
    expect(error).toEqual({ code: 'FORBIDDEN', message: 'auth.forbidden', details: { method: 'corrections.open' } });
    expect(await deniedAs('corrections.open', 'auditor')).toHaveLength(1);
  });
});

describe('the officer opens a corrective action for the staff member', () => {
  it('the auditor cannot be its owner: they could never report it done', async () => {
    await as.officer(desk);
    const error = errorOf(await desk.call('corrections.open', { findingId: finding.id, cause: actionWords.cause, action: actionWords.action, ownerId: ids.auditor, dueOn: '2026-12-10' }));
    expect(error).toMatchObject({ code: 'VALIDATION', message: 'correction.ownerCannotReport', details: { path: 'ownerId' } });
  });

  it('a due day already past is refused', async () => {
    const error = errorOf(await desk.call('corrections.open', { findingId: finding.id, cause: actionWords.cause, action: actionWords.action, ownerId: ids.staff, dueOn: '2026-11-24' }));
    expect(error).toMatchObject({ code: 'VALIDATION', message: 'correction.dueInPast', details: { path: 'dueOn' } });
  });

  it('opened for 佐藤 by 10 December, the finding is being corrected and its facts now stay as they are', async () => {
    action = await openAction(desk, finding.id, ids.staff);
    expect(action).toMatchObject({ number: 'CA-2026-001', state: 'open', owner: { id: ids.staff }, dueOn: '2026-12-10', daysLeft: 15, overdue: false, finding: { number: 'F-2026-001' } });
    expect(action.history.map((e) => e.kind)).toEqual(['opened']);
    const after = await desk.ok<FindingDetail>('findings.get', { id: finding.id });
    expect(after).toMatchObject({ status: 'inProgress', editable: false, actions: { open: 1, reported: 0, closed: 0 } });
    const change = errorOf(await desk.call('findings.update', { id: finding.id, finding: { foundOn: '2026-11-12', grade: 'observation', requirement: 'x', description: 'y' } }));
    expect(change).toMatchObject({ code: 'CONFLICT', message: 'finding.hasActions' });
  });
});

describe('staff see and report only the actions they own', () => {
  it('the other staff member sees no action, cannot open this one, and cannot report it', async () => {
    await as.otherStaff(desk);
    expect((await desk.ok<{ rows: CorrectionRow[] }>('corrections.list', { show: 'all' })).rows).toEqual([]);
    expect(errorOf(await desk.call('corrections.get', { id: action.id }))).toMatchObject({ code: 'FORBIDDEN', message: 'correction.notOwner' });
    expect(errorOf(await desk.call('corrections.report', { id: action.id, doneOn: '2026-11-25', note: 'x' }))).toMatchObject({ code: 'FORBIDDEN', message: 'correction.notOwner' });
    expect(errorOf(await desk.call('findings.list', {})).code).toBe('FORBIDDEN');
  });

  it('the owner sees their action with the finding it answers and reports it done', async () => {
    await as.staff(desk);
    const { rows } = await desk.ok<{ rows: CorrectionRow[] }>('corrections.list', {});
    expect(rows.map((r) => r.number)).toEqual(['CA-2026-001']);
    const seen = await desk.ok<CorrectionDetail>('corrections.get', { id: action.id });
    expect(seen.finding.description).toBe(finding.description);
    expect(errorOf(await desk.call('corrections.report', { id: action.id, doneOn: '2026-11-26', note: actionWords.report }))).toMatchObject({ code: 'VALIDATION', message: 'correction.doneInFuture' });
    const reported = await desk.ok<CorrectionDetail>('corrections.report', { id: action.id, doneOn: '2026-11-25', note: actionWords.report });
    expect(reported).toMatchObject({ state: 'reported', reportedOn: '2026-11-25', reportNote: actionWords.report, daysLeft: null });
  });

  it('the owner cannot verify their own work', async () => {
    expect(errorOf(await desk.call('corrections.verify', { id: action.id, effective: true, note: 'x' }))).toEqual({ code: 'FORBIDDEN', message: 'auth.forbidden', details: { method: 'corrections.verify' } });
  });
});

describe('only the officer verifies the effect and closes the action', () => {
  it('the auditor reads everything but their attempt to close is refused FORBIDDEN and audited', async () => {
    await as.auditor(desk);
    expect((await desk.ok<CorrectionDetail>('corrections.get', { id: action.id })).state).toBe('reported');
    const error = errorOf(await desk.call('corrections.verify', { id: action.id, effective: true, note: actionWords.closed }));
    expect(error).toEqual({ code: 'FORBIDDEN', message: 'auth.forbidden', details: { method: 'corrections.verify' } });
    const denied = await deniedAs('corrections.verify', 'auditor');
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ actor_id: ids.auditor, details: JSON.stringify({ code: 'FORBIDDEN' }) });
    expect((await desk.ok<CorrectionDetail>('corrections.get', { id: action.id })).state).toBe('reported');
  });

  it('not effective: the officer sends it back with what is missing and a new due day', async () => {
    await as.officer(desk);
    expect(errorOf(await desk.call('corrections.verify', { id: action.id, effective: false, note: actionWords.returned })).details).toMatchObject({ issues: [{ path: 'newDueOn', message: 'correction.newDueRequired' }] });
    const back = await desk.ok<CorrectionDetail>('corrections.verify', { id: action.id, effective: false, note: actionWords.returned, newDueOn: '2026-12-04' });
    expect(back).toMatchObject({ state: 'open', dueOn: '2026-12-04', reportedOn: null, verificationNote: actionWords.returned, closedOn: null });
    expect(back.history.map((e) => e.kind)).toEqual(['opened', 'reported', 'returned']);
  });

  it('reported again by its owner, the officer closes it and the finding is closed', async () => {
    await as.staff(desk);
    await desk.ok('corrections.report', { id: action.id, doneOn: '2026-11-25', note: actionWords.report });
    await as.officer(desk);
    const closed = await desk.ok<CorrectionDetail>('corrections.verify', { id: action.id, effective: true, note: actionWords.closed });
    expect(closed).toMatchObject({ state: 'closed', closedOn: '2026-11-25', verificationNote: actionWords.closed });
    expect(closed.history.map((e) => [e.kind, e.actor])).toEqual([
      ['opened', officer.displayName],
      ['reported', '佐藤 健'],
      ['returned', officer.displayName],
      ['reported', '佐藤 健'],
      ['closed', officer.displayName],
    ]);
    expect((await desk.ok<FindingDetail>('findings.get', { id: finding.id })).status).toBe('closed');
    expect(errorOf(await desk.call('corrections.report', { id: action.id, doneOn: '2026-11-25', note: 'x' }))).toMatchObject({ code: 'CONFLICT', message: 'correction.notOpen' });
  });
});

describe('the audit trail', () => {
  it('names the plan, the finding and the action by id, with field names, never the words written', async () => {
    const rows = await auditTrail(desk);
    const ok = rows.filter((r) => r.outcome === 'ok' && r.action !== 'corrections.list' && r.action !== 'findings.list');
    expect(ok.map((r) => [r.action, r.target_type, r.target_id])).toEqual([
      ['auditplans.create', 'auditPlan', plan.id],
      ['findings.record', 'finding', finding.id],
      ['corrections.open', 'correctiveAction', action.id],
      ['findings.get', 'finding', finding.id],
      ['corrections.get', 'correctiveAction', action.id],
      ['corrections.report', 'correctiveAction', action.id],
      ['corrections.get', 'correctiveAction', action.id],
      ['corrections.get', 'correctiveAction', action.id],
      ['corrections.verify', 'correctiveAction', action.id],
      ['corrections.report', 'correctiveAction', action.id],
      ['corrections.verify', 'correctiveAction', action.id],
      ['findings.get', 'finding', finding.id],
    ]);
    expect(JSON.parse(ok[1]!.details!)).toEqual({ grade: 'minorNonconformity', planId: plan.id, targetKind: 'account', targetId: ids.staff });
    expect(JSON.parse(ok[1]!.fields!)).toEqual(['planId', 'foundOn', 'grade', 'requirement', 'description', 'target']);
    expect(JSON.parse(ok.at(-2)!.details!)).toMatchObject({ effective: true, state: 'closed', findingId: finding.id });
    const written = JSON.stringify(rows);
    for (const trace of traces) expect(written).not.toMatch(trace);
  });
});
