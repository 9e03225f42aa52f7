// The audit trail: append-only, each event's hash over the previous hash and the event's canonical JSON.
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ChainStatus } from '../../../src-shared/domain';
import type { Database } from '../db/schema';

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

/** The event as it is hashed and exported. */
export interface AuditEvent {
  seq: number;
  at: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  outcome: 'ok' | 'denied' | 'failed';
  targetType: string | null;
  targetId: string | null;
  fields: string[] | null;
  details: Record<string, unknown> | null;
}

export const genesisHash = '0'.repeat(64);

export function hashEvent(prevHash: string, event: AuditEvent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalize(event)!).digest('hex');
}

/** Appends one event; call it inside the transaction whose change it records, so both land or neither does. */
export async function appendEvent(db: Kysely<Database>, input: AuditEventInput): Promise<AuditEvent & { hash: string }> {
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  const prevHash = head?.hash ?? genesisHash;
  const event: AuditEvent = {
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
  const hash = hashEvent(prevHash, event);
  await db
    .insertInto('audit_events')
    .values({
      seq: event.seq,
      at: event.at,
      actor_id: event.actorId,
      actor_role: event.actorRole,
      action: event.action,
      outcome: event.outcome,
      target_type: event.targetType,
      target_id: event.targetId,
      fields: event.fields ? JSON.stringify(event.fields) : null,
      details: event.details ? JSON.stringify(event.details) : null,
      prev_hash: prevHash,
      hash,
    })
    .execute();
  await db
    .insertInto('audit_head')
    .values({ id: 1, seq: event.seq, hash })
    .onConflict((oc) => oc.column('id').doUpdateSet({ seq: event.seq, hash }))
    .execute();
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
