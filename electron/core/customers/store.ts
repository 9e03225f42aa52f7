// Writing customer records: the one insert path (customers.create, the CSV import, the demo seeder) and the duplicate check.
//
// CONTRACT for the import (electron/core/customers/import/):
// - `insertReceipt(db, receipt, actor)` once per partner file → receipt id; then each row with `provenance: 'partner',
//   receiptId` (APPI Art. 30: one receipt record for what one provider handed over on one day).
// - `insertCustomer(db, parsed, actor, { index })` with a row already parsed by `customerInput` (src-shared/api/
//   customer-input.ts). Call it with the router's transaction (`ctx.db`): never begin a transaction of your own.
//   It normalises (NFKC digits and kana, postal code `NNN-NNNN`), refuses a card number anywhere (VALIDATION
//   `card.number`, details `{ path }` only), an impossible or future date of birth (`birthDate.range`), a taken
//   customer number (CONFLICT `customer.numberTaken`), an unknown purpose or receipt; writes the children, consents
//   and a change-history row (field names only); and indexes the record for search unless `index: false`.
// - For thousands of rows use `insertCustomers(db, parsedRows, actor, { index: false })` in batches (~1,000): the same
//   checks, all made before anything is written, and a refusal names the batch index too (details `{ row, path }`);
//   then call `rebuildSearchIndex(db)` (search-index.ts) once at the end.
// - `findPossibleDuplicates(db, { emails, nameKana, birthDate })` lists existing customers with the same e-mail, or
//   the same reading and date of birth, to flag for review; it never merges.
// - Errors are DeskErrors whose details hold paths and codes, never values: safe for a rejected-rows reason column.
import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import { v7 as timeOrderedUuid } from 'uuid';
import type { ParsedCustomerInput, ReceiptInput } from '../../../src-shared/api/customer-input';
import { addYears, localDay } from '../dates';
import type { CustomerTable, Database } from '../db/schema';
import { DeskError } from '../errors';
import { currentPolicyVersion } from '../purposes/store';
import { refuseCardNumbers } from './no-card-numbers';
import { insertRows } from './insert-rows';
import { indexCustomer } from './search-index';
import { kanaKey } from './search-text';

export interface Actor {
  /** The account doing it; null for the seeder. */
  accountId: string | null;
  now: Date;
  /** The request (issue #5) the change comes through, for the change history. */
  requestId?: string | null;
}

type Db = Kysely<Database>;

const nfkc = (s: string) => s.normalize('NFKC').trim();
/** The dashes people type in numbers, folded to one hyphen. */
const dashes = /[‐‑‒–—―−ー－]/g;

function chunks<T>(items: T[], size = 200): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function normalisePostalCode(raw: string): string {
  const digits = nfkc(raw).replace(/\D/g, '');
  return `${digits.slice(0, 3)}-${digits.slice(3)}`;
}

export function normalisePhone(raw: string): string {
  return nfkc(raw).replace(dashes, '-').replace(/\s+/g, '-');
}

/** Written once per partner hand-over; kept at least 3 years from receipt (APPI Art. 30(4)). */
export async function insertReceipt(db: Db, receipt: ReceiptInput, actor: Actor): Promise<string> {
  refuseCardNumbers(receipt, 'receipt');
  if (receipt.receivedOn > localDay(actor.now)) throw new DeskError('VALIDATION', 'receipt.inFuture', { path: 'receipt.receivedOn' });
  const id = randomUUID();
  await db
    .insertInto('receipts')
    .values({
      id,
      partner_id: receipt.partnerId ?? null,
      provider_name: receipt.providerName,
      provider_address: receipt.providerAddress,
      provider_representative: receipt.providerRepresentative,
      obtained_how: receipt.obtainedHow,
      received_on: receipt.receivedOn,
      items: receipt.items,
      keep_until: addYears(receipt.receivedOn, 3),
      recorded_at: actor.now.toISOString(),
      recorded_by: actor.accountId,
    })
    .execute();
  return id;
}

