// Outsourcee supervision as stored: the outsourcees of the partner register with where their checks stand, and one
// outsourcee's whole history (checklists, clauses, evidence without its bytes, findings and their follow-ups).
import { sql, type Kysely } from 'kysely';
import {
  contractClauses,
  evaluationCriteria,
  type EvaluationBrief,
  type EvaluationDetail,
  type EvidenceMimeType,
  type FindingDetail,
  type OutsourceeDetail,
  type OutsourceeRow,
} from '../../../src-shared/api/outsourcees';
import type { PartnerRole } from '../../../src-shared/registers';
import type { Database } from '../db/schema';
import { DeskError } from '../errors';
import { endedBy, loadPartner, type PartnerRecord } from '../partners/store';
import { dueState } from './status';

type Db = Kysely<Database>;

export function isOutsourcee(partner: Pick<PartnerRecord, 'roles'>): boolean {
  return (JSON.parse(partner.roles) as PartnerRole[]).includes('outsourcee');
}

/** A record stands until a later one corrects it: only standing records count towards what is due (`e`: the record). */
const notCorrected = sql<boolean>`not exists (select 1 from outsourcee_evaluations as c where c.corrects_id = e.id)`;

/** `OE-2026-0001`: numbered in order of recording within the year of recording. */
export async function nextEvaluationNumber(db: Db, year: string): Promise<string> {
  const prefix = `OE-${year}-`;
  const { rows } = await sql<{ n: number | null }>`select max(cast(substr(number, ${prefix.length + 1}) as integer)) as n from outsourcee_evaluations where number like ${`${prefix}%`}`.execute(db);
  return `${prefix}${String(Number(rows[0]?.n ?? 0) + 1).padStart(4, '0')}`;
}

interface Standing {
  selection: EvaluationBrief | null;
  periodic: EvaluationBrief | null;
  openFindings: number;
  findingsOverdue: number;
}

/** Per partner: the latest standing selection check and evaluation, and the open findings of standing records. */
async function standingByPartner(db: Db, today: string, partnerId?: string): Promise<Map<string, Standing>> {
  let briefs = db
    .selectFrom('outsourcee_evaluations as e')
    .select(['e.id', 'e.number', 'e.partner_id', 'e.kind', 'e.evaluated_on', 'e.score', 'e.result'])
    .where(notCorrected)
    .orderBy('e.evaluated_on', 'desc')
    .orderBy('e.recorded_at', 'desc');
  let open = db
    .selectFrom('outsourcee_findings as f')
    .innerJoin('outsourcee_evaluations as e', 'e.id', 'f.evaluation_id')
    .select(['e.partner_id', 'f.due_on'])
    .where('f.done_on', 'is', null)
    .where(notCorrected);
  if (partnerId) {
    briefs = briefs.where('e.partner_id', '=', partnerId);
    open = open.where('e.partner_id', '=', partnerId);
  }
  const standing = new Map<string, Standing>();
  const of = (id: string) => standing.get(id) ?? standing.set(id, { selection: null, periodic: null, openFindings: 0, findingsOverdue: 0 }).get(id)!;
  for (const r of await briefs.execute()) {
    const s = of(r.partner_id);
    const brief: EvaluationBrief = { id: r.id, number: r.number, kind: r.kind, evaluatedOn: r.evaluated_on, score: r.score, result: r.result };
    if (r.kind === 'selection') s.selection ??= brief;
    else s.periodic ??= brief;
  }
  for (const f of await open.execute()) {
    const s = of(f.partner_id);
    s.openFindings += 1;
    if (f.due_on < today) s.findingsOverdue += 1;
  }
  return standing;
}

function toRow(p: PartnerRecord, s: Standing | undefined, today: string): OutsourceeRow {
  const lastSelection = s?.selection ?? null;
  const lastEvaluation = s?.periodic ?? null;
  return {
    partnerId: p.id,
    name: p.name,
    country: p.country,
    contractFrom: p.contract_from,
    contractTo: p.contract_to,
    endedOn: p.ended_on,
    isOutsourcee: isOutsourcee(p),
    lastSelection,
    lastEvaluation,
    ...dueState(lastSelection, lastEvaluation, today),
    selectionMissing: lastSelection === null,
    openFindings: s?.openFindings ?? 0,
    findingsOverdue: s?.findingsOverdue ?? 0,
  };
}

/**
 * The outsourcees the company works with today; with `includeEnded`, also those it no longer works with and partners
 * that were evaluated as outsourcees before their role changed, for their history.
 */
export async function outsourceeRows(db: Db, today: string, includeEnded: boolean): Promise<OutsourceeRow[]> {
  const partners = await db.selectFrom('partners').selectAll().orderBy('name').orderBy('id').execute();
  const standing = await standingByPartner(db, today);
  const evaluated = new Set((await db.selectFrom('outsourcee_evaluations').select('partner_id').distinct().execute()).map((r) => r.partner_id));
  return partners
    .filter((p) => (includeEnded ? isOutsourcee(p) || evaluated.has(p.id) : isOutsourcee(p) && !endedBy(p, today)))
    .map((p) => toRow(p, standing.get(p.id), today));
}

