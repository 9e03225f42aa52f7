// Reading customer records whole (for get and reveal) and as list rows (for search and the marketing list), unmasked:
// the handlers mask them for the caller's role (masking.ts).
import { sql, type Kysely } from 'kysely';
import type { CustomerRecord, CustomerRow, IdentifierKind } from '../../../src-shared/customers';
import type { Database } from '../db/schema';
import { DeskError } from '../errors';

type Db = Kysely<Database>;

/** The newest changes shown with a record; the audit trail holds every one. */
const historyLimit = 200;

export async function readCustomer(db: Db, id: string): Promise<CustomerRecord> {
  const c = await db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw new DeskError('NOT_FOUND', 'customer.notFound');
  const [phones, emails, payments, orders, identifiers, feedback, consents, cessations, changes] = await Promise.all([
    db.selectFrom('customer_phones').select(['number', 'kind']).where('customer_id', '=', id).orderBy('id').execute(),
    db.selectFrom('customer_emails').select('address').where('customer_id', '=', id).orderBy('id').execute(),
    db.selectFrom('payment_methods').select(['brand', 'last4', 'expiry']).where('customer_id', '=', id).orderBy('id').execute(),
    db.selectFrom('orders').select(['order_id', 'ordered_on', 'items', 'amount']).where('customer_id', '=', id).orderBy('ordered_on', 'desc').orderBy('id').execute(),
    db.selectFrom('online_identifiers').selectAll().where('customer_id', '=', id).orderBy('id').execute(),
    db.selectFrom('customer_feedback').selectAll().where('customer_id', '=', id).orderBy('received_on', 'desc').orderBy('id').execute(),
    db.selectFrom('consents').selectAll().where('customer_id', '=', id).orderBy('purpose_id').execute(),
    db.selectFrom('customer_cessations').selectAll().where('customer_id', '=', id).orderBy('id').execute(),
    // Who changed which fields, when, through which request: names of fields only, the values live in the record.
    db
      .selectFrom('customer_changes as h')
      .leftJoin('accounts as a', 'a.id', 'h.actor_id')
      .select(['h.at', 'h.actor_id', 'a.display_name', 'h.action', 'h.fields', 'h.request_id'])
      .where('h.customer_id', '=', id)
      .orderBy('h.id', 'desc')
      .limit(historyLimit)
      .execute(),
  ]);
  const receipt = c.receipt_id ? await db.selectFrom('receipts').selectAll().where('id', '=', c.receipt_id).executeTakeFirst() : undefined;
  return {
    id: c.id,
    customerNo: c.customer_no,
    name: c.name,
    nameKana: c.name_kana,
    nameRomaji: c.name_romaji,
    birthDate: c.birth_date,
    postalCode: c.postal_code,
    prefecture: c.prefecture,
    city: c.city,
    addressLine1: c.address_line1,
    addressLine2: c.address_line2,
    provenance: c.provenance,
    receipt: receipt
      ? {
          id: receipt.id,
          partnerId: receipt.partner_id,
          providerName: receipt.provider_name,
          providerAddress: receipt.provider_address,
          providerRepresentative: receipt.provider_representative,
          obtainedHow: receipt.obtained_how,
          receivedOn: receipt.received_on,
          items: receipt.items,
          keepUntil: receipt.keep_until,
        }
      : null,
    phones: phones.map((p) => ({ number: p.number, kind: p.kind })),
    emails: emails.map((e) => ({ address: e.address })),
    paymentMethods: payments.map((p) => ({ brand: p.brand, last4: p.last4, expiry: p.expiry })),
    orders: orders.map((o) => ({ orderId: o.order_id, orderedOn: o.ordered_on, items: o.items, amount: o.amount })),
    identifiers: identifiers.map((i) => ({ kind: i.kind as IdentifierKind, value: i.value, system: i.system, firstSeen: i.first_seen, lastSeen: i.last_seen })),
    feedback: feedback.map((f) => ({ kind: f.kind, receivedOn: f.received_on, subject: f.subject, text: f.text })),
    consents: consents.map((k) => ({ purposeId: k.purpose_id, state: k.state, on: k.decided_on, channel: k.channel, policyVersion: k.policy_version })),
    cessations: cessations.map((s) => ({ scope: s.scope, purposeId: s.purpose_id, since: s.since, requestId: s.request_id })),
    history: changes.map((h) => ({ at: h.at, actorId: h.actor_id, actorName: h.display_name ?? null, action: h.action, fields: JSON.parse(h.fields) as string[], requestId: h.request_id })),
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    masked: false,
  };
}

/** A list row as SQL gives it (listColumns), before masking. */
export interface ListRowSource {
  id: string;
  customer_no: string;
  name: string;
  name_kana: string;
  prefecture: string;
  city: string;
  phone: string | null;
  email: string | null;
}

/** The columns of a list row of customer `c`, with the first phone and e-mail of each (their customer_id indexes). */
export const listColumns = sql`c.id, c.customer_no, c.name, c.name_kana, c.prefecture, c.city,
  (select p.number from customer_phones p where p.customer_id = c.id order by p.id limit 1) as phone,
  (select e.address from customer_emails e where e.customer_id = c.id order by e.id limit 1) as email`;

export function listRowOf(r: ListRowSource): CustomerRow {
  return { id: r.id, customerNo: r.customer_no, name: r.name, nameKana: r.name_kana, area: `${r.prefecture}${r.city}`, phone: r.phone ?? null, email: r.email ?? null, masked: false };
}

/** List rows for ids, in the order given (the search's order), with the first phone and e-mail of each. */
export async function readRows(db: Db, ids: string[]): Promise<CustomerRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<ListRowSource>`select ${listColumns} from customers c where c.id in (${sql.join(ids)})`.execute(db);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [listRowOf(r)] : [];
  });
}
