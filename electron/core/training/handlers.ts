// training.*: education records (APPI Art. 24, JIS Q 15001): sessions with their material and attendance, who is
// untrained, and the officer's setting that makes the statement gate ask for a training within 12 months.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { sessionInput, training } from '../../../src-shared/api/training';
import { valueHmac } from '../audit/hmac';
import { localDay } from '../dates';
import { DeskError } from '../errors';
import type { Ctx, Handlers } from '../handler';
import { decodeMaterial } from './material';
import { countEmployees, employeeTrainings, filterEmployees, isKnownPerson } from './people';
import { isTrainingRequired, readTrainingSettings, writeTrainingRequired } from './requirement';
import { attendanceRows, loadSession, nextSessionNumber, selectSessions, toSessionRow } from './sessions';

type SessionInput = z.output<typeof sessionInput>;

function checkSession(input: SessionInput, today: string): void {
  // A session is recorded once it has been held: a date ahead would count as a training nobody has had yet.
  if (input.heldOn > today) throw new DeskError('VALIDATION', 'training.heldInFuture', { path: 'heldOn' });
}

/** The columns and the contract's names, for the audit trail's list of what changed (names, never values). */
const fieldNames = { held_on: 'heldOn', topic: 'topic', trainer: 'trainer', notes: 'notes', pass_mark: 'passMark' } as const;

function detailsOf(input: SessionInput) {
  return { held_on: input.heldOn, topic: input.topic, trainer: input.trainer, notes: input.notes ? input.notes : null, pass_mark: input.passMark ?? null };
}

/** The audit trail names the accounts that attended by id and counts the people without one: no names. */
function attendanceNote(rows: { account_id: string | null }[]) {
  return { accountIds: rows.flatMap((r) => (r.account_id ? [r.account_id] : [])), namedPeople: rows.filter((r) => !r.account_id).length };
}

/** A person without an account recorded as attending again is back on the lists: they handle personal data again. */
async function backOnTheLists(ctx: Ctx, rows: { person_key: string; account_id: string | null }[]): Promise<void> {
  const named = rows.filter((r) => !r.account_id).map((r) => r.person_key);
  if (named.length) await ctx.db.deleteFrom('training_people_left').where('person_key', 'in', named).execute();
}

async function material(upload: { fileName: string; mimeType: string; dataBase64: string }) {
  return { material_name: upload.fileName, material_mime: upload.mimeType, material: await decodeMaterial(upload) };
}

