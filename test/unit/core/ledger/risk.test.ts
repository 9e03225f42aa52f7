// Risk assessments (JIS Q 15001): staff draft them, only the officer approves; a changed assessment needs approval
// again while the approved one stays in force and in the history; the trail holds ids and field names only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../../src-shared/api/ledger';
import { addAccount, asOfficer, errorOf, officer, setUpDesk, signInAs, staffMember, type TestDesk } from '../../helpers/desk';
import { auditRows, customerMaster, customerRisk, register } from './steps';

let desk: TestDesk;
let entry: LedgerEntry;
const due = () => desk.ok<{ awaitingApproval: number }>('ledger.due', {});
const states = (e: LedgerEntry) => e.assessments.map((a) => [a.version, a.state]);

beforeAll(async () => {
  desk = await setUpDesk();
  await addAccount(desk, staffMember);
  await signInAs(desk, staffMember);
  entry = await register(desk, customerMaster);
});
afterAll(async () => desk.dispose());

describe('the risk assessment of the customer master', () => {
  it('staff draft it: the score is likelihood × impact, and it awaits the officer', async () => {
    entry = await desk.ok<LedgerEntry>('ledger.assessRisk', { entryId: entry.id, assessment: customerRisk });
    expect(entry.assessments[0]).toMatchObject({ version: 1, state: 'awaitingApproval', threats: ['leak', 'unauthorizedAccess', 'misuse'], likelihood: 2, impact: 3, score: 6, residual: 'medium', draftedByName: staffMember.displayName, approvedAt: null });
    expect(entry.risk).toEqual({ state: 'awaitingApproval', score: 6, residual: 'medium', approvedAt: null });
    expect(await due()).toMatchObject({ awaitingApproval: 1 });
  });

  it('staff cannot approve it', async () => {
    expect(errorOf(await desk.call('ledger.approveRisk', { id: entry.assessments[0]!.id }))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('the officer approves it', async () => {
    await asOfficer(desk);
    entry = await desk.ok<LedgerEntry>('ledger.approveRisk', { id: entry.assessments[0]!.id });
    expect(entry.assessments[0]).toMatchObject({ state: 'approved', approvedByName: officer.displayName, approvedAt: desk.clock.now.toISOString() });
    expect(entry.risk).toMatchObject({ state: 'approved', score: 6, approvedAt: desk.clock.now.toISOString() });
    expect(await due()).toMatchObject({ awaitingApproval: 0 });
    expect(errorOf(await desk.call('ledger.approveRisk', { id: entry.assessments[0]!.id }))).toMatchObject({ code: 'CONFLICT', message: 'ledger.riskAlreadyApproved' });
  });

  it('the same assessment again is not a change', async () => {
    await signInAs(desk, staffMember);
    expect(errorOf(await desk.call('ledger.assessRisk', { entryId: entry.id, assessment: customerRisk }))).toMatchObject({ code: 'CONFLICT', message: 'ledger.riskUnchanged' });
    expect(states(await desk.ok<LedgerEntry>('ledger.get', { id: entry.id }))).toEqual([[1, 'approved']]);
  });

  it('a changed assessment needs approval again; the approved one stays in force until then', async () => {
    const approvedAt = entry.risk.approvedAt;
    desk.clock.advanceMinutes(5);
    entry = await desk.ok<LedgerEntry>('ledger.assessRisk', { entryId: entry.id, assessment: { ...customerRisk, likelihood: 1, residual: 'low', measures: `${customerRisk.measures}、多要素認証の導入` } });
    expect(states(entry)).toEqual([
      [2, 'awaitingApproval'],
      [1, 'approved'],
    ]);
    expect(entry.risk).toEqual({ state: 'awaitingApproval', score: 3, residual: 'low', approvedAt });
    expect(await due()).toMatchObject({ awaitingApproval: 1 });
  });

  it('a newer draft before approval replaces the pending one, which can then no longer be approved', async () => {
    const replaced = entry.assessments[0]!.id;
    entry = await desk.ok<LedgerEntry>('ledger.assessRisk', { entryId: entry.id, assessment: { ...customerRisk, likelihood: 1, impact: 2, residual: 'low' } });
    expect(states(entry)).toEqual([
      [3, 'awaitingApproval'],
      [2, 'superseded'],
      [1, 'approved'],
    ]);
    await asOfficer(desk);
    expect(errorOf(await desk.call('ledger.approveRisk', { id: replaced }))).toMatchObject({ code: 'CONFLICT', message: 'ledger.riskSuperseded' });
    entry = await desk.ok<LedgerEntry>('ledger.approveRisk', { id: entry.assessments[0]!.id });
    expect(entry.risk).toMatchObject({ state: 'approved', score: 2, residual: 'low' });
    expect(states(entry)).toEqual([
      [3, 'approved'],
      [2, 'superseded'],
      [1, 'approved'],
    ]);
  });

  it('the trail names the assessment, its entry and the fields, never the measures or the threats described', async () => {
    const events = [...(await auditRows(desk, 'ledger.assessRisk')), ...(await auditRows(desk, 'ledger.approveRisk'))].filter((e) => e.outcome === 'ok');
    expect(events).toHaveLength(5);
    for (const e of events) {
      expect(e.target_type).toBe('ledgerRiskAssessment');
      expect(JSON.parse(e.details!)).toMatchObject({ entryId: entry.id });
    }
    expect(JSON.stringify(events)).not.toMatch(/多要素|暗号化|不正アクセスによる/);
  });
});
