// A correction proposal's field changes: checked as the customer schemas check them, compared with the record, applied.
import type { Kysely, Updateable } from 'kysely';
import type { z } from 'zod';
import { customerInput, emailAddress, phoneNumber } from '../../../src-shared/api/customer-input';
import type { CorrectableField, FieldChange, FieldValue } from '../../../src-shared/requests';
import { indexCustomer } from '../customers/search-index';
import { kanaKey } from '../customers/search-text';
import { normalisePhone, normalisePostalCode, recordChange, type Actor } from '../customers/store';
import { refuseCardNumbers } from '../customers/no-card-numbers';
import { localDay } from '../dates';
import type { CustomerTable, Database } from '../db/schema';
import { DeskError } from '../errors';

type Db = Kysely<Database>;
type ScalarField = Exclude<CorrectableField, 'phones' | 'emails'>;

const columns = {
  name: 'name',
  nameKana: 'name_kana',
  nameRomaji: 'name_romaji',
  birthDate: 'birth_date',
  postalCode: 'postal_code',
  prefecture: 'prefecture',
  city: 'city',
  addressLine1: 'address_line1',
  addressLine2: 'address_line2',
} as const satisfies Record<ScalarField, keyof CustomerTable>;

/** Fields a record may be without: clearing them is a change like any other. */
const clearable = new Set<CorrectableField>(['nameRomaji', 'birthDate', 'addressLine2']);
/** Fields the search index holds: a change re-indexes the record. */
const searched = new Set<CorrectableField>(['name', 'nameKana', 'nameRomaji', 'postalCode', 'phones', 'emails']);

const nfkc = (s: string) => s.normalize('NFKC').trim();

export type CurrentValues = Record<CorrectableField, FieldValue>;

/** The record's present values of every correctable field (phones and e-mails as lists, in their order) and its updated_at. */
export async function currentValues(db: Db, customerId: string): Promise<{ values: CurrentValues; updatedAt: string; customerNo: string }> {
  const c = await db.selectFrom('customers').selectAll().where('id', '=', customerId).executeTakeFirst();
  if (!c) throw new DeskError('NOT_FOUND', 'customer.notFound');
  const phones = await db.selectFrom('customer_phones').select('number').where('customer_id', '=', customerId).orderBy('id').execute();
  const emails = await db.selectFrom('customer_emails').select('address').where('customer_id', '=', customerId).orderBy('id').execute();
  const values = Object.fromEntries(Object.entries(columns).map(([field, column]) => [field, c[column]])) as CurrentValues;
  values.phones = phones.map((p) => p.number);
  values.emails = emails.map((e) => e.address);
  return { values, updatedAt: c.updated_at, customerNo: c.customer_no };
}

export function sameValue(a: FieldValue, b: FieldValue): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The zod issue's own i18n key, or a generic one when zod gave a sentence. */
function refused(issue: z.core.$ZodIssue | undefined, path: string): DeskError {
  const key = issue && !issue.message.includes(' ') ? issue.message : 'proposal.value';
  const inner = issue?.path.length ? `.${issue.path.join('.')}` : '';
  return new DeskError('VALIDATION', key, { path: `${path}${inner}` });
}

/** One new value, checked by the same rules as `customers.create` and normalised as `insertCustomer` stores it. */
function checkedValue(field: CorrectableField, to: FieldValue, path: string, today: string): FieldValue {
  if (field === 'phones' || field === 'emails') {
    if (!Array.isArray(to)) throw new DeskError('VALIDATION', 'proposal.listExpected', { path });
    const rule = field === 'phones' ? phoneNumber : emailAddress;
    const out: string[] = [];
    for (const [i, item] of to.entries()) {
      const parsed = rule.safeParse(item.trim());
      if (!parsed.success) throw refused(parsed.error.issues[0], `${path}.${i}`);
      out.push(field === 'phones' ? normalisePhone(parsed.data) : parsed.data);
    }
    if (out.length > 10) throw new DeskError('VALIDATION', 'tooLong', { path });
    return out;
  }
  if (Array.isArray(to)) throw new DeskError('VALIDATION', 'proposal.valueExpected', { path });
  if (to === null || to.trim() === '') {
    if (clearable.has(field)) return null;
    throw new DeskError('VALIDATION', 'required', { path });
  }
  const parsed = customerInput.shape[field].safeParse(to);
  if (!parsed.success) throw refused(parsed.error.issues[0], path);
  const value = parsed.data as string;
  switch (field) {
    case 'nameKana':
    case 'nameRomaji':
      return nfkc(value);
    case 'postalCode':
      return normalisePostalCode(value);
    case 'birthDate':
      if (value > today || value < '1900-01-01') throw new DeskError('VALIDATION', 'birthDate.range', { path });
      return value;
    default:
      return value;
  }
}

