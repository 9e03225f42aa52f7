// Where each employee stands on training: the last training that counts, from attendance or from a statement, and
// whether it is still within 12 months.
//
// How attendance and statements meet (issue #10): attendance of a session is the evidence the desk keeps, and it is
// what the lists name first. A written statement (#3) also carries the date of the person's last training, given when
// it was signed; that date counts as a training too, shown with its source ("statement"), so that a desk which kept
// training dates only on statements does not find every employee "untrained" the day it is upgraded. The latest of the
// two is the person's last training. An attendance counts when the session had no test, or the person passed it:
// someone who failed the comprehension test (or has not taken it yet) has not yet been trained by that session.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { EmployeeFilter, EmployeeTraining, TrainingState } from '../../../src-shared/api/training';
import { accountKey, personKey, trainingDueSoonDays, trainingValidMonths } from '../../../src-shared/api/training';
import type { Role } from '../../../src-shared/roles';
import { addDays, addYears } from '../dates';
import type { Database } from '../db/schema';

type Db = Kysely<Database>;

export { accountKey, personKey };

/** The last day a training on `day` still counts: 12 months on (29 February: 28 February). */
export function trainingDueOn(day: string): string {
  return addYears(day, trainingValidMonths / 12);
}

export function trainingState(lastTrainedOn: string | null, today: string): TrainingState {
  if (!lastTrainedOn) return 'never';
  const dueOn = trainingDueOn(lastTrainedOn);
  if (dueOn < today) return 'overdue';
  if (dueOn <= addDays(today, trainingDueSoonDays)) return 'dueSoon';
  return 'current';
}

export const isUntrained = (state: TrainingState) => state === 'overdue' || state === 'never';

/** Whether an attendance counts as a training: no test, or a score at or above the pass mark. */
export function attendanceCounts(passMark: number | null, score: number | null): boolean {
  return passMark === null || (score !== null && score >= passMark);
}

/**
 * One account's last training that counts, for the statement gate: two indexed lookups, no list built. Sessions count
 * only when held by today (a session is never recorded ahead, but a clock moved back must not make one count early).
 */
export async function lastTrainingOf(db: Db, accountId: string, today: string): Promise<string | null> {
  const { rows } = await sql<{ attended: string | null; signed: string | null }>`
    select
      (select max(s.held_on) from training_attendance a join training_sessions s on s.id = a.session_id
        where a.account_id = ${accountId} and s.held_on <= ${today} and (s.pass_mark is null or a.score >= s.pass_mark)) as attended,
      (select max(training_on) from statements where account_id = ${accountId} and training_on <= ${today}) as signed`.execute(db);
  const { attended, signed } = rows[0] ?? { attended: null, signed: null };
  if (!attended) return signed ?? null;
  if (!signed) return attended;
  return attended >= signed ? attended : signed;
}

interface Person {
  key: string;
  accountId: string | null;
  name: string;
  department: string | null;
  role: Role | null;
  last: { on: string; source: 'session' | 'statement'; session: EmployeeTraining['session'] } | null;
  notPassed: { id: string; number: string; heldOn: string } | null;
}

function later(person: Person, on: string, source: 'session' | 'statement', session: EmployeeTraining['session']): void {
  // On the same day a session's attendance wins over a statement's date: it is the evidence.
  if (!person.last || on > person.last.on || (on === person.last.on && source === 'session' && person.last.source === 'statement')) person.last = { on, source, session };
}

const severity: Record<TrainingState, number> = { never: 0, overdue: 1, dueSoon: 2, current: 3 };

/**
 * Every employee the desk knows: active accounts, and people without one named on an attendance or a statement
 * (unless marked as left). Disabled accounts have left the office and are not listed.
 */
