// preferences.*: the signed-in person's own preferences that follow them from machine to machine: language and date style.
import type { preferences } from '../../../src-shared/api/preferences';
import { DeskError } from '../errors';
import type { Handlers } from '../handler';
import { readPreferences, savePreferences } from './store';

export const preferenceHandlers: Handlers<typeof preferences> = {
  'preferences.get': (_input, { db, session }) => readPreferences(db, session!.accountId),
  'preferences.set': async (input, { desk, db, session, audit, afterCommit }) => {
    if (input.language === undefined && input.dateStyle === undefined) throw new DeskError('VALIDATION', 'preferences.nothingToSave');
    const { preferences: saved, changed } = await savePreferences(db, session!.accountId, input, desk.now().toISOString());
    // The trail names the fields, not the values: a person's language says something about them.
    audit.targetType = 'account';
    audit.targetId = session!.accountId;
    audit.fields = changed;
    // The application menu follows the language once it is saved, never for a change that rolled back.
    if (input.language !== undefined) {
      const language = input.language;
      afterCommit(async () => desk.onLanguage?.(language));
    }
    return saved;
  },
};
