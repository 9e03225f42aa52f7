// An audit event's hash: SHA-256 over the previous hash and the event's canonical JSON. Apart from the chain's
// storage so that the auditor's verifier (npm run verify-audit) needs nothing but this and Node's built-ins.
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import type { AuditEvent } from '../../../src-shared/domain';

export type { AuditEvent } from '../../../src-shared/domain';

export const genesisHash = '0'.repeat(64);

export function hashEvent(prevHash: string, event: AuditEvent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalize(event)!).digest('hex');
}
