// The internal audit: plans, findings, corrective actions, management reviews (issue #10, JIS Q 15001): the contract.
import { z } from 'zod';
import type { RequestKind } from '../requests';
import type { Role } from '../roles';
import { day } from './customer-input';
import { area, method, type } from './method';

const id = z.uuid({ message: 'id.format' });
const text = (max: number) => z.string().trim().min(1, { message: 'required' }).max(max, { message: 'tooLong' });

/** JIS Q 15001 auditors grade what they find; nonconformities need a corrective action, the others may not. */
export const findingGrades = ['majorNonconformity', 'minorNonconformity', 'observation', 'improvement'] as const;
export type FindingGrade = (typeof findingGrades)[number];
export const nonconformities: readonly FindingGrade[] = ['majorNonconformity', 'minorNonconformity'];

/** What a finding may concern: a ledger entry, a request, an incident or an account of the desk (or nothing). */
export const findingTargetKinds = ['ledgerEntry', 'request', 'incident', 'account'] as const;
export type FindingTargetKind = (typeof findingTargetKinds)[number];

/**
 * Where a finding stands, worked out from its corrective actions: a nonconformity without one awaits it; an observation
 * or an opportunity for improvement without one needs none; otherwise in progress until every action is closed.
 */
export type FindingStatus = 'awaitingAction' | 'noActionNeeded' | 'inProgress' | 'closed';
export const findingShows = ['open', 'all'] as const;
export type FindingShow = (typeof findingShows)[number];

/** open (the owner works on it) → reported (done, awaiting the officer's verification) → closed (effect verified). */
export const correctionStates = ['open', 'reported', 'closed'] as const;
export type CorrectionState = (typeof correctionStates)[number];
/** The list's filters: `active` is open and reported; the home screen's counts open the list with the others. */
export const correctionShows = ['active', 'overdue', 'awaitingVerification', 'closed', 'all'] as const;
export type CorrectionShow = (typeof correctionShows)[number];

/** JIS Q 15001 asks for a management review at planned intervals; the desk warns after 12 months without one. */
export const reviewIntervalMonths = 12;

export interface AccountRef {
  id: string;
  displayName: string;
}

export interface AuditAccount extends AccountRef {
  role: Role;
  department: string | null;
}

export interface AuditPlan {
  id: string;
  year: number;
  scope: string;
  periodFrom: string;
  periodTo: string;
  leadAuditor: AccountRef;
  state: 'planned' | 'done';
  doneOn: string | null;
  summary: string | null;
  findings: number;
  createdAt: string;
  updatedAt: string;
}

/** The record a finding concerns, as the desk shows it: a number or a name, never a customer's data. */
export interface FindingTarget {
  kind: FindingTargetKind;
  id: string;
  /** Request and incident: their number; ledger entry: its name; account: the display name. Null once the record is gone. */
  label: string | null;
}

/** A record offered to link a finding to: a request's kind, an incident's state or an account's role as `code`. */
export interface TargetOption {
  id: string;
  label: string;
  /** The request's day received, the incident's day discovered; null for the others. */
  on: string | null;
  code: string | null;
}

export interface FindingRow {
  id: string;
  /** `F-2026-001`: numbered in order of recording within the year it was found. */
  number: string;
  planId: string | null;
  planYear: number | null;
  foundOn: string;
  grade: FindingGrade;
  requirement: string;
  description: string;
  target: FindingTarget | null;
  status: FindingStatus;
  actions: { open: number; reported: number; closed: number };
  recordedBy: AccountRef;
  recordedAt: string;
}

export interface CorrectionRow {
  id: string;
  /** `CA-2026-001`: numbered in order of opening within the year of opening. */
  number: string;
  findingId: string;
  findingNumber: string;
  findingGrade: FindingGrade;
  cause: string;
  action: string;
  owner: AccountRef;
  dueOn: string;
  state: CorrectionState;
  /** Open past its due day (a reported action waits for the officer, not the owner). */
  overdue: boolean;
  /** Days to the due day while open (negative once late); null once reported or closed. */
  daysLeft: number | null;
  reportedOn: string | null;
  reportNote: string | null;
  closedOn: string | null;
  verificationNote: string | null;
  openedAt: string;
}

export interface CorrectionEvent {
  at: string;
  actor: string | null;
  kind: 'opened' | 'changed' | 'reported' | 'returned' | 'closed';
  note: string | null;
  /** For `changed`: the fields changed (cause, action, ownerId, dueOn). */
  fields: string[];
}

export interface CorrectionDetail extends CorrectionRow {
  /** What the owner corrects: the finding it answers, which staff see through their own action only. */
  finding: { number: string; grade: FindingGrade; foundOn: string; requirement: string; description: string };
  history: CorrectionEvent[];
}

export interface FindingDetail extends FindingRow {
  corrections: CorrectionRow[];
  /** The finding's facts may still be put right: no corrective action has been opened for it. */
  editable: boolean;
}