export async function outsourceeRow(db: Db, partner: PartnerRecord, today: string): Promise<OutsourceeRow> {
  return toRow(partner, (await standingByPartner(db, today, partner.id)).get(partner.id), today);
}

/** One outsourcee with its whole history; a partner that was never an outsourcee is not one. */
export async function outsourceeDetail(db: Db, partnerId: string, today: string): Promise<OutsourceeDetail> {
  const partner = await loadPartner(db, partnerId);
  const records = await db
    .selectFrom('outsourcee_evaluations as e')
    .leftJoin('accounts as u', 'u.id', 'e.recorded_by')
    .selectAll('e')
    .select('u.display_name')
    .where('e.partner_id', '=', partnerId)
    .orderBy('e.evaluated_on', 'desc')
    .orderBy('e.recorded_at', 'desc')
    .orderBy('e.number', 'desc')
    .execute();
  if (!isOutsourcee(partner) && records.length === 0) throw new DeskError('NOT_FOUND', 'outsourcee.notOutsourcee', { partnerId });
  const ids = records.map((r) => r.id);
  const inThese = <T>(rows: () => Promise<T[]>) => (ids.length ? rows() : Promise.resolve([] as T[]));
  // One after another: the call's transaction has one connection.
  const criteria = await inThese(() => db.selectFrom('outsourcee_criteria').selectAll().where('evaluation_id', 'in', ids).execute());
  const clauses = await inThese(() => db.selectFrom('outsourcee_clauses').selectAll().where('evaluation_id', 'in', ids).execute());
  const evidence = await inThese(() =>
    db
      .selectFrom('outsourcee_evidence')
      .select(['id', 'evaluation_id', 'kind', 'file_name', 'mime_type', 'size', 'sha256', 'added_at'])
      .where('evaluation_id', 'in', ids)
      .orderBy('added_at')
      .orderBy('file_name')
      .execute(),
  );
  const findings = await inThese(() =>
    db
      .selectFrom('outsourcee_findings as f')
      .leftJoin('accounts as u', 'u.id', 'f.followed_up_by')
      .selectAll('f')
      .select('u.display_name')
      .where('f.evaluation_id', 'in', ids)
      .orderBy('f.position')
      .execute(),
  );
  const numberOf = new Map(records.map((r) => [r.id, r.number]));
  const correctedBy = new Map(records.filter((r) => r.corrects_id).map((r) => [r.corrects_id!, { id: r.id, number: r.number }]));
  const toFinding = (f: (typeof findings)[number]): FindingDetail => ({
    id: f.id,
    evaluationId: f.evaluation_id,
    evaluationNumber: numberOf.get(f.evaluation_id) ?? '',
    finding: f.finding,
    action: f.action,
    owner: f.owner,
    dueOn: f.due_on,
    doneOn: f.done_on,
    doneNote: f.done_note,
    followedUpAt: f.followed_up_at,
    followedUpByName: f.display_name,
    overdue: f.done_on === null && f.due_on < today && !correctedBy.has(f.evaluation_id),
    superseded: correctedBy.has(f.evaluation_id),
  });
  const evaluations = records.map((r): EvaluationDetail => {
    const own = <T extends { evaluation_id: string }>(rows: T[]) => rows.filter((x) => x.evaluation_id === r.id);
    const ratingOf = new Map(own(criteria).map((c) => [c.criterion, c]));
    const clauseOf = new Map(own(clauses).map((c) => [c.clause, c]));
    return {
      id: r.id,
      number: r.number,
      kind: r.kind,
      evaluatedOn: r.evaluated_on,
      score: r.score,
      result: r.result,
      method: r.method,
      evaluator: r.evaluator,
      conditions: r.conditions,
      summary: r.summary,
      criteria: Object.fromEntries(evaluationCriteria.map((c) => [c, { rating: ratingOf.get(c)?.rating ?? 'notApplicable', note: ratingOf.get(c)?.note ?? null }])) as EvaluationDetail['criteria'],
      clauses: Object.fromEntries(contractClauses.map((c) => [c, { present: clauseOf.get(c)?.present === 1, note: clauseOf.get(c)?.note ?? null }])) as EvaluationDetail['clauses'],
      evidence: own(evidence).map((e) => ({ id: e.id, kind: e.kind, fileName: e.file_name, mimeType: e.mime_type as EvidenceMimeType, bytes: e.size, sha256: e.sha256, addedAt: e.added_at })),
      findings: own(findings).map(toFinding),
      corrects: r.corrects_id ? { id: r.corrects_id, number: numberOf.get(r.corrects_id) ?? '' } : null,
      correctionReason: r.correction_reason,
      correctedBy: correctedBy.get(r.id) ?? null,
      recordedAt: r.recorded_at,
      recordedByName: r.display_name,
    };
  });
  return {
    today,
    outsourcee: await outsourceeRow(db, partner, today),
    partner: { address: partner.address, representative: partner.representative, securityMeasures: partner.security_measures, contactName: partner.contact_name, contactEmail: partner.contact_email },
    evaluations,
  };
}
