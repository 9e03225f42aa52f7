// The typed client over a transport: `call('settings.get', {})`, typed from the contract, plus the session signals.
import { api, type Api, type InputOf, type MethodName, type OutputOf } from '../../../src-shared/api';
import type { DeskErrorData, Result } from '../../../src-shared/errors';
import type { Transport } from './transport';

export type CallResult<M extends MethodName> = Result<OutputOf<Api[M]>>;

export interface SessionSignals {
  /** A non-public call found no session: back to sign-in. */
  ended(error: DeskErrorData): void;
  /** A call found the desk locked (the core's idle lock, or another window's Ctrl+L). */
  locked(): void;
  /** A password check locked the account; the core may have ended the session with it. */
  accountLocked(error: DeskErrorData): void;
}

export interface Client {
  call<M extends MethodName>(method: M, input: InputOf<Api[M]>): Promise<CallResult<M>>;
}

/** An error carried through TanStack Query, which wants a thrown value. */
export class DeskCallError extends Error {
  constructor(readonly error: DeskErrorData) {
    super(`${error.code}: ${error.message}`);
    this.name = 'DeskCallError';
  }
}

export function createClient(transport: Transport, signals: () => SessionSignals): Client {
  // Calls reach the core in the order the person made them: a sign-out is through before the next sign-in starts,
  // a lock before whatever follows it. The core has one database connection, so running them side by side gains nothing.
  let previous: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(job: () => Promise<T>): Promise<T> => {
    const next = previous.then(job, job);
    previous = next.catch(() => undefined);
    return next;
  };
  return {
    async call(method, input) {
      const result = (await inTurn(() => transport(method, input))) as CallResult<typeof method>;
      // Public calls (setup, sign-in, recovery) have no session to lose; their errors belong to their own screen.
      if (!result.ok && api[method].access !== 'public') {
        const { error } = result;
        if (error.code === 'UNAUTHENTICATED' && error.message === 'auth.required') signals().ended(error);
        else if (error.code === 'SESSION_LOCKED') signals().locked();
        else if (error.code === 'LOCKED') signals().accountLocked(error);
        // The database was found damaged: the core closed it; the sign-in screen shows what happened and the way back.
        else if (error.code === 'INTEGRITY') signals().ended(error);
      }
      return result;
    },
  };
}

/** For query functions: the value, or a thrown DeskCallError. */
export async function unwrap<T>(result: Promise<Result<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new DeskCallError(r.error);
  return r.value;
}
