// The evaluation form's values: blank, or taken from the record a correction replaces; turned into the contract's
// input (evidence files read as base64), and the contract's paths turned back into the form's.
import {
  contractClauses,
  evaluationCriteria,
  evidenceMimeTypes,
  maxEvidenceBytes,
  type ContractClause,
  type EvaluationCriterion,
  type EvaluationDetail,
  type EvaluationKind,
  type EvaluationMethod,
  type EvaluationResult,
  type EvidenceKind,
  type EvidenceMimeType,
  type Rating,
} from '../../../../src-shared/api/outsourcees';
import type { InputOf } from '../../../../src-shared/api/method';
import type { outsourcees } from '../../../../src-shared/api/outsourcees';

export interface EvidenceValue {
  key: string;
  kind: EvidenceKind;
  file: File;
}

export interface FindingValue {
  key: string;
  finding: string;
  action: string;
  owner: string;
  dueOn: string;
}

export interface EvaluationValues {
  kind: EvaluationKind;
  evaluatedOn: string;
  method: EvaluationMethod | null;
  evaluator: string;
  /** '' until the officer rates the criterion: a checklist is answered row by row, never pre-filled. */
  criteria: Record<EvaluationCriterion, { rating: Rating | ''; note: string }>;
  clauses: Record<ContractClause, { present: 'yes' | 'no' | ''; note: string }>;
  result: EvaluationResult | '';
  conditions: string;
  summary: string;
  evidence: EvidenceValue[];
  /** Evidence of the corrected record to keep. */
  keepEvidence: string[];
  findings: FindingValue[];
  correctionReason: string;
}

/** A calendar day some days after another (YYYY-MM-DD, no time zone). */
export function daysAfter(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

let counter = 0;
export const newKey = () => `k${++counter}`;

export function blankValues(kind: EvaluationKind, evaluator: string, today: string): EvaluationValues {
  return {
    kind,
    evaluatedOn: today,
    method: null,
    evaluator,
    criteria: Object.fromEntries(evaluationCriteria.map((c) => [c, { rating: '', note: '' }])) as EvaluationValues['criteria'],
    clauses: Object.fromEntries(contractClauses.map((c) => [c, { present: '', note: '' }])) as EvaluationValues['clauses'],
    result: '',
    conditions: '',
    summary: '',
    evidence: [],
    keepEvidence: [],
    findings: [],
    correctionReason: '',
  };
}

/**
 * A correction starts from what the record said, its evidence kept; the reason is the officer's to write. Findings
 * already followed up stay with their follow-up in the corrected record's history; the open ones carry over.
 */
export function valuesFrom(record: EvaluationDetail): EvaluationValues {
  return {
    kind: record.kind,
    evaluatedOn: record.evaluatedOn,
    method: record.method,
    evaluator: record.evaluator,
    criteria: Object.fromEntries(evaluationCriteria.map((c) => [c, { rating: record.criteria[c].rating, note: record.criteria[c].note ?? '' }])) as EvaluationValues['criteria'],
    clauses: Object.fromEntries(contractClauses.map((c) => [c, { present: record.clauses[c].present ? 'yes' : 'no', note: record.clauses[c].note ?? '' }])) as EvaluationValues['clauses'],
    result: record.result,
    conditions: record.conditions ?? '',
    summary: record.summary ?? '',
    evidence: [],
    keepEvidence: record.evidence.map((e) => e.id),
    findings: record.findings.filter((f) => f.doneOn === null).map((f) => ({ key: newKey(), finding: f.finding, action: f.action, owner: f.owner, dueOn: f.dueOn })),
    correctionReason: '',
  };
}

/** The problem with a chosen file as a `fieldErrors.` key, or null; checked before reading, so a huge file is never loaded. */
export function evidenceProblem(file: File): string | null {
  if (!(evidenceMimeTypes as readonly string[]).includes(file.type)) return 'outsourceeEvidence.type';
  if (file.size === 0) return 'outsourceeEvidence.empty';
  if (file.size > maxEvidenceBytes) return 'outsourceeEvidence.tooLarge';
  return null;
}

function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

type EvaluationInput = InputOf<(typeof outsourcees)['outsourcees.evaluate']>;

export async function inputOf(partnerId: string, v: EvaluationValues, corrects: string | undefined): Promise<EvaluationInput> {
  const optional = (text: string) => (text.trim() ? text : undefined);
  return {
    partnerId,
    kind: v.kind,
    evaluatedOn: v.evaluatedOn,
    method: v.method!,
    evaluator: v.evaluator,
    criteria: Object.fromEntries(evaluationCriteria.map((c) => [c, { rating: v.criteria[c].rating as Rating, note: optional(v.criteria[c].note) }])) as EvaluationInput['criteria'],
    clauses: Object.fromEntries(contractClauses.map((c) => [c, { present: v.clauses[c].present === 'yes', note: optional(v.clauses[c].note) }])) as EvaluationInput['clauses'],
    result: v.result as EvaluationResult,
    conditions: v.result === 'conditional' ? v.conditions : undefined,
    summary: optional(v.summary),
    evidence: await Promise.all(v.evidence.map(async (e) => ({ kind: e.kind, fileName: e.file.name, mimeType: e.file.type as EvidenceMimeType, dataBase64: await base64Of(e.file) }))),
    findings: v.findings.map((f) => ({ finding: f.finding, action: f.action, owner: f.owner, dueOn: f.dueOn })),
    ...(corrects ? { corrects, correctionReason: v.correctionReason, keepEvidence: v.keepEvidence } : {}),
  };
}

/** A path of the contract (`evidence.1.dataBase64`) as the form's field that shows it (`evidence.1.file`). */
export function fieldOf(path: string): string | null {
  const file = /^evidence\.(\d+)\.(dataBase64|fileName|mimeType)$/.exec(path);
  if (file) return `evidence.${file[1]}.file`;
  if (path === 'criteria' || path === 'evidence') return path;
  if (/^(criteria|clauses)\.\w+\.(rating|present|note)$/.test(path) || /^findings\.\d+\.\w+$/.test(path)) return path;
  if (/^criteria\.\w+$/.test(path)) return `${path}.rating`;
  if (/^clauses\.\w+$/.test(path)) return `${path}.present`;
  return ['kind', 'evaluatedOn', 'method', 'evaluator', 'result', 'conditions', 'summary', 'correctionReason', 'keepEvidence'].includes(path) ? path : null;
}
