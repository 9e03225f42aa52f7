// The consent check of a provision, per customer (policy §5.1, APPI Art. 27–28, 35): who may be provided, who is left out and why.
import type { Kysely } from 'kysely';
import { homeCountry, type PartnerRole, type ProvisionBasis, type ProvisionCheck, type ProvisionExclusionReason } from '../../../src-shared/registers';
import type { Database } from '../db/schema';
import { loadPartner } from '../partners/store';

type Db = Kysely<Database>;

export interface ProvisionRequest {
  partnerId: string;
  basis: ProvisionBasis;
  customerIds: string[];
  customerNos: string[];
}

/** SQLite bounds the parameters of one statement; 500 ids a query keeps every statement small and the work set-based. */
const chunkSize = 500;

export function chunks<T>(items: T[], size = chunkSize): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Customer numbers are stored NFKC and upper case (customers/store.ts): an imported list is read the same way. */
export const normaliseCustomerNo = (raw: string): string => raw.normalize('NFKC').trim().toUpperCase();

/** What the check needs of the recipient: its roles (a consent may name a role) and its country (Art. 28). */
export async function recipientOf(db: Db, partnerId: string): Promise<{ id: string; name: string; country: string; roles: PartnerRole[] }> {
  // NOT_FOUND `partner.notFound` comes from the partner register itself.
  const row = await loadPartner(db, partnerId);
  return { id: row.id, name: row.name, country: row.country.toUpperCase(), roles: JSON.parse(row.roles) as PartnerRole[] };
}

interface Candidate {
  customerId: string;
  customerNo: string;
}

/**
 * Decides, for each customer asked for, whether the provision may include them, as of `onDay` (the provision date).
 * Unknown ids and numbers are listed as `unknownCustomer` (an erased customer's id as `erased`), the same customer
 * asked for twice (by id and by number) counts once, and nobody is ever included silently: every customer asked for
 * ends up in exactly one of the two lists, in the order asked.
 */
export async function checkProvision(db: Db, request: ProvisionRequest, onDay: string): Promise<ProvisionCheck> {
  const partner = await recipientOf(db, request.partnerId);
  const excluded: ProvisionCheck['excluded'] = [];
  const excludedNos = new Set<string>();
  const exclude = (customerId: string | null, customerNo: string, reason: ProvisionExclusionReason) => {
    if (excludedNos.has(customerNo)) return;
    excludedNos.add(customerNo);
    excluded.push({ customerId, customerNo, reason });
  };

  // Resolve ids and numbers to customers, one query per chunk, keeping the order asked and folding repeats.
  const candidates = new Map<string, Candidate>();
  const ids = [...new Set(request.customerIds)];
  for (const chunk of chunks(ids)) {
    const found = new Map((await db.selectFrom('customers').select(['id', 'customer_no']).where('id', 'in', chunk).execute()).map((c) => [c.id, c.customer_no]));
    const missing = chunk.filter((id) => !found.has(id));
    const erased = new Set(
      missing.length ? (await db.selectFrom('customer_tombstones').select('customer_id').where('customer_id', 'in', missing).execute()).map((t) => t.customer_id) : [],
    );
    for (const id of chunk) {
      const customerNo = found.get(id);
      // An id that names no customer has no number: the id itself stands in, so the exclusion can be listed and kept.
      if (customerNo === undefined) exclude(null, id, erased.has(id) ? 'erased' : 'unknownCustomer');
      else if (!candidates.has(id)) candidates.set(id, { customerId: id, customerNo });
    }
  }
  const numbers = [...new Set(request.customerNos.map(normaliseCustomerNo).filter((n) => n !== ''))];
  for (const chunk of chunks(numbers)) {
    const found = new Map((await db.selectFrom('customers').select(['id', 'customer_no']).where('customer_no', 'in', chunk).execute()).map((c) => [c.customer_no, c.id]));
    for (const customerNo of chunk) {
      const id = found.get(customerNo);
      if (id === undefined) exclude(null, customerNo, 'unknownCustomer');
      else if (!candidates.has(id)) candidates.set(id, { customerId: id, customerNo });
    }
  }

  const byConsent = request.basis === 'consent';
  const abroad = partner.country !== homeCountry;
  const included: ProvisionCheck['included'] = [];
  for (const chunk of chunks([...candidates.values()])) {
    const chunkIds = chunk.map((c) => c.customerId);
    const ceased = new Map<string, 'use' | 'provision'>();
    // Under one of the policy's four exceptions the law lets the company provide without consent (APPI Art. 27(1)),
    // and the person's right to stop provision covers provision in breach of Art. 27(1) or 28 only (Art. 35(3)): a
    // court order or a request under a law binds the company whatever the person asked. So a cessation excludes
    // under consent, not under an exception; the officer's approval of the exception is the safeguard there.
    if (byConsent) {
      const rows = await db.selectFrom('customer_cessations').select(['customer_id', 'scope']).where('customer_id', 'in', chunkIds).where('scope', 'in', ['use', 'provision']).execute();
      // A cessation of all use covers provision too, and is named as what the person asked for.
      for (const r of rows) if (r.scope === 'use' || !ceased.has(r.customer_id)) ceased.set(r.customer_id, r.scope as 'use' | 'provision');
    }
    const consents = new Map<string, { id: string; specific: boolean; givenOn: string; countries: string[] }[]>();
    if (byConsent) {
      const rows = await db
        .selectFrom('provision_consents')
        .select(['id', 'customer_id', 'partner_id', 'countries', 'given_on'])
        .where('customer_id', 'in', chunkIds)
        .where('state', '=', 'given')
        .where('given_on', '<=', onDay)
        .where((eb) => eb.or([eb('partner_id', '=', partner.id), eb('partner_role', 'in', partner.roles)]))
        .execute();
      for (const r of rows) {
        const list = consents.get(r.customer_id) ?? [];
        list.push({ id: r.id, specific: r.partner_id === partner.id, givenOn: r.given_on, countries: JSON.parse(r.countries) as string[] });
        consents.set(r.customer_id, list);
      }
    }
    for (const c of chunk) {
      if (!byConsent) {
        included.push({ customerId: c.customerId, customerNo: c.customerNo, consentId: null });
        continue;
      }
      const cessation = ceased.get(c.customerId);
      if (cessation) {
        exclude(c.customerId, c.customerNo, cessation === 'use' ? 'cessationOfUse' : 'cessationOfProvision');
        continue;
      }
      const matching = consents.get(c.customerId) ?? [];
      // APPI Art. 28(1): a recipient abroad needs a consent that names its country.
      const usable = abroad ? matching.filter((m) => m.countries.includes(partner.country)) : matching;
      if (usable.length === 0) {
        exclude(c.customerId, c.customerNo, matching.length > 0 ? 'countryNotNamed' : 'noConsent');
        continue;
      }
      // The record names the consent relied on: one naming this partner before one naming its role, then the newest.
      usable.sort((a, b) => Number(b.specific) - Number(a.specific) || b.givenOn.localeCompare(a.givenOn));
      included.push({ customerId: c.customerId, customerNo: c.customerNo, consentId: usable[0]!.id });
    }
  }
  return { included, excluded };
}

/** How many were left out for each reason: what the audit event and the refusal carry, never who. */
export function exclusionCounts(check: ProvisionCheck): Partial<Record<ProvisionExclusionReason, number>> {
  const counts: Partial<Record<ProvisionExclusionReason, number>> = {};
  for (const e of check.excluded) counts[e.reason] = (counts[e.reason] ?? 0) + 1;
  return counts;
}
