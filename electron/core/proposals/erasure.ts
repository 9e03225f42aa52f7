// An approved erasure (APPI Art. 35(1)): the person's data truly gone from rows, search index and free pages, a tombstone left.
import { sql } from 'kysely';
import type { FieldChange } from '../../../src-shared/requests';
import { closedRequestStates } from '../../../src-shared/requests';
import { valueHmac } from '../audit/hmac';
import { readCustomer } from '../customers/read';
import { unindexCustomer } from '../customers/search-index';
import { recordChange } from '../customers/store';
import { DeskError } from '../errors';
import type { Ctx } from '../handler';
import { filesOfRequest, removeFilesAfterCommit, scrubRequestPersonalData } from '../requests/scrub';

/** Other requests of the person still open: an erasure waits for them, or it would pull the record from under them. */
export async function refuseWhileOtherRequestsOpen(ctx: Ctx, customerId: string, requestId: string): Promise<void> {
  const open = await ctx.db
    .selectFrom('requests')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('id', '<>', requestId)
    .where('state', 'not in', [...closedRequestStates])
    .execute();
  if (open.length > 0) throw new DeskError('CONFLICT', 'proposal.otherOpenRequests', { requestIds: open.map((r) => r.id) });
}

/**
 * Erases the customer: tombstone (id, time, request, keyed hash of the whole record), search index entry, reveal
 * reasons, the values in proposals, the record and its children, and the person's data on their closed requests.
 * `secure_delete` (db/open.ts) zeroes what the deletes free and FTS5's secure-delete (migration 6) drops the grams at
 * once; after commit a WAL checkpoint writes the pages home so no earlier page image stays behind in the WAL.
 * What the law requires to keep stays: the receipt record of Art. 30 (`receipts`) has no personal data of the person.
 */
export async function eraseCustomer(ctx: Ctx, customerId: string, requestId: string): Promise<void> {
  const db = ctx.db;
  const now = ctx.desk.now();
  const record = await readCustomer(db, customerId);
  await db
    .insertInto('customer_tombstones')
    .values({ customer_id: customerId, erased_at: now.toISOString(), request_id: requestId, content_hmac: await valueHmac(db, record) })
    .execute();
  await unindexCustomer(db, customerId);
  // A staff member's reason for a reveal may quote the person (customers.reveal).
  await db.deleteFrom('reveal_reasons').where('customer_id', '=', customerId).execute();

  // Proposals stay as the trace of what was decided; the values they carried go, the field names stay.
  const proposals = await db.selectFrom('proposals').select(['id', 'changes']).where('customer_id', '=', customerId).execute();
  for (const p of proposals) {
    const changes = (JSON.parse(p.changes) as FieldChange[]).map((c) => ({ field: c.field, from: null, to: null }));
    await db.updateTable('proposals').set({ changes: JSON.stringify(changes) }).where('id', '=', p.id).execute();
  }

  const closed = await db
    .selectFrom('requests')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('id', '<>', requestId)
    .where('state', 'in', [...closedRequestStates])
    .execute();

  // The change history keeps field names and ids only; its last line says the record was erased and through which request.
  await recordChange(db, customerId, 'erase', [], { accountId: ctx.session!.accountId, now, requestId });
  // Children go by cascade; requests and proposals keep the customer number in their own column, their link goes to null.
  await db.deleteFrom('customers').where('id', '=', customerId).execute();
  for (const r of closed) {
    removeFilesAfterCommit(ctx, await filesOfRequest(db, r.id, ctx.desk.exportsDir));
    await scrubRequestPersonalData(db, r.id, now);
  }

  ctx.afterCommit(async () => {
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(ctx.desk.requireDb());
  });
}
