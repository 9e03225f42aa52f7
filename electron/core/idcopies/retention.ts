// Erasing ID copies once their time is up (policy §5.2 note: an ID copy is kept only as long as the check needs it).
import type { Kysely } from 'kysely';
import { appendEvent } from '../audit/chain';
import { localDay } from '../dates';
import type { Database } from '../db/schema';

/**
 * Erases the image of every ID copy whose erasure day (set when its request closed) has come, in the local calendar.
 * The row stays with the check's result and the image's hash, so the office can still show that and how the identity
 * was checked; each erasure is one event in the audit chain. Run it inside a transaction: images and events go together.
 * With `secure_delete` on, the freed pages are overwritten, so the image does not survive in the file.
 */
export async function eraseDueIdCopies(db: Kysely<Database>, now: Date): Promise<number> {
  const due = await db
    .selectFrom('id_copies')
    .select(['id', 'request_id', 'sha256'])
    .where('erased_at', 'is', null)
    .where('erase_on', 'is not', null)
    .where('erase_on', '<=', localDay(now))
    .orderBy('erase_on')
    .orderBy('id')
    .execute();
  const at = now.toISOString();
  for (const copy of due) {
    await db.updateTable('id_copies').set({ image: null, erased_at: at }).where('id', '=', copy.id).execute();
    await appendEvent(db, {
      at,
      actorId: null,
      actorRole: null,
      action: 'idcopies.erased',
      outcome: 'ok',
      targetType: 'idCopy',
      targetId: copy.id,
      details: { requestId: copy.request_id, sha256: copy.sha256 },
    });
  }
  return due.length;
}
