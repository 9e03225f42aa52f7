// consents.*: recording a customer's consent to a purpose, and withdrawing it with effect at once (policy §3.6).
import type { consents } from '../../../src-shared/api/consents';
import type { ConsentRecord } from '../../../src-shared/customers';
import { recordChange } from '../customers/store';
import { localDay } from '../dates';
import { DeskError } from '../errors';
import type { Ctx, Handlers } from '../handler';
import { writeConsent } from './store';

async function requireCustomer(ctx: Ctx, customerId: string): Promise<void> {
  const row = await ctx.db.selectFrom('customers').select('id').where('id', '=', customerId).executeTakeFirst();
  if (!row) throw new DeskError('NOT_FOUND', 'customer.notFound');
}

async function consentsOf(ctx: Ctx, customerId: string): Promise<{ consents: ConsentRecord[] }> {
  const rows = await ctx.db.selectFrom('consents').selectAll().where('customer_id', '=', customerId).orderBy('purpose_id').execute();
  return { consents: rows.map((k) => ({ purposeId: k.purpose_id, state: k.state, on: k.decided_on, channel: k.channel, policyVersion: k.policy_version })) };
}

export const consentHandlers: Handlers<typeof consents> = {
  'consents.record': async (input, ctx) => {
    await requireCustomer(ctx, input.customerId);
    const actor = { accountId: ctx.session!.accountId, now: ctx.desk.now() };
    await writeConsent(ctx.db, input.customerId, { purposeId: input.purposeId, state: 'given', on: input.givenOn, channel: input.channel }, actor, localDay(actor.now));
    await recordChange(ctx.db, input.customerId, 'consent.given', [`consents.${input.purposeId}`], actor);
    Object.assign(ctx.audit, { targetType: 'customer', targetId: input.customerId, fields: ['consents'], details: { purposeId: input.purposeId, state: 'given', channel: input.channel } });
    return consentsOf(ctx, input.customerId);
  },

  'consents.withdraw': async (input, ctx) => {
    await requireCustomer(ctx, input.customerId);
    const standing = await ctx.db.selectFrom('consents').select(['state', 'policy_version']).where('customer_id', '=', input.customerId).where('purpose_id', '=', input.purposeId).executeTakeFirst();
    if (standing?.state !== 'given') throw new DeskError('CONFLICT', 'consent.notGiven', { purposeId: input.purposeId });
    const actor = { accountId: ctx.session!.accountId, now: ctx.desk.now() };
    const today = localDay(actor.now);
    // Withdrawn today, against the version that was consented to: the customer leaves every list of the purpose now.
    await writeConsent(ctx.db, input.customerId, { purposeId: input.purposeId, state: 'withdrawn', on: today, channel: input.channel, policyVersion: standing.policy_version }, actor, today);
    await recordChange(ctx.db, input.customerId, 'consent.withdrawn', [`consents.${input.purposeId}`], actor);
    Object.assign(ctx.audit, { targetType: 'customer', targetId: input.customerId, fields: ['consents'], details: { purposeId: input.purposeId, state: 'withdrawn', channel: input.channel } });
    return consentsOf(ctx, input.customerId);
  },
};
