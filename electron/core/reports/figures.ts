// The report's figures, each defined here once: what counts, over which days, as the office reads its own registers.
import type { Kysely } from 'kysely';
import type { ReportFigures, ReportRange, RequestKindFigures } from '../../../src-shared/api/reports';
import { provisionBases } from '../../../src-shared/registers';
import { closedRequestStates, refusalGrounds, requestKinds, type RequestState } from '../../../src-shared/requests';
import { addDays, localDay } from '../dates';
import type { Database } from '../db/schema';

type Db = Kysely<Database>;

/**
 * The instants that bound the range's local days: from the first day's midnight to the midnight after the last, on
 * the workstation's clock (in Japan). Stored instants are ISO strings in UTC, so they compare as text.
 */
export function rangeInstants(range: ReportRange): { start: string; end: string } {
  const midnight = (d: string) => {
    const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
    return new Date(y, m - 1, dd).toISOString();
  };
  return { start: midnight(range.from), end: midnight(addDays(range.to, 1)) };
}

/** Calendar days from one local day to another (both as YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/** The median of whole days: the middle one, or the mean of the two middle ones (so 2.5 is possible). */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/**
 * Requests:
 * - received: `received_on` (the day the request reached the office) in the range;
 * - completed / refused / withdrawn: closed in the range (`closed_at` on one of its days) with that outcome;
 * - open at the end: received by the last day and not closed by its end.
 * Days to complete: calendar days from receipt to the day of completion, for requests completed in the range.
 * On time: of the requests answered in the range (completed or refused; a withdrawal is not an answer), those closed
 * on or before the due date in force (the extended one if extended), as the office promised the person.
 * Extensions: requests extended in the range (`extended_at` on one of its days); a request is extended once at most.
 */
