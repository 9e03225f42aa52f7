// The personal information ledger (個人情報管理台帳) and its risk assessments (issue #10, JIS Q 15001): the contract.
import { z } from 'zod';
import { day } from './customer-input';
import { area, method, type } from './method';
import { saveTo } from './save-target';

/** Where the data is kept: in a system, on paper, or with a cloud service (the storage column of the ledger). */
export const ledgerStorageKinds = ['system', 'paper', 'cloud'] as const;
export type LedgerStorageKind = (typeof ledgerStorageKinds)[number];

/**
 * The desk's own tables an entry may take its count of people from, live: an entry kept in the desk never has a typed
 * count that drifts from the data (issue #10). Each is one honest query (electron/core/ledger/sources.ts).
 */
export const ledgerSources = ['customers', 'customersWithOrders', 'requesters', 'idCopies', 'accounts', 'partnerContacts'] as const;
export type LedgerSource = (typeof ledgerSources)[number];

/** JIS Q 15001's threats to personal information: leak, loss, damage, falsification, unauthorised access, misuse. */
export const riskThreats = ['leak', 'loss', 'damage', 'falsification', 'unauthorizedAccess', 'misuse'] as const;
export type RiskThreat = (typeof riskThreats)[number];

export const residualRisks = ['low', 'medium', 'high'] as const;
export type ResidualRisk = (typeof residualRisks)[number];

/** Likelihood and impact are rated 1 (low) to 3 (high); the score is their product, 1 to 9. */
export const riskRating = { min: 1, max: 3 } as const;
/** The score's level as the office reads it: 1–2 low, 3–4 medium, 6–9 high. */
export function scoreLevel(score: number): ResidualRisk {
  return score >= 6 ? 'high' : score >= 3 ? 'medium' : 'low';
}

/** JIS Q 15001 asks that the ledger be reviewed at least once a year. */
export const reviewIntervalMonths = 12;
/** "Due soon" on the home screen and the list: the review falls due within 30 days. */
export const reviewDueSoonDays = 30;

/** The list's filters; the home screen's counts open the list with `overdue` and `awaitingApproval`. */
export const ledgerShows = ['current', 'overdue', 'dueSoon', 'awaitingApproval', 'retired', 'all'] as const;
export type LedgerShow = (typeof ledgerShows)[number];

export interface LedgerCount {
  /** The desk's table the count comes from; null when the officer typed it. */
  source: LedgerSource | null;
  people: number;
  /** Counted now (an instant) for a desk source; the day the officer counted for a typed one. */
  asOf: string;
}

export interface LedgerReview {
  /** The day the next yearly review falls due. */
  dueOn: string;
  overdue: boolean;
  dueSoon: boolean;
  /** What `dueOn` counts from: the last confirmation in the desk, a review on paper before the desk, or the entry's registration. */
  basis: 'confirmed' | 'paper' | 'registered';
  lastConfirmedAt: string | null;
  lastConfirmedByName: string | null;
  /** A review done on paper before the desk kept the ledger, entered when the entry was registered. */
  paperReviewedOn: string | null;
  paperReviewedBy: string | null;
}

export type RiskState = 'none' | 'awaitingApproval' | 'approved';

export interface LedgerRiskSummary {
  state: RiskState;
  /** Of the newest assessment (the one awaiting approval, or the approved one). */
  score: number | null;
  residual: ResidualRisk | null;
  /** When the assessment in force was approved; an entry awaiting a new approval keeps the older one in force. */
  approvedAt: string | null;
}

export interface LedgerRow {
  id: string;
  /** `L-001`: the ledger's management number, in order of registration. */
  number: string;
  name: string;
  department: string;
  responsible: string;
  storageKind: LedgerStorageKind;
  disclosable: boolean;
  specialCare: boolean;
  count: LedgerCount;
  review: LedgerReview;
  risk: LedgerRiskSummary;
  retiredOn: string | null;
  /** Changed since its last confirmation: the next review should look at it. */
  changedSinceConfirmed: boolean;
  updatedAt: string;
}

