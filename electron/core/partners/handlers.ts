// partners.*: the partner register (policy §2.1, APPI Art. 25, 28): registered, changed and ended, never deleted.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { partnerInput, partners } from '../../../src-shared/api/partners';
import { localDay } from '../dates';
import type { PartnerTable } from '../db/schema-registers';
import { DeskError } from '../errors';
import type { Ctx, Handlers } from '../handler';
import { isCountryCode } from './countries';
import { endedBy, isReferenced, loadPartner, partnerRows, rolesJson, toPartner, type PartnerRecord } from './store';

type PartnerInput = z.output<typeof partnerInput>;
type Details = Omit<PartnerTable, 'id' | 'ended_on' | 'created_at' | 'created_by' | 'updated_at'>;

/** The register's columns and the contract's field names, for the audit trail's list of what changed. */
const fieldNames: Record<keyof Details | 'ended_on', string> = {
  name: 'name',
  address: 'address',
  representative: 'representative',
  roles: 'roles',
  country: 'country',
  contract_from: 'contractFrom',
  contract_to: 'contractTo',
  security_measures: 'securityMeasures',
  contact_name: 'contactName',
  contact_email: 'contactEmail',
  contact_phone: 'contactPhone',
  ended_on: 'endedOn',
};

function detailsOf(input: PartnerInput): Details {
  // A recipient abroad is told apart by its country (APPI Art. 28): a code that names no country would slip past the
  // consent check's comparison of countries.
  if (!isCountryCode(input.country)) throw new DeskError('VALIDATION', 'partner.country', { path: 'country' });
  return {
    name: input.name,
    address: input.address,
    representative: input.representative,
    roles: rolesJson(input.roles),
    country: input.country,
    contract_from: input.contractFrom ?? null,
    contract_to: input.contractTo ?? null,
    security_measures: input.securityMeasures,
    contact_name: input.contactName,
    contact_email: input.contactEmail,
    contact_phone: input.contactPhone ? input.contactPhone : null,
  };
}

/** The same company at the same address, however it was spaced or typed (全角/半角, case). */
const sameKey = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

async function refuseDuplicate(ctx: Ctx, details: Details, self: string | null): Promise<void> {
  const all = await ctx.db.selectFrom('partners').select(['id', 'name', 'address']).execute();
  const twin = all.find((p) => p.id !== self && sameKey(p.name) === sameKey(details.name) && sameKey(p.address) === sameKey(details.address));
  if (twin) throw new DeskError('CONFLICT', 'partner.duplicate', { id: twin.id });
}

function noteAudit(ctx: Ctx, id: string, fields: string[]): void {
  // Field names only: a partner's contact person is a person, and the trail holds no personal data.
  Object.assign(ctx.audit, { targetType: 'partner', targetId: id, fields });
}

export const partnerHandlers: Handlers<typeof partners> = {
  'partners.list': async (input, ctx) => {
    const today = localDay(ctx.desk.now());
    const rows = await partnerRows(ctx.db).execute();
    const shown = rows
      .filter((r) => input.includeEnded || !endedBy(r, today))
      .map((r) => toPartner(r, Boolean(r.referenced)))
      .filter((p) => !input.role || p.roles.includes(input.role));
    return { rows: shown };
  },

  'partners.create': async (input, ctx) => {
    const details = detailsOf(input);
    await refuseDuplicate(ctx, details, null);
    const now = ctx.desk.now().toISOString();
    const row: PartnerRecord = { id: randomUUID(), ...details, ended_on: null, created_at: now, created_by: ctx.session!.accountId, updated_at: now };
    await ctx.db.insertInto('partners').values(row).execute();
    const given = (Object.keys(details) as (keyof Details)[]).filter((k) => details[k] !== null).map((k) => fieldNames[k]);
    noteAudit(ctx, row.id, given);
    return toPartner(row, false);
  },

  'partners.update': async (input, ctx) => {
    const before = await loadPartner(ctx.db, input.id);
    const details = detailsOf(input.partner);
    await refuseDuplicate(ctx, details, before.id);
    // Left out, the end stays as it was; null takes the partner back on.
    const endedOn = input.endedOn === undefined ? before.ended_on : input.endedOn;
    const contractFrom = details.contract_from;
    if (endedOn !== null && contractFrom !== null && endedOn < contractFrom) throw new DeskError('VALIDATION', 'partner.endedBeforeContract', { path: 'endedOn' });
    const after: PartnerRecord = { ...before, ...details, ended_on: endedOn };
    const changed = (Object.keys(fieldNames) as (keyof typeof fieldNames)[]).filter((k) => before[k] !== after[k]);
    if (changed.length > 0) {
      after.updated_at = ctx.desk.now().toISOString();
      const { id: _id, created_at: _at, created_by: _by, ...values } = after;
      await ctx.db.updateTable('partners').set(values).where('id', '=', before.id).execute();
    }
    noteAudit(ctx, before.id, changed.map((k) => fieldNames[k]));
    return toPartner(after, await isReferenced(ctx.db, before.id));
  },
};
