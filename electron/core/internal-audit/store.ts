// What the internal audit's handlers share: record numbers, the accounts they name, and the day on the desk's calendar.
import { sql } from 'kysely';
import type { AccountRef } from '../../../src-shared/api/internal-audit';
import { localDay } from '../dates';
import { DeskError } from '../errors';
import type { Ctx } from '../handler';

export type Db = Ctx['db'];

export function today(ctx: Ctx): string {
  return localDay(ctx.desk.now());
}

/** `F-2026-001`, `CA-2026-001`: in order of recording within a year; three digits, more once a year passes 999. */
export async function nextNumber(db: Db, table: 'audit_findings' | 'corrective_actions', prefix: 'F' | 'CA', year: string): Promise<string> {
  const start = `${prefix}-${year}-`;
  const { rows } = await sql<{ n: number | null }>`select max(cast(substr(number, ${start.length + 1}) as integer)) as n from ${sql.table(table)} where number like ${`${start}%`}`.execute(db);
  return `${start}${String(Number(rows[0]?.n ?? 0) + 1).padStart(3, '0')}`;
}

/** Display names by account id, for the people a plan, a finding or an action names. */
export async function accountRefs(db: Db, ids: readonly (string | null)[]): Promise<Map<string, AccountRef>> {
  const wanted = [...new Set(ids.filter((i): i is string => i !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('accounts').select(['id', 'display_name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, displayName: r.display_name }]));
}

export function refOf(refs: Map<string, AccountRef>, id: string): AccountRef {
  // Accounts are disabled, never deleted: a name is always found; the id stands in should it ever not be.
  return refs.get(id) ?? { id, displayName: id };
}

/**
 * An account that can be given work: it exists and is active. `roles` narrows it (an owner must be able to report the
 * action done, which the auditor cannot). `path` names the field for the form.
 */
export async function requireActiveAccount(db: Db, id: string, path: string, roles?: readonly string[]): Promise<AccountRef> {
  const account = await db.selectFrom('accounts').select(['id', 'display_name', 'role', 'status']).where('id', '=', id).executeTakeFirst();
  if (!account) throw new DeskError('VALIDATION', 'internalAudit.accountNotFound', { path, id });
  if (account.status !== 'active') throw new DeskError('VALIDATION', 'internalAudit.accountDisabled', { path, id });
  if (roles && !roles.includes(account.role)) throw new DeskError('VALIDATION', 'correction.ownerCannotReport', { path, id, role: account.role });
  return { id: account.id, displayName: account.display_name };
}

/** No record of the audit is dated after the day it is written on. */
export function refuseFuture(ctx: Ctx, on: string, path: string, key: string): void {
  if (on > today(ctx)) throw new DeskError('VALIDATION', key, { path });
}
