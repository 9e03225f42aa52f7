// What a handler is given and must return: the types that tie electron/core to the contract.
import type { Kysely } from 'kysely';
import type { OutputOf, ParsedInputOf } from '../../src-shared/api/method';
import type { Database } from './db/schema';
import type { Desk, Session } from './desk';

/** What a handler tells the router to record about the call: ids and field names, never values. */
export interface AuditNote {
  targetType?: string;
  targetId?: string;
  fields?: string[];
  details?: Record<string, unknown>;
}

export interface Ctx {
  desk: Desk;
  session: Session | null;
  /** The call's transaction: for `write` and `read` methods, the handler's work and its audit event commit together. */
  db: Kysely<Database>;
  audit: AuditNote;
  /**
   * Work to do once the call's transaction has committed (and never if it rolled back): a WAL checkpoint after an
   * erasure, for one, which cannot run inside a transaction.
   */
  afterCommit(work: () => Promise<void>): void;
}

export type Handler<M> = (input: ParsedInputOf<M>, ctx: Ctx) => Promise<OutputOf<M>>;
export type Handlers<A> = { [K in keyof A]: Handler<A[K]> };
