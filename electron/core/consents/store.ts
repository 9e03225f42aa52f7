// Writing consents: the standing state per customer and purpose, and the event kept for each change (APPI Art. 17, 27).
import type { Kysely } from 'kysely';
import type { ConsentChannel, ConsentState } from '../../../src-shared/customers';
import type { Database } from '../db/schema';
import { DeskError } from '../errors';
import { currentPolicyVersion, purposeExists } from '../purposes/store';

export interface ConsentWrite {
  purposeId: string;
  state: ConsentState;
  on: string;
  channel: ConsentChannel;
  policyVersion?: number;
}

/** Records a consent or a withdrawal; the standing row is what every list reads, so a withdrawal counts at once. */
export async function writeConsent(db: Kysely<Database>, customerId: string, consent: ConsentWrite, actor: { accountId: string | null; now: Date }, today: string): Promise<void> {
  const policyVersion = consent.policyVersion ?? (await currentPolicyVersion(db, today));
  if (!(await purposeExists(db, consent.purposeId, policyVersion))) throw new DeskError('VALIDATION', 'purpose.unknown', { purposeId: consent.purposeId, policyVersion });
  if (consent.on > today) throw new DeskError('VALIDATION', 'consent.inFuture');
  const recordedAt = actor.now.toISOString();
  const row = { state: consent.state, decided_on: consent.on, channel: consent.channel, policy_version: policyVersion, recorded_at: recordedAt };
  await db
    .insertInto('consents')
    .values({ customer_id: customerId, purpose_id: consent.purposeId, ...row })
    .onConflict((oc) => oc.columns(['customer_id', 'purpose_id']).doUpdateSet(row))
    .execute();
  await db
    .insertInto('consent_events')
    .values({ customer_id: customerId, purpose_id: consent.purposeId, ...row, recorded_by: actor.accountId })
    .execute();
}
