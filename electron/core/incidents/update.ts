// incidents.update: the facts as they become known, the reports made to the PPC, the notices to the people, closing.
import type { z } from 'zod';
import type { incidents } from '../../../src-shared/api/incidents';
import { refuseCardNumbers } from '../customers/no-card-numbers';
import { DeskError } from '../errors';
import type { AuditNote, Ctx } from '../handler';
import { changedFacts, checkFacts, samePeople, storedFacts, type StoredFacts } from './facts';
import { notifyPeople, writeNoticeFiles, type PendingEml } from './notices';
import { reportableBecause, type ReportableRule } from './reportable';
import { addEvent, loadIncident, replacePeople, requireOpen, resolvePeople, type Actor, type IncidentRecord } from './store';

type Update = z.output<(typeof incidents)['incidents.update']['input']>;
type Db = Ctx['db'];

export const rulesOf = (facts: StoredFacts): ReportableRule[] =>
  reportableBecause({ categories: facts.categories, peopleCount: facts.people_count, unlawfulSuspected: facts.unlawful_suspected });

/** The timeline says when the incident became reportable, or stopped being so, and on which grounds. */
export async function noteReportability(db: Db, incidentId: string, actor: Actor, before: ReportableRule[], after: ReportableRule[]): Promise<void> {
  if (before.join() === after.join()) return;
  await addEvent(db, incidentId, actor, after.length > 0 ? 'reportable' : 'notReportable', after.length > 0 ? after.join(', ') : null);
}

async function changeFacts(ctx: Ctx, incident: IncidentRecord, change: NonNullable<Update['facts']>, actor: Actor): Promise<string[]> {
  const db = ctx.db;
  const before = storedFacts(incident);
  const { after, fields } = changedFacts(before, change);
  const current = await db.selectFrom('incident_people').select('customer_no as customerNo').where('incident_id', '=', incident.id).execute();
  // Left out, the people stay as they are; given (even empty), they become the known people.
  const given = change.customerIds !== undefined || change.customerNos !== undefined;
  const people = given ? await resolvePeople(db, change.customerIds ?? [], change.customerNos ?? []) : null;
  const peopleChanged = people !== null && !samePeople(current, people);
  checkFacts(after, people?.length ?? current.length, actor.now, { preliminary: incident.preliminary_reported_at, final: incident.final_reported_at });
  if (fields.length === 0 && !peopleChanged) return [];

  await db
    .updateTable('incidents')
    .set({
      discovered_at: after.discovered_at,
      occurred_at: after.occurred_at,
      summary: after.summary,
      categories: JSON.stringify(after.categories),
      people_count: after.people_count,
      unlawful_suspected: after.unlawful_suspected ? 1 : 0,
      cause: after.cause,
      measures: after.measures,
    })
    .where('id', '=', incident.id)
    .execute();
  if (peopleChanged) {
    await replacePeople(db, incident.id, people);
    fields.push('people');
  }
  await addEvent(db, incident.id, actor, 'factsChanged', fields.join(', '));
  await noteReportability(db, incident.id, actor, rulesOf(before), rulesOf(after));
  return fields;
}

/**
 * A report made to the PPC (rules Art. 8): the preliminary first, then the final, each once, neither before the
 * discovery nor in the future. A combined report is recorded as both, at the same moment.
 */
async function recordReport(db: Db, incident: IncidentRecord, report: NonNullable<Update['reportMade']>, actor: Actor): Promise<string> {
  const at = new Date(report.at).toISOString();
  if (at > actor.now.toISOString()) throw new DeskError('VALIDATION', 'incident.reportInFuture', { path: 'reportMade.at' });
  if (at < incident.discovered_at) throw new DeskError('VALIDATION', 'incident.reportBeforeDiscovery', { path: 'reportMade.at' });
  if (report.note) refuseCardNumbers(report.note, 'reportMade.note');
  const column = report.kind === 'preliminary' ? 'preliminary_reported_at' : 'final_reported_at';
  if (incident[column] !== null) throw new DeskError('CONFLICT', 'incident.alreadyReported', { kind: report.kind });
  if (report.kind === 'final') {
    if (incident.preliminary_reported_at === null) throw new DeskError('CONFLICT', 'incident.preliminaryFirst', { id: incident.id });
    if (at < incident.preliminary_reported_at) throw new DeskError('VALIDATION', 'incident.finalBeforePreliminary', { path: 'reportMade.at' });
  }
  await db.updateTable('incidents').set({ [column]: at }).where('id', '=', incident.id).execute();
  await addEvent(db, incident.id, actor, `reported.${report.kind}`, report.note || null);
  return report.kind === 'preliminary' ? 'preliminaryReportedAt' : 'finalReportedAt';
}

/** Does what the call asks, in the order a day at the office goes; returns the audit note (ids, names of fields, counts). */
export async function updateIncident(ctx: Ctx, input: Update): Promise<AuditNote> {
  const db = ctx.db;
  const actor: Actor = { accountId: ctx.session?.accountId ?? null, now: ctx.desk.now() };
  let incident = await loadIncident(db, input.id);
  requireOpen(incident);
  if (!input.facts && !input.reportMade && !input.notifyPeople && !input.note && input.close !== true) {
    throw new DeskError('VALIDATION', 'incident.nothingToChange', { id: incident.id });
  }
  const fields: string[] = [];
  const details: Record<string, unknown> = { number: incident.number };
  let files: PendingEml[] = [];

  if (input.facts) {
    const changed = await changeFacts(ctx, incident, input.facts, actor);
    fields.push(...changed);
    incident = await loadIncident(db, incident.id);
  }
  if (input.reportMade) {
    fields.push(await recordReport(db, incident, input.reportMade, actor));
    details.report = input.reportMade.kind;
    incident = await loadIncident(db, incident.id);
  }
  if (input.notifyPeople) {
    const outcome = await notifyPeople(ctx, incident, input.notifyPeople.language);
    files = outcome.files;
    const counts = { emailed: outcome.emailed, withoutEmail: outcome.withoutEmail, unreachable: outcome.unreachable };
    await addEvent(db, incident.id, actor, 'peopleNotified', `emailed=${counts.emailed} withoutEmail=${counts.withoutEmail} unreachable=${counts.unreachable}`);
    fields.push('notices');
    details.notices = { language: input.notifyPeople.language, ...counts };
  }
  if (input.note) {
    refuseCardNumbers(input.note, 'note');
    await addEvent(db, incident.id, actor, 'note', input.note);
    fields.push('note');
  }
  const rules = rulesOf(storedFacts(incident));
  if (input.close === true) {
    // A reportable incident stays open until the PPC has had its final report: closing must not stop the countdown.
    if (rules.length > 0 && incident.final_reported_at === null) throw new DeskError('CONFLICT', 'incident.reportsOutstanding', { id: incident.id });
    await db.updateTable('incidents').set({ state: 'closed' }).where('id', '=', incident.id).execute();
    await addEvent(db, incident.id, actor, 'closed');
    fields.push('state');
  }
  await db.updateTable('incidents').set({ updated_at: actor.now.toISOString() }).where('id', '=', incident.id).execute();
  // Last, once every row is in: a file that cannot be written undoes the call, never the other way round.
  writeNoticeFiles(files);
  return { targetType: 'incident', targetId: incident.id, fields, details: { ...details, reportableBecause: rules } };
}
