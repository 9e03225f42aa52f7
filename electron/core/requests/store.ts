// Writing the request register: loading one request, moving it between states, and its own history.
import type { Kysely, Selectable } from 'kysely';
import { isOpenState, openRequestStates, type RequestState } from '../../../src-shared/requests';
import { addDays, localDay } from '../dates';
import type { Database } from '../db/schema';
import type { RequestTable } from '../db/schema-requests';
import { DeskError } from '../errors';
import { findDuplicateOf } from './duplicates';
import { readIdCopyRetentionDays } from './settings';

type Db = Kysely<Database>;
export type RequestRecord = Selectable<RequestTable>;
export interface Actor {
  accountId: string;
  now: Date;
}

export async function loadRequest(db: Db, id: string): Promise<RequestRecord> {
  const request = await db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirst();
  if (!request) throw new DeskError('NOT_FOUND', 'request.notFound');
  return request;
}

/** A closed request is the record of what the office did: nothing is added to it or changed on it any more. */
export function requireOpen(request: RequestRecord): void {
  if (!isOpenState(request.state)) throw new DeskError('CONFLICT', 'request.closed', { state: request.state });
}

/** The due date in force: the extended one once the request was extended. */
export function dueOnInForce(request: Pick<RequestTable, 'due_on' | 'extended_due_on'>): string {
  return request.extended_due_on ?? request.due_on;
}

async function writeHistory(
  db: Db,
  requestId: string,
  actor: Actor,
  action: string,
  states: { from: RequestState | null; to: RequestState | null },
  note: string | null,
): Promise<void> {
  await db
    .insertInto('request_history')
    .values({ request_id: requestId, at: actor.now.toISOString(), actor_id: actor.accountId, action, from_state: states.from, to_state: states.to, note })
    .execute();
}

export async function addHistory(db: Db, requestId: string, actor: Actor, action: string, note?: string | null): Promise<void> {
  await writeHistory(db, requestId, actor, action, { from: null, to: null }, note ?? null);
}

/**
 * Moves a request to another state and records it. Closing starts the ID copies' retention clock: a copy is kept only
 * as long as the check needs it (policy §5.2 note), so each copy not yet erased is due for erasure that many days on.
 */
export async function moveRequest(db: Db, request: RequestRecord, to: RequestState, actor: Actor, action: string, note?: string | null): Promise<void> {
  requireOpen(request);
  const at = actor.now.toISOString();
  const closing = !isOpenState(to);
  await db
    .updateTable('requests')
    .set({ state: to, updated_at: at, ...(closing ? { closed_at: at } : {}) })
    .where('id', '=', request.id)
    .execute();
  await writeHistory(db, request.id, actor, action, { from: request.state, to }, note ?? null);
  if (closing) {
    const eraseOn = addDays(localDay(actor.now), await readIdCopyRetentionDays(db));
    await db.updateTable('id_copies').set({ erase_on: eraseOn }).where('request_id', '=', request.id).where('erased_at', 'is', null).execute();
    // A repeat points at an earlier open request; once that one is closed, the repeat is the live one (or repeats another).
    const repeats = await db.selectFrom('requests').selectAll().where('duplicate_of', '=', request.id).where('state', 'in', openRequestStates).execute();
    for (const r of repeats) await db.updateTable('requests').set({ duplicate_of: await findDuplicateOf(db, r) }).where('id', '=', r.id).execute();
  }
}
