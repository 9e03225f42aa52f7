// A retention run (APPI Art. 22: erase what is no longer needed, without delay): the preview finds, the officer's
// separate call erases what is still due, with the same true erasure as a person's request.
import { randomUUID } from 'node:crypto';
import { retentionKinds, type RetentionKind } from '../../../src-shared/registers';
import { localDay } from '../dates';
import { DeskError } from '../errors';
import type { Ctx } from '../handler';
import { checkpointAfterCommit, eraseCustomer } from '../proposals/erasure';
import { filesOfRequest, removeFilesAfterCommit, scrubRequestPersonalData } from '../requests/scrub';
import { countsOf, findDue, type Found } from './find';
import { monthsOf, readPeriods } from './periods';

/** A preview older than this no longer says what is due: the officer previews again before erasing. */
export const previewValidDays = 7;

/** Ids per delete statement: well under SQLite's limit of bound values. */
const chunkSize = 500;

const noneFound = (): Found => Object.fromEntries(retentionKinds.map((k) => [k, []])) as unknown as Found;

function parseFound(text: string): Found {
  const parsed = JSON.parse(text) as Partial<Found>;
  return Object.fromEntries(retentionKinds.map((k) => [k, Array.isArray(parsed[k]) ? parsed[k] : []])) as unknown as Found;
}

function chunks(ids: string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += chunkSize) out.push(ids.slice(i, i + chunkSize));
  return out;
}

/**
 * Finds what is due today and keeps the ids in the run's row: in the encrypted database, never returned, so the
 * officer approves counts and no list of people leaves the core. Audit events are never among what is found.
 */
export async function previewRetention(ctx: Ctx): Promise<{ id: string; counts: Record<RetentionKind, number> }> {
  const now = ctx.desk.now();
  const months = monthsOf(await readPeriods(ctx.db));
  const found = await findDue(ctx.db, months, localDay(now));
  const id = randomUUID();
  const counts = countsOf(found);
  await ctx.db
    .insertInto('retention_runs')
    .values({ id, created_at: now.toISOString(), created_by: ctx.session!.accountId, found: JSON.stringify(found), counts: JSON.stringify(counts), state: 'previewed', run_at: null, run_by: null, erased: null })
    .execute();
  return { id, counts };
}

async function loadPreviewed(ctx: Ctx, id: string): Promise<{ created_at: string; found: string }> {
  const run = await ctx.db.selectFrom('retention_runs').select(['state', 'created_at', 'found']).where('id', '=', id).executeTakeFirst();
  if (!run) throw new DeskError('NOT_FOUND', 'retention.notFound', { id });
  if (run.state !== 'previewed') throw new DeskError('CONFLICT', 'retention.notPreviewed', { id, state: run.state });
  return run;
}

/**
 * The officer decides against the preview: nothing is erased, and the ids it found go (who was inactive is itself
 * about people, and serves nothing once the run will never happen). `run_at`/`run_by` say who decided, and when.
 */
export async function cancelRetention(ctx: Ctx, id: string): Promise<void> {
  await loadPreviewed(ctx, id);
  await ctx.db
    .updateTable('retention_runs')
    .set({ state: 'cancelled', run_at: ctx.desk.now().toISOString(), run_by: ctx.session!.accountId, found: JSON.stringify(noneFound()) })
    .where('id', '=', id)
    .execute();
}

/**
 * Erases what the preview found and is still due now, in the call's transaction: all or nothing. Works from ids; only
 * a customer's erasure reads the whole record, for the keyed hash its tombstone keeps.
 */
export async function runRetention(ctx: Ctx, id: string): Promise<{ due: Record<RetentionKind, number>; erased: Record<RetentionKind, number> }> {
  const db = ctx.db;
  const now = ctx.desk.now();
  const run = await loadPreviewed(ctx, id);
  if (now.getTime() - new Date(run.created_at).getTime() > previewValidDays * 24 * 60 * 60_000) {
    throw new DeskError('CONFLICT', 'retention.stale', { id, createdAt: run.created_at, validDays: previewValidDays });
  }
  const months = monthsOf(await readPeriods(db));
  const due = await findDue(db, months, localDay(now), parseFound(run.found));
  const erased = countsOf(noneFound());

  // The requests first: a customer erased below scrubs their own closed requests too, and these are then already done.
  for (const requestId of due.closedRequests) {
    removeFilesAfterCommit(ctx, await filesOfRequest(db, requestId, ctx.desk.exportsDir));
    await scrubRequestPersonalData(db, requestId, now);
    erased.closedRequests++;
  }
  for (const customerId of due.inactiveCustomers) {
    await eraseCustomer(ctx, customerId, null, { retentionRunId: id });
    erased.inactiveCustomers++;
  }
  // The persons and exclusions of a provision record go with it (cascade): the record is what the law let go.
  for (const ids of chunks(due.provisionRecords)) {
    const result = await db.deleteFrom('provisions').where('id', 'in', ids).executeTakeFirst();
    erased.provisionRecords += Number(result.numDeletedRows);
  }
  for (const ids of chunks(due.receiptRecords)) {
    // An import that brought customers in under the receipt stays as the import's record; its link to the receipt goes.
    await db.updateTable('customer_imports').set({ receipt_id: null }).where('receipt_id', 'in', ids).execute();
    const result = await db.deleteFrom('receipts').where('id', 'in', ids).executeTakeFirst();
    erased.receiptRecords += Number(result.numDeletedRows);
  }
  checkpointAfterCommit(ctx);

  // `found` stays as the preview's record; the tombstones and each erased record's last history line name this run.
  await db
    .updateTable('retention_runs')
    .set({ state: 'run', run_at: now.toISOString(), run_by: ctx.session!.accountId, erased: JSON.stringify(erased) })
    .where('id', '=', id)
    .execute();
  return { due: countsOf(due), erased };
}
