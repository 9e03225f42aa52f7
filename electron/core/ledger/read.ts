// Reading the ledger: its rows with live counts, review and risk state, and one entry whole with its history.
import type { Kysely, Selectable } from 'kysely';
import type { LedgerCount, LedgerCounts, LedgerEntry, LedgerPartnerRef, LedgerRow, LedgerShow, RiskAssessment, RiskThreat } from '../../../src-shared/api/ledger';
import { localDay } from '../dates';
import type { Database } from '../db/schema';
import type { LedgerEntryTable, LedgerRiskAssessmentTable } from '../db/schema-ledger';
import { DeskError } from '../errors';
import { currentPolicyVersion, latestPolicyVersion, purposesOf } from '../purposes/store';
import { reviewOf, riskOf, type LastConfirmation } from './review';
import { sourceCounter } from './sources';

type Db = Kysely<Database>;
export type EntryRecord = Selectable<LedgerEntryTable>;
type AssessmentRecord = Selectable<LedgerRiskAssessmentTable> & { drafted_by_name: string | null; approved_by_name: string | null };

export async function loadEntry(db: Db, id: string): Promise<EntryRecord> {
  const row = await db.selectFrom('ledger_entries').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new DeskError('NOT_FOUND', 'ledger.notFound', { id });
  return row;
}

async function lastConfirmations(db: Db, entryIds: string[] | null): Promise<Map<string, LastConfirmation>> {
  let query = db
    .selectFrom('ledger_confirmations as c')
    .leftJoin('accounts as a', 'a.id', 'c.confirmed_by')
    .select(['c.entry_id', 'c.confirmed_at', 'a.display_name as by_name'])
    .orderBy('c.confirmed_at')
    .orderBy('c.id');
  if (entryIds) query = query.where('c.entry_id', 'in', entryIds);
  const out = new Map<string, LastConfirmation>();
  // In order of time: the last one written for an entry is its newest.
  for (const c of await query.execute()) out.set(c.entry_id, { confirmed_at: c.confirmed_at, by_name: c.by_name });
  return out;
}

async function assessmentsOf(db: Db, entryIds: string[] | null): Promise<Map<string, AssessmentRecord[]>> {
  let query = db
    .selectFrom('ledger_risk_assessments as r')
    .leftJoin('accounts as d', 'd.id', 'r.drafted_by')
    .leftJoin('accounts as p', 'p.id', 'r.approved_by')
    .selectAll('r')
    .select(['d.display_name as drafted_by_name', 'p.display_name as approved_by_name'])
    .orderBy('r.version', 'desc');
  if (entryIds) query = query.where('r.entry_id', 'in', entryIds);
  const out = new Map<string, AssessmentRecord[]>();
  for (const r of await query.execute()) out.set(r.entry_id, [...(out.get(r.entry_id) ?? []), r]);
  return out;
}

async function rowsOf(db: Db, entries: EntryRecord[], now: Date, count = sourceCounter(db)): Promise<LedgerRow[]> {
  const ids = entries.length > 0 && entries.length < 500 ? entries.map((e) => e.id) : null;
  const confirmations = await lastConfirmations(db, ids);
  const assessments = await assessmentsOf(db, ids);
  const today = localDay(now);
  const rows: LedgerRow[] = [];
  for (const e of entries) {
    const last = confirmations.get(e.id) ?? null;
    const people: LedgerCount = e.count_source
      ? { source: e.count_source, people: await count(e.count_source), asOf: now.toISOString() }
      : { source: null, people: e.typed_count ?? 0, asOf: e.typed_count_on ?? '' };
    rows.push({
      id: e.id,
      number: e.number,
      name: e.name,
      department: e.department,
      responsible: e.responsible,
      storageKind: e.storage_kind,
      disclosable: e.disclosable === 1,
      specialCare: e.special_care === 1,
      count: people,
      review: reviewOf(e, last, today),
      risk: riskOf(assessments.get(e.id) ?? []),
      retiredOn: e.retired_on,
      changedSinceConfirmed: last !== null && e.changed_since_confirmed === 1,
      updatedAt: e.updated_at,
    });
  }
  return rows;
}

export function countsOf(rows: readonly LedgerRow[]): LedgerCounts {
  const current = rows.filter((r) => r.retiredOn === null);
  return {
    current: current.length,
    overdue: current.filter((r) => r.review.overdue).length,
    dueSoon: current.filter((r) => r.review.dueSoon).length,
    awaitingApproval: current.filter((r) => r.risk.state === 'awaitingApproval').length,
    retired: rows.length - current.length,
  };
}

