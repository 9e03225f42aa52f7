// What still stands between a request and its completion, as i18n keys under `requests.blockers.`.
import type { Kysely } from 'kysely';
import { proposalKindFor } from '../../../src-shared/requests';
import type { Database } from '../db/schema';
import type { RequestRecord } from './store';

export async function completionBlockers(db: Kysely<Database>, request: RequestRecord): Promise<string[]> {
  const blockers: string[] = [];
  // An erased record takes the link with it; the customer number stays and still says whose request it was.
  if (request.customer_id === null && request.customer_no === null) blockers.push('noCustomer');
  const verified = await db.selectFrom('id_copies').select('id').where('request_id', '=', request.id).where('result', '=', 'verified').executeTakeFirst();
  // APPI Art. 37: nothing is done for someone whose identity (or a proxy's authority) was not confirmed.
  if (!verified) blockers.push('identityNotVerified');
  const proposals = await db.selectFrom('proposals').select(['kind', 'state']).where('request_id', '=', request.id).execute();
  if (!proposals.some((p) => p.state === 'approved' && p.kind === proposalKindFor[request.kind])) blockers.push('noApprovedProposal');
  if (proposals.some((p) => p.state === 'open')) blockers.push('proposalOpen');
  if (request.kind === 'disclosure') {
    const built = await db.selectFrom('disclosure_packages').select('id').where('request_id', '=', request.id).executeTakeFirst();
    if (!built) blockers.push('packageNotBuilt');
  }
  const openTask = await db.selectFrom('request_tasks').select('id').where('request_id', '=', request.id).where('state', '=', 'open').executeTakeFirst();
  // The shop's other systems hold the person's data too: the request is done only when every owner has confirmed.
  if (openTask) blockers.push('tasksOpen');
  return blockers;
}
