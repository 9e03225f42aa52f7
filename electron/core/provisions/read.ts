// Reading the provision and receipt registers (APPI Art. 29, 30): list rows, one record whole, and what the
// disclosure package tells the person about them (Art. 33(5)). Customer numbers only, never names.
import { sql, type Kysely } from 'kysely';
import type { ProvisionBasis, ProvisionDetail, ProvisionExclusionReason, ProvisionRow, ProvisionState, ReceiptRow } from '../../../src-shared/registers';
import type { Database } from '../db/schema';
import { DeskError } from '../errors';

type Db = Kysely<Database>;

export interface RegisterFilter {
  partnerId?: string;
  customerId?: string;
  from?: string;
  to?: string;
  state?: ProvisionState;
}

/** The provisions matching a filter; a combined record counts for every day from its first to its last provision. */
export function provisionQuery(db: Db, filter: RegisterFilter) {
  let q = db
    .selectFrom('provisions as p')
    .innerJoin('partners as pt', 'pt.id', 'p.partner_id')
    .leftJoin('accounts as a', 'a.id', 'p.recorded_by')
    .select([
      'p.id',
      'p.number',
      'p.provided_on',
      'p.last_provided_on',
      'p.partner_id',
      'pt.name as partner_name',
      'pt.country as partner_country',
      'pt.address as partner_address',
      'pt.representative as partner_representative',
      'p.items',
      'p.basis',
      'p.state',
      'p.keep_until',
      'p.recorded_at',
      'p.recorded_by',
      'a.display_name as recorded_by_name',
      (eb) => eb.selectFrom('provision_customers as pc').whereRef('pc.provision_id', '=', 'p.id').select((e) => e.fn.countAll<number>().as('n')).as('customer_count'),
      (eb) => eb.selectFrom('provision_exclusions as px').whereRef('px.provision_id', '=', 'p.id').select((e) => e.fn.countAll<number>().as('n')).as('excluded_count'),
    ]);
  if (filter.partnerId) q = q.where('p.partner_id', '=', filter.partnerId);
  if (filter.state) q = q.where('p.state', '=', filter.state);
  if (filter.to) q = q.where('p.provided_on', '<=', filter.to);
  if (filter.from) q = q.where(sql<string>`coalesce(p.last_provided_on, p.provided_on)`, '>=', filter.from);
  if (filter.customerId) {
    const customerId = filter.customerId;
    q = q.where((eb) => eb.exists(eb.selectFrom('provision_customers as pc').select('pc.provision_id').whereRef('pc.provision_id', '=', 'p.id').where('pc.customer_id', '=', customerId)));
  }
  return q;
}

type ProvisionQueryRow = Awaited<ReturnType<ReturnType<typeof provisionQuery>['execute']>>[number];

export function toProvisionRow(r: ProvisionQueryRow): ProvisionRow {
  return {
    id: r.id,
    number: r.number,
    providedOn: r.provided_on,
    lastProvidedOn: r.last_provided_on,
    combined: r.last_provided_on !== null,
    partnerId: r.partner_id,
    partnerName: r.partner_name,
    partnerCountry: r.partner_country,
    items: r.items,
    basis: r.basis,
    state: r.state,
    customerCount: Number(r.customer_count ?? 0),
    excludedCount: Number(r.excluded_count ?? 0),
    keepUntil: r.keep_until,
    recordedAt: r.recorded_at,
    recordedById: r.recorded_by,
    recordedByName: r.recorded_by_name ?? null,
  };
}

/** The register's order: the newest provision first, then by number. */
export async function provisionPage(db: Db, filter: RegisterFilter, page: { page: number; pageSize: number }): Promise<{ rows: ProvisionRow[]; total: number }> {
  const q = provisionQuery(db, filter);
  const rows = await q.orderBy('p.provided_on', 'desc').orderBy('p.number', 'desc').limit(page.pageSize).offset(page.page * page.pageSize).execute();
  const count = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows: rows.map(toProvisionRow), total: Number(count.n) };
}

export async function readProvisionDetail(db: Db, id: string): Promise<ProvisionDetail> {
  const row = await provisionQuery(db, {})
    .leftJoin('accounts as d', 'd.id', 'p.decided_by')
    .select(['p.justification', 'p.decided_at', 'd.display_name as decided_by_name', 'p.rejection_reason'])
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new DeskError('NOT_FOUND', 'provision.notFound', { id });
  const [customers, excluded] = await Promise.all([
    db.selectFrom('provision_customers').select(['customer_id', 'customer_no', 'consent_id']).where('provision_id', '=', id).orderBy('customer_no').execute(),
    db.selectFrom('provision_exclusions').select(['customer_no', 'reason']).where('provision_id', '=', id).orderBy('customer_no').execute(),
  ]);
  return {
    ...toProvisionRow(row),
    justification: row.justification,
    customers: customers.map((c) => ({ customerId: c.customer_id, customerNo: c.customer_no, consentId: c.consent_id })),
    excluded: excluded.map((e) => ({ customerNo: e.customer_no, reason: e.reason as ProvisionExclusionReason })),
    decidedAt: row.decided_at,
    decidedByName: row.decided_by_name ?? null,
    rejectionReason: row.rejection_reason,
  };
}

