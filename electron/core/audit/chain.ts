// The audit trail: append-only, each event's hash over the previous hash and the event's canonical JSON.
import { sql, type Kysely } from 'kysely';
import type { ChainStatus } from '../../../src-shared/domain';
import type { Database } from '../db/schema';
import { genesisHash, hashEvent, type AuditEvent } from './event-hash';

export interface AuditEventInput {
  at: string;
  actorId?: string | null;
  actorRole?: string | null;
  action: string;
  outcome: 'ok' | 'denied' | 'failed';
  targetType?: string | null;
  targetId?: string | null;
  /** Names of the fields touched; never their values. */
  fields?: string[] | null;
  /** Codes, reasons and keyed hashes; never personal data. */
  details?: Record<string, unknown> | null;
}

export { genesisHash, hashEvent, type AuditEvent } from './event-hash';

/**
 * The head the last append in this process wrote: a hint that saves reading the head before the next append. It is
 * only ever trusted through the insert's own check (the event goes in only if the database's head is still this
 * one), so a rolled-back append, another desk in the same process or a restore cost one extra read, never a wrong link.
 */
let lastWritten: { seq: number; hash: string } | null = null;

/** The head each transaction's appends left, so the desk can record it after the commit without reading it back. */
const appendedIn = new WeakMap<object, { seq: number; hash: string }>();

/** The chain's head after the last append made through `db` (a transaction), if it made any. */
export function headAppendedIn(db: Kysely<Database>): { seq: number; hash: string } | undefined {
  return appendedIn.get(db);
}

function eventOf(input: AuditEventInput, head: { seq: number; hash: string } | undefined): AuditEvent {
  return {
    seq: (head?.seq ?? 0) + 1,
    at: input.at,
    actorId: input.actorId ?? null,
    actorRole: input.actorRole ?? null,
    action: input.action,
    outcome: input.outcome,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    fields: input.fields && input.fields.length > 0 ? [...input.fields] : null,
    details: input.details && Object.keys(input.details).length > 0 ? input.details : null,
  };
}

/** Inserts the event if the database's head is still `prev` (seq 0: no event yet); false when it is not. */
async function insertAfter(db: Kysely<Database>, prev: { seq: number; hash: string }, event: AuditEvent, hash: string): Promise<boolean> {
  const fields = event.fields ? JSON.stringify(event.fields) : null;
  const details = event.details ? JSON.stringify(event.details) : null;
  const headIs =
    prev.seq === 0
      ? sql`not exists (select 1 from audit_head where id = 1)`
      : sql`exists (select 1 from audit_head where id = 1 and seq = ${prev.seq} and hash = ${prev.hash})`;
  const { rows } = await sql<{ seq: number }>`insert into audit_events (seq, at, actor_id, actor_role, action, outcome, target_type, target_id, fields, details, prev_hash, hash)
    select ${event.seq}, ${event.at}, ${event.actorId}, ${event.actorRole}, ${event.action}, ${event.outcome}, ${event.targetType}, ${event.targetId}, ${fields}, ${details}, ${prev.hash}, ${hash}
    where ${headIs} returning seq`.execute(db);
  return rows.length === 1;
}

/**
 * Appends one event; call it inside the transaction whose change it records, so both land or neither does.
 * Two statements when the head is the one this process last wrote (the usual case: the insert checks it), three
 * otherwise: every audited call pays for these, a search included.
 */
export async function appendEvent(db: Kysely<Database>, input: AuditEventInput): Promise<AuditEvent & { hash: string }> {
  const hinted = appendedIn.get(db) ?? lastWritten;
  let prev = hinted ?? { seq: 0, hash: genesisHash };
  let event = eventOf(input, prev);
  let hash = hashEvent(prev.hash, event);
  if (!hinted || !(await insertAfter(db, prev, event, hash))) {
    const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
    prev = head ?? { seq: 0, hash: genesisHash };
    event = eventOf(input, prev);
    hash = hashEvent(prev.hash, event);
    if (!(await insertAfter(db, prev, event, hash))) throw new Error('the audit head moved while an event was appended');
  }
  await db
    .insertInto('audit_head')
    .values({ id: 1, seq: event.seq, hash })
    .onConflict((oc) => oc.column('id').doUpdateSet({ seq: event.seq, hash }))
    .execute();
  const written = { seq: event.seq, hash };
  appendedIn.set(db, written);
  lastWritten = written;
  return { ...event, hash };
}

type EventRow = Database['audit_events'] extends infer T ? { [K in keyof T]: T[K] extends import('kysely').Generated<infer U> ? U : T[K] } : never;

export function eventFromRow(row: EventRow): AuditEvent {
  return {
    seq: row.seq,
    at: row.at,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    action: row.action,
    outcome: row.outcome,
    targetType: row.target_type,
    targetId: row.target_id,
    fields: row.fields ? (JSON.parse(row.fields) as string[]) : null,
    details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null,
  };
}

export type { ChainStatus } from '../../../src-shared/domain';

/** Walks the whole chain in pages: every hash recomputed, every link and sequence number checked, the head compared. */
export async function verifyChain(db: Kysely<Database>): Promise<ChainStatus> {
  let prevHash = genesisHash;
  let expectedSeq = 1;
  const pageSize = 5000;
  for (;;) {
    const rows = await db.selectFrom('audit_events').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(pageSize).execute();
    for (const row of rows) {
      if (row.seq !== expectedSeq) return { valid: false, events: expectedSeq - 1, brokenAt: expectedSeq, reason: 'gap' };
      if (row.prev_hash !== prevHash) return { valid: false, events: expectedSeq - 1, brokenAt: row.seq, reason: 'link' };
      if (hashEvent(prevHash, eventFromRow(row)) !== row.hash) return { valid: false, events: expectedSeq - 1, brokenAt: row.seq, reason: 'hash' };
      prevHash = row.hash;
      expectedSeq += 1;
    }
    if (rows.length < pageSize) break;
  }
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  const count = expectedSeq - 1;
  if ((head?.seq ?? 0) !== count || (head?.hash ?? genesisHash) !== prevHash) {
    return { valid: false, events: count, brokenAt: count + 1, reason: 'head' };
  }
  return { valid: true, events: count, head: prevHash };
}
