// An approved cessation (APPI Art. 35): the flag every list, export and provision check reads, and the consents it ends.
import type { Kysely } from 'kysely';
import type { ConsentChannel } from '../../../src-shared/customers';
import type { CessationScope } from '../../../src-shared/requests';
import { writeConsent } from '../consents/store';
import { recordChange, type Actor } from '../customers/store';
import { localDay } from '../dates';
import type { Database } from '../db/schema';

export interface Cessation {
  scope: CessationScope;
  purposeId: string | null;
}

/**
 * Flags the customer from this moment and withdraws the consents the cessation covers: the one purpose, or every
 * given consent when all use stops. Lists read the standing consent and the flag, so the customer leaves them at once.
 */
export async function applyCessation(db: Kysely<Database>, customerId: string, cessation: Cessation, channel: ConsentChannel, actor: Actor & { accountId: string }): Promise<void> {
  const since = actor.now.toISOString();
  let existing = db.selectFrom('customer_cessations').select('id').where('customer_id', '=', customerId).where('scope', '=', cessation.scope);
  existing = cessation.purposeId === null ? existing.where('purpose_id', 'is', null) : existing.where('purpose_id', '=', cessation.purposeId);
  if (!(await existing.executeTakeFirst())) {
    await db
      .insertInto('customer_cessations')
      .values({ customer_id: customerId, scope: cessation.scope, purpose_id: cessation.purposeId, request_id: actor.requestId ?? null, since })
      .execute();
  }
  const fieldOf = cessation.scope === 'purpose' ? `cessations.purpose.${cessation.purposeId}` : `cessations.${cessation.scope}`;
  await recordChange(db, customerId, 'cease', [fieldOf], actor);

  if (cessation.scope === 'provision') return;
  let given = db.selectFrom('consents').select(['purpose_id', 'policy_version']).where('customer_id', '=', customerId).where('state', '=', 'given');
  if (cessation.scope === 'purpose') given = given.where('purpose_id', '=', cessation.purposeId!);
  const today = localDay(actor.now);
  for (const consent of await given.execute()) {
    // Withdrawn today, against the version that was consented to, as consents.withdraw does.
    await writeConsent(db, customerId, { purposeId: consent.purpose_id, state: 'withdrawn', on: today, channel, policyVersion: consent.policy_version }, actor, today);
    await recordChange(db, customerId, 'consent.withdrawn', [`consents.${consent.purpose_id}`], actor);
  }
}