export interface RiskAssessment {
  id: string;
  /** 1, 2, 3… per entry: older assessments are kept as history. */
  version: number;
  threats: RiskThreat[];
  threatNotes: string | null;
  likelihood: number;
  impact: number;
  score: number;
  measures: string;
  residual: ResidualRisk;
  /** `superseded`: replaced by a newer draft before it was approved. */
  state: 'awaitingApproval' | 'approved' | 'superseded';
  draftedAt: string;
  draftedByName: string | null;
  approvedAt: string | null;
  approvedByName: string | null;
}

export interface LedgerPartnerRef {
  id: string;
  name: string;
  country: string;
  endedOn: string | null;
}

export interface LedgerEntry extends LedgerRow {
  items: string[];
  purposes: { id: string; titleJa: string; titleEn: string }[];
  otherPurposes: string | null;
  obtainedHow: string;
  storagePlace: string;
  access: string;
  retention: string;
  disposal: string;
  outsourcees: LedgerPartnerRef[];
  recipients: LedgerPartnerRef[];
  /** Newest first. */
  confirmations: { at: string; byName: string | null; note: string | null }[];
  /** Newest first. */
  assessments: RiskAssessment[];
  retiredReason: string | null;
  retiredByName: string | null;
  createdAt: string;
  createdByName: string | null;
}

export interface LedgerCounts {
  current: number;
  overdue: number;
  dueSoon: number;
  awaitingApproval: number;
  retired: number;
}

const id = z.uuid({ message: 'id.format' });
const text = (max: number) => z.string().trim().min(1, { message: 'required' }).max(max, { message: 'tooLong' });
const optionalText = (max: number) => z.string().trim().max(max, { message: 'tooLong' }).optional();
const purposeId = z.string().trim().regex(/^\d+(\.\d+)*$/, { message: 'purpose.id' });
const rating = z.number({ message: 'ledger.rating' }).int({ message: 'ledger.rating' }).min(riskRating.min, { message: 'ledger.rating' }).max(riskRating.max, { message: 'ledger.rating' });

/** The count of people: taken live from the desk, or typed by the officer with the day it was counted. */
export const ledgerCountInput = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('desk'), source: z.enum(ledgerSources, { message: 'ledger.source' }) }).strict(),
    z.object({ kind: z.literal('typed'), people: z.number({ message: 'ledger.people' }).int({ message: 'ledger.people' }).min(0, { message: 'ledger.people' }).max(100_000_000, { message: 'ledger.people' }), asOf: day }).strict(),
  ],
  { message: 'ledger.countKind' },
);

export const ledgerEntryInput = z
  .object({
    name: text(100),
    /** The items held (氏名, 住所, 電話番号…), one a line. */
    items: z.array(text(100)).min(1, { message: 'ledger.itemsRequired' }).max(60, { message: 'tooLong' }),
    /** Purposes of use of the policy (#4); other purposes (an employee's, an applicant's) in words. */
    purposeIds: z.array(purposeId).max(50).default([]),
    otherPurposes: optionalText(1000),
    obtainedHow: text(1000),
    department: text(100),
    responsible: text(100),
    storageKind: z.enum(ledgerStorageKinds, { message: 'ledger.storageKind' }),
    storagePlace: text(300),
    access: text(500),
    retention: text(300),
    disposal: text(300),
    /** Partners of #6 entrusted with the data (APPI Art. 25): each must be an outsourcee of the register. */
    outsourceeIds: z.array(id).max(50).default([]),
    /** Partners of #6 the data is provided to (APPI Art. 27). */
    recipientIds: z.array(id).max(50).default([]),
    /** Disclosable retained personal data (保有個人データ, APPI Art. 16(4)): the person's requests reach it. */
    disclosable: z.boolean(),
    /** Holds special-care-required personal information (要配慮個人情報, APPI Art. 2(3)). */
    specialCare: z.boolean().default(false),
    count: ledgerCountInput,
  })
  .strict()
  .refine((e) => e.purposeIds.length > 0 || (e.otherPurposes ?? '') !== '', { message: 'ledger.purposesRequired', path: ['purposeIds'] });

