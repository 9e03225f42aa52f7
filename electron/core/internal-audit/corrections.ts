// corrections.*: corrective actions for the audit's findings. The officer opens them; the owner (or the officer) reports
// one done; only the officer verifies its effect and closes it (JIS Q 15001 corrective action). The auditor reads.
import { randomUUID } from 'node:crypto';
import type { corrections } from '../../../src-shared/api/internal-audit';
import { roleHas } from '../../../src-shared/roles';
import { DeskError } from '../errors';
import type { Ctx, Handlers } from '../handler';
import { addEvent, correctionDetail, isOverdue, loadCorrection, requireVisible, toCorrectionRows, type CorrectionRecord } from './correction-store';
import { loadFinding } from './findings';
import { dueCounts } from './due';
import { nextNumber, refuseFuture, requireActiveAccount, today } from './store';

/** Owners are those who can report an action done: the auditor audits, and is not given the work to correct. */
const ownerRoles = ['officer', 'staff'] as const;

function refusePastDue(ctx: Ctx, dueOn: string, path: string): void {
  // A new due day already behind the office would open the action overdue.
  if (dueOn < today(ctx)) throw new DeskError('VALIDATION', 'correction.dueInPast', { path });
}

function requireState(row: CorrectionRecord, state: CorrectionRecord['state'], key: string): void {
  if (row.state !== state) throw new DeskError('CONFLICT', key, { id: row.id, state: row.state });
}

function noteAudit(ctx: Ctx, row: CorrectionRecord, fields: string[], details: Record<string, unknown> = {}): void {
  // Ids, states and field names: the cause, the action and the notes are free text and stay in the record.
  Object.assign(ctx.audit, { targetType: 'correctiveAction', targetId: row.id, fields, details: { findingId: row.finding_id, ownerId: row.owner_id, state: row.state, ...details } });
}

const changeFields = { cause: 'cause', action: 'action', owner_id: 'ownerId', due_on: 'dueOn' } as const;

