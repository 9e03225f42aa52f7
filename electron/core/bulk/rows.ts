// Doing one action to many rows: each row inside its own savepoint, a preview that always rolls back, one audit event per row.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { BulkOutcome, BulkResult, BulkRow, BulkStep } from '../../../src-shared/api/bulk';
import { appendEvent } from '../audit/chain';
import { DeskError } from '../errors';
import type { AuditNote, Ctx } from '../handler';

/** One row as planned: who it is, what it shows, and the work the single action's own code does for it. */
export interface PlannedRow {
  id: string;
  number: string;
  from: string | null;
  to: string | null;
  notice?: BulkRow['notice'];
  /** Null when the row was not found: nothing to do. */
  work: ((rowCtx: Ctx, step: BulkStep) => Promise<AuditNote>) | null;
  /** Why the row is left out before any work (not found, say): an i18n key under `errors.`. */
  skipReason?: string;
}

/** A rule of the single action said no (closed, already extended...): skipped, as the preview said. Anything else failed. */
const isRuleRefusal = (err: DeskError) => !/^(storage|export)\./.test(err.key) && err.code !== 'INTERNAL' && err.code !== 'INTEGRITY';

/**
 * Runs each row's work in a savepoint of the call's transaction. In a preview the savepoint is always rolled back, so
 * the preview is the single action's own rules run for real and nothing of it stays. In a run a row that fails is
 * rolled back alone: the rows done before and after it stay done, and each is recorded by its own audit event (the
 * trail says what happened to each request or customer, as if the officer had done them one by one).
 * Work a row queues for after the commit (an SMTP send) is kept only if the row stays.
 */
export async function runRows(ctx: Ctx, method: string, step: BulkStep, planned: PlannedRow[]): Promise<BulkResult> {
  const bulkId = randomUUID();
  const rows: BulkRow[] = [];
  const skipped: { id: string; reason: string }[] = [];
  for (const plan of planned) {
    const base: Omit<BulkRow, 'outcome' | 'reason'> = { id: plan.id, number: plan.number, from: plan.from, to: plan.to, ...(plan.notice ? { notice: plan.notice } : {}) };
    if (!plan.work) {
      const reason = plan.skipReason ?? 'bulk.notFound';
      rows.push({ ...base, outcome: step === 'preview' ? 'skip' : 'skipped', reason });
      skipped.push({ id: plan.id, reason });
      continue;
    }
    const queued: (() => Promise<void>)[] = [];
    const rowCtx: Ctx = { ...ctx, audit: {}, afterCommit: (work) => queued.push(work) };
    await sql`savepoint bulk_row`.execute(ctx.db);
    try {
      const note = await plan.work(rowCtx, step);
      if (step === 'preview') {
        await undo(ctx);
        rows.push({ ...base, outcome: 'will', reason: null });
        continue;
      }
      await sql`release savepoint bulk_row`.execute(ctx.db);
      for (const work of queued) ctx.afterCommit(work);
      await appendRowEvent(ctx, method, 'ok', { ...note, targetType: note.targetType ?? 'request', targetId: note.targetId ?? plan.id, details: { bulkId, ...note.details } });
      const noticeId = typeof note.details?.['noticeId'] === 'string' ? note.details['noticeId'] : null;
      rows.push({ ...base, outcome: 'done', reason: null, ...(base.notice ? { notice: { ...base.notice, id: noticeId } } : {}) });
    } catch (err) {
      await undo(ctx);
      if (!(err instanceof DeskError)) ctx.desk.log.error(`${method}: a row failed`, err);
      const known = err instanceof DeskError ? err : null;
      const reason = known?.key ?? 'bulk.rowFailed';
      const reasonDetails = known?.details ? { reasonDetails: known.details } : {};
      if (known && isRuleRefusal(known)) {
        rows.push({ ...base, outcome: step === 'preview' ? 'skip' : 'skipped', reason, ...reasonDetails });
        skipped.push({ id: plan.id, reason });
      } else {
        rows.push({ ...base, outcome: 'failed', reason, ...reasonDetails });
        if (step === 'run') await appendRowEvent(ctx, method, 'failed', { targetType: 'request', targetId: plan.id, details: { bulkId, code: known?.code ?? 'INTERNAL', reason } });
      }
    }
  }
  const counts = countOutcomes(rows);
  // The call's own event: what was asked and how it went, by id; the rows' own events carry the same bulkId.
  Object.assign(ctx.audit, { targetType: 'bulk', targetId: bulkId, details: { step, requested: planned.length, ...counts, skipped } });
  return { step, rows, counts };
}

async function undo(ctx: Ctx): Promise<void> {
  await sql`rollback to savepoint bulk_row`.execute(ctx.db);
  await sql`release savepoint bulk_row`.execute(ctx.db);
}

export function countOutcomes(rows: BulkRow[]): Record<BulkOutcome, number> {
  const counts: Record<BulkOutcome, number> = { will: 0, skip: 0, done: 0, skipped: 0, failed: 0 };
  for (const row of rows) counts[row.outcome]++;
  return counts;
}

/** One event per row touched, in the call's transaction: ids, field names and codes only. */
export async function appendRowEvent(ctx: Ctx, method: string, outcome: 'ok' | 'failed', note: AuditNote): Promise<void> {
  await appendEvent(ctx.db, {
    at: ctx.desk.now().toISOString(),
    actorId: ctx.session?.accountId ?? null,
    actorRole: ctx.session?.role ?? null,
    action: method,
    outcome,
    targetType: note.targetType ?? null,
    targetId: note.targetId ?? null,
    fields: note.fields ?? null,
    details: note.details ?? null,
  });
}
