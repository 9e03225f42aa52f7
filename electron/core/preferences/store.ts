// Reading and saving a person's screen preferences on their account row (migration 0014).
import type { Kysely } from 'kysely';
import type { Preferences } from '../../../src-shared/preferences';
import type { Database } from '../db/schema';
import { DeskError } from '../errors';

export async function readPreferences(db: Kysely<Database>, accountId: string): Promise<Preferences> {
  const row = await db.selectFrom('accounts').select(['language', 'date_style']).where('id', '=', accountId).executeTakeFirst();
  if (!row) throw new DeskError('NOT_FOUND', 'preferences.noAccount', { accountId });
  return preferencesOf(row);
}

export function preferencesOf(row: { language: Preferences['language']; date_style: Preferences['dateStyle'] }): Preferences {
  return { language: row.language, dateStyle: row.date_style };
}

/** Saves what was given; returns the preferences as they are now and the fields that changed (for the audit trail). */
export async function savePreferences(
  db: Kysely<Database>,
  accountId: string,
  change: Partial<Pick<Preferences, 'dateStyle'>> & { language?: 'ja' | 'en' },
  now: string,
): Promise<{ preferences: Preferences; changed: string[] }> {
  const before = await readPreferences(db, accountId);
  const changed: string[] = [];
  if (change.language !== undefined && change.language !== before.language) changed.push('language');
  if (change.dateStyle !== undefined && change.dateStyle !== before.dateStyle) changed.push('dateStyle');
  if (changed.length > 0) {
    await db
      .updateTable('accounts')
      .set({
        ...(change.language !== undefined ? { language: change.language } : {}),
        ...(change.dateStyle !== undefined ? { date_style: change.dateStyle } : {}),
        updated_at: now,
      })
      .where('id', '=', accountId)
      .execute();
  }
  return { preferences: { language: change.language ?? before.language, dateStyle: change.dateStyle ?? before.dateStyle }, changed };
}