/** What the desk gathers for a management review over a period: counts, never a person. */
export interface ReviewInputs {
  periodFrom: string;
  periodTo: string;
  audits: { planned: number; done: number };
  findings: Record<FindingGrade, number>;
  corrections: { opened: number; closed: number; openNow: number; overdueNow: number; awaitingVerificationNow: number };
  incidents: { discovered: number; reportable: number; openNow: number };
  requests: { received: number; byKind: Partial<Record<RequestKind, number>>; closed: number; closedLate: number; openNow: number; overdueNow: number };
  // The Privacy Mark registers of issue #10. Optional: a review recorded before they existed keeps the JSON it was
  // stored with, and is read and shown as it was put before the representative.
  /** Complaints and consultations (APPI Art. 40); `problemFound`: closed in the period having revealed a problem in the handling of personal information. */
  complaints?: { received: number; closed: number; closedLate: number; openNow: number; overdueNow: number; problemFound: number };
  /** Education (JIS Q 15001, APPI Art. 24): sessions held in the period; people whose last training is over 12 months old (or none), out of the people on the list. */
  training?: { sessionsHeld: number; untrainedNow: number; peopleNow: number };
  /** Supervision of outsourcees (APPI Art. 25): evaluations and selection checks in the period; never checked or last checked over a year ago. */
  outsourcees?: { outsourceesNow: number; evaluated: number; overdueNow: number };
  /** The personal information ledger: entries in use, past their yearly review, and risk assessments awaiting the officer's approval. */
  ledger?: { entriesNow: number; overdueNow: number; awaitingApprovalNow: number };
}

export interface ManagementReview {
  id: string;
  heldOn: string;
  representative: string;
  attendees: string;
  /** The counts as the desk gathered them when the review was recorded. */
  inputs: ReviewInputs;
  otherInputs: string;
  decisions: string;
  improvements: string;
  nextReviewOn: string;
  recordedBy: AccountRef;
  recordedAt: string;
  updatedAt: string;
}

/** Why a management review is due: none recorded, the last over 12 months ago, or the next one's planned day passed. */
export type ReviewDueReason = 'none' | 'overYear' | 'nextPassed';

export interface InternalAuditDue {
  /** Open corrective actions past their due day (staff: their own). */
  overdue: number;
  /** Reported done, waiting for the officer's verification (staff: their own). */
  awaitingVerification: number;
  /** Open or reported (staff: their own). */
  active: number;
  /** For those who read the internal audit: the last review, the next one asked for, and whether one is due. */
  review: { lastHeldOn: string | null; nextReviewOn: string | null; due: ReviewDueReason | null } | null;
}

export const auditPlanInput = z
  .object({
    year: z.number().int().min(2000, { message: 'auditPlan.year' }).max(2100, { message: 'auditPlan.year' }),
    scope: text(4000),
    periodFrom: day,
    periodTo: day,
    leadAuditorId: id,
  })
  .strict()
  .refine((p) => p.periodFrom <= p.periodTo, { message: 'auditPlan.periodOrder', path: ['periodTo'] })
  // A plan for fiscal 2026 may run into 2027 (an April–March business year), never years away: a typo caught early.
  .refine((p) => [p.year, p.year + 1].includes(Number(p.periodFrom.slice(0, 4))), { message: 'auditPlan.periodOutsideYear', path: ['periodFrom'] });

const targetInput = z.object({ kind: z.enum(findingTargetKinds, { message: 'finding.targetKind' }), id: z.string().trim().min(1, { message: 'required' }).max(64, { message: 'id.format' }) }).strict();

export const findingInput = z
  .object({
    planId: id.optional(),
    foundOn: day,
    grade: z.enum(findingGrades, { message: 'finding.grade' }),
    /** The JIS Q 15001 requirement concerned, as the auditor names it (e.g. "A.3.4.3.2 適正な取得"). */
    requirement: text(200),
    description: text(4000),
    target: targetInput.optional(),
  })
  .strict();

const correctionWork = { cause: text(4000), action: text(4000), ownerId: id, dueOn: day };

export const reviewInput = z
  .object({
    heldOn: day,
    periodFrom: day,
    periodTo: day,
    representative: text(100),
    attendees: text(1000),
    otherInputs: z.string().trim().max(4000, { message: 'tooLong' }).default(''),
    decisions: text(4000),
    improvements: text(4000),
    nextReviewOn: day,
  })
  .strict()
  .refine((r) => r.periodFrom <= r.periodTo, { message: 'review.periodOrder', path: ['periodTo'] })
  .refine((r) => r.periodTo <= r.heldOn, { message: 'review.periodAfterHeld', path: ['periodTo'] })
  .refine((r) => r.nextReviewOn > r.heldOn, { message: 'review.nextBeforeHeld', path: ['nextReviewOn'] });

const reviewText = { representative: text(100), attendees: text(1000), otherInputs: z.string().trim().max(4000, { message: 'tooLong' }), decisions: text(4000), improvements: text(4000), nextReviewOn: day };

