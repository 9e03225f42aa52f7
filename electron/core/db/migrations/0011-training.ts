// Migration 11: education: training sessions with their material, attendance per employee (with an account or named,
// like statements) and the named people no longer on the lists (APPI Art. 24, issue #10). Landed migrations are
// history: never edit this file, add the next one.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('training_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('trainer', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('pass_mark', 'integer', (c) => c.check(sql`pass_mark between 0 and 100`))
    // The material lives inside the encrypted database, as every file of the desk does.
    .addColumn('material_name', 'text')
    .addColumn('material_mime', 'text')
    .addColumn('material', 'blob')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('accounts.id'))
    .addCheckConstraint('training_sessions_material', sql`(material is null) = (material_name is null) and (material is null) = (material_mime is null)`)
    .execute();
  await db.schema.createIndex('training_sessions_held_on').on('training_sessions').column('held_on').execute();

  await db.schema
    .createTable('training_attendance')
    .addColumn('session_id', 'text', (c) => c.notNull().references('training_sessions.id').onDelete('cascade'))
    .addColumn('person_key', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.references('accounts.id'))
    // For a person without an account only; an account's name is read from the account.
    .addColumn('person_name', 'text')
    .addColumn('department', 'text')
    .addColumn('score', 'integer', (c) => c.check(sql`score between 0 and 100`))
    .addPrimaryKeyConstraint('training_attendance_pk', ['session_id', 'person_key'])
    .addCheckConstraint('training_attendance_whose', sql`(account_id is null) <> (person_name is null)`)
    .execute();
  // The statement gate asks for one account's trainings on every customers call a staff member makes.
  await db.schema.createIndex('training_attendance_account').on('training_attendance').column('account_id').execute();
  await db.schema.createIndex('training_attendance_person').on('training_attendance').column('person_key').execute();

  await db.schema
    .createTable('training_people_left')
    .addColumn('person_key', 'text', (c) => c.primaryKey())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.references('accounts.id'))
    .execute();
}