async function requestFigures(db: Db, range: ReportRange, span: { start: string; end: string }) {
  const closed = await db
    .selectFrom('requests')
    .select(['number', 'kind', 'state', 'received_on', 'due_on', 'extended_due_on', 'closed_at', 'outcome_ground'])
    .where('state', 'in', closedRequestStates)
    .where('closed_at', '>=', span.start)
    .where('closed_at', '<', span.end)
    .execute();
  const received = await db.selectFrom('requests').select(['kind']).where('received_on', '>=', range.from).where('received_on', '<=', range.to).execute();
  const openAtEnd = await db
    .selectFrom('requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('received_on', '<=', range.to)
    .where((eb) => eb.or([eb('closed_at', 'is', null), eb('closed_at', '>=', span.end)]))
    .executeTakeFirstOrThrow();
  const extensions = await db
    .selectFrom('requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('extended_at', '>=', span.start)
    .where('extended_at', '<', span.end)
    .executeTakeFirstOrThrow();

  const byKind: RequestKindFigures[] = requestKinds.map((kind) => ({
    kind,
    received: received.filter((r) => r.kind === kind).length,
    completed: closed.filter((r) => r.kind === kind && r.state === 'completed').length,
    refused: closed.filter((r) => r.kind === kind && r.state === 'refused').length,
    withdrawn: closed.filter((r) => r.kind === kind && r.state === 'withdrawn').length,
  }));
  const count = (state: RequestState) => closed.filter((r) => r.state === state).length;

  const completed = closed.filter((r) => r.state === 'completed').map((r) => ({ number: r.number, days: daysBetween(r.received_on, localDay(new Date(r.closed_at!))) }));
  const longest = completed.reduce<{ number: string; days: number } | null>((a, b) => (a === null || b.days > a.days || (b.days === a.days && b.number < a.number) ? b : a), null);

  const answered = closed.filter((r) => r.state === 'completed' || r.state === 'refused');
  const onTime = answered.filter((r) => localDay(new Date(r.closed_at!)) <= (r.extended_due_on ?? r.due_on)).length;

  return {
    requests: { byKind, received: received.length, completed: count('completed'), refused: count('refused'), withdrawn: count('withdrawn'), openAtEnd: Number(openAtEnd.n) },
    completion: { count: completed.length, medianDays: median(completed.map((c) => c.days)), longestDays: longest?.days ?? null, longestNumber: longest?.number ?? null },
    onTime: { answered: answered.length, onTime, late: answered.length - onTime, rate: ratio(onTime, answered.length) },
    extensions: Number(extensions.n),
    // Every ground is listed, the unused ones with 0, so two months' reports line up row by row.
    refusals: refusalGrounds.map((ground) => ({ ground, count: closed.filter((r) => r.state === 'refused' && r.outcome_ground === ground).length })),
  };
}

/**
 * Provisions to third parties recorded in the register (approved exceptions included; those awaiting approval or
 * rejected were not provided) whose day of provision falls in the range, by legal basis, with the people provided.
 */
async function provisionFigures(db: Db, range: ReportRange): Promise<ReportFigures['provisions']> {
  const rows = await db
    .selectFrom('provisions as p')
    .leftJoin('provision_customers as c', 'c.provision_id', 'p.id')
    .select((eb) => ['p.basis', eb.fn.count<number>('p.id').distinct().as('provisions'), eb.fn.count<number>('c.customer_no').as('people')])
    .where('p.state', '=', 'recorded')
    .where('p.provided_on', '>=', range.from)
    .where('p.provided_on', '<=', range.to)
    .groupBy('p.basis')
    .execute();
  return provisionBases.map((basis) => {
    const row = rows.find((r) => r.basis === basis);
    return { basis, count: Number(row?.provisions ?? 0), people: Number(row?.people ?? 0) };
  });
}

/**
 * Incidents discovered in the range (`discovered_at` on one of its days): how many, the people affected, and how
 * many of them have had the preliminary and the final report to the PPC made, or are closed, by the day of the report.
 */
async function incidentFigures(db: Db, span: { start: string; end: string }): Promise<ReportFigures['incidents']> {
  const rows = await db
    .selectFrom('incidents')
    .select(['people_count', 'preliminary_reported_at', 'final_reported_at', 'state'])
    .where('discovered_at', '>=', span.start)
    .where('discovered_at', '<', span.end)
    .execute();
  return {
    discovered: rows.length,
    people: rows.reduce((sum, r) => sum + r.people_count, 0),
    preliminaryReported: rows.filter((r) => r.preliminary_reported_at !== null).length,
    finalReported: rows.filter((r) => r.final_reported_at !== null).length,
    closed: rows.filter((r) => r.state === 'closed').length,
  };
}

/**
 * Statements coverage on the last day of the range (today, for a range not yet over): of the active staff accounts
 * created by then, those with a written statement in force that day (signed on or before it, renewal not yet passed).
 * A statement later replaced still covered its own days. Officers record statements and the auditor opens no
 * personal data (policy §4.1).
 */
async function statementFigures(db: Db, range: ReportRange, now: Date): Promise<ReportFigures['statements']> {
  const asOf = range.to < localDay(now) ? range.to : localDay(now);
  const { end } = rangeInstants({ from: asOf, to: asOf });
  const staff = await db.selectFrom('accounts').select('id').where('role', '=', 'staff').where('status', '=', 'active').where('created_at', '<', end).execute();
  const covered = await db
    .selectFrom('statements')
    .select('account_id')
    .distinct()
    .where('account_id', 'in', staff.length ? staff.map((s) => s.id) : [''])
    .where('signed_on', '<=', asOf)
    .where('renewal_on', '>=', asOf)
    .execute();
  return { asOf, staff: staff.length, current: covered.length, rate: ratio(covered.length, staff.length) };
}

export async function reportFigures(db: Db, range: ReportRange, now: Date): Promise<ReportFigures> {
  const span = rangeInstants(range);
  return {
    range: { from: range.from, to: range.to },
    preparedAt: now.toISOString(),
    ...(await requestFigures(db, range, span)),
    provisions: await provisionFigures(db, range),
    incidents: await incidentFigures(db, span),
    statements: await statementFigures(db, range, now),
  };
}
