// Training sessions as stored: their rows without the material's bytes, one session whole, numbering, and checking
// and writing a session's attendance.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { attendeeInput, TrainingAttendee, TrainingSessionDetail, TrainingSessionRow } from '../../../src-shared/api/training';
import type { Database } from '../db/schema';
import type { TrainingAttendanceTable } from '../db/schema-training';
import { DeskError } from '../errors';
import { accountKey, attendanceCounts, personKey } from './people';

type Db = Kysely<Database>;
type AttendeeInput = z.output<typeof attendeeInput>;

/** Every session's columns but the material's bytes, with its counts. */
export function selectSessions(db: Db) {
  return db.selectFrom('training_sessions as s').select((eb) => [
    's.id',
    's.number',
    's.held_on',
    's.topic',
    's.trainer',
    's.notes',
    's.pass_mark',
    's.material_name',
    's.material_mime',
    eb.fn<number | null>('length', ['s.material']).as('material_bytes'),
    eb.selectFrom('training_attendance as a').whereRef('a.session_id', '=', 's.id').select((e) => e.fn.countAll<number>().as('n')).as('attendee_count'),
    eb
      .selectFrom('training_attendance as a')
      .whereRef('a.session_id', '=', 's.id')
      .where(sql<boolean>`a.score >= s.pass_mark`)
      .select((e) => e.fn.countAll<number>().as('n'))
      .as('passed_count'),
    's.created_at',
    's.created_by',
    's.updated_at',
    's.updated_by',
  ]);
}

type SessionRecord = Awaited<ReturnType<ReturnType<typeof selectSessions>['executeTakeFirstOrThrow']>>;

export function toSessionRow(r: SessionRecord): TrainingSessionRow {
  return {
    id: r.id,
    number: r.number,
    heldOn: r.held_on,
    topic: r.topic,
    trainer: r.trainer,
    passMark: r.pass_mark,
    attendeeCount: Number(r.attendee_count ?? 0),
    passedCount: r.pass_mark === null ? null : Number(r.passed_count ?? 0),
    material: r.material_name && r.material_mime ? { fileName: r.material_name, mimeType: r.material_mime, bytes: Number(r.material_bytes ?? 0) } : null,
  };
}

function resultOf(passMark: number | null, score: number | null): TrainingAttendee['result'] {
  if (passMark === null) return 'attended';
  if (score === null) return 'notTaken';
  return attendanceCounts(passMark, score) ? 'passed' : 'failed';
}

export async function loadSession(db: Db, id: string): Promise<TrainingSessionDetail> {
  const row = await selectSessions(db).where('s.id', '=', id).executeTakeFirst();
  if (!row) throw new DeskError('NOT_FOUND', 'training.notFound', { id });
  const attendees = await db
    .selectFrom('training_attendance as a')
    .leftJoin('accounts as acc', 'acc.id', 'a.account_id')
    .select(['a.person_key', 'a.account_id', 'a.person_name', 'a.department', 'a.score', 'acc.display_name', 'acc.department as account_department', 'acc.role'])
    .where('a.session_id', '=', id)
    .execute();
  const names = new Map((await db.selectFrom('accounts').select(['id', 'display_name']).where('id', 'in', [row.created_by ?? '', row.updated_by ?? '']).execute()).map((a) => [a.id, a.display_name]));
  const list: TrainingAttendee[] = attendees
    .map((a) => ({
      key: a.person_key,
      accountId: a.account_id,
      name: a.display_name ?? a.person_name ?? '',
      department: a.account_id ? (a.account_department ?? null) : a.department,
      role: a.role ?? null,
      score: a.score,
      result: resultOf(row.pass_mark, a.score),
    }))
    .sort((a, b) => (a.department ?? '').localeCompare(b.department ?? '', 'ja') || a.name.localeCompare(b.name, 'ja'));
  return {
    ...toSessionRow(row),
    notes: row.notes,
    attendees: list,
    recordedAt: row.created_at,
    recordedByName: (row.created_by && names.get(row.created_by)) || null,
    updatedAt: row.updated_at,
    updatedByName: (row.updated_by && names.get(row.updated_by)) || null,
  };
}

/** `T-2026-0001`: numbered in order of recording within the year of recording, as requests are. */
export async function nextSessionNumber(db: Db, year: string): Promise<string> {
  const prefix = `T-${year}-`;
  const { rows } = await sql<{ n: number | null }>`select max(cast(substr(number, ${prefix.length + 1}) as integer)) as n from training_sessions where number like ${`${prefix}%`}`.execute(db);
  return `${prefix}${String(Number(rows[0]?.n ?? 0) + 1).padStart(4, '0')}`;
}

/**
 * The attendance rows for a session, checked: each account exists, nobody is listed twice (a named person twice,
 * however spaced or typed), and a score only where the session had a test.
 */
export async function attendanceRows(db: Db, sessionId: string, attendees: AttendeeInput[], passMark: number | null): Promise<TrainingAttendanceTable[]> {
  const accountIds = [...new Set(attendees.flatMap((a) => (a.accountId ? [a.accountId] : [])))];
  const known = new Set(accountIds.length ? (await db.selectFrom('accounts').select('id').where('id', 'in', accountIds).execute()).map((a) => a.id) : []);
  const seen = new Set<string>();
  return attendees.map((a, i) => {
    if (a.accountId && !known.has(a.accountId)) throw new DeskError('NOT_FOUND', 'account.notFound', { path: `attendees.${i}.accountId` });
    const key = a.accountId ? accountKey(a.accountId) : personKey(a.personName!, a.department || null);
    if (seen.has(key)) throw new DeskError('VALIDATION', 'training.attendeeTwice', { path: `attendees.${i}`, index: i });
    seen.add(key);
    const score = a.score ?? null;
    if (score !== null && passMark === null) throw new DeskError('VALIDATION', 'training.scoreWithoutTest', { path: `attendees.${i}.score`, index: i });
    return {
      session_id: sessionId,
      person_key: key,
      account_id: a.accountId ?? null,
      person_name: a.accountId ? null : a.personName!,
      department: a.accountId ? null : a.department || null,
      score,
    };
  });
}