/** The field names a record was created with, for the audit event and the change history (never values). */
export function fieldsOf(input: ParsedCustomerInput): string[] {
  const fields = ['customerNo', 'name', 'nameKana', 'postalCode', 'prefecture', 'city', 'addressLine1', 'provenance'];
  if (input.nameRomaji) fields.push('nameRomaji');
  if (input.birthDate) fields.push('birthDate');
  if (input.addressLine2) fields.push('addressLine2');
  if (input.receiptId || input.receipt) fields.push('receipt');
  for (const key of ['phones', 'emails', 'paymentMethods', 'orders', 'identifiers', 'feedback', 'consents'] as const) {
    if (input[key].length > 0) fields.push(key);
  }
  return fields;
}

export async function insertCustomer(db: Db, input: ParsedCustomerInput, actor: Actor, options: { index?: boolean } = {}): Promise<{ id: string; fields: string[] }> {
  const [created] = await insertCustomers(db, [input], actor, options);
  return created!;
}

/** A refusal of one input of a batch: the single-record path names only the field, a batch also the input's index. */
function refusal(code: 'VALIDATION' | 'CONFLICT', key: string, batch: boolean, row: number, details: Record<string, unknown>): DeskError {
  return new DeskError(code, key, batch ? { row, ...details } : details);
}

/** Where an input goes in kana order: its reading folded as the list sorts it, and its customer number as stored. */
export function kanaPlaceOf(input: ParsedCustomerInput): { kanaKey: string; customerNo: string } {
  return { kanaKey: kanaKey(nfkc(input.nameKana)), customerNo: nfkc(input.customerNo).toUpperCase() };
}

/** The customers row of an input, as both the single-record path and the import write it. */
export function customerRowOf(input: ParsedCustomerInput, at: { id: string; customerNo: string; receiptId: string | null; now: string; searchRowid?: number | null }): Insertable<CustomerTable> {
  const nameKana = nfkc(input.nameKana);
  return {
    id: at.id,
    customer_no: at.customerNo,
    // The name and address are kept as written: NFKC would change ㈱, ① and some kanji of people's names.
    name: input.name,
    name_kana: nameKana,
    name_romaji: input.nameRomaji ? nfkc(input.nameRomaji) : null,
    birth_date: input.birthDate ?? null,
    postal_code: normalisePostalCode(input.postalCode),
    prefecture: input.prefecture,
    city: input.city,
    address_line1: input.addressLine1,
    address_line2: input.addressLine2 || null,
    provenance: input.provenance,
    receipt_id: at.receiptId,
    kana_key: kanaKey(nameKana),
    search_rowid: at.searchRowid ?? null,
    created_at: at.now,
    updated_at: at.now,
  };
}