export const auditPlans = area('auditplans', {
  list: method({ input: z.object({}).strict(), output: type<{ rows: AuditPlan[] }>(), access: 'internalAudit.read', audit: 'none' }),
  create: method({ input: auditPlanInput, output: type<AuditPlan>(), access: 'internalAudit.record', audit: 'write' }),
  /** Changes a plan while it is still planned; a plan carried out is the record of that audit. */
  update: method({ input: z.object({ id, plan: auditPlanInput }).strict(), output: type<AuditPlan>(), access: 'internalAudit.record', audit: 'write' }),
  /** The audit was carried out: the day it ended and what it found, in a few sentences. */
  complete: method({ input: z.object({ id, doneOn: day, summary: text(4000) }).strict(), output: type<AuditPlan>(), access: 'internalAudit.record', audit: 'write' }),
  /** The active accounts, to name a lead auditor or an owner. */
  accounts: method({ input: z.object({}).strict(), output: type<{ rows: AuditAccount[] }>(), access: 'internalAudit.read', audit: 'none' }),
});

export const findings = area('findings', {
  list: method({
    input: z.object({ show: z.enum(findingShows).default('all'), planId: id.optional(), grade: z.enum(findingGrades).optional() }).strict(),
    output: type<{ rows: FindingRow[] }>(),
    access: 'internalAudit.read',
    audit: 'none',
  }),
  get: method({ input: z.object({ id }).strict(), output: type<FindingDetail>(), access: 'internalAudit.read', audit: 'read' }),
  record: method({ input: findingInput, output: type<FindingDetail>(), access: 'internalAudit.record', audit: 'write' }),
  /** Puts a finding's facts right before any action is opened for it; a finding is never deleted. */
  update: method({ input: z.object({ id, finding: findingInput }).strict(), output: type<FindingDetail>(), access: 'internalAudit.record', audit: 'write' }),
  /** The records a finding may concern, by number or name: no customer's data is shown. */
  targets: method({
    input: z.object({ kind: z.enum(findingTargetKinds, { message: 'finding.targetKind' }), query: z.string().trim().max(100, { message: 'tooLong' }).default('') }).strict(),
    output: type<{ rows: TargetOption[] }>(),
    access: 'internalAudit.record',
    audit: 'none',
  }),
});

export const corrections = area('corrections', {
  list: method({
    input: z.object({ show: z.enum(correctionShows).default('active'), findingId: id.optional() }).strict(),
    output: type<{ rows: CorrectionRow[] }>(),
    access: 'corrections.read',
    audit: 'none',
  }),
  get: method({ input: z.object({ id }).strict(), output: type<CorrectionDetail>(), access: 'corrections.read', audit: 'read' }),
  dueCounts: method({ input: z.object({}).strict(), output: type<InternalAuditDue>(), access: 'corrections.read', audit: 'none' }),
  /** The officer opens a corrective action for a finding: its cause, what will be done, by whom, by when. */
  open: method({ input: z.object({ findingId: id, ...correctionWork }).strict(), output: type<CorrectionDetail>(), access: 'corrections.manage', audit: 'write' }),
  /** Changes an open action: its work, its owner (someone left) or its due day, with the reason. */
  update: method({
    input: z.object({ id, ...z.object(correctionWork).partial().shape, reason: text(1000) }).strict(),
    output: type<CorrectionDetail>(),
    access: 'corrections.manage',
    audit: 'write',
  }),
  /** The owner (or the officer) reports the action done. */
  report: method({ input: z.object({ id, doneOn: day, note: text(4000) }).strict(), output: type<CorrectionDetail>(), access: 'corrections.report', audit: 'write' }),
  /** Only the officer verifies the effect: effective closes the action; not effective sends it back with a new due day. */
  verify: method({
    input: z
      .object({ id, effective: z.boolean(), note: text(4000), newDueOn: day.optional() })
      .strict()
      .refine((v) => v.effective || v.newDueOn !== undefined, { message: 'correction.newDueRequired', path: ['newDueOn'] }),
    output: type<CorrectionDetail>(),
    access: 'corrections.manage',
    audit: 'write',
  }),
});

export const managementReviews = area('managementReviews', {
  list: method({ input: z.object({}).strict(), output: type<{ rows: ManagementReview[] }>(), access: 'internalAudit.read', audit: 'none' }),
  /** The counts for a period, to put before the representative. */
  inputs: method({
    input: z.object({ periodFrom: day, periodTo: day }).strict().refine((p) => p.periodFrom <= p.periodTo, { message: 'review.periodOrder', path: ['periodTo'] }),
    output: type<ReviewInputs>(),
    access: 'internalAudit.read',
    audit: 'none',
  }),
  record: method({ input: reviewInput, output: type<ManagementReview>(), access: 'corrections.manage', audit: 'write' }),
  /** Puts the minutes right; the day held, the period and the counts gathered stay as recorded. */
  update: method({ input: z.object({ id, ...reviewText }).strict(), output: type<ManagementReview>(), access: 'corrections.manage', audit: 'write' }),
});
