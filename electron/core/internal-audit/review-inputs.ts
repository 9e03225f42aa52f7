// The counts a management review starts from (JIS Q 15001: results of audits, corrective actions, incidents, requests,
// complaints, education, outsourcees and the ledger), gathered for a period: numbers only, never a person.
import { findingGrades, type FindingGrade, type ReviewInputs } from '../../../src-shared/api/internal-audit';
import type { IncidentDataCategory } from '../../../src-shared/registers';
import { isOpenState, type RequestKind } from '../../../src-shared/requests';
import { dueCounts as complaintDueCounts } from '../complaints/read';
import { localDay } from '../dates';
import { reportableBecause } from '../incidents/reportable';
import { reviewOf, riskOf } from '../ledger/review';
import { countsOf as outsourceeCounts } from '../outsourcees/status';
import { outsourceeRows } from '../outsourcees/store';
import { countEmployees, employeeTrainings } from '../training/people';
import { isOverdue } from './correction-store';
import type { Db } from './store';

/** Instants are stored in UTC; the office counts by its own calendar day. */
const dayOf = (instant: string) => localDay(new Date(instant));

type Within = (day: string | null) => boolean;

/** Open and overdue by the register's own rule (the home screen's card), so the review and the card never disagree. */
async function complaintInputs(db: Db, within: Within, today: string): Promise<NonNullable<ReviewInputs['complaints']>> {
  const complaints = await db.selectFrom('complaints').select(['state', 'received_on', 'due_on', 'closed_on', 'problem_found']).execute();
  // A reopened complaint is open again: its earlier closing no longer counts.
  const closed = complaints.filter((c) => c.state === 'closed' && within(c.closed_on));
  const now = await complaintDueCounts(db, today);
  return {
    received: complaints.filter((c) => within(c.received_on)).length,
    closed: closed.length,
    closedLate: closed.filter((c) => c.closed_on! > c.due_on).length,
    openNow: now.open,
    overdueNow: now.overdue,
    problemFound: closed.filter((c) => c.problem_found === 1).length,
  };
}

/** Who is untrained is the training register's own rule (attendance that counts, statements' dates, people who left). */
async function trainingInputs(db: Db, periodFrom: string, periodTo: string, today: string): Promise<NonNullable<ReviewInputs['training']>> {
  const held = await db
    .selectFrom('training_sessions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('held_on', '>=', periodFrom)
    // Held by today, as the register counts training (a clock moved back must not count a session early).
    .where('held_on', '<=', periodTo < today ? periodTo : today)
    .executeTakeFirstOrThrow();
  const people = countEmployees(await employeeTrainings(db, today));
  return { sessionsHeld: Number(held.n), untrainedNow: people.untrained, peopleNow: people.all };
}

/** The outsourcees the company works with today, as the register's list and card count them. */
async function outsourceeInputs(db: Db, periodFrom: string, periodTo: string, today: string): Promise<NonNullable<ReviewInputs['outsourcees']>> {
  const counts = outsourceeCounts(await outsourceeRows(db, today, false));
  // A record put right by a later one counts once: only the standing record of each check.
  const evaluated = await db
    .selectFrom('outsourcee_evaluations as e')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('e.evaluated_on', '>=', periodFrom)
    .where('e.evaluated_on', '<=', periodTo)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('outsourcee_evaluations as c').select('c.id').whereRef('c.corrects_id', '=', 'e.id'))))
    .executeTakeFirstOrThrow();
  return { outsourceesNow: counts.outsourcees, evaluated: Number(evaluated.n), overdueNow: counts.overdue };
}