/** The same as insertCustomer for many records at once: a few multi-row statements per batch instead of ~20 per record. */
export async function insertCustomers(db: Db, inputs: ParsedCustomerInput[], actor: Actor, options: { index?: boolean } = {}): Promise<{ id: string; fields: string[] }[]> {
  const batch = inputs.length > 1;
  const today = localDay(actor.now);
  const policyVersion = await currentPolicyVersion(db, today);
  const purposes = new Map<number, Set<string>>();
  const purposesOfVersion = async (version: number) => {
    if (!purposes.has(version)) purposes.set(version, new Set((await db.selectFrom('purposes').select('id').where('policy_version', '=', version).execute()).map((p) => p.id)));
    return purposes.get(version)!;
  };

  // Check everything before writing anything: a refused record leaves no trace, not even a receipt.
  const numbers = inputs.map((input) => nfkc(input.customerNo).toUpperCase());
  for (const [row, input] of inputs.entries()) {
    try {
      refuseCardNumbers(input);
    } catch (err) {
      throw batch && err instanceof DeskError ? refusal('VALIDATION', err.key, true, row, err.details ?? {}) : err;
    }
    if (input.birthDate && (input.birthDate > today || input.birthDate < '1900-01-01')) throw refusal('VALIDATION', 'birthDate.range', batch, row, { path: 'birthDate' });
    for (const [i, o] of input.orders.entries()) if (o.orderedOn > today) throw refusal('VALIDATION', 'date.inFuture', batch, row, { path: `orders.${i}.orderedOn` });
    const seen = new Set<string>();
    for (const [i, c] of input.consents.entries()) {
      if (seen.has(c.purposeId)) throw refusal('VALIDATION', 'consent.twice', batch, row, { path: `consents.${i}.purposeId` });
      seen.add(c.purposeId);
      if (!(await purposesOfVersion(c.policyVersion ?? policyVersion)).has(c.purposeId)) throw refusal('VALIDATION', 'purpose.unknown', batch, row, { path: `consents.${i}.purposeId`, purposeId: c.purposeId });
      if (c.on > today) throw refusal('VALIDATION', 'consent.inFuture', batch, row, { path: `consents.${i}.on` });
    }
    const twin = numbers.indexOf(numbers[row]!);
    if (twin !== row) throw refusal('CONFLICT', 'customer.numberTwice', batch, row, { path: 'customerNo', otherRow: twin });
  }
  for (const chunk of chunks(numbers, 500)) {
    const taken = await db.selectFrom('customers').select(['id', 'customer_no']).where('customer_no', 'in', chunk).executeTakeFirst();
    if (taken) throw refusal('CONFLICT', 'customer.numberTaken', batch, numbers.indexOf(taken.customer_no), { path: 'customerNo', id: taken.id });
  }
  const knownReceipts = [...new Set(inputs.map((i) => i.receiptId).filter((r) => r !== undefined))];
  if (knownReceipts.length) {
    const found = new Set((await db.selectFrom('receipts').select('id').where('id', 'in', knownReceipts).execute()).map((r) => r.id));
    const row = inputs.findIndex((i) => i.receiptId !== undefined && !found.has(i.receiptId));
    if (row >= 0) throw refusal('VALIDATION', 'receipt.unknown', batch, row, { path: 'receiptId' });
  }

  const now = actor.now.toISOString();
  // UUIDv7: ids that grow with time land at the end of the primary key and of every customer_id index. Random v4 ids
  // land on random pages of indexes that outgrow the page cache: a 1,000,000-customer seed slowed from 2.6 s to over
  // 25 s per 10,000 customers before it was half done.
  const created = inputs.map((input) => ({ id: timeOrderedUuid(), fields: fieldsOf(input) }));
  const customerRows = [];
  for (const [row, input] of inputs.entries()) {
    const receiptId = input.receiptId ?? (input.receipt ? await insertReceipt(db, input.receipt, actor) : null);
    customerRows.push(customerRowOf(input, { id: created[row]!.id, customerNo: numbers[row]!, receiptId, now }));
  }
  const each = <T>(pick: (input: ParsedCustomerInput) => T[], map: (item: T, customer_id: string) => Record<string, unknown>) =>
    inputs.flatMap((input, row) => pick(input).map((item) => map(item, created[row]!.id)));
  await insertRows(db, 'customers', customerColumns, customerRows);
  await insertRows(db, 'customer_phones', childColumns.customer_phones, each((i) => i.phones, (p, customer_id) => ({ customer_id, number: normalisePhone(p.number), kind: p.kind })));
  await insertRows(db, 'customer_emails', childColumns.customer_emails, each((i) => i.emails, (e, customer_id) => ({ customer_id, address: e.address, address_key: e.address.toLowerCase() })));
  await insertRows(db, 'payment_methods', childColumns.payment_methods, each((i) => i.paymentMethods, (p, customer_id) => ({ customer_id, brand: p.brand, last4: p.last4, expiry: p.expiry })));
  await insertRows(db, 'orders', childColumns.orders, each((i) => i.orders, (o, customer_id) => ({ customer_id, order_id: nfkc(o.orderId), ordered_on: o.orderedOn, items: o.items, amount: o.amount })));
  await insertRows(db, 'online_identifiers', childColumns.online_identifiers, each((i) => i.identifiers, (o, customer_id) => ({ customer_id, kind: o.kind, value: o.value, system: o.system, first_seen: o.firstSeen ?? null, last_seen: o.lastSeen ?? null })));
  await insertRows(db, 'customer_feedback', childColumns.customer_feedback, each((i) => i.feedback, (f, customer_id) => ({ customer_id, kind: f.kind, received_on: f.receivedOn, subject: f.subject || null, text: f.text })));
  const consents = each((i) => i.consents, (c, customer_id) => ({ customer_id, purpose_id: c.purposeId, state: c.state, decided_on: c.on, channel: c.channel, policy_version: c.policyVersion ?? policyVersion, recorded_at: now, recorded_by: actor.accountId }));
  await insertRows(db, 'consents', childColumns.consents, consents);
  await insertRows(db, 'consent_events', childColumns.consent_events, consents);
  await insertRows(db, 'customer_changes', childColumns.customer_changes, created.map((c) => ({ customer_id: c.id, at: now, actor_id: actor.accountId, action: 'create', fields: JSON.stringify(c.fields), request_id: actor.requestId ?? null })));
  if (options.index !== false) for (const c of created) await indexCustomer(db, c.id);
  return created;
}

