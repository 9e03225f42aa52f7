// Duplicate and repeat requests: the same person asking the same thing while an earlier request is still open.
import type { Kysely } from 'kysely';
import { openRequestStates } from '../../../src-shared/requests';
import { searchable } from '../customers/search-text';
import type { Database } from '../db/schema';
import type { RequestTable } from '../db/schema-requests';

type Db = Kysely<Database>;
type Who = Pick<RequestTable, 'customer_id' | 'requester_email' | 'requester_name' | 'requester_kana' | 'requester_birth_date'>;
export type DuplicateProbe = Who & Pick<RequestTable, 'id' | 'kind' | 'purpose_id' | 'created_at' | 'number'>;

const folded = (text: string | null) => (text ? searchable(text) : '');

/**
 * The same person: the same customer record when both are matched to one; otherwise the same e-mail address (case
 * does not matter), or the same name or reading together with the same date of birth. A name alone is not enough:
 * two 佐藤 花子 are two people.
 */
export function samePerson(a: Who, b: Who): boolean {
  if (a.customer_id && b.customer_id) return a.customer_id === b.customer_id;
  const emailA = a.requester_email?.trim().toLowerCase();
  if (emailA && emailA === b.requester_email?.trim().toLowerCase()) return true;
  if (!a.requester_birth_date || a.requester_birth_date !== b.requester_birth_date) return false;
  const kana = folded(a.requester_kana);
  const name = folded(a.requester_name);
  return (kana !== '' && kana === folded(b.requester_kana)) || (name !== '' && name === folded(b.requester_name));
}

const registeredBefore = (a: Pick<RequestTable, 'created_at' | 'number'>, b: Pick<RequestTable, 'created_at' | 'number'>) =>
  a.created_at < b.created_at || (a.created_at === b.created_at && a.number < b.number);

async function openOfKind(db: Db, probe: Pick<DuplicateProbe, 'kind' | 'purpose_id' | 'id'>) {
  let query = db
    .selectFrom('requests')
    .select(['id', 'number', 'kind', 'purpose_id', 'created_at', 'customer_id', 'requester_email', 'requester_name', 'requester_kana', 'requester_birth_date', 'duplicate_of'])
    .where('kind', '=', probe.kind)
    .where('state', 'in', openRequestStates)
    .where('id', '!=', probe.id);
  // Stopping the use for marketing and stopping it for another purpose are two requests, not one asked twice.
  if (probe.kind === 'cessationOfPurpose') query = query.where('purpose_id', '=', probe.purpose_id);
  return query.orderBy('created_at').orderBy('number').execute();
}

/** The earliest open request of the same kind by the same person registered before this one, or null. */
export async function findDuplicateOf(db: Db, probe: DuplicateProbe): Promise<string | null> {
  const candidates = await openOfKind(db, probe);
  return candidates.find((c) => registeredBefore(c, probe) && samePerson(c, probe))?.id ?? null;
}

/**
 * After a request is linked to a customer, the flags are worked out again: this request may now repeat an earlier
 * one, and later unflagged requests may now repeat this one. Returns this request's flag.
 */
export async function recheckDuplicates(db: Db, probe: DuplicateProbe): Promise<string | null> {
  const duplicateOf = await findDuplicateOf(db, probe);
  await db.updateTable('requests').set({ duplicate_of: duplicateOf }).where('id', '=', probe.id).execute();
  const later = (await openOfKind(db, probe)).filter((c) => c.duplicate_of === null && registeredBefore(probe, c) && samePerson(probe, c));
  for (const c of later) {
    const flag = await findDuplicateOf(db, { ...c, kind: probe.kind });
    if (flag) await db.updateTable('requests').set({ duplicate_of: flag }).where('id', '=', c.id).execute();
  }
  return duplicateOf;
}