export async function employeeTrainings(db: Db, today: string): Promise<EmployeeTraining[]> {
  const people = new Map<string, Person>();
  const accounts = await db.selectFrom('accounts').select(['id', 'display_name', 'department', 'role']).where('status', '=', 'active').execute();
  for (const a of accounts) people.set(accountKey(a.id), { key: accountKey(a.id), accountId: a.id, name: a.display_name, department: a.department, role: a.role, last: null, notPassed: null });
  const left = new Set((await db.selectFrom('training_people_left').select('person_key').execute()).map((r) => r.person_key));
  const named = (name: string, department: string | null): Person | undefined => {
    const key = personKey(name, department);
    if (left.has(key)) return undefined;
    let person = people.get(key);
    if (!person) people.set(key, (person = { key, accountId: null, name, department, role: null, last: null, notPassed: null }));
    return person;
  };

  const statements = await db.selectFrom('statements').select(['account_id', 'person_name', 'department', 'training_on']).where('training_on', '<=', today).execute();
  for (const s of statements) {
    const person = s.account_id ? people.get(accountKey(s.account_id)) : s.person_name ? named(s.person_name, s.department) : undefined;
    if (person) later(person, s.training_on, 'statement', null);
  }

  const attendance = await db
    .selectFrom('training_attendance as a')
    .innerJoin('training_sessions as s', 's.id', 'a.session_id')
    .select(['a.account_id', 'a.person_name', 'a.department', 'a.score', 's.id', 's.number', 's.topic', 's.held_on', 's.pass_mark'])
    .where('s.held_on', '<=', today)
    .orderBy('s.held_on')
    .execute();
  const failures: { person: Person; session: NonNullable<Person['notPassed']> }[] = [];
  for (const a of attendance) {
    const person = a.account_id ? people.get(accountKey(a.account_id)) : a.person_name ? named(a.person_name, a.department) : undefined;
    if (!person) continue;
    if (attendanceCounts(a.pass_mark, a.score)) later(person, a.held_on, 'session', { id: a.id, number: a.number, topic: a.topic });
    else failures.push({ person, session: { id: a.id, number: a.number, heldOn: a.held_on } });
  }
  // A test not passed matters only when it came after the training that counts: the person still has to pass it.
  for (const { person, session } of failures) {
    if (!person.last || session.heldOn > person.last.on) person.notPassed = session;
  }

  const rows = [...people.values()].map((p): EmployeeTraining => {
    const lastTrainedOn = p.last?.on ?? null;
    return {
      key: p.key,
      accountId: p.accountId,
      name: p.name,
      department: p.department,
      role: p.role,
      lastTrainedOn,
      source: p.last?.source ?? null,
      session: p.last?.session ?? null,
      dueOn: lastTrainedOn ? trainingDueOn(lastTrainedOn) : null,
      state: trainingState(lastTrainedOn, today),
      notPassed: p.notPassed,
    };
  });
  return rows.sort((a, b) => severity[a.state] - severity[b.state] || (a.dueOn ?? '').localeCompare(b.dueOn ?? '') || a.name.localeCompare(b.name, 'ja'));
}

/** A person without an account the desk has met: on an attendance or a statement. */
export async function isKnownPerson(db: Db, key: string): Promise<boolean> {
  if (await db.selectFrom('training_attendance').select('person_key').where('person_key', '=', key).executeTakeFirst()) return true;
  const named = await db.selectFrom('statements').select(['person_name', 'department']).where('account_id', 'is', null).execute();
  return named.some((s) => s.person_name !== null && personKey(s.person_name, s.department) === key);
}

export function filterEmployees(rows: EmployeeTraining[], show: EmployeeFilter): EmployeeTraining[] {
  if (show === 'untrained') return rows.filter((r) => isUntrained(r.state));
  if (show === 'dueSoon') return rows.filter((r) => r.state === 'dueSoon');
  return rows;
}

export function countEmployees(rows: EmployeeTraining[]): { all: number; untrained: number; dueSoon: number } {
  return { all: rows.length, untrained: rows.filter((r) => isUntrained(r.state)).length, dueSoon: rows.filter((r) => r.state === 'dueSoon').length };
}
