// The officer's retention period per kind of data (APPI Art. 22), with the defaults that apply until one is set.
import type { Kysely } from 'kysely';
import { retentionKinds, type RetentionKind, type RetentionPeriod } from '../../../src-shared/registers';
import type { Database } from '../db/schema';
import { DeskError } from '../errors';

type Db = Kysely<Database>;

/**
 * Until the officer sets a period:
 * - inactive customers are kept: how long a customer relationship lasts is the company's call, never the desk's guess;
 * - closed requests keep the person's details 36 months, long enough for a complaint or an inquiry by the PPC;
 * - provision and receipt records follow the law's minimum alone (APPI Art. 29, 30: 3 years, 1 year from the last
 *   provision for a combined record), carried by each record's `keep_until`.
 * ID copies are not here: they go by themselves a set time after their request closes (idcopies/retention.ts). Audit
 * events are never erased: they hold ids and keyed hashes only, and the chain must stay whole for an auditor.
 */
export const defaultMonths: Record<RetentionKind, number | null> = {
  inactiveCustomers: null,
  closedRequests: 36,
  provisionRecords: null,
  receiptRecords: null,
};

export async function readPeriods(db: Db): Promise<RetentionPeriod[]> {
  const rows = await db.selectFrom('retention_periods').select(['kind', 'months']).execute();
  const set = new Map(rows.map((r) => [r.kind, r.months]));
  return retentionKinds.map((kind) => ({ kind, months: set.has(kind) ? set.get(kind)! : defaultMonths[kind] }));
}

export function monthsOf(periods: RetentionPeriod[]): Record<RetentionKind, number | null> {
  return Object.fromEntries(periods.map((p) => [p.kind, p.months])) as Record<RetentionKind, number | null>;
}

/** Stores the periods given; the kinds not named keep theirs. One row per kind, so "kept" (null) is stored too. */
export async function writePeriods(db: Db, periods: RetentionPeriod[], actor: { accountId: string; now: Date }): Promise<void> {
  const kinds = periods.map((p) => p.kind);
  if (new Set(kinds).size !== kinds.length) throw new DeskError('VALIDATION', 'retention.duplicateKind', { path: 'periods' });
  const at = actor.now.toISOString();
  for (const p of periods) {
    await db
      .insertInto('retention_periods')
      .values({ kind: p.kind, months: p.months, updated_at: at, updated_by: actor.accountId })
      .onConflict((oc) => oc.column('kind').doUpdateSet({ months: p.months, updated_at: at, updated_by: actor.accountId }))
      .execute();
  }
}

/** The same calendar day some months earlier; the 31st becomes the month's last day where the month is shorter. */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The first instant of a local calendar day, as the ISO timestamps the desk stores (`at`, `updated_at`, `closed_at`). */
export function startOfLocalDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toISOString();
}
