// Reading the incident register: its rows (counts, never who) and one incident whole, with its people and timeline.
import type { IncidentDetail, IncidentRow } from '../../../src-shared/registers';
import type { Role } from '../../../src-shared/roles';
import { maskEmail } from '../customers/masking';
import type { Ctx } from '../handler';
import { daysToNextReport, reportDeadlines } from './deadlines';
import { storedFacts } from './facts';
import { reportableBecause } from './reportable';
import { loadIncident, type IncidentRecord } from './store';

type Db = Ctx['db'];

/** Whether the PPC must be told and by when, from the facts as they stand now. */
export function toIncidentRow(incident: IncidentRecord, today: string): IncidentRow {
  const facts = storedFacts(incident);
  const because = reportableBecause({ categories: facts.categories, peopleCount: facts.people_count, unlawfulSuspected: facts.unlawful_suspected });
  const reportable = because.length > 0;
  const deadlines = reportable ? reportDeadlines(facts.discovered_at, facts.unlawful_suspected) : null;
  return {
    id: incident.id,
    number: incident.number,
    discoveredAt: facts.discovered_at,
    summary: facts.summary,
    categories: facts.categories,
    peopleCount: facts.people_count,
    unlawfulSuspected: facts.unlawful_suspected,
    reportable,
    reportableBecause: because,
    preliminaryDueOn: deadlines?.preliminaryDueOn ?? null,
    finalDueOn: deadlines?.finalDueOn ?? null,
    preliminaryReportedAt: incident.preliminary_reported_at,
    finalReportedAt: incident.final_reported_at,
    daysToNextReport: daysToNextReport(
      { reportable, open: incident.state === 'open', deadlines, preliminaryReportedAt: incident.preliminary_reported_at, finalReportedAt: incident.final_reported_at },
      today,
    ),
    state: incident.state,
  };
}

/** The open ones first, the latest discovered first within each. */
export async function incidentRows(db: Db, state: 'open' | 'closed' | undefined, today: string): Promise<IncidentRow[]> {
  let query = db.selectFrom('incidents').selectAll();
  if (state) query = query.where('state', '=', state);
  const rows = await query.orderBy('state', 'desc').orderBy('discovered_at', 'desc').orderBy('number', 'desc').execute();
  return rows.map((r) => toIncidentRow(r, today));
}

/**
 * One incident whole. The people are customer numbers (the record itself is one click away, with its own audit);
 * the auditor, who sees no personal data, gets the notices' addresses masked.
 */
export async function readIncidentDetail(db: Db, id: string, viewer: { role: Role; today: string }): Promise<IncidentDetail> {
  const incident = await loadIncident(db, id);
  const people = await db.selectFrom('incident_people').select(['customer_id', 'customer_no', 'notified_at']).where('incident_id', '=', id).orderBy('customer_no').execute();
  const timeline = await db
    .selectFrom('incident_events as e')
    .leftJoin('accounts as a', 'a.id', 'e.actor_id')
    .select(['e.at', 'a.display_name', 'e.kind', 'e.note'])
    .where('e.incident_id', '=', id)
    .orderBy('e.id')
    .execute();
  const notices = await db
    .selectFrom('incident_notices')
    .select(['id', 'customer_no', 'recipient', 'subject', 'eml_file', 'created_at'])
    .where('incident_id', '=', id)
    .orderBy('created_at')
    .orderBy('customer_no')
    .execute();
  const masked = viewer.role === 'auditor';
  return {
    ...toIncidentRow(incident, viewer.today),
    occurredAt: incident.occurred_at,
    cause: incident.cause,
    measures: incident.measures,
    people: people.map((p) => ({ customerId: p.customer_id, customerNo: p.customer_no, notifiedAt: p.notified_at })),
    timeline: timeline.map((e) => ({ at: e.at, actorName: e.display_name, kind: e.kind, note: e.note })),
    notices: notices.map((n) => ({
      id: n.id,
      customerNo: n.customer_no,
      recipient: n.recipient === null ? null : masked ? maskEmail(n.recipient) : n.recipient,
      subject: n.subject,
      emlFile: n.eml_file,
      createdAt: n.created_at,
    })),
  };
}
