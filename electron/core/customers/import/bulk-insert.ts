// Writing an import's customers many rows per statement: 100,000 rows in seconds inside the call's one transaction.
//
// Why not insertCustomer (customers/store.ts) row by row: it costs five or six statements a row, about 2.6 ms a row
// on these machines (100,000 rows: over four minutes). Here each table gets one multi-row INSERT per slice of rows.
// What the store does to a row is done here the same way, with its own helpers (customerRowOf, normalisePhone,
// fieldsOf); the checks it makes (card numbers, taken customer numbers, purposes, dates) were made on every
// row before this runs (rows.ts, against-desk.ts). import-same-as-create.test.ts keeps the two paths equal.
// Both write through insertRows (one SQL text per table and row count, values bound flat), not Kysely's builder.
import type { Insertable, Kysely } from 'kysely';
import { v7 as timeOrderedUuid } from 'uuid';
import type { ParsedCustomerInput } from '../../../../src-shared/api/customer-input';
import type { CustomerTable, Database } from '../../db/schema';
import { localDay } from '../../dates';
import { currentPolicyVersion } from '../../purposes/store';
import { insertRows } from '../insert-rows';
import { gramsOfFields, writeDocuments, type IndexedFields, type SearchDocument } from '../search-documents';
import { childColumns, customerColumns, customerRowOf, fieldsOf, normalisePhone, type Actor } from '../store';

type Db = Kysely<Database>;

/** Customers prepared at a time: their rows go to insertRows, which splits them into statements. */
const sliceSize = 2000;
/** Customers prepared between two chances for the driver to send the next queued statement. */
const yieldEvery = 100;

const nfkc = (s: string) => s.normalize('NFKC').trim();

/**
 * Inserts the customers in order; returns their new ids in the same order. Run inside the caller's transaction.
 * With `searchRowids` (their places in the search index, found before: search-places.ts) each customer is written with
 * its row id, and its index document, made from the values being written, goes in with it (never read back).
 *
 * Two cores at work: while SQLite writes one slice's phones, e-mails, consents, history and index documents (the
 * driver runs them on its own threads; none of them depends on another), JavaScript prepares the next slice. The
 * next slice's customers wait for those writes, so a child row never meets a foreign key it cannot find.
 */
export async function insertCustomersInBulk(db: Db, inputs: ParsedCustomerInput[], actor: Actor, options: { searchRowids?: readonly number[] } = {}): Promise<string[]> {
  const policyVersion = await currentPolicyVersion(db, localDay(actor.now));
  const now = actor.now.toISOString();
  const ids: string[] = [];
  let children: Promise<unknown> = Promise.resolve();
  try {
    for (let start = 0; start < inputs.length; start += sliceSize) {
      const documents: SearchDocument[] = [];
      const slice = inputs.slice(start, start + sliceSize);
      const customers: Insertable<CustomerTable>[] = [];
      const phones: { customer_id: string; number: string; kind: string }[] = [];
      const emails: { customer_id: string; address: string; address_key: string }[] = [];
      const payments: { customer_id: string; brand: string; last4: string; expiry: string }[] = [];
      const consents: { customer_id: string; purpose_id: string; state: 'given' | 'withdrawn'; decided_on: string; channel: 'import'; policy_version: number; recorded_at: string }[] = [];
      const changes: { customer_id: string; at: string; actor_id: string | null; action: string; fields: string; request_id: string | null }[] = [];
      for (const [k, input] of slice.entries()) {
        // UUIDv7: ids that grow with time land at the end of the primary key and of every customer_id index, instead
        // of at random pages (random v4 ids made the inserts 4-5 times slower at 100,000 rows: 21 s against 4.6 s).
        const id = timeOrderedUuid();
        ids.push(id);
        const searchRowid = options.searchRowids?.[start + k] ?? null;
        const row = customerRowOf(input, { id, customerNo: nfkc(input.customerNo).toUpperCase(), receiptId: input.receiptId ?? null, now, searchRowid });
        customers.push(row);
        const numbers = input.phones.map((p) => normalisePhone(p.number));
        input.phones.forEach((p, i) => phones.push({ customer_id: id, number: numbers[i]!, kind: p.kind }));
        for (const e of input.emails) emails.push({ customer_id: id, address: e.address, address_key: e.address.toLowerCase() });
        if (searchRowid !== null) {
          documents.push({ customerId: id, searchRowid, grams: gramsOfFields(row as IndexedFields, numbers, input.emails.map((e) => e.address)) });
        }
        for (const p of input.paymentMethods) payments.push({ customer_id: id, brand: p.brand, last4: p.last4, expiry: p.expiry });
        for (const c of input.consents) {
          consents.push({ customer_id: id, purpose_id: c.purposeId, state: c.state, decided_on: c.on, channel: 'import', policy_version: c.policyVersion ?? policyVersion, recorded_at: now });
        }
        changes.push({ customer_id: id, at: now, actor_id: actor.accountId, action: 'create', fields: JSON.stringify(fieldsOf(input)), request_id: actor.requestId ?? null });
        // Kysely sends a transaction's statements one after another as each answers: now and then the loop lets the
        // queued writes of the slice before go out, instead of holding them until the whole slice is ready.
        if (k % yieldEvery === yieldEvery - 1) await new Promise((resolve) => setImmediate(resolve));
      }
      await children;
      await insertRows(db, 'customers', customerColumns, customers);
      children = Promise.all([
        insertRows(db, 'customer_phones', childColumns.customer_phones, phones),
        insertRows(db, 'customer_emails', childColumns.customer_emails, emails),
        insertRows(db, 'payment_methods', childColumns.payment_methods, payments),
        // The standing consent and its event, as writeConsent (consents/store.ts) records them.
        insertRows(db, 'consents', childColumns.consents, consents),
        insertRows(db, 'consent_events', childColumns.consent_events, consents.map((c) => ({ ...c, recorded_by: actor.accountId }))),
        insertRows(db, 'customer_changes', childColumns.customer_changes, changes),
        writeDocuments(db, documents),
      ]);
      // Marked handled at once: a failure is thrown by the next `await children`, never reported as unhandled meanwhile.
      children.catch(() => undefined);
    }
  } finally {
    // Nothing may still be writing when the caller's transaction commits or rolls back.
    await children.catch(() => undefined);
  }
  await children;
  return ids;
}

