// Where the desk stands for this window (setting up, signed out, signed in, locked) and the moves between those states.
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { SessionInfo } from '../../../src-shared/domain';
import type { DeskErrorData } from '../../../src-shared/errors';
import type { SessionSignals } from './client';
import { useClient } from './client-context';

/** What the sign-in screen says on arrival. */
export type SignInNotice = { kind: 'setupDone' } | { kind: 'recovered' } | { kind: 'signedOut' } | { kind: 'error'; error: DeskErrorData };

export type DeskState =
  | { phase: 'starting' }
  | { phase: 'unavailable'; error: DeskErrorData }
  | { phase: 'setup' }
  | { phase: 'signedOut'; view: 'signIn' | 'recovery'; notice?: SignInNotice }
  | { phase: 'signedIn'; session: SessionInfo; generation: number };

export interface SessionActions {
  start(): Promise<void>;
  setupDone(): void;
  showRecovery(): void;
  showSignIn(notice?: SignInNotice): void;
  signedIn(session: SessionInfo): void;
  /** The core answered with a newer SessionInfo (password changed, settings saved). */
  sessionChanged(session: SessionInfo): void;
  lock(): Promise<void>;
  signOut(): Promise<void>;
}

const StateContext = createContext<DeskState>({ phase: 'starting' });
const ActionsContext = createContext<SessionActions | null>(null);

export function useDeskState(): DeskState {
  return useContext(StateContext);
}

export function useSessionActions(): SessionActions {
  const actions = useContext(ActionsContext);
  if (!actions) throw new Error('useSessionActions outside SessionProvider');
  return actions;
}

/** The signed-in person; only for screens inside the signed-in tree. */
export function useSession(): SessionInfo {
  const state = useDeskState();
  if (state.phase !== 'signedIn') throw new Error('useSession outside the signed-in tree');
  return state.session;
}

export function SessionProvider({ children, setSignals }: { children: ReactNode; setSignals: (s: SessionSignals) => void }) {
  const client = useClient();
  const queryClient = useQueryClient();
  const [state, setState] = useState<DeskState>({ phase: 'starting' });
  // The signals come from calls in flight; they only matter while someone is signed in.
  const signedInNow = useRef(false);
  signedInNow.current = state.phase === 'signedIn';

  /** Signing out and locking leave nothing behind: cached records, toasts, and (by a new key) every form. */
  const forget = useCallback(() => {
    queryClient.clear();
    notifications.clean();
  }, [queryClient]);

  const enter = useCallback((session: SessionInfo) => {
    if (session.locked) forget();
    setState((s) => ({ phase: 'signedIn', session, generation: (s.phase === 'signedIn' ? s.generation : 0) + 1 }));
  }, [forget]);

  const toSignIn = useCallback(
    (notice?: SignInNotice) => {
      forget();
      setState({ phase: 'signedOut', view: 'signIn', notice });
    },
    [forget],
  );

  const start = useCallback(async () => {
    setState({ phase: 'starting' });
    const status = await client.call('setup.status', {});
    if (!status.ok) return setState({ phase: 'unavailable', error: status.error });
    if (status.value.needsSetup) return setState({ phase: 'setup' });
    const session = await client.call('auth.session', {});
    if (session.ok) enter(session.value);
    else if (session.error.code === 'INTEGRITY') setState({ phase: 'unavailable', error: session.error });
    else setState({ phase: 'signedOut', view: 'signIn' });
  }, [client, enter]);

  const showLocked = useCallback(() => {
    forget();
    setState((s) => {
      if (s.phase !== 'signedIn' || s.session.locked) return s;
      return { phase: 'signedIn', session: { ...s.session, locked: true }, generation: s.generation + 1 };
    });
  }, [forget]);

  const actions = useMemo<SessionActions>(
    () => ({
      start,
      setupDone: () => setState({ phase: 'signedOut', view: 'signIn', notice: { kind: 'setupDone' } }),
      showRecovery: () => setState({ phase: 'signedOut', view: 'recovery' }),
      showSignIn: (notice) => setState({ phase: 'signedOut', view: 'signIn', notice }),
      signedIn: enter,
      sessionChanged: (session) =>
        setState((s) => (s.phase === 'signedIn' ? { ...s, session } : s)),
      async lock() {
        // The screen goes first: whatever the core answers, nothing of the desk stays on it.
        showLocked();
        await client.call('auth.lock', {});
      },
      async signOut() {
        toSignIn({ kind: 'signedOut' });
        await client.call('auth.logout', {});
      },
    }),
    [start, enter, showLocked, toSignIn, client],
  );

  useEffect(() => {
    setSignals({
      ended: (error) => {
        if (signedInNow.current) toSignIn({ kind: 'error', error });
      },
      locked: () => {
        if (signedInNow.current) showLocked();
      },
      accountLocked: (error) => {
        if (!signedInNow.current) return;
        // A wrong password while unlocking or changing it can lock the account, and the core then ends the session.
        void client.call('auth.session', {}).then((r) => {
          if (!r.ok && r.error.code === 'UNAUTHENTICATED') toSignIn({ kind: 'error', error });
        });
      },
    });
  }, [setSignals, toSignIn, showLocked, client]);

  return (
    <ActionsContext.Provider value={actions}>
      <StateContext.Provider value={state}>{children}</StateContext.Provider>
    </ActionsContext.Provider>
  );
}