export type LedgerEntryInput = z.input<typeof ledgerEntryInput>;

export const paperReviewInput = z.object({ on: day, by: text(100) }).strict();

export const riskAssessmentInput = z
  .object({
    threats: z.array(z.enum(riskThreats, { message: 'ledger.threat' })).min(1, { message: 'ledger.threatsRequired' }).max(riskThreats.length),
    threatNotes: optionalText(2000),
    likelihood: rating,
    impact: rating,
    measures: text(4000),
    residual: z.enum(residualRisks, { message: 'ledger.residual' }),
  })
  .strict();

export type RiskAssessmentInput = z.input<typeof riskAssessmentInput>;

export const ledger = area('ledger', {
  /** The ledger with each entry's count, review and risk state; `show` filters it (the home screen's links). */
  list: method({
    input: z.object({ show: z.enum(ledgerShows).default('current') }).strict(),
    output: type<{ rows: LedgerRow[]; counts: LedgerCounts }>(),
    access: 'ledger.read',
    audit: 'none',
  }),
  get: method({
    input: z.object({ id }).strict(),
    output: type<LedgerEntry>(),
    access: 'ledger.read',
    audit: 'none',
  }),
  /** The home screen's figures: entries overdue for their yearly review, due within 30 days, assessments awaiting approval. */
  due: method({
    input: z.object({}).strict(),
    output: type<{ overdue: number; dueSoon: number; awaitingApproval: number }>(),
    access: 'ledger.read',
    audit: 'none',
  }),
  /** How many people each desk source counts now: what the form shows beside the choice. */
  sources: method({
    input: z.object({}).strict(),
    output: type<{ counts: Record<LedgerSource, number>; asOf: string }>(),
    access: 'ledger.read',
    audit: 'none',
  }),
  /**
   * Registers an entry (no `id`) or changes one. `paperReview`, the last review done on paper before the desk, is
   * given only when the entry is registered: the yearly review counts from it, so it is not moved afterwards.
   */
  save: method({
    input: z.object({ id: id.optional(), entry: ledgerEntryInput, paperReview: paperReviewInput.optional() }).strict(),
    output: type<LedgerEntry>(),
    access: 'ledger.write',
    audit: 'write',
  }),
  /** The officer's yearly review of the entry: who confirmed it, and when. */
  confirm: method({
    input: z.object({ id, note: optionalText(500) }).strict(),
    output: type<LedgerEntry>(),
    access: 'ledger.approve',
    audit: 'write',
  }),
  /** A new risk assessment of the entry, awaiting the officer's approval; the one before it stays as history. */
  assessRisk: method({
    input: z.object({ entryId: id, assessment: riskAssessmentInput }).strict(),
    output: type<LedgerEntry>(),
    access: 'ledger.write',
    audit: 'write',
  }),
  approveRisk: method({
    input: z.object({ id }).strict(),
    output: type<LedgerEntry>(),
    access: 'ledger.approve',
    audit: 'write',
  }),
  /** The company no longer holds this kind of data: the entry is retired, never deleted (the auditor sees what was held). */
  retire: method({
    input: z.object({ id, retiredOn: day, reason: text(500) }).strict(),
    output: type<LedgerEntry>(),
    access: 'ledger.approve',
    audit: 'write',
  }),
  /** The ledger as an `.xlsx` workbook (台帳 and リスク評価 sheets) or an A4 landscape PDF, in the exports folder. */
  export: method({
    input: z.object({ format: z.enum(['xlsx', 'pdf']), includeRetired: z.boolean().default(false), saveTo }).strict(),
    output: type<{ file: string; name: string; entries: number }>(),
    access: 'ledger.read',
    audit: 'write',
  }),
});