/** The receipts matching a filter, with how many customer records each brought (by the records' receipt id). */
export function receiptQuery(db: Db, filter: Omit<RegisterFilter, 'state'>) {
  let q = db
    .selectFrom('receipts as r')
    .select([
      'r.id',
      'r.partner_id',
      'r.provider_name',
      'r.provider_address',
      'r.provider_representative',
      'r.obtained_how',
      'r.received_on',
      'r.items',
      'r.keep_until',
      (eb) => eb.selectFrom('customers as c').whereRef('c.receipt_id', '=', 'r.id').select((e) => e.fn.countAll<number>().as('n')).as('customer_count'),
    ]);
  if (filter.partnerId) q = q.where('r.partner_id', '=', filter.partnerId);
  if (filter.from) q = q.where('r.received_on', '>=', filter.from);
  if (filter.to) q = q.where('r.received_on', '<=', filter.to);
  if (filter.customerId) {
    const customerId = filter.customerId;
    q = q.where((eb) => eb.exists(eb.selectFrom('customers as c').select('c.id').whereRef('c.receipt_id', '=', 'r.id').where('c.id', '=', customerId)));
  }
  return q;
}

type ReceiptQueryRow = Awaited<ReturnType<ReturnType<typeof receiptQuery>['execute']>>[number];

export function toReceiptRow(r: ReceiptQueryRow): ReceiptRow {
  return {
    id: r.id,
    partnerId: r.partner_id,
    providerName: r.provider_name,
    receivedOn: r.received_on,
    items: r.items,
    keepUntil: r.keep_until,
    customerCount: Number(r.customer_count ?? 0),
  };
}

export async function receiptPage(db: Db, filter: Omit<RegisterFilter, 'state'>, page: { page: number; pageSize: number }): Promise<{ rows: ReceiptRow[]; total: number }> {
  const q = receiptQuery(db, filter);
  const rows = await q.orderBy('r.received_on', 'desc').orderBy('r.recorded_at', 'desc').limit(page.pageSize).offset(page.page * page.pageSize).execute();
  const count = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows: rows.map(toReceiptRow), total: Number(count.n) };
}

/** A provision record as the person reads it in their disclosure package (APPI Art. 29, rules Art. 20). */
export interface ProvisionAbout {
  number: string;
  providedOn: string;
  lastProvidedOn: string | null;
  recipientName: string;
  recipientAddress: string;
  recipientRepresentative: string;
  recipientCountry: string;
  items: string;
  basis: ProvisionBasis;
  /** The day the consent relied on was given. */
  consentGivenOn: string | null;
  keepUntil: string;
}

/**
 * The provision records about a person that the disclosure package lists (APPI Art. 33(5)): the records the law asks
 * for, those made with the person's consent (Art. 29(1)), once recorded. A provision under one of the Art. 27(1)
 * exceptions needs no record by law (Art. 29(1) proviso), so it is no "record of provision" the person may ask for; the
 * desk keeps it for the policy and the auditor only. Telling a person of a police or court request could hinder an
 * investigation, which the Cabinet Order keeps out of the
 * records the person may see (Art. 33(5)), so those stay out; a rejected or undecided record was never a provision.
 */
export async function provisionsAbout(db: Db, customerId: string): Promise<ProvisionAbout[]> {
  const rows = await db
    .selectFrom('provision_customers as pc')
    .innerJoin('provisions as p', 'p.id', 'pc.provision_id')
    .innerJoin('partners as pt', 'pt.id', 'p.partner_id')
    .leftJoin('provision_consents as k', 'k.id', 'pc.consent_id')
    .select(['p.number', 'p.provided_on', 'p.last_provided_on', 'pt.name', 'pt.address', 'pt.representative', 'pt.country', 'p.items', 'p.basis', 'k.given_on', 'p.keep_until'])
    .where('pc.customer_id', '=', customerId)
    .where('p.state', '=', 'recorded')
    .where('p.basis', '=', 'consent')
    .orderBy('p.provided_on')
    .orderBy('p.number')
    .execute();
  return rows.map((r) => ({
    number: r.number,
    providedOn: r.provided_on,
    lastProvidedOn: r.last_provided_on,
    recipientName: r.name,
    recipientAddress: r.address,
    recipientRepresentative: r.representative,
    recipientCountry: r.country,
    items: r.items,
    basis: r.basis,
    consentGivenOn: r.given_on ?? null,
    keepUntil: r.keep_until,
  }));
}

/** A record of receipt as the person reads it (APPI Art. 30, rules Art. 24): who provided the data, how they got it, when. */
export interface ReceiptAbout {
  providerName: string;
  providerAddress: string;
  providerRepresentative: string;
  obtainedHow: string;
  receivedOn: string;
  items: string;
  keepUntil: string;
}

/** The records of receipt of the person's data: the one their record came with (a record keeps its receipt's id). */
export async function receiptsAbout(db: Db, customerId: string): Promise<ReceiptAbout[]> {
  const rows = await db
    .selectFrom('customers as c')
    .innerJoin('receipts as r', 'r.id', 'c.receipt_id')
    .select(['r.provider_name', 'r.provider_address', 'r.provider_representative', 'r.obtained_how', 'r.received_on', 'r.items', 'r.keep_until'])
    .where('c.id', '=', customerId)
    .orderBy('r.received_on')
    .execute();
  return rows.map((r) => ({
    providerName: r.provider_name,
    providerAddress: r.provider_address,
    providerRepresentative: r.provider_representative,
    obtainedHow: r.obtained_how,
    receivedOn: r.received_on,
    items: r.items,
    keepUntil: r.keep_until,
  }));
}
