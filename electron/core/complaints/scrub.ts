// After the customer a complaint names is erased (APPI Art. 35), the complaint keeps nothing of the person either.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { erasedMarker } from '../requests/scrub';

type Db = Kysely<Database>;

/**
 * The complaint's free text goes: the subject, the person's words, their name and contact, the response sent to them and
 * the reasons in its history. What the Art. 40 register and JIS Q 15001 need stays: number, kind, channel, dates, who
 * handled it, whether it revealed a problem and what that problem was (written without the person, as the form asks:
 * it feeds corrective actions and the management review), and its links. The same marker as a request's, so nothing
 * of the original survives, not even its length.
 */
export async function scrubComplaintPersonalData(db: Db, complaintId: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await db
    .updateTable('complaints')
    .set((eb) => ({
      subject: erasedMarker,
      content: erasedMarker,
      complainant_name: null,
      complainant_contact: null,
      response: eb.case().when('response', 'is not', null).then(erasedMarker).else(null).end(),
      personal_data_erased_at: at,
      updated_at: at,
    }))
    .where('id', '=', complaintId)
    .execute();
  // Other lines' notes are the numbers of linked requests and incidents, no one's data.
  await db.updateTable('complaint_history').set({ note: erasedMarker }).where('complaint_id', '=', complaintId).where('action', '=', 'reopened').execute();
}

/**
 * For the customer's erasure (proposals/erasure.ts), after the record is deleted: the closed complaints of that customer
 * number are scrubbed now; an open one keeps what its handling needs and is scrubbed when it closes (close.ts), as a
 * request keeps its copy until it completes. Returns how many were scrubbed now.
 */
export async function scrubComplaintsOfErasedCustomer(db: Db, customerNo: string, now: Date): Promise<number> {
  const closed = await db
    .selectFrom('complaints')
    .select('id')
    .where('customer_no', '=', customerNo)
    .where('customer_id', 'is', null)
    .where('state', '=', 'closed')
    .where('personal_data_erased_at', 'is', null)
    .execute();
  for (const c of closed) await scrubComplaintPersonalData(db, c.id, now);
  return closed.length;
}