export const trainingHandlers: Handlers<typeof training> = {
  'training.list': async (_input, ctx) => {
    const rows = await selectSessions(ctx.db).orderBy('s.held_on', 'desc').orderBy('s.number', 'desc').execute();
    return { rows: rows.map(toSessionRow) };
  },

  'training.get': async (input, ctx) => loadSession(ctx.db, input.id),

  'training.record': async (input, ctx) => {
    const today = localDay(ctx.desk.now());
    checkSession(input, today);
    const id = randomUUID();
    const details = detailsOf(input);
    const attendance = await attendanceRows(ctx.db, id, input.attendees, details.pass_mark);
    const file = input.material ? await material(input.material) : { material_name: null, material_mime: null, material: null };
    const now = ctx.desk.now().toISOString();
    const by = ctx.session!.accountId;
    await ctx.db
      .insertInto('training_sessions')
      .values({ id, number: await nextSessionNumber(ctx.db, today.slice(0, 4)), ...details, ...file, created_at: now, created_by: by, updated_at: now, updated_by: by })
      .execute();
    await ctx.db.insertInto('training_attendance').values(attendance).execute();
    await backOnTheLists(ctx, attendance);
    const fields = [...(Object.keys(details) as (keyof typeof details)[]).filter((k) => details[k] !== null).map((k) => fieldNames[k]), 'attendees', ...(input.material ? ['material'] : [])];
    Object.assign(ctx.audit, { targetType: 'trainingSession', targetId: id, fields, details: attendanceNote(attendance) });
    return loadSession(ctx.db, id);
  },

  'training.update': async (input, ctx) => {
    const before = await ctx.db.selectFrom('training_sessions').select(['id', 'held_on', 'topic', 'trainer', 'notes', 'pass_mark']).where('id', '=', input.id).executeTakeFirst();
    if (!before) throw new DeskError('NOT_FOUND', 'training.notFound', { id: input.id });
    checkSession(input.session, localDay(ctx.desk.now()));
    const details = detailsOf(input.session);
    const attendance = await attendanceRows(ctx.db, before.id, input.session.attendees, details.pass_mark);
    const changed: string[] = (Object.keys(details) as (keyof typeof details)[]).filter((k) => before[k] !== details[k]).map((k) => fieldNames[k]);

    const old = await ctx.db.selectFrom('training_attendance').select(['person_key', 'account_id', 'score']).where('session_id', '=', before.id).execute();
    const sameAttendance = old.length === attendance.length && attendance.every((a) => old.some((o) => o.person_key === a.person_key && o.score === a.score));
    if (!sameAttendance) changed.push('attendees');
    let file = {};
    if (input.material === null) {
      file = { material_name: null, material_mime: null, material: null };
      changed.push('material');
    } else if (input.material) {
      file = await material(input.material);
      changed.push('material');
    }
    if (changed.length > 0) {
      await ctx.db
        .updateTable('training_sessions')
        .set({ ...details, ...file, updated_at: ctx.desk.now().toISOString(), updated_by: ctx.session!.accountId })
        .where('id', '=', before.id)
        .execute();
    }
    if (!sameAttendance) {
      await ctx.db.deleteFrom('training_attendance').where('session_id', '=', before.id).execute();
      await ctx.db.insertInto('training_attendance').values(attendance).execute();
      // Only the people added: correcting an old session's scores does not bring back someone who has since left.
      await backOnTheLists(ctx, attendance.filter((a) => !old.some((o) => o.person_key === a.person_key)));
    }
    const removed = old.filter((o) => o.account_id && !attendance.some((a) => a.person_key === o.person_key)).map((o) => o.account_id);
    Object.assign(ctx.audit, { targetType: 'trainingSession', targetId: before.id, fields: changed, details: { ...attendanceNote(attendance), removedAccountIds: removed } });
    return loadSession(ctx.db, before.id);
  },

  'training.material': async (input, ctx) => {
    const row = await ctx.db.selectFrom('training_sessions').select(['material_name', 'material_mime', 'material']).where('id', '=', input.id).executeTakeFirst();
    if (!row) throw new DeskError('NOT_FOUND', 'training.notFound', { id: input.id });
    if (!row.material || !row.material_name || !row.material_mime) throw new DeskError('NOT_FOUND', 'training.noMaterial', { id: input.id });
    return { fileName: row.material_name, mimeType: row.material_mime, dataBase64: Buffer.from(row.material).toString('base64') };
  },

  'training.employees': async (input, ctx) => {
    const all = await employeeTrainings(ctx.db, localDay(ctx.desk.now()));
    return { rows: filterEmployees(all, input.show), counts: countEmployees(all) };
  },

  'training.setLeft': async (input, ctx) => {
    if (!(await isKnownPerson(ctx.db, input.key))) throw new DeskError('NOT_FOUND', 'training.personUnknown');
    if (input.left) {
      await ctx.db
        .insertInto('training_people_left')
        .values({ person_key: input.key, recorded_at: ctx.desk.now().toISOString(), recorded_by: ctx.session!.accountId })
        .onConflict((oc) => oc.column('person_key').doNothing())
        .execute();
    } else {
      await ctx.db.deleteFrom('training_people_left').where('person_key', '=', input.key).execute();
    }
    // The key holds the person's name: the trail gets its keyed hash, which names the same person every time.
    Object.assign(ctx.audit, { targetType: 'trainingPerson', targetId: await valueHmac(ctx.db, input.key), fields: ['left'], details: { left: input.left } });
    return { key: input.key, left: input.left };
  },

  'training.due': async (_input, ctx) => {
    const counts = countEmployees(await employeeTrainings(ctx.db, localDay(ctx.desk.now())));
    return { untrained: counts.untrained, dueSoon: counts.dueSoon, requiredForCustomers: await isTrainingRequired(ctx.db) };
  },

  'training.settings': async (_input, ctx) => readTrainingSettings(ctx.db, localDay(ctx.desk.now())),

  'training.saveSettings': async (input, ctx) => {
    const today = localDay(ctx.desk.now());
    const before = await isTrainingRequired(ctx.db);
    if (before !== input.requiredForCustomers) await writeTrainingRequired(ctx.db, input.requiredForCustomers, ctx.desk.now().toISOString(), ctx.session!.accountId);
    const after = await readTrainingSettings(ctx.db, today);
    // How many staff the change refuses today is part of the record: the count, never who.
    Object.assign(ctx.audit, { targetType: 'settings', targetId: 'training.requiredForCustomers', fields: before === input.requiredForCustomers ? [] : ['requiredForCustomers'], details: { requiredForCustomers: input.requiredForCustomers, staffUntrained: after.staffUntrained } });
    return after;
  },
};
