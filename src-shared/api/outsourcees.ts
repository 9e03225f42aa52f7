// Outsourcee supervision (APPI Art. 25, JIS Q 15001): the selection check at contract and the yearly evaluation of
// each outsourcee of the partner register, with their checklists, evidence files, contract clauses and findings.
import { z } from 'zod';
import { day } from './customer-input';
import { area, method, type } from './method';

/**
 * The selection criteria of the PPC guidelines (通則編 3-4-4: the outsourcee's security control measures, in the four
 * kinds of 10 (別添)) and of JIS Q 15001 (A.7.3.4 委託先の選定基準), checked at contract and again each year.
 */
export const evaluationCriteria = [
  'organisational',
  'human',
  'physical',
  'technical',
  'certification',
  'subcontracting',
  'incidentReporting',
  'returnErasure',
  'auditRights',
  'foreignEnvironment',
] as const;
export type EvaluationCriterion = (typeof evaluationCriteria)[number];

/**
 * The four kinds of security control measures every outsourcee handling personal data must have (APPI Art. 23, 25):
 * never "not applicable". A certification, subcontracting or a country abroad may not apply.
 */
export const alwaysApplicableCriteria: readonly EvaluationCriterion[] = ['organisational', 'human', 'physical', 'technical'];

export const ratings = ['conforms', 'partly', 'doesNot', 'notApplicable'] as const;
export type Rating = (typeof ratings)[number];

/** Points per applicable criterion: the score is the share of the points possible, 0–100. */
export const ratingPoints: Record<Exclude<Rating, 'notApplicable'>, number> = { conforms: 2, partly: 1, doesNot: 0 };

/** The privacy clauses a contract of outsourcing is expected to hold (PPC guidelines 3-4-4, JIS Q 15001 A.7.3.4). */
export const contractClauses = [
  'purposeLimitation',
  'confidentiality',
  'securityMeasures',
  'subcontractingConsent',
  'incidentReport',
  'returnErasure',
  'auditRight',
  'compensation',
] as const;
export type ContractClause = (typeof contractClauses)[number];

export const evaluationKinds = ['selection', 'periodic'] as const;
export type EvaluationKind = (typeof evaluationKinds)[number];
export const evaluationMethods = ['documents', 'questionnaire', 'onSiteVisit', 'remoteInterview'] as const;
export type EvaluationMethod = (typeof evaluationMethods)[number];
export const evaluationResults = ['approved', 'conditional', 'notApproved'] as const;
export type EvaluationResult = (typeof evaluationResults)[number];

export const evidenceKinds = ['whitePaper', 'certificate', 'onSiteReport', 'questionnaire', 'contract', 'other'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];
/** The types every upload check of the desk knows (electron/core/uploads.ts). */
export const evidenceMimeTypes = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;
export type EvidenceMimeType = (typeof evidenceMimeTypes)[number];
/** 10 MB a file, 4 a record: a white paper, a certificate and a visit report fit, and the whole call stays inside the host's 64 MB. */
export const maxEvidenceBytes = 10 * 1024 * 1024;
export const maxEvidenceFiles = 4;

/** JIS Q 15001 asks for a check at least once a year: the next is due a year after the last; warned 30 days before. */
export const evaluationValidYears = 1;
export const evaluationDueSoonDays = 30;

/** The score of a checklist, computed the same way in the window (live) and in the core (stored); null when nothing applies. */
export function checklistScore(criteria: Partial<Record<EvaluationCriterion, { rating: Rating } | undefined>>): number | null {
  const applicable = evaluationCriteria.map((c) => criteria[c]?.rating).filter((r): r is Exclude<Rating, 'notApplicable'> => r !== undefined && r !== 'notApplicable');
  if (applicable.length === 0) return null;
  const points = applicable.reduce((sum, r) => sum + ratingPoints[r], 0);
  return Math.round((100 * points) / (2 * applicable.length));
}

/**
 * What the score suggests; the officer decides. A criterion that does not conform never allows a plain approval
 * (the core refuses it): the outsourcee is approved with conditions at best, the conditions written down.
 */
export function suggestedResult(score: number | null, anyNonconformity: boolean): EvaluationResult | null {
  if (score === null) return null;
  if (score >= 80 && !anyNonconformity) return 'approved';
  return score >= 50 ? 'conditional' : 'notApproved';
}