/**
 * The changes as they will be stored on the proposal: each new value checked and normalised, the old one taken from
 * the record. A change to the value the record already holds is refused: there would be nothing to decide.
 */
export function proposedChanges(requested: { field: CorrectableField; to: FieldValue }[], current: CurrentValues, now: Date): FieldChange[] {
  if (requested.length === 0) throw new DeskError('VALIDATION', 'proposal.changesRequired', { path: 'changes' });
  // Policy §2: the desk keeps no full card number, in a record or in a proposal to change one.
  refuseCardNumbers(requested, 'changes');
  const today = localDay(now);
  const seen = new Set<CorrectableField>();
  return requested.map(({ field, to }, i) => {
    if (seen.has(field)) throw new DeskError('VALIDATION', 'proposal.fieldTwice', { path: `changes.${i}.field`, field });
    seen.add(field);
    const value = checkedValue(field, to, `changes.${i}.to`, today);
    if (sameValue(value, current[field])) throw new DeskError('VALIDATION', 'proposal.noChange', { path: `changes.${i}.to`, field });
    return { field, from: current[field], to: value };
  });
}

export interface Difference {
  field: CorrectableField;
  proposed: FieldValue;
  current: FieldValue;
}

/**
 * What moved since the proposal: the fields whose value is no longer the one proposed against. When the record changed
 * elsewhere only (updated_at moved, these fields did not), every proposed field is listed so the officer still sees it.
 */
export function differences(changes: FieldChange[], current: CurrentValues, baseUpdatedAt: string | null, updatedAt: string): Difference[] {
  const moved = changes.filter((c) => !sameValue(c.from, current[c.field]));
  const list = moved.length > 0 || baseUpdatedAt === updatedAt ? moved : changes;
  return list.map((c) => ({ field: c.field, proposed: c.to, current: current[c.field] }));
}

/** Writes the approved changes: the record, its phone and e-mail lists, the search index and the change history. */
export async function applyChanges(db: Db, customerId: string, changes: FieldChange[], actor: Actor): Promise<void> {
  const now = actor.now.toISOString();
  const row: { [K in (typeof columns)[ScalarField] | 'kana_key' | 'updated_at']?: string | null } = { updated_at: now };
  for (const c of changes) {
    if (c.field === 'phones' || c.field === 'emails') continue;
    row[columns[c.field]] = c.to as string | null;
    if (c.field === 'nameKana') row.kana_key = kanaKey(c.to as string);
  }
  await db.updateTable('customers').set(row as Updateable<CustomerTable>).where('id', '=', customerId).execute();

  const phones = changes.find((c) => c.field === 'phones');
  if (phones) {
    // A number that stays keeps the kind it was entered with; a new one is marked `other` for staff to refine.
    const kinds = new Map((await db.selectFrom('customer_phones').select(['number', 'kind']).where('customer_id', '=', customerId).execute()).map((p) => [p.number, p.kind]));
    await db.deleteFrom('customer_phones').where('customer_id', '=', customerId).execute();
    const numbers = phones.to as string[];
    if (numbers.length) await db.insertInto('customer_phones').values(numbers.map((number) => ({ customer_id: customerId, number, kind: kinds.get(number) ?? 'other' }))).execute();
  }
  const emails = changes.find((c) => c.field === 'emails');
  if (emails) {
    await db.deleteFrom('customer_emails').where('customer_id', '=', customerId).execute();
    const addresses = emails.to as string[];
    if (addresses.length) await db.insertInto('customer_emails').values(addresses.map((address) => ({ customer_id: customerId, address, address_key: address.toLowerCase() }))).execute();
  }
  if (changes.some((c) => searched.has(c.field))) await indexCustomer(db, customerId);
  await recordChange(
    db,
    customerId,
    'correct',
    changes.map((c) => c.field),
    actor,
  );
}
