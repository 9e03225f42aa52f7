// The tables of the internal audit: plans, findings, corrective actions, management reviews (issue #10), as Kysely sees them.
import type { Generated } from 'kysely';
import type { CorrectionEvent, CorrectionState, FindingGrade, FindingTargetKind } from '../../../src-shared/api/internal-audit';

export interface AuditPlanTable {
  id: string;
  year: number;
  scope: string;
  period_from: string;
  period_to: string;
  lead_auditor_id: string;
  state: 'planned' | 'done';
  done_on: string | null;
  summary: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
}

export interface AuditFindingTable {
  id: string;
  number: string;
  plan_id: string | null;
  found_on: string;
  grade: FindingGrade;
  requirement: string;
  description: string;
  target_kind: FindingTargetKind | null;
  target_id: string | null;
  recorded_at: string;
  recorded_by: string;
  updated_at: string;
}

export interface CorrectiveActionTable {
  id: string;
  number: string;
  finding_id: string;
  cause: string;
  action: string;
  owner_id: string;
  due_on: string;
  state: CorrectionState;
  reported_on: string | null;
  report_note: string | null;
  reported_by: string | null;
  closed_on: string | null;
  verification_note: string | null;
  closed_by: string | null;
  opened_at: string;
  opened_by: string;
  updated_at: string;
}

export interface CorrectiveActionEventTable {
  id: Generated<number>;
  action_id: string;
  at: string;
  actor_id: string | null;
  kind: CorrectionEvent['kind'];
  /** JSON: the names of the fields a change touched. */
  fields: string | null;
  note: string | null;
}

export interface ManagementReviewTable {
  id: string;
  held_on: string;
  period_from: string;
  period_to: string;
  representative: string;
  attendees: string;
  /** JSON: ReviewInputs, the counts gathered when the review was recorded. */
  inputs: string;
  other_inputs: string;
  decisions: string;
  improvements: string;
  next_review_on: string;
  recorded_at: string;
  recorded_by: string;
  updated_at: string;
}

export interface InternalAuditTables {
  audit_plans: AuditPlanTable;
  audit_findings: AuditFindingTable;
  corrective_actions: CorrectiveActionTable;
  corrective_action_events: CorrectiveActionEventTable;
  management_reviews: ManagementReviewTable;
}