/** Entries in use (not retired), with the ledger's own review and risk rules; no live head counts are needed here. */
async function ledgerInputs(db: Db, today: string): Promise<NonNullable<ReviewInputs['ledger']>> {
  const entries = await db.selectFrom('ledger_entries').select(['id', 'paper_reviewed_on', 'paper_reviewed_by', 'created_at', 'retired_on']).where('retired_on', 'is', null).execute();
  const confirmed = await db
    .selectFrom('ledger_confirmations')
    .select((eb) => ['entry_id', eb.fn.max('confirmed_at').as('confirmed_at')])
    .groupBy('entry_id')
    .execute();
  const lastConfirmed = new Map(confirmed.map((c) => [c.entry_id, c.confirmed_at]));
  const assessments = new Map<string, Parameters<typeof riskOf>[0][number][]>();
  for (const a of await db.selectFrom('ledger_risk_assessments').select(['entry_id', 'version', 'state', 'likelihood', 'impact', 'residual', 'approved_at']).execute()) {
    assessments.set(a.entry_id, [...(assessments.get(a.entry_id) ?? []), a]);
  }
  const risk = (entryId: string) => riskOf(assessments.get(entryId) ?? []);
  const last = (entryId: string) => {
    const at = lastConfirmed.get(entryId);
    return at ? { confirmed_at: at, by_name: null } : null;
  };
  return {
    entriesNow: entries.length,
    overdueNow: entries.filter((e) => reviewOf(e, last(e.id), today).overdue).length,
    awaitingApprovalNow: entries.filter((e) => risk(e.id).state === 'awaitingApproval').length,
  };
}

export async function gatherInputs(db: Db, periodFrom: string, periodTo: string, today: string): Promise<ReviewInputs> {
  const within = (day: string | null) => day !== null && day >= periodFrom && day <= periodTo;

  const plans = await db.selectFrom('audit_plans').select(['period_from', 'period_to', 'done_on']).execute();
  const findings = await db.selectFrom('audit_findings').select('grade').where('found_on', '>=', periodFrom).where('found_on', '<=', periodTo).execute();
  const byGrade = Object.fromEntries(findingGrades.map((g) => [g, 0])) as Record<FindingGrade, number>;
  for (const f of findings) byGrade[f.grade]++;

  const actions = await db.selectFrom('corrective_actions').select(['state', 'due_on', 'opened_at', 'closed_on']).execute();

  // Discovered in the period; reportable by the same rules as the incident register (APPI Art. 26, rules Art. 7).
  const incidents = (await db.selectFrom('incidents').select(['discovered_at', 'categories', 'people_count', 'unlawful_suspected', 'state']).execute()).map((i) => ({
    discoveredOn: dayOf(i.discovered_at),
    reportable: reportableBecause({ categories: JSON.parse(i.categories) as IncidentDataCategory[], peopleCount: i.people_count, unlawfulSuspected: i.unlawful_suspected === 1 }).length > 0,
    open: i.state === 'open',
  }));

  const requests = await db.selectFrom('requests').select(['kind', 'state', 'received_on', 'due_on', 'extended_due_on', 'closed_at']).execute();
  const byKind: Partial<Record<RequestKind, number>> = {};
  for (const r of requests) if (within(r.received_on)) byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;
  const dueOf = (r: (typeof requests)[number]) => r.extended_due_on ?? r.due_on;
  const closedInPeriod = requests.filter((r) => !isOpenState(r.state) && r.closed_at !== null && within(dayOf(r.closed_at)));
  const openNow = requests.filter((r) => isOpenState(r.state));

  return {
    periodFrom,
    periodTo,
    audits: { planned: plans.filter((p) => p.period_from <= periodTo && p.period_to >= periodFrom).length, done: plans.filter((p) => within(p.done_on)).length },
    findings: byGrade,
    corrections: {
      opened: actions.filter((a) => within(dayOf(a.opened_at))).length,
      closed: actions.filter((a) => within(a.closed_on)).length,
      openNow: actions.filter((a) => a.state === 'open').length,
      overdueNow: actions.filter((a) => isOverdue(a, today)).length,
      awaitingVerificationNow: actions.filter((a) => a.state === 'reported').length,
    },
    incidents: {
      discovered: incidents.filter((i) => within(i.discoveredOn)).length,
      reportable: incidents.filter((i) => within(i.discoveredOn) && i.reportable).length,
      openNow: incidents.filter((i) => i.open).length,
    },
    requests: {
      received: requests.filter((r) => within(r.received_on)).length,
      byKind,
      closed: closedInPeriod.length,
      // Answered after the due day (APPI Art. 33–35 ask for "without delay"; the desk's due day is the office's promise).
      closedLate: closedInPeriod.filter((r) => dayOf(r.closed_at!) > dueOf(r)).length,
      openNow: openNow.length,
      overdueNow: openNow.filter((r) => dueOf(r) < today).length,
    },
    complaints: await complaintInputs(db, within, today),
    training: await trainingInputs(db, periodFrom, periodTo, today),
    outsourcees: await outsourceeInputs(db, periodFrom, periodTo, today),
    ledger: await ledgerInputs(db, today),
  };
}
