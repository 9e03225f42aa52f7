// Recording a provision (APPI Art. 29) after the consent check, and the officer's decision on an exception (four eyes).
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { provisions } from '../../../src-shared/api/provisions';
import type { ProvisionCheck } from '../../../src-shared/registers';
import { refuseCardNumbers } from '../customers/no-card-numbers';
import { addYears, localDay } from '../dates';
import type { Database } from '../db/schema';
import { DeskError } from '../errors';
import type { Ctx } from '../handler';
import { requireActivePartner } from '../partners/store';
import { checkProvision, chunks, exclusionCounts } from './consent-check';

type Db = Kysely<Database>;
type CreateInput = z.output<(typeof provisions)['provisions.create']['input']>;

/** How many exclusions a refusal lists; beyond that it gives the count (an imported list may hold 100,000). */
const listedExclusions = 1000;

/**
 * How long the record is kept (APPI Art. 29(2), rules Art. 21):
 * - a record of one provision: 3 years from the provision (Art. 21(iii));
 * - a combined record of repeated provision (rules Art. 19(2) proviso; `lastProvidedOn` given): 3 years from the last
 *   provision it covers (Art. 21(ii)), which is never earlier than 3 years from the first;
 * - the 1 year from the last provision of Art. 21(i) is for a contract with the person standing in as the record
 *   (Art. 19(3)); the desk always makes its own record, so it never applies here and nothing is kept for less.
 */
export function keepUntil(providedOn: string, lastProvidedOn: string | null): string {
  return addYears(lastProvidedOn ?? providedOn, 3);
}

/** `P-2026-0001`: numbered in order of recording within the year of recording, as requests are. */
async function nextNumber(db: Db, year: string): Promise<string> {
  const prefix = `P-${year}-`;
  const { rows } = await sql<{ n: number | null }>`select max(cast(substr(number, ${prefix.length + 1}) as integer)) as n from provisions where number like ${`${prefix}%`}`.execute(db);
  return `${prefix}${String(Number(rows[0]?.n ?? 0) + 1).padStart(4, '0')}`;
}

export interface Recorded {
  id: string;
  number: string;
  state: 'recorded' | 'awaitingApproval';
  check: ProvisionCheck;
}

export async function recordProvision(ctx: Ctx, input: CreateInput): Promise<Recorded> {
  const db = ctx.db;
  const exception = input.basis !== 'consent';
  const justification = input.justification?.trim() || null;
  // Policy §5.1: an exception says in writing why consent cannot be had, which law or which institution asks.
  if (exception && !justification) throw new DeskError('VALIDATION', 'provision.justificationRequired', { path: 'justification' });
  refuseCardNumbers(input.items, 'items');
  if (justification) refuseCardNumbers(justification, 'justification');
  await requireActivePartner(db, input.partnerId, input.providedOn);

  const check = await checkProvision(db, { partnerId: input.partnerId, basis: input.basis, customerIds: input.customerIds, customerNos: input.customerNos }, input.providedOn);
  if (check.included.length === 0) {
    // Customer numbers and reasons are identifiers and codes, not personal data: the screen lists who was left out.
    throw new DeskError('VALIDATION', 'provision.nobodyIncluded', {
      excluded: check.excluded.slice(0, listedExclusions).map((e) => ({ customerNo: e.customerNo, reason: e.reason })),
      excludedTotal: check.excluded.length,
      reasons: exclusionCounts(check),
    });
  }

  const now = ctx.desk.now();
  const id = randomUUID();
  const number = await nextNumber(db, localDay(now).slice(0, 4));
  // An exception waits for an officer other than the recorder; with consent the record stands at once.
  const state = exception ? 'awaitingApproval' : 'recorded';
  await db
    .insertInto('provisions')
    .values({
      id,
      number,
      partner_id: input.partnerId,
      provided_on: input.providedOn,
      last_provided_on: input.lastProvidedOn ?? null,
      items: input.items,
      basis: input.basis,
      justification: exception ? justification : null,
      state,
      keep_until: keepUntil(input.providedOn, input.lastProvidedOn ?? null),
      recorded_at: now.toISOString(),
      recorded_by: ctx.session!.accountId,
      decided_at: null,
      decided_by: null,
      rejection_reason: null,
    })
    .execute();
  // Multi-row inserts well under SQLite's 32,766 parameters a statement.
  for (const chunk of chunks(check.included, 2000)) {
    await db
      .insertInto('provision_customers')
      .values(chunk.map((c) => ({ provision_id: id, customer_id: c.customerId, customer_no: c.customerNo, consent_id: c.consentId })))
      .execute();
  }
  for (const chunk of chunks(check.excluded, 2000)) {
    await db
      .insertInto('provision_exclusions')
      .values(chunk.map((e) => ({ provision_id: id, customer_no: e.customerNo, reason: e.reason })))
      .execute();
  }
  return { id, number, state, check };
}

/** Policy §5.1 with §7.2's four eyes: an officer who did not record the exception approves or rejects it. */
export async function decideException(ctx: Ctx, input: { id: string; decision: 'approve' | 'reject'; reason?: string | undefined }): Promise<{ state: 'recorded' | 'rejected'; basis: string }> {
  const row = await ctx.db.selectFrom('provisions').select(['id', 'state', 'basis', 'recorded_by']).where('id', '=', input.id).executeTakeFirst();
  if (!row) throw new DeskError('NOT_FOUND', 'provision.notFound', { id: input.id });
  if (row.recorded_by === ctx.session!.accountId) throw new DeskError('FORBIDDEN', 'provision.ownRecord', { id: row.id });
  if (row.state !== 'awaitingApproval') throw new DeskError('CONFLICT', 'provision.decided', { id: row.id, state: row.state });
  const reason = input.decision === 'reject' ? (input.reason?.trim() ?? '') : null;
  if (reason) refuseCardNumbers(reason, 'reason');
  const state = input.decision === 'approve' ? 'recorded' : 'rejected';
  await ctx.db
    .updateTable('provisions')
    .set({ state, decided_at: ctx.desk.now().toISOString(), decided_by: ctx.session!.accountId, rejection_reason: reason })
    // The state in the condition too: two officers deciding at once cannot both win.
    .where('id', '=', row.id)
    .where('state', '=', 'awaitingApproval')
    .execute();
  return { state, basis: row.basis };
}
