// The partner register's store: loading a partner, whether a record refers to it, and whether it may still receive data.
import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import { partnerRoles, type Partner, type PartnerRole } from '../../../src-shared/registers';
import type { Database } from '../db/schema';
import type { PartnerTable } from '../db/schema-registers';
import { DeskError } from '../errors';

type Db = Kysely<Database>;
export type PartnerRecord = Selectable<PartnerTable>;

/**
 * A provision, a consent to provision or a receipt names the partner: the APPI Art. 29/30 records must keep saying
 * who the recipient or provider was, so such a partner can be ended but never deleted.
 */
export function referencedExpression(eb: ExpressionBuilder<Database, 'partners'>) {
  return eb.or([
    eb.exists(eb.selectFrom('provisions').select('provisions.id').whereRef('provisions.partner_id', '=', 'partners.id')),
    eb.exists(eb.selectFrom('provision_consents').select('provision_consents.id').whereRef('provision_consents.partner_id', '=', 'partners.id')),
    eb.exists(eb.selectFrom('receipts').select('receipts.id').whereRef('receipts.partner_id', '=', 'partners.id')),
  ]);
}

/** Every partner with whether a record refers to it, in the register's order. */
export function partnerRows(db: Db) {
  return db
    .selectFrom('partners')
    .selectAll('partners')
    .select((eb) => referencedExpression(eb).as('referenced'))
    .orderBy('partners.name')
    .orderBy('partners.id');
}

export async function loadPartner(db: Db, id: string): Promise<PartnerRecord> {
  const partner = await db.selectFrom('partners').selectAll().where('id', '=', id).executeTakeFirst();
  if (!partner) throw new DeskError('NOT_FOUND', 'partner.notFound', { id });
  return partner;
}

export async function isReferenced(db: Db, id: string): Promise<boolean> {
  const row = await partnerRows(db).where('partners.id', '=', id).executeTakeFirst();
  return Boolean(row?.referenced);
}

/** Ended on or before the day: the relationship is over from its last day on. */
export function endedBy(row: Pick<PartnerRecord, 'ended_on'>, day: string): boolean {
  return row.ended_on !== null && row.ended_on <= day;
}

/** A new provision goes only to a partner the company still works with (policy §5.1: to whom the customer agreed). */
export async function requireActivePartner(db: Db, id: string, onDay: string): Promise<PartnerRecord> {
  const partner = await loadPartner(db, id);
  if (endedBy(partner, onDay)) throw new DeskError('CONFLICT', 'partner.ended', { id, endedOn: partner.ended_on });
  return partner;
}

/** The roles as stored: each once, in the order of the contract's list. */
export function rolesJson(roles: readonly PartnerRole[]): string {
  return JSON.stringify(partnerRoles.filter((r) => roles.includes(r)));
}

export function toPartner(row: PartnerRecord, referenced: boolean): Partner {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    representative: row.representative,
    roles: JSON.parse(row.roles) as PartnerRole[],
    country: row.country,
    contractFrom: row.contract_from,
    contractTo: row.contract_to,
    securityMeasures: row.security_measures,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    endedOn: row.ended_on,
    referenced,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