export interface EvaluationBrief {
  id: string;
  /** `OE-2026-0001`: numbered in order of recording within the year of recording. */
  number: string;
  kind: EvaluationKind;
  evaluatedOn: string;
  score: number;
  result: EvaluationResult;
}

/** Where the yearly evaluation stands: never made, past its due day, due within 30 days, or current. */
export type EvaluationDue = 'never' | 'overdue' | 'dueSoon' | 'current';

export interface OutsourceeRow {
  partnerId: string;
  name: string;
  country: string;
  contractFrom: string | null;
  contractTo: string | null;
  endedOn: string | null;
  /** Still an outsourcee in the partner register (a partner whose role changed keeps its history, but is not evaluated). */
  isOutsourcee: boolean;
  lastSelection: EvaluationBrief | null;
  /** The last periodic evaluation. */
  lastEvaluation: EvaluationBrief | null;
  /** A year after the last selection check or evaluation, whichever is later; null when there is none. */
  nextDueOn: string | null;
  due: EvaluationDue;
  /** Days from today to the due day (negative once late); null when never evaluated. */
  daysToDue: number | null;
  selectionMissing: boolean;
  openFindings: number;
  /** Open findings whose follow-up is past its due day. */
  findingsOverdue: number;
}

export interface OutsourceeCounts {
  outsourcees: number;
  /** Never evaluated, or the last check more than a year ago. */
  overdue: number;
  selectionMissing: number;
  dueSoon: number;
  /** Findings (not outsourcees) past their due day. */
  findingsOverdue: number;
}

export interface OutsourceeList {
  today: string;
  rows: OutsourceeRow[];
  /** Over every outsourcee shown without a filter: what the home screen's card counts. */
  counts: OutsourceeCounts;
}

export interface EvidenceInfo {
  id: string;
  kind: EvidenceKind;
  fileName: string;
  mimeType: EvidenceMimeType;
  bytes: number;
  sha256: string;
  addedAt: string;
}

export interface EvidenceFile {
  fileName: string;
  mimeType: EvidenceMimeType;
  dataBase64: string;
}

export interface FindingDetail {
  id: string;
  evaluationId: string;
  evaluationNumber: string;
  finding: string;
  action: string;
  owner: string;
  dueOn: string;
  doneOn: string | null;
  doneNote: string | null;
  followedUpAt: string | null;
  followedUpByName: string | null;
  /** Open and past its due day. */
  overdue: boolean;
  /** Its evaluation was corrected by a later record: kept as history, no longer followed up. */
  superseded: boolean;
}

export interface EvaluationDetail extends EvaluationBrief {
  method: EvaluationMethod;
  evaluator: string;
  conditions: string | null;
  summary: string | null;
  criteria: Record<EvaluationCriterion, { rating: Rating; note: string | null }>;
  clauses: Record<ContractClause, { present: boolean; note: string | null }>;
  evidence: EvidenceInfo[];
  findings: FindingDetail[];
  corrects: { id: string; number: string } | null;
  correctionReason: string | null;
  correctedBy: { id: string; number: string } | null;
  recordedAt: string;
  recordedByName: string | null;
}

export interface OutsourceeDetail {
  today: string;
  outsourcee: OutsourceeRow;
  /** From the partner register: what the contract agreed and whom to contact. */
  partner: { address: string; representative: string; securityMeasures: string; contactName: string; contactEmail: string };
  /** Newest first (by the day evaluated, then by when recorded). */
  evaluations: EvaluationDetail[];
}


const id = z.uuid({ message: 'id.format' });
const text = (max: number) => z.string().trim().min(1, { message: 'required' }).max(max, { message: 'tooLong' });
const note = z.string().trim().max(1000, { message: 'tooLong' }).optional();

const criterionInput = z.object({ rating: z.enum(ratings, { message: 'outsourcee.rating' }), note }).strict();
const clauseInput = z.object({ present: z.boolean({ message: 'outsourcee.clause' }), note }).strict();

/** Every criterion once, by name: a checklist with a row left out is not a checklist (each row is its own field). */
const criteriaInput = z
  .object(Object.fromEntries(evaluationCriteria.map((c) => [c, criterionInput])) as Record<EvaluationCriterion, typeof criterionInput>)
  .strict();
const clausesInput = z.object(Object.fromEntries(contractClauses.map((c) => [c, clauseInput])) as Record<ContractClause, typeof clauseInput>).strict();

