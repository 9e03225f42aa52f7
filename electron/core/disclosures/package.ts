// What a disclosure package holds (APPI Art. 33, with the Art. 29/30 records): everything the desk keeps about the person.
import type { Kysely } from 'kysely';
import type { ConsentChannel, ConsentState, IdentifierKind, Provenance } from '../../../src-shared/customers';
import type { ManagerInCharge } from '../../../src-shared/domain';
import type { CessationScope, DisclosureForm, NoticeLanguage, RequestKind, RequestState } from '../../../src-shared/requests';
import { readCustomer } from '../customers/read';
import { localDay } from '../dates';
import type { Database } from '../db/schema';
import { provisionsAbout, receiptsAbout, type ProvisionAbout, type ReceiptAbout } from '../provisions/read';
import { currentPolicyVersion, purposesOf } from '../purposes/store';

type Db = Kysely<Database>;

/** Machine-readable (APPI Art. 33(1) asks for electronic records where the person wants them): codes stay codes. */
export interface DisclosureContent {
  format: 'privacy-office-desk/disclosure';
  formatVersion: 1;
  language: NoticeLanguage;
  request: { number: string; kind: RequestKind; receivedOn: string; form: DisclosureForm };
  preparedAt: string;
  preparedOn: string;
  /** The version of the privacy policy (and its purposes of use) in force when the package was made. */
  policyVersion: number;
  managerInCharge: ManagerInCharge;
  person: {
    customerNo: string;
    name: string;
    nameKana: string;
    nameRomaji: string | null;
    birthDate: string | null;
    postalCode: string;
    prefecture: string;
    city: string;
    addressLine1: string | null;
    addressLine2: string | null;
    provenance: Provenance;
    registeredAt: string;
    updatedAt: string;
  };
  phones: { number: string; kind: string }[];
  emails: { address: string }[];
  paymentMethods: { brand: string; last4: string; expiry: string }[];
  orders: { orderId: string; orderedOn: string; items: string; amount: number }[];
  onlineIdentifiers: { kind: IdentifierKind; value: string; system: string; firstSeen: string | null; lastSeen: string | null }[];
  feedback: { kind: string; receivedOn: string; subject: string | null; text: string }[];
  purposesOfUse: { id: string; title: string; description: string; optIn: boolean }[];
  consents: { purposeId: string; purposeTitle: string; state: ConsentState; on: string; channel: ConsentChannel; policyVersion: number }[];
  consentHistory: { purposeId: string; purposeTitle: string; state: ConsentState; on: string; channel: string; policyVersion: number; recordedAt: string }[];
  /** APPI Art. 30: how the data came from a third party, when it did (the first of `receiptRecords`, where format 1 had it). */
  receiptRecord: ReceiptAbout | null;
  /** APPI Art. 30: every record of receipt of the person's data. */
  receiptRecords: ReceiptAbout[];
  /** APPI Art. 29: the records of provision to third parties, with a sentence saying what they are (or that there are none). */
  provisionRecords: { records: ProvisionAbout[]; note: string };
  cessations: { scope: CessationScope; purposeId: string | null; purposeTitle: string | null; since: string }[];
  requests: { number: string; kind: RequestKind; receivedOn: string; state: RequestState; closedOn: string | null }[];
  /** Which fields of the record changed when; the desk keeps no earlier values. */
  changeHistory: { at: string; action: string; fields: string[] }[];
}

/** What the provision section says: the records the desk keeps about the person (provisions/read.ts), or that there are none. */
const provisionNote: Record<NoticeLanguage, { none: string; some: string }> = {
  ja: {
    none: 'お客様の個人データを第三者に提供した記録（個人情報の保護に関する法律第29条の第三者提供記録）は、記録されていません。',
    some: 'お客様の個人データを第三者に提供した記録（個人情報の保護に関する法律第29条の第三者提供記録）は、次のとおりです。',
  },
  en: {
    none: 'No records of provision to third parties of your personal data (Act on the Protection of Personal Information, Article 29) are kept.',
    some: 'The records of provision to third parties of your personal data (Act on the Protection of Personal Information, Article 29) are as follows.',
  },
};

