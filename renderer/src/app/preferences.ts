// The signed-in person's language and date style: shown from sign-in to sign-out, saved to their account when changed.
import { useCallback, useLayoutEffect } from 'react';
import type { DeskErrorData } from '../../../src-shared/errors';
import type { Preferences } from '../../../src-shared/preferences';
import { setDateStyle } from '../components/date-style';
import { machineLanguage, showLanguage } from '../i18n';
import { useClient } from './client-context';
import { useDeskState, useSessionActions } from './session';

/**
 * Makes the screen follow whoever the desk is for: the signed-in person's own language and date style (kept while the
 * desk is locked, since the same person unlocks it), and, before sign-in, the language chosen on this machine with
 * western dates. A shared workstation serves an English-reading auditor after a Japanese-reading officer.
 */
export function useFollowPreferences(): void {
  const state = useDeskState();
  const session = state.phase === 'signedIn' ? state.session : null;
  const language = session ? (session.language ?? machineLanguage()) : state.phase === 'starting' ? null : machineLanguage();
  const dateStyle = session?.dateStyle ?? 'western';
  // Before paint: the first signed-in screen never flashes in the sign-in screen's language.
  useLayoutEffect(() => {
    if (language) showLanguage(language);
    setDateStyle(dateStyle);
  }, [language, dateStyle]);
}

/**
 * Saves a change of the signed-in person's preferences: the screen follows at once; the account keeps it once the core
 * has saved it. While the desk is locked or a temporary password waits to be changed, the change is only shown.
 */
export function useSavePreferences(): (change: Partial<{ language: 'ja' | 'en'; dateStyle: Preferences['dateStyle'] }>) => Promise<DeskErrorData | null> {
  const client = useClient();
  const state = useDeskState();
  const { sessionChanged } = useSessionActions();
  const session = state.phase === 'signedIn' ? state.session : null;
  return useCallback(
    async (change) => {
      if (!session) return null;
      const before = session;
      sessionChanged({ ...session, ...change });
      if (session.locked || session.mustChangePassword) return null;
      const result = await client.call('preferences.set', change);
      if (result.ok) {
        sessionChanged({ ...before, ...result.value });
        return null;
      }
      // Not saved: the screen goes back to what the account holds, and the caller says why.
      sessionChanged(before);
      return result.error;
    },
    [client, session, sessionChanged],
  );
}
