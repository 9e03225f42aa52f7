// The training requirement: staff untrained for more than 12 months are listed, and with the officer's setting on they
// are refused customer records with the reason and whom to ask; with it off (the default) they are served.
import { afterEach, describe, expect, it } from 'vitest';
import type { EmployeeTraining, TrainingSessionDetail, TrainingSettings } from '../../../../src-shared/api/training';
import { asUpload, scannedPdf } from '../../../fixtures/scans';
import { addAccount, asOfficer, errorOf, officer, setUpDesk, signInAs, staffMember, type TestDesk } from '../../helpers/desk';
import { sentencesOf, session } from './steps';

let desk: TestDesk | undefined;
afterEach(async () => {
  await desk?.dispose();
  desk = undefined;
});

const scan = asUpload(scannedPdf(), '誓約書.pdf', 'application/pdf');
const employees = async (d: TestDesk, show = 'all') => (await d.ok<{ rows: EmployeeTraining[]; counts: { untrained: number; dueSoon: number } }>('training.employees', { show }));
const rowOf = async (d: TestDesk, accountId: string) => (await employees(d)).rows.find((r) => r.accountId === accountId)!;
const openCustomers = (d: TestDesk) => d.call('customers.search', { query: '' });

/** The staff member has a current statement (signed last week); its training date is the one given when signing. */
async function staffWithStatement(d: TestDesk, trainingOn: string): Promise<string> {
  const id = await addAccount(d, staffMember);
  await d.ok('statements.record', { accountId: id, templateVersion: 1, signedOn: '2026-11-18', trainingOn, scan });
  return id;
}

describe('a staff member untrained for 13 months', () => {
  it('is listed and, with the setting on, refused customer records with a clear reason; a new session lets them in', async () => {
    const d = (desk = await setUpDesk()); // today is 2026-11-25
    const staffId = await staffWithStatement(d, '2025-10-20');
    await d.ok('training.record', session([{ accountId: staffId }], { heldOn: '2025-10-20', topic: '個人情報保護研修（2025年度）' }));

    const listed = (await employees(d, 'untrained')).rows.find((r) => r.accountId === staffId);
    // The session and the statement name the same day; the session's attendance is the evidence shown.
    expect(listed).toMatchObject({ name: staffMember.displayName, lastTrainedOn: '2025-10-20', source: 'session', dueOn: '2026-10-20', state: 'overdue' });
    expect((await d.ok<TrainingSettings>('training.settings')).staffUntrained).toBe(1);

    // Off by default: the same person is served.
    await signInAs(d, staffMember);
    expect((await openCustomers(d)).ok).toBe(true);

    await asOfficer(d);
    expect((await d.ok<TrainingSettings>('training.saveSettings', { requiredForCustomers: true })).requiredForCustomers).toBe(true);
    await signInAs(d, staffMember);
    const refused = await openCustomers(d);
    const error = errorOf(refused);
    expect(error).toMatchObject({ code: 'FORBIDDEN', message: 'training.required' });
    expect(error.details).toEqual({ askName: officer.manager.name, askEmail: officer.manager.email, askPhone: officer.manager.phone, lastTrainedOn: '2025-10-20' });
    const { ja, en } = sentencesOf(refused);
    expect(ja[0]).toContain('12か月');
    expect(en[0]).toContain('12 months');
    // Every method that opens customers' data is behind the same gate, the customer's record too.
    expect(errorOf(await d.call('customers.get', { id: '00000000-0000-4000-8000-000000000000' })).message).toBe('training.required');

    // The trail holds the denial with its code, and no name.
    await asOfficer(d);
    const denial = await d.core.desk.requireDb().selectFrom('audit_events').selectAll().where('action', '=', 'customers.search').where('outcome', '=', 'denied').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(denial.details!)).toEqual({ code: 'TRAINING_REQUIRED' });
    expect(denial.actor_id).toBe(staffId);
    const setting = await d.core.desk.requireDb().selectFrom('audit_events').selectAll().where('action', '=', 'training.saveSettings').executeTakeFirstOrThrow();
    expect(JSON.parse(setting.details!)).toEqual({ requiredForCustomers: true, staffUntrained: 1 });

    // The officer records this year's session with them: served again, and off the list.
    await d.ok<TrainingSessionDetail>('training.record', session([{ accountId: staffId }], { heldOn: '2026-11-24' }));
    expect((await employees(d, 'untrained')).rows.map((r) => r.accountId)).not.toContain(staffId);
    await signInAs(d, staffMember);
    expect((await openCustomers(d)).ok).toBe(true);
  });

  it('a training counts for 12 months to the day: served on the anniversary, refused the day after (fake clock)', async () => {
    const d = (desk = await setUpDesk());
    const staffId = await staffWithStatement(d, '2025-11-25');
    await d.ok('training.saveSettings', { requiredForCustomers: true });
    await signInAs(d, staffMember);
    expect((await openCustomers(d)).ok).toBe(true);
    expect((await rowOf(await asOfficerAnd(d), staffId)).state).toBe('dueSoon');

    d.clock.now = new Date('2026-11-26T09:00:00+09:00');
    expect((await rowOf(await asOfficerAnd(d), staffId)).state).toBe('overdue');
    await signInAs(d, staffMember);
    expect(errorOf(await openCustomers(d)).message).toBe('training.required');
  });

  it('a statement without a current signature is refused for the statement first, whatever the training', async () => {
    const d = (desk = await setUpDesk());
    await addAccount(d, staffMember);
    await d.ok('training.saveSettings', { requiredForCustomers: true });
    await signInAs(d, staffMember);
    expect(errorOf(await openCustomers(d)).message).toBe('statements.required');
  });
});