export const correctionHandlers: Handlers<typeof corrections> = {
  'corrections.list': async (input, ctx) => {
    const day = today(ctx);
    let query = ctx.db.selectFrom('corrective_actions').selectAll().orderBy('due_on').orderBy('number');
    if (ctx.session!.role === 'staff') query = query.where('owner_id', '=', ctx.session!.accountId);
    if (input.findingId) query = query.where('finding_id', '=', input.findingId);
    if (input.show === 'active') query = query.where('state', 'in', ['open', 'reported']);
    if (input.show === 'overdue') query = query.where('state', '=', 'open').where('due_on', '<', day);
    if (input.show === 'awaitingVerification') query = query.where('state', '=', 'reported');
    if (input.show === 'closed') query = query.where('state', '=', 'closed');
    return { rows: await toCorrectionRows(ctx.db, await query.execute(), day) };
  },

  'corrections.get': async (input, ctx) => {
    const row = await loadCorrection(ctx.db, input.id);
    requireVisible(ctx, row);
    Object.assign(ctx.audit, { targetType: 'correctiveAction', targetId: row.id });
    return correctionDetail(ctx.db, row, today(ctx));
  },

  'corrections.dueCounts': async (_input, ctx) => {
    const session = ctx.session!;
    return dueCounts(ctx.db, today(ctx), session.role === 'staff' ? session.accountId : null, roleHas(session.role, 'internalAudit.read'));
  },

  'corrections.open': async (input, ctx) => {
    const finding = await loadFinding(ctx.db, input.findingId);
    await requireActiveAccount(ctx.db, input.ownerId, 'ownerId', ownerRoles);
    refusePastDue(ctx, input.dueOn, 'dueOn');
    const now = ctx.desk.now().toISOString();
    const row: CorrectionRecord = {
      id: randomUUID(),
      number: await nextNumber(ctx.db, 'corrective_actions', 'CA', today(ctx).slice(0, 4)),
      finding_id: finding.id,
      cause: input.cause,
      action: input.action,
      owner_id: input.ownerId,
      due_on: input.dueOn,
      state: 'open',
      reported_on: null,
      report_note: null,
      reported_by: null,
      closed_on: null,
      verification_note: null,
      closed_by: null,
      opened_at: now,
      opened_by: ctx.session!.accountId,
      updated_at: now,
    };
    await ctx.db.insertInto('corrective_actions').values(row).execute();
    await addEvent(ctx, row.id, 'opened', null);
    noteAudit(ctx, row, ['cause', 'action', 'ownerId', 'dueOn']);
    return correctionDetail(ctx.db, row, today(ctx));
  },

  'corrections.update': async (input, ctx) => {
    const before = await loadCorrection(ctx.db, input.id);
    requireState(before, 'open', 'correction.notOpen');
    const after: CorrectionRecord = {
      ...before,
      cause: input.cause ?? before.cause,
      action: input.action ?? before.action,
      owner_id: input.ownerId ?? before.owner_id,
      due_on: input.dueOn ?? before.due_on,
    };
    if (after.owner_id !== before.owner_id) await requireActiveAccount(ctx.db, after.owner_id, 'ownerId', ownerRoles);
    if (after.due_on !== before.due_on) refusePastDue(ctx, after.due_on, 'dueOn');
    const changed = (Object.keys(changeFields) as (keyof typeof changeFields)[]).filter((k) => before[k] !== after[k]).map((k) => changeFields[k]);
    if (changed.length > 0) {
      after.updated_at = ctx.desk.now().toISOString();
      await ctx.db.updateTable('corrective_actions').set({ cause: after.cause, action: after.action, owner_id: after.owner_id, due_on: after.due_on, updated_at: after.updated_at }).where('id', '=', before.id).execute();
      await addEvent(ctx, before.id, 'changed', input.reason, changed);
    }
    noteAudit(ctx, after, changed, after.owner_id !== before.owner_id ? { previousOwnerId: before.owner_id } : {});
    return correctionDetail(ctx.db, after, today(ctx));
  },

  'corrections.report': async (input, ctx) => {
    const before = await loadCorrection(ctx.db, input.id);
    // The router lets staff report; only their own action, though.
    requireVisible(ctx, before);
    requireState(before, 'open', 'correction.notOpen');
    refuseFuture(ctx, input.doneOn, 'doneOn', 'correction.doneInFuture');
    // Work may start at the audit itself, before the officer writes the action down; never before the finding.
    const finding = await loadFinding(ctx.db, before.finding_id);
    if (input.doneOn < finding.found_on) throw new DeskError('VALIDATION', 'correction.doneBeforeFinding', { path: 'doneOn' });
    const after: CorrectionRecord = { ...before, state: 'reported', reported_on: input.doneOn, report_note: input.note, reported_by: ctx.session!.accountId, updated_at: ctx.desk.now().toISOString() };
    await ctx.db
      .updateTable('corrective_actions')
      .set({ state: after.state, reported_on: after.reported_on, report_note: after.report_note, reported_by: after.reported_by, updated_at: after.updated_at })
      .where('id', '=', before.id)
      .execute();
    await addEvent(ctx, before.id, 'reported', input.note);
    noteAudit(ctx, after, ['state', 'reportedOn', 'reportNote'], { late: isOverdue(before, input.doneOn) });
    return correctionDetail(ctx.db, after, today(ctx));
  },

  'corrections.verify': async (input, ctx) => {
    const before = await loadCorrection(ctx.db, input.id);
    requireState(before, 'reported', 'correction.notReported');
    const now = ctx.desk.now().toISOString();
    let after: CorrectionRecord;
    if (input.effective) {
      after = { ...before, state: 'closed', closed_on: today(ctx), closed_by: ctx.session!.accountId, verification_note: input.note, updated_at: now };
      await addEvent(ctx, before.id, 'closed', input.note);
    } else {
      // Not effective: back to the owner, with what is still wrong and a new due day; the report stays in the history.
      refusePastDue(ctx, input.newDueOn!, 'newDueOn');
      after = { ...before, state: 'open', due_on: input.newDueOn!, reported_on: null, report_note: null, reported_by: null, verification_note: input.note, updated_at: now };
      await addEvent(ctx, before.id, 'returned', input.note, before.due_on !== after.due_on ? ['dueOn'] : []);
    }
    const { id: _id, number: _n, finding_id: _f, opened_at: _o, opened_by: _b, ...values } = after;
    await ctx.db.updateTable('corrective_actions').set(values).where('id', '=', before.id).execute();
    noteAudit(ctx, after, input.effective ? ['state', 'closedOn', 'verificationNote'] : ['state', 'dueOn', 'verificationNote'], { effective: input.effective });
    return correctionDetail(ctx.db, after, today(ctx));
  },
};
