// provisionConsents.*: a customer's consent to provision to a partner or to every partner of a role, abroad only to
// the countries it names (APPI Art. 27(1), 28(1)); a withdrawal counts from the moment it is recorded.
import { randomUUID } from 'node:crypto';
import type { provisionConsents } from '../../../src-shared/api/provisions';
import type { PartnerRole, ProvisionConsent } from '../../../src-shared/registers';
import { recordChange } from '../customers/store';
import { localDay } from '../dates';
import { DeskError } from '../errors';
import type { Ctx, Handlers } from '../handler';
import { isCountryCode } from '../partners/countries';
import { loadPartner } from '../partners/store';
import { currentPolicyVersion } from '../purposes/store';

async function requireCustomer(ctx: Ctx, customerId: string): Promise<void> {
  const row = await ctx.db.selectFrom('customers').select('id').where('id', '=', customerId).executeTakeFirst();
  if (!row) throw new DeskError('NOT_FOUND', 'customer.notFound', { path: 'customerId' });
}

async function consentsOf(ctx: Ctx, customerId: string): Promise<{ consents: ProvisionConsent[] }> {
  const rows = await ctx.db.selectFrom('provision_consents').selectAll().where('customer_id', '=', customerId).orderBy('given_on', 'desc').orderBy('recorded_at', 'desc').execute();
  return {
    consents: rows.map((k) => ({
      id: k.id,
      partnerId: k.partner_id,
      partnerRole: k.partner_role as PartnerRole | null,
      countries: JSON.parse(k.countries) as string[],
      givenOn: k.given_on,
      state: k.state,
      withdrawnOn: k.withdrawn_on,
      policyVersion: k.policy_version,
    })),
  };
}

/** Countries as the partner register keeps them: upper case, each once, and only codes that name a country. */
function countriesOf(raw: string[]): string[] {
  const countries = [...new Set(raw.map((c) => c.trim().toUpperCase()))];
  const wrong = countries.findIndex((c) => !isCountryCode(c));
  if (wrong >= 0) throw new DeskError('VALIDATION', 'partner.country', { path: `countries.${raw.findIndex((c) => c.trim().toUpperCase() === countries[wrong])}` });
  return countries.sort();
}

export const provisionConsentHandlers: Handlers<typeof provisionConsents> = {
  'provisionConsents.record': async (input, ctx) => {
    await requireCustomer(ctx, input.customerId);
    if (input.partnerId) await loadPartner(ctx.db, input.partnerId);
    const now = ctx.desk.now();
    if (input.givenOn > localDay(now)) throw new DeskError('VALIDATION', 'consent.inFuture', { path: 'givenOn' });
    const countries = countriesOf(input.countries);
    const id = randomUUID();
    await ctx.db
      .insertInto('provision_consents')
      .values({
        id,
        customer_id: input.customerId,
        partner_id: input.partnerId ?? null,
        partner_role: input.partnerRole ?? null,
        countries: JSON.stringify(countries),
        given_on: input.givenOn,
        channel: input.channel,
        // The version of the policy the customer consented under (policy §8).
        policy_version: await currentPolicyVersion(ctx.db, localDay(ctx.desk.now())),
        state: 'given',
        withdrawn_on: null,
        recorded_at: now.toISOString(),
        recorded_by: ctx.session!.accountId,
      })
      .execute();
    await recordChange(ctx.db, input.customerId, 'consent.given', ['provisionConsents'], { accountId: ctx.session!.accountId, now });
    Object.assign(ctx.audit, {
      targetType: 'customer',
      targetId: input.customerId,
      fields: ['provisionConsents'],
      details: { consentId: id, partnerId: input.partnerId ?? null, partnerRole: input.partnerRole ?? null, countries, channel: input.channel, state: 'given' },
    });
    return consentsOf(ctx, input.customerId);
  },

  'provisionConsents.withdraw': async (input, ctx) => {
    await requireCustomer(ctx, input.customerId);
    const consent = await ctx.db
      .selectFrom('provision_consents')
      .select(['id', 'state', 'given_on'])
      .where('id', '=', input.consentId)
      .where('customer_id', '=', input.customerId)
      .executeTakeFirst();
    if (!consent) throw new DeskError('NOT_FOUND', 'provisionConsent.notFound', { consentId: input.consentId });
    if (consent.state !== 'given') throw new DeskError('CONFLICT', 'provisionConsent.notGiven', { consentId: consent.id });
    const now = ctx.desk.now();
    if (input.withdrawnOn > localDay(now)) throw new DeskError('VALIDATION', 'consent.inFuture', { path: 'withdrawnOn' });
    if (input.withdrawnOn < consent.given_on) throw new DeskError('VALIDATION', 'provisionConsent.withdrawnBeforeGiven', { path: 'withdrawnOn' });
    // The state changes now, whatever day the customer said it: the next consent check already leaves them out.
    await ctx.db.updateTable('provision_consents').set({ state: 'withdrawn', withdrawn_on: input.withdrawnOn }).where('id', '=', consent.id).execute();
    await recordChange(ctx.db, input.customerId, 'consent.withdrawn', ['provisionConsents'], { accountId: ctx.session!.accountId, now });
    Object.assign(ctx.audit, { targetType: 'customer', targetId: input.customerId, fields: ['provisionConsents'], details: { consentId: consent.id, state: 'withdrawn' } });
    return consentsOf(ctx, input.customerId);
  },

  'provisionConsents.list': async (input, ctx) => {
    await requireCustomer(ctx, input.customerId);
    const result = await consentsOf(ctx, input.customerId);
    Object.assign(ctx.audit, { targetType: 'customer', targetId: input.customerId, fields: ['provisionConsents'], details: { view: 'provisionConsents', shown: result.consents.length } });
    return result;
  },
};
