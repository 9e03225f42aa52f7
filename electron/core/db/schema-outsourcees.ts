// The tables of outsourcee selection checks and evaluations (APPI Art. 25) (issue #10), as Kysely sees them; kept in
// step with migration 12 by hand.
import type { ContractClause, EvaluationCriterion, EvaluationKind, EvaluationMethod, EvaluationResult, EvidenceKind, Rating } from '../../../src-shared/api/outsourcees';

export interface OutsourceeEvaluationTable {
  id: string;
  number: string;
  partner_id: string;
  kind: EvaluationKind;
  evaluated_on: string;
  method: EvaluationMethod;
  evaluator: string;
  score: number;
  result: EvaluationResult;
  conditions: string | null;
  summary: string | null;
  corrects_id: string | null;
  correction_reason: string | null;
  recorded_at: string;
  recorded_by: string;
}

export interface OutsourceeCriterionTable {
  evaluation_id: string;
  criterion: EvaluationCriterion;
  rating: Rating;
  note: string | null;
}

export interface OutsourceeClauseTable {
  evaluation_id: string;
  clause: ContractClause;
  /** 1: the contract holds the clause. */
  present: number;
  note: string | null;
}

export interface OutsourceeEvidenceTable {
  id: string;
  evaluation_id: string;
  kind: EvidenceKind;
  file_name: string;
  mime_type: string;
  size: number;
  sha256: string;
  data: Buffer;
  added_at: string;
  added_by: string;
}

export interface OutsourceeFindingTable {
  id: string;
  evaluation_id: string;
  position: number;
  finding: string;
  action: string;
  owner: string;
  due_on: string;
  done_on: string | null;
  done_note: string | null;
  followed_up_at: string | null;
  followed_up_by: string | null;
}

export interface OutsourceeTables {
  outsourcee_evaluations: OutsourceeEvaluationTable;
  outsourcee_criteria: OutsourceeCriterionTable;
  outsourcee_clauses: OutsourceeClauseTable;
  outsourcee_evidence: OutsourceeEvidenceTable;
  outsourcee_findings: OutsourceeFindingTable;
}