/** The columns each table of a record is written with (insertRows). */
export const customerColumns = [
  'id', 'customer_no', 'name', 'name_kana', 'name_romaji', 'birth_date', 'postal_code', 'prefecture', 'city', 'address_line1', 'address_line2',
  'provenance', 'receipt_id', 'kana_key', 'search_rowid', 'created_at', 'updated_at',
] as const;
export const childColumns = {
  customer_phones: ['customer_id', 'number', 'kind'],
  customer_emails: ['customer_id', 'address', 'address_key'],
  payment_methods: ['customer_id', 'brand', 'last4', 'expiry'],
  orders: ['customer_id', 'order_id', 'ordered_on', 'items', 'amount'],
  online_identifiers: ['customer_id', 'kind', 'value', 'system', 'first_seen', 'last_seen'],
  customer_feedback: ['customer_id', 'kind', 'received_on', 'subject', 'text'],
  // The standing consent and its event, as writeConsent (consents/store.ts) records them.
  consents: ['customer_id', 'purpose_id', 'state', 'decided_on', 'channel', 'policy_version', 'recorded_at'],
  consent_events: ['customer_id', 'purpose_id', 'state', 'decided_on', 'channel', 'policy_version', 'recorded_at', 'recorded_by'],
  customer_changes: ['customer_id', 'at', 'actor_id', 'action', 'fields', 'request_id'],
} as const;

/** The change history: who, when, which fields, through which request; the values stay in the record only. */
export async function recordChange(db: Db, customerId: string, action: string, fields: string[], actor: Actor): Promise<void> {
  await db
    .insertInto('customer_changes')
    .values({ customer_id: customerId, at: actor.now.toISOString(), actor_id: actor.accountId, action, fields: JSON.stringify(fields), request_id: actor.requestId ?? null })
    .execute();
}

export interface PossibleDuplicate {
  id: string;
  customerNo: string;
  /** Why it may be the same person. */
  reasons: ('email' | 'readingAndBirthDate')[];
}

/** Existing customers who may be the same person: the same e-mail (any case), or the same reading and date of birth. */
export async function findPossibleDuplicates(db: Db, probe: { emails?: string[]; nameKana?: string; birthDate?: string | null }): Promise<PossibleDuplicate[]> {
  const found = new Map<string, PossibleDuplicate>();
  const add = (id: string, customerNo: string, reason: PossibleDuplicate['reasons'][number]) => {
    const known = found.get(id) ?? { id, customerNo, reasons: [] };
    if (!known.reasons.includes(reason)) known.reasons.push(reason);
    found.set(id, known);
  };
  const keys = (probe.emails ?? []).map((e) => e.trim().toLowerCase()).filter((e) => e !== '');
  if (keys.length) {
    const rows = await db
      .selectFrom('customer_emails as e')
      .innerJoin('customers as c', 'c.id', 'e.customer_id')
      .select(['c.id', 'c.customer_no'])
      .where('e.address_key', 'in', keys)
      .execute();
    for (const r of rows) add(r.id, r.customer_no, 'email');
  }
  if (probe.nameKana && probe.birthDate) {
    const rows = await db
      .selectFrom('customers')
      .select(['id', 'customer_no'])
      .where('kana_key', '=', kanaKey(probe.nameKana))
      .where('birth_date', '=', probe.birthDate)
      .execute();
    for (const r of rows) add(r.id, r.customer_no, 'readingAndBirthDate');
  }
  return [...found.values()];
}