/** Signs in as the officer again (a moved clock locks the idle session) and hands the desk back. */
async function asOfficerAnd(d: TestDesk): Promise<TestDesk> {
  await asOfficer(d);
  return d;
}

describe("the statement's training date", () => {
  it('counts as a training, shown with its source, so a desk that kept training only on statements is not locked out', async () => {
    const d = (desk = await setUpDesk());
    const staffId = await staffWithStatement(d, '2026-06-01');
    await d.ok('statements.record', { personName: '派遣 山口 花子', department: '物流センター', templateVersion: 1, signedOn: '2026-06-01', trainingOn: '2025-06-01', scan });
    expect(await rowOf(d, staffId)).toMatchObject({ lastTrainedOn: '2026-06-01', source: 'statement', session: null, state: 'current' });
    // A person without an account who signed a statement is on the list too, overdue from her statement's date.
    const { rows } = await employees(d, 'untrained');
    expect(rows.find((r) => r.name === '派遣 山口 花子')).toMatchObject({ accountId: null, department: '物流センター', source: 'statement', state: 'overdue' });

    await d.ok('training.saveSettings', { requiredForCustomers: true });
    await signInAs(d, staffMember);
    expect((await openCustomers(d)).ok).toBe(true);
  });

  it('a later session takes over from an older statement date', async () => {
    const d = (desk = await setUpDesk());
    const staffId = await staffWithStatement(d, '2025-09-01');
    const held = await d.ok<TrainingSessionDetail>('training.record', session([{ accountId: staffId }], { heldOn: '2026-04-15' }));
    expect(await rowOf(d, staffId)).toMatchObject({ lastTrainedOn: '2026-04-15', source: 'session', session: { id: held.id, number: held.number }, dueOn: '2027-04-15', state: 'current' });
  });
});

describe('the comprehension test', () => {
  it('a failed test does not count as the training until a passing score is recorded', async () => {
    const d = (desk = await setUpDesk());
    const staffId = await staffWithStatement(d, '2025-09-01');
    await d.ok('training.saveSettings', { requiredForCustomers: true });
    const held = await d.ok<TrainingSessionDetail>('training.record', session([{ accountId: staffId, score: 60 }], { heldOn: '2026-11-02', passMark: 80 }));
    expect(held.attendees[0]).toMatchObject({ score: 60, result: 'failed' });
    expect(held.passedCount).toBe(0);
    expect(await rowOf(d, staffId)).toMatchObject({ lastTrainedOn: '2025-09-01', source: 'statement', state: 'overdue', notPassed: { id: held.id, heldOn: '2026-11-02' } });
    await signInAs(d, staffMember);
    expect(errorOf(await openCustomers(d)).message).toBe('training.required');

    // The retake, recorded on the same session: now they are trained as of the session's day.
    await asOfficer(d);
    const { id: _id, number: _n, ...rest } = held;
    const corrected = await d.ok<TrainingSessionDetail>('training.update', { id: held.id, session: session([{ accountId: staffId, score: 85 }], { heldOn: rest.heldOn, passMark: 80 }) });
    expect(corrected.attendees[0]!.result).toBe('passed');
    expect(await rowOf(d, staffId)).toMatchObject({ lastTrainedOn: '2026-11-02', state: 'current', notPassed: null });
    await signInAs(d, staffMember);
    expect((await openCustomers(d)).ok).toBe(true);
  });
});

describe('the setting', () => {
  it('is off on a new desk, only the officer changes it, and the officer is never refused by it', async () => {
    const d = (desk = await setUpDesk());
    await asOfficer(d);
    expect(await d.ok<TrainingSettings>('training.settings')).toMatchObject({ requiredForCustomers: false, changedAt: null, changedByName: null });
    const on = await d.ok<TrainingSettings>('training.saveSettings', { requiredForCustomers: true });
    expect(on).toMatchObject({ requiredForCustomers: true, changedAt: d.clock.now.toISOString(), changedByName: officer.displayName });
    // The officer has no training on record, and records customers all the same: the gate is for staff.
    expect((await employees(d, 'untrained')).rows.map((r) => r.name)).toContain(officer.displayName);
    expect((await openCustomers(d)).ok).toBe(true);
    await addAccount(d, staffMember);
    await signInAs(d, staffMember);
    expect(errorOf(await d.call('training.saveSettings', { requiredForCustomers: false })).code).toBe('FORBIDDEN');
  });
});