export const evidenceUpload = z
  .object({
    kind: z.enum(evidenceKinds, { message: 'outsourcee.evidenceKind' }),
    fileName: text(255),
    mimeType: z.enum(evidenceMimeTypes, { message: 'outsourceeEvidence.type' }),
    dataBase64: z
      .string()
      .min(1, { message: 'outsourceeEvidence.empty' })
      .max(Math.ceil((maxEvidenceBytes * 4) / 3) + 4, { message: 'outsourceeEvidence.tooLarge' }),
  })
  .strict();

export const findingInput = z
  .object({
    /** What was found (a missing clause, a weak control seen on the visit). */
    finding: text(2000),
    /** What is to be done about it, and by whom: the follow-up asked for. */
    action: text(2000),
    owner: text(100),
    dueOn: day,
  })
  .strict();

export const evaluationInput = z
  .object({
    partnerId: id,
    kind: z.enum(evaluationKinds, { message: 'outsourcee.kind' }),
    evaluatedOn: day,
    method: z.enum(evaluationMethods, { message: 'outsourcee.method' }),
    /** Who carried the check out (the officer, or someone the officer sent on the visit). */
    evaluator: text(100),
    criteria: criteriaInput,
    clauses: clausesInput,
    /** The officer's judgement; the score is never sent: the core computes it from the checklist. */
    result: z.enum(evaluationResults, { message: 'outsourcee.result' }),
    conditions: z.string().trim().max(2000, { message: 'tooLong' }).optional(),
    summary: z.string().trim().max(4000, { message: 'tooLong' }).optional(),
    evidence: z.array(evidenceUpload).max(maxEvidenceFiles, { message: 'outsourcee.tooManyEvidenceFiles' }).default([]),
    findings: z.array(findingInput).max(30, { message: 'outsourcee.tooManyFindings' }).default([]),
    /** A record is never edited: a mistake is corrected by a new record that names the one it replaces, and why. */
    corrects: id.optional(),
    correctionReason: z.string().trim().max(1000, { message: 'tooLong' }).optional(),
    /** Evidence of the corrected record to keep with the correction, without sending the files again. */
    keepEvidence: z.array(id).max(maxEvidenceFiles, { message: 'outsourcee.tooManyEvidenceFiles' }).default([]),
  })
  .strict()
  .refine((e) => e.result !== 'conditional' || (e.conditions ?? '') !== '', { message: 'outsourcee.conditionsRequired', path: ['conditions'] })
  .refine((e) => e.corrects === undefined || (e.correctionReason ?? '') !== '', { message: 'outsourcee.correctionReasonRequired', path: ['correctionReason'] });

export const followUpInput = z
  .object({
    findingId: id,
    doneOn: day,
    /** What was done and how it was confirmed (a revised contract received, a second visit). */
    note: text(2000),
  })
  .strict();

/** `overdue`: an evaluation past due or never made, or no selection check (what the home screen's card links to). */
export const outsourceeFilters = ['all', 'overdue', 'dueSoon', 'findingsOverdue'] as const;
export type OutsourceeFilter = (typeof outsourceeFilters)[number];

export const outsourcees = area('outsourcees', {
  /** The outsourcees with their last selection check and evaluation, when the next is due, and open findings. */
  list: method({
    input: z.object({ show: z.enum(outsourceeFilters).default('all'), includeEnded: z.boolean().default(false) }).strict(),
    output: type<OutsourceeList>(),
    access: 'outsourcees.read',
    audit: 'none',
  }),
  /** One outsourcee: the partner's details and every selection check and evaluation, newest first. */
  get: method({
    input: z.object({ partnerId: id }).strict(),
    output: type<OutsourceeDetail>(),
    access: 'outsourcees.read',
    audit: 'none',
  }),
  /** Records a selection check (at contract) or a periodic evaluation, with its evidence and findings. */
  evaluate: method({
    input: evaluationInput,
    output: type<OutsourceeDetail>(),
    access: 'outsourcees.evaluate',
    audit: 'write',
  }),
  /** One evidence file, to save: recorded in the trail, since the file leaves the encrypted store. */
  evidence: method({
    input: z.object({ evidenceId: id }).strict(),
    output: type<EvidenceFile>(),
    access: 'outsourcees.read',
    audit: 'read',
  }),
  /** A finding followed up: done on a day, with what was done. Once recorded it stands. */
  followUp: method({
    input: followUpInput,
    output: type<OutsourceeDetail>(),
    access: 'outsourcees.evaluate',
    audit: 'write',
  }),
});
