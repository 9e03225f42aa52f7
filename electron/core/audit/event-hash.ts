// An audit event's hash: SHA-256 over the previous hash and the event's canonical JSON. Apart from the chain's
// storage so that the auditor's verifier (npm run verify-audit) needs nothing but this and Node's built-ins.
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';

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