export function shownBy(show: LedgerShow): (row: LedgerRow) => boolean {
  switch (show) {
    case 'current':
      return (r) => r.retiredOn === null;
    case 'overdue':
      return (r) => r.retiredOn === null && r.review.overdue;
    case 'dueSoon':
      return (r) => r.retiredOn === null && r.review.dueSoon;
    case 'awaitingApproval':
      return (r) => r.retiredOn === null && r.risk.state === 'awaitingApproval';
    case 'retired':
      return (r) => r.retiredOn !== null;
    case 'all':
      return () => true;
  }
}

/** Every entry of the ledger in the order of its numbers (the order of registration). */
export async function ledgerRows(db: Db, now: Date): Promise<{ records: EntryRecord[]; rows: LedgerRow[] }> {
  const records = await db.selectFrom('ledger_entries').selectAll().orderBy('created_at').orderBy('number').execute();
  return { records, rows: await rowsOf(db, records, now) };
}

function toAssessment(r: AssessmentRecord): RiskAssessment {
  return {
    id: r.id,
    version: r.version,
    threats: JSON.parse(r.threats) as RiskThreat[],
    threatNotes: r.threat_notes,
    likelihood: r.likelihood,
    impact: r.impact,
    score: r.likelihood * r.impact,
    measures: r.measures,
    residual: r.residual,
    state: r.state,
    draftedAt: r.drafted_at,
    draftedByName: r.drafted_by_name,
    approvedAt: r.approved_at,
    approvedByName: r.approved_by_name,
  };
}

async function partnersOf(db: Db, entryId: string): Promise<{ outsourcees: LedgerPartnerRef[]; recipients: LedgerPartnerRef[] }> {
  const links = await db
    .selectFrom('ledger_entry_partners as l')
    .innerJoin('partners as p', 'p.id', 'l.partner_id')
    .select(['l.relation', 'p.id', 'p.name', 'p.country', 'p.ended_on'])
    .where('l.entry_id', '=', entryId)
    .orderBy('p.name')
    .execute();
  const ref = (l: (typeof links)[number]): LedgerPartnerRef => ({ id: l.id, name: l.name, country: l.country, endedOn: l.ended_on });
  return { outsourcees: links.filter((l) => l.relation === 'outsourcee').map(ref), recipients: links.filter((l) => l.relation === 'recipient').map(ref) };
}

/** The purposes' titles as the policy in force words them (a purpose is never dropped by a later version). */
export async function purposeTitles(db: Db, today: string): Promise<Map<string, { titleJa: string; titleEn: string }>> {
  const titles = new Map<string, { titleJa: string; titleEn: string }>();
  // A purpose added by a version not yet in force still has its words in the latest one.
  for (const version of [await latestPolicyVersion(db), await currentPolicyVersion(db, today)]) {
    for (const p of await purposesOf(db, version)) titles.set(p.id, { titleJa: p.titleJa, titleEn: p.titleEn });
  }
  return titles;
}

/** `count`: a counter shared by the entries of one export, so each source is counted once. */
export async function readEntry(db: Db, id: string, now: Date, count = sourceCounter(db), titles?: Map<string, { titleJa: string; titleEn: string }>): Promise<LedgerEntry> {
  const e = await loadEntry(db, id);
  const [row] = await rowsOf(db, [e], now, count);
  const names = titles ?? (await purposeTitles(db, localDay(now)));
  const confirmations = await db
    .selectFrom('ledger_confirmations as c')
    .leftJoin('accounts as a', 'a.id', 'c.confirmed_by')
    .select(['c.confirmed_at', 'c.note', 'a.display_name as by_name'])
    .where('c.entry_id', '=', id)
    .orderBy('c.confirmed_at', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
  const people = await db.selectFrom('accounts').select(['id', 'display_name']).where('id', 'in', [e.created_by ?? '', e.retired_by ?? '']).execute();
  const nameOf = (account: string | null) => people.find((p) => p.id === account)?.display_name ?? null;
  return {
    ...row!,
    items: JSON.parse(e.items) as string[],
    purposes: (JSON.parse(e.purpose_ids) as string[]).map((p) => ({ id: p, titleJa: names.get(p)?.titleJa ?? p, titleEn: names.get(p)?.titleEn ?? p })),
    otherPurposes: e.other_purposes,
    obtainedHow: e.obtained_how,
    storagePlace: e.storage_place,
    access: e.access,
    retention: e.retention,
    disposal: e.disposal,
    ...(await partnersOf(db, id)),
    confirmations: confirmations.map((c) => ({ at: c.confirmed_at, byName: c.by_name, note: c.note })),
    assessments: ((await assessmentsOf(db, [id])).get(id) ?? []).map(toAssessment),
    retiredReason: e.retired_reason,
    retiredByName: nameOf(e.retired_by),
    createdAt: e.created_at,
    createdByName: nameOf(e.created_by),
  };
}