export async function gatherDisclosure(
  db: Db,
  request: { id: string; number: string; kind: RequestKind; received_on: string; disclosure_form: DisclosureForm | null; customer_id: string },
  language: NoticeLanguage,
  manager: ManagerInCharge,
  now: Date,
): Promise<DisclosureContent> {
  const record = await readCustomer(db, request.customer_id);
  const policyVersion = await currentPolicyVersion(db, localDay(now));
  const purposes = await purposesOf(db, policyVersion);
  const allPurposes = await db.selectFrom('purposes').select(['policy_version', 'id', 'title_ja', 'title_en']).execute();
  const titles = new Map(allPurposes.map((p) => [`${p.policy_version}/${p.id}`, language === 'ja' ? p.title_ja : p.title_en]));
  const title = (version: number, id: string) => titles.get(`${version}/${id}`) ?? titles.get(`${policyVersion}/${id}`) ?? id;

  const [events, cessations, requests, changes, provisions, receipts] = await Promise.all([
    db.selectFrom('consent_events').selectAll().where('customer_id', '=', record.id).orderBy('id').execute(),
    db.selectFrom('customer_cessations').selectAll().where('customer_id', '=', record.id).orderBy('id').execute(),
    db.selectFrom('requests').select(['number', 'kind', 'received_on', 'state', 'closed_at']).where('customer_id', '=', record.id).orderBy('received_on').orderBy('number').execute(),
    // Every change, not only the newest the record's view shows.
    db.selectFrom('customer_changes').select(['at', 'action', 'fields']).where('customer_id', '=', record.id).orderBy('id').execute(),
    provisionsAbout(db, record.id),
    receiptsAbout(db, record.id),
  ]);

  return {
    format: 'privacy-office-desk/disclosure',
    formatVersion: 1,
    language,
    request: { number: request.number, kind: request.kind, receivedOn: request.received_on, form: request.disclosure_form ?? 'electronic' },
    preparedAt: now.toISOString(),
    preparedOn: localDay(now),
    policyVersion,
    managerInCharge: { name: manager.name, title: manager.title, email: manager.email, phone: manager.phone },
    person: {
      customerNo: record.customerNo,
      name: record.name,
      nameKana: record.nameKana,
      nameRomaji: record.nameRomaji,
      birthDate: record.birthDate,
      postalCode: record.postalCode,
      prefecture: record.prefecture,
      city: record.city,
      addressLine1: record.addressLine1,
      addressLine2: record.addressLine2,
      provenance: record.provenance,
      registeredAt: record.createdAt,
      updatedAt: record.updatedAt,
    },
    phones: record.phones,
    emails: record.emails,
    paymentMethods: record.paymentMethods,
    orders: record.orders,
    onlineIdentifiers: record.identifiers,
    feedback: record.feedback,
    purposesOfUse: purposes.map((p) => ({
      id: p.id,
      title: language === 'ja' ? p.titleJa : p.titleEn,
      description: language === 'ja' ? p.descriptionJa : p.descriptionEn,
      optIn: p.optIn,
    })),
    consents: record.consents.map((c) => ({ purposeId: c.purposeId, purposeTitle: title(c.policyVersion, c.purposeId), state: c.state, on: c.on, channel: c.channel, policyVersion: c.policyVersion })),
    consentHistory: events.map((e) => ({
      purposeId: e.purpose_id,
      purposeTitle: title(e.policy_version, e.purpose_id),
      state: e.state,
      on: e.decided_on,
      channel: e.channel,
      policyVersion: e.policy_version,
      recordedAt: e.recorded_at,
    })),
    receiptRecord: receipts[0] ?? null,
    receiptRecords: receipts,
    provisionRecords: { records: provisions, note: provisionNote[language][provisions.length > 0 ? 'some' : 'none'] },
    cessations: cessations.map((c) => ({ scope: c.scope, purposeId: c.purpose_id, purposeTitle: c.purpose_id ? title(policyVersion, c.purpose_id) : null, since: c.since })),
    requests: requests.map((r) => ({ number: r.number, kind: r.kind, receivedOn: r.received_on, state: r.state, closedOn: r.closed_at ? localDay(new Date(r.closed_at)) : null })),
    // The names of the staff who made the changes are the company's, not the person's.
    changeHistory: changes.map((h) => ({ at: h.at, action: h.action, fields: JSON.parse(h.fields) as string[] })),
  };
}
