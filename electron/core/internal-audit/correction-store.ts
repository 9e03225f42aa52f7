// Reading corrective actions: one or many as the contract shows them, with how late they are and their history.
import type { Selectable } from 'kysely';
import type { CorrectionDetail, CorrectionRow } from '../../../src-shared/api/internal-audit';
import type { CorrectiveActionTable } from '../db/schema-internal-audit';
import { DeskError } from '../errors';
import type { Ctx } from '../handler';
import { daysBetween } from '../incidents/deadlines';
import { accountRefs, refOf, type Db } from './store';

export type CorrectionRecord = Selectable<CorrectiveActionTable>;

/** Late from the day after its due day, while the owner has not reported it done. */
export function isOverdue(row: Pick<CorrectionRecord, 'state' | 'due_on'>, today: string): boolean {
  return row.state === 'open' && row.due_on < today;
}

export async function loadCorrection(db: Db, id: string): Promise<CorrectionRecord> {
  const row = await db.selectFrom('corrective_actions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new DeskError('NOT_FOUND', 'correction.notFound', { id });
  return row;
}

/** Staff see and report their own actions only; the officer and the auditor see every one. */
export function requireVisible(ctx: Ctx, row: CorrectionRecord): void {
  const session = ctx.session!;
  if (session.role === 'staff' && row.owner_id !== session.accountId) throw new DeskError('FORBIDDEN', 'correction.notOwner', { id: row.id });
}

export async function toCorrectionRows(db: Db, rows: readonly CorrectionRecord[], today: string): Promise<CorrectionRow[]> {
  const refs = await accountRefs(db, rows.map((r) => r.owner_id));
  const findingIds = [...new Set(rows.map((r) => r.finding_id))];
  const findings = findingIds.length ? await db.selectFrom('audit_findings').select(['id', 'number', 'grade']).where('id', 'in', findingIds).execute() : [];
  const byId = new Map(findings.map((f) => [f.id, f]));
  return rows.map((r) => {
    const finding = byId.get(r.finding_id)!;
    return {
      id: r.id,
      number: r.number,
      findingId: r.finding_id,
      findingNumber: finding.number,
      findingGrade: finding.grade,
      cause: r.cause,
      action: r.action,
      owner: refOf(refs, r.owner_id),
      dueOn: r.due_on,
      state: r.state,
      overdue: isOverdue(r, today),
      daysLeft: r.state === 'open' ? daysBetween(today, r.due_on) : null,
      reportedOn: r.reported_on,
      reportNote: r.report_note,
      closedOn: r.closed_on,
      verificationNote: r.verification_note,
      openedAt: r.opened_at,
    };
  });
}

export async function correctionDetail(db: Db, row: CorrectionRecord, today: string): Promise<CorrectionDetail> {
  const [base] = await toCorrectionRows(db, [row], today);
  const finding = await db.selectFrom('audit_findings').select(['number', 'grade', 'found_on', 'requirement', 'description']).where('id', '=', row.finding_id).executeTakeFirstOrThrow();
  const events = await db.selectFrom('corrective_action_events').selectAll().where('action_id', '=', row.id).orderBy('id').execute();
  const refs = await accountRefs(db, events.map((e) => e.actor_id));
  return {
    ...base!,
    finding: { number: finding.number, grade: finding.grade, foundOn: finding.found_on, requirement: finding.requirement, description: finding.description },
    history: events.map((e) => ({
      at: e.at,
      actor: e.actor_id ? refOf(refs, e.actor_id).displayName : null,
      kind: e.kind,
      note: e.note,
      fields: e.fields ? (JSON.parse(e.fields) as string[]) : [],
    })),
  };
}

export async function addEvent(ctx: Ctx, actionId: string, kind: CorrectionDetail['history'][number]['kind'], note: string | null, fields: string[] = []): Promise<void> {
  await ctx.db
    .insertInto('corrective_action_events')
    .values({ action_id: actionId, at: ctx.desk.now().toISOString(), actor_id: ctx.session!.accountId, kind, fields: fields.length ? JSON.stringify(fields) : null, note })
    .execute();
}
