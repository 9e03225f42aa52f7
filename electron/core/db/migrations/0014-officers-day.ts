// Migration 14: the officer's day (issue #9): a request's assignee, and each account's language and date style. Landed migrations are history: never edit this file, add the next one.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Until now the person who registered a request was the one handling it. Bulk work hands requests on, so the
  // handler becomes its own column, starting as the registrant.
  await db.schema.alterTable('requests').addColumn('assignee_id', 'text', (c) => c.references('accounts.id')).execute();
  await sql`update requests set assignee_id = created_by`.execute(db);
  await db.schema.createIndex('requests_assignee').on('requests').columns(['assignee_id', 'state']).execute();

  // The language and the date style follow the person, not the machine: a shared workstation serves an English-
  // reading auditor after a Japanese-reading officer. Null language: the one chosen on the sign-in screen.
  await db.schema
    .alterTable('accounts')
    .addColumn('language', 'text', (c) => c.check(sql`language in ('ja', 'en')`))
    .execute();
  await db.schema
    .alterTable('accounts')
    .addColumn('date_style', 'text', (c) => c.notNull().defaultTo('western').check(sql`date_style in ('western', 'era')`))
    .execute();
}
