// Keyed hashes of values (ARCHITECTURE.md, "the audit trail holds identifiers, never personal data"): a plain SHA-256
// of a phone number is found by trying every number; an HMAC under a key that never leaves the encrypted database is not.
import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import canonicalize from 'canonicalize';
import type { Database } from '../db/schema';

/** The HMAC-SHA-256 (hex) of a value, canonical JSON for objects, under the installation's audit key. */
export async function valueHmac(db: Kysely<Database>, value: unknown): Promise<string> {
  const { audit_hmac_key } = await db.selectFrom('installation').select('audit_hmac_key').where('id', '=', 1).executeTakeFirstOrThrow();
  const text = typeof value === 'string' ? value : (canonicalize(value) ?? 'null');
  return createHmac('sha256', audit_hmac_key).update(text).digest('hex');
}
