// What a finding concerns: a ledger entry, a request, an incident or an account. The registers differ, so no foreign
// key can hold the link: the record is checked here when the finding is written, and shown as gone if it later is.
import { sql } from 'kysely';
import type { FindingTarget, FindingTargetKind, TargetOption } from '../../../src-shared/api/internal-audit';
import { localDay } from '../dates';
import { DeskError } from '../errors';
import type { Db } from './store';

interface Named {
  id: string;
  label: string;
}

/** `%` and `_` typed by the person are letters, not wildcards. */
function likePattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The ledger's table belongs to the ledger (migration 9): the audit reads only its `id` and `name`, through plain SQL so
 * that nothing else of the ledger's shape is assumed here.
 */
async function ledgerNames(db: Db, ids: readonly string[]): Promise<Named[]> {
  const { rows } = await sql<Named>`select id, name as label from ledger_entries where id in (${sql.join(ids)})`.execute(db);
  return rows;
}

/** The label of each record by id, for one kind: a number or a name, never a customer's data. */
async function labelsOf(db: Db, kind: FindingTargetKind, ids: readonly string[]): Promise<Named[]> {
  if (ids.length === 0) return [];
  switch (kind) {
    case 'ledgerEntry':
      return ledgerNames(db, ids);
    case 'request':
      return db.selectFrom('requests').select(['id', 'number as label']).where('id', 'in', ids).execute();
    case 'incident':
      return db.selectFrom('incidents').select(['id', 'number as label']).where('id', 'in', ids).execute();
    case 'account':
      return db.selectFrom('accounts').select(['id', 'display_name as label']).where('id', 'in', ids).execute();
  }
}

/** The record a new or changed finding names must exist: a finding about nothing that exists would mislead the review. */
export async function requireTarget(db: Db, target: { kind: FindingTargetKind; id: string }, path: string): Promise<void> {
  const found = await labelsOf(db, target.kind, [target.id]);
  if (found.length === 0) throw new DeskError('VALIDATION', `finding.${target.kind}NotFound`, { path: `${path}.id`, kind: target.kind, id: target.id });
}

/** Each finding's target with its label, looked up once per kind for a whole list. */
export async function targetsOf(db: Db, rows: readonly { target_kind: FindingTargetKind | null; target_id: string | null }[]): Promise<(FindingTarget | null)[]> {
  const byKind = new Map<FindingTargetKind, Set<string>>();
  for (const r of rows) if (r.target_kind && r.target_id) (byKind.get(r.target_kind) ?? byKind.set(r.target_kind, new Set()).get(r.target_kind)!).add(r.target_id);
  const labels = new Map<string, string>();
  for (const [kind, ids] of byKind) for (const n of await labelsOf(db, kind, [...ids])) labels.set(`${kind}:${n.id}`, n.label);
  return rows.map((r) => (r.target_kind && r.target_id ? { kind: r.target_kind, id: r.target_id, label: labels.get(`${r.target_kind}:${r.target_id}`) ?? null } : null));
}

const offered = 30;

/** The records a finding may be linked to, newest first, by part of their number or name. */
export async function searchTargets(db: Db, kind: FindingTargetKind, query: string): Promise<TargetOption[]> {
  const like = likePattern(query);
  switch (kind) {
    case 'ledgerEntry': {
      const { rows } = await sql<Named>`select id, name as label from ledger_entries where name like ${like} escape '\\' order by name limit ${offered}`.execute(db);
      return rows.map((r) => ({ id: r.id, label: r.label, on: null, code: null }));
    }
    case 'request': {
      // The number, kind and day only: the requester's name is personal data the auditor does not see.
      const rows = await db
        .selectFrom('requests')
        .select(['id', 'number', 'kind', 'received_on'])
        .where(sql<boolean>`number like ${like} escape '\\'`)
        .orderBy('received_on', 'desc')
        .orderBy('number', 'desc')
        .limit(offered)
        .execute();
      return rows.map((r) => ({ id: r.id, label: r.number, on: r.received_on, code: r.kind }));
    }
    case 'incident': {
      const rows = await db
        .selectFrom('incidents')
        .select(['id', 'number', 'discovered_at', 'state'])
        .where(sql<boolean>`number like ${like} escape '\\'`)
        .orderBy('number', 'desc')
        .limit(offered)
        .execute();
      return rows.map((r) => ({ id: r.id, label: r.number, on: localDay(new Date(r.discovered_at)), code: r.state }));
    }
    case 'account': {
      const rows = await db
        .selectFrom('accounts')
        .select(['id', 'display_name', 'role'])
        .where(sql<boolean>`(display_name like ${like} escape '\\' or login_id like ${like} escape '\\')`)
        .orderBy('display_name')
        .limit(offered)
        .execute();
      return rows.map((r) => ({ id: r.id, label: r.display_name, on: null, code: r.role }));
    }
  }
}
