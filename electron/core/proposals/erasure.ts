// An approved erasure (APPI Art. 35(1)): the person's data truly gone from rows, search index and free pages, a tombstone left.
import type { FieldChange } from '../../../src-shared/requests';
import { closedRequestStates } from '../../../src-shared/requests';
import { valueHmac } from '../audit/hmac';
import { readCustomer } from '../customers/read';
import { unindexCustomer } from '../customers/search-index';
import { recordChange } from '../customers/store';
import { DeskError } from '../errors';
import type { Ctx } from '../handler';
import { erasedMarker, filesOfRequest, removeFilesAfterCommit, scrubRequestPersonalData } from '../requests/scrub';
import { scrubComplaintsOfErasedCustomer } from '../complaints/scrub';

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

/** Why a record is erased: the person's request (APPI Art. 35), or a retention run (Art. 22: no longer needed). */
export type ErasureCause = { requestId: string; retentionRunId?: undefined } | { requestId: null; retentionRunId: string };

/** Calls whose erasures already asked for the checkpoint: a retention run erases thousands, one checkpoint is enough. */
const checkpointAsked = new WeakSet<Ctx>();

/**
 * After commit, a WAL checkpoint writes the pages home so no earlier page image of erased values stays behind in the
 * WAL (a checkpoint cannot run inside the call's transaction). Once per call, however many records it erased.
 */
export function checkpointAfterCommit(ctx: Ctx): void {
  if (checkpointAsked.has(ctx)) return;
  checkpointAsked.add(ctx);
  ctx.afterCommit(() => ctx.desk.flushErasedPages());
}

/**
 * Erases the customer: tombstone (id, time, request, keyed hash of the whole record), search index entry, reveal
 * reasons, the values in proposals, the record and its children, and the person's data on their closed requests.
 * `secure_delete` (db/open.ts) zeroes what the deletes free and FTS5's secure-delete (migration 6) drops the grams at
 * once; after commit a WAL checkpoint writes the pages home so no earlier page image stays behind in the WAL.
 * What the law requires to keep stays: the receipt record of Art. 30 (`receipts`) has no personal data of the person,
 * and a provision record of Art. 29 keeps the customer number while its link to the customer goes to null.
 *
 * By a request: `eraseCustomer(ctx, id, requestId)`. By a retention run (no request: the tombstone's request is null and
 * the change history's last line names the run): `eraseCustomer(ctx, id, null, { retentionRunId })`.
 */
export async function eraseCustomer(ctx: Ctx, customerId: string, requestId: string): Promise<void>;
export async function eraseCustomer(ctx: Ctx, customerId: string, requestId: null, by: { retentionRunId: string }): Promise<void>;
export async function eraseCustomer(ctx: Ctx, customerId: string, requestId: string | null, by?: { retentionRunId: string }): Promise<void> {
  const cause: ErasureCause = requestId !== null ? { requestId } : { requestId: null, retentionRunId: by!.retentionRunId };
  const db = ctx.db;
  const now = ctx.desk.now();
  const record = await readCustomer(db, customerId);
  await db
    .insertInto('customer_tombstones')
    .values({ customer_id: customerId, erased_at: now.toISOString(), request_id: cause.requestId, content_hmac: await valueHmac(db, record) })
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

  let closedQuery = db.selectFrom('requests').select('id').where('customer_id', '=', customerId).where('state', 'in', [...closedRequestStates]);
  // The erasure's own request is still open and keeps its copy until it completes (requests/transition.ts).
  if (cause.requestId !== null) closedQuery = closedQuery.where('id', '<>', cause.requestId);
  const closed = await closedQuery.execute();

  // The change history keeps field names and ids only; its last line says the record was erased and through which
  // request, or which retention run (the table has no column for a run: the action carries its id).
  const action = cause.requestId !== null ? 'erase' : `erase:retention:${cause.retentionRunId}`;
  await recordChange(db, customerId, action, [], { accountId: ctx.session!.accountId, now, requestId: cause.requestId });
  // Children go by cascade; requests and proposals keep the customer number in their own column, their link goes to null.
  await db.deleteFrom('customers').where('id', '=', customerId).execute();
  // A closed complaint about them kept their words; an open one is scrubbed when it closes (complaints/scrub.ts).
  await scrubComplaintsOfErasedCustomer(db, record.customerNo, now);
  for (const r of closed) {
    removeFilesAfterCommit(ctx, await filesOfRequest(db, r.id, ctx.desk.exportsDir));
    await scrubRequestPersonalData(db, r.id, now);
  }
  // Leak notices to the person (APPI Art. 26(2)) were addressed to them by name: the incident keeps that a notice went
  // to this customer number and its hash, not the words or the address, and the .eml copies go.
  const notices = await db.selectFrom('incident_notices').select(['id', 'eml_file']).where('customer_no', '=', record.customerNo).execute();
  if (notices.length > 0) {
    await db
      .updateTable('incident_notices')
      .set({ recipient: null, subject: erasedMarker, body: erasedMarker })
      .where('id', 'in', notices.map((n) => n.id))
      .execute();
    removeFilesAfterCommit(ctx, notices.flatMap((n) => (n.eml_file ? [n.eml_file] : [])));
  }

  checkpointAfterCommit(ctx);
}
