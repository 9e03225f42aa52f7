// The registers of issue #6 as both sides speak of them: partners, third-party provision, consents to provision,
// policy versions, leak incidents and retention (policy §2.1, §5.1, §8; APPI Art. 22, 25–30, 32).

/**
 * Partners of policy §2.1, outsourcees (APPI Art. 25), and public institutions (a court, the police) that data is
 * provided to under the policy's first exception. A partner may hold several roles.
 */
export const partnerRoles = ['informationProvider', 'advertiser', 'adDeliveryDestination', 'seller', 'serviceProvider', 'outsourcee', 'publicInstitution'] as const;
export type PartnerRole = (typeof partnerRoles)[number];

/** ISO 3166-1 alpha-2; `JP` is at home, anything else is a recipient abroad (APPI Art. 28). */
export const homeCountry = 'JP';

export interface Partner {
  id: string;
  name: string;
  address: string;
  representative: string;
  roles: PartnerRole[];
  country: string;
  contractFrom: string | null;
  contractTo: string | null;
  /** The security measures agreed in the contract (APPI Art. 25 supervision, Art. 28 equivalent measures abroad). */
  securityMeasures: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
  endedOn: string | null;
  /** Provision or receipt records refer to it: it can be ended, never deleted. */
  referenced: boolean;
  createdAt: string;
  updatedAt: string;
}

/**
 * A customer's consent to the provision of their data to a third party (APPI Art. 27(1)): to one partner, or to every
 * partner of a role; for a recipient abroad it must name the country (Art. 28(1)).
 */
export interface ProvisionConsent {
  id: string;
  partnerId: string | null;
  partnerRole: PartnerRole | null;
  /** Countries abroad the consent names; empty: only recipients in Japan. */
  countries: string[];
  givenOn: string;
  state: 'given' | 'withdrawn';
  withdrawnOn: string | null;
  policyVersion: number;
}

/**
 * Why data may be provided (policy §5.1): the customer's consent, or one of the policy's four exceptions, which need a
 * written justification and the officer's approval.
 */
export const provisionBases = ['consent', 'publicInstitution', 'specialLaw', 'protectLife', 'protectCompanyRights'] as const;
export type ProvisionBasis = (typeof provisionBases)[number];
export const provisionExceptions = ['publicInstitution', 'specialLaw', 'protectLife', 'protectCompanyRights'] as const;

/** Why a customer was left out of a provision: never silently included. */
export const provisionExclusionReasons = ['noConsent', 'countryNotNamed', 'cessationOfProvision', 'cessationOfUse', 'erased', 'unknownCustomer'] as const;
export type ProvisionExclusionReason = (typeof provisionExclusionReasons)[number];

export interface ProvisionCheck {
  included: { customerId: string; customerNo: string; consentId: string | null }[];
  excluded: { customerId: string | null; customerNo: string; reason: ProvisionExclusionReason }[];
}

export type ProvisionState = 'awaitingApproval' | 'recorded' | 'rejected';

/** A provision record (APPI Art. 29, rules Art. 20): the fact of consent or the exception, the recipient, the persons, the items, the date. */
export interface ProvisionRow {
  id: string;
  /** `P-2026-0001` */
  number: string;
  providedOn: string;
  /** A combined record for repeated provision under one contract (rules Art. 19(2)): the last day provided. */
  lastProvidedOn: string | null;
  combined: boolean;
  partnerId: string;
  partnerName: string;
  partnerCountry: string;
  items: string;
  basis: ProvisionBasis;
  state: ProvisionState;
  customerCount: number;
  excludedCount: number;
  keepUntil: string;
  recordedAt: string;
  recordedById: string;
  recordedByName: string | null;
}

export interface ProvisionDetail extends ProvisionRow {
  /** The written justification of an exception (policy §5.1); null for consent. */
  justification: string | null;
  customers: { customerId: string | null; customerNo: string; consentId: string | null }[];
  excluded: { customerNo: string; reason: ProvisionExclusionReason }[];
  decidedAt: string | null;
  decidedByName: string | null;
  rejectionReason: string | null;
}

/** The receipt register (APPI Art. 30) as a list: the records #4's imports and records made. */
export interface ReceiptRow {
  id: string;
  partnerId: string | null;
  providerName: string;
  receivedOn: string;
  items: string;
  keepUntil: string;
  customerCount: number;
}

export interface PolicyVersionText {
  version: number;
  textJa: string;
  textEn: string;
  postedOn: string;
  effectiveOn: string;
  recordedAt: string;
  recordedByName: string | null;
}

/** What leaked: the categories that decide whether the PPC must be told (APPI Art. 26, rules Art. 7). */
export const incidentDataCategories = [
  'specialCare', // special-care-required personal information: reportable whatever the number
  'financial', // data whose misuse may cause financial loss (card numbers, bank accounts): reportable even for one person
  'name',
  'contact',
  'address',
  'birthDate',
  'purchaseHistory',
  'credentials',
  'other',
] as const;
export type IncidentDataCategory = (typeof incidentDataCategories)[number];

/** Reportable for more than this many people whatever the data (rules Art. 7(iv)). */
export const reportablePeopleThreshold = 1000;
/** The preliminary report "promptly": the PPC's guidelines read about 3 to 5 days from discovery. */
export const preliminaryReportDays = { target: 3, latest: 5 } as const;
/** The final report within 30 days of discovery, 60 where an unlawful purpose is suspected (rules Art. 8(2)). */
export const finalReportDays = { normal: 30, unlawful: 60 } as const;

export type IncidentState = 'open' | 'closed';

export interface IncidentRow {
  id: string;
  /** `I-2026-0001` */
  number: string;
  discoveredAt: string;
  summary: string;
  categories: IncidentDataCategory[];
  peopleCount: number;
  unlawfulSuspected: boolean;
  reportable: boolean;
  /** Which rule makes it reportable (i18n keys under `incidents.reportableBecause.`); empty when not. */
  reportableBecause: string[];
  preliminaryDueOn: string | null;
  finalDueOn: string | null;
  preliminaryReportedAt: string | null;
  finalReportedAt: string | null;
  /** Whole days left to the next report due (negative when late); null when none is due. */
  daysToNextReport: number | null;
  state: IncidentState;
}

export interface IncidentDetail extends IncidentRow {
  occurredAt: string | null;
  cause: string;
  measures: string;
  people: { customerId: string | null; customerNo: string; notifiedAt: string | null }[];
  timeline: { at: string; actorName: string | null; kind: string; note: string | null }[];
  notices: { id: string; customerNo: string; recipient: string | null; subject: string; emlFile: string | null; createdAt: string }[];
}

/** The kinds of data a retention period is set for (APPI Art. 22: erase what is no longer needed, without delay). */
export const retentionKinds = ['inactiveCustomers', 'closedRequests', 'provisionRecords', 'receiptRecords'] as const;
export type RetentionKind = (typeof retentionKinds)[number];

export interface RetentionPeriod {
  kind: RetentionKind;
  /** Months; null: kept (not erased by the retention run). Provision and receipt records: the law's minimum applies on top. */
  months: number | null;
}

export interface RetentionPreview {
  id: string;
  createdAt: string;
  createdByName: string | null;
  /** How many of each kind would go; never who. */
  counts: Record<RetentionKind, number>;
  state: 'previewed' | 'run' | 'cancelled';
  runAt: string | null;
  runByName: string | null;
  erased: Record<RetentionKind, number> | null;
}
