// The tables of the personal information ledger (個人情報管理台帳) and its risk assessments (issue #10), as Kysely sees
// them; kept in step with migration 9 by hand.
import type { Generated } from 'kysely';
import type { LedgerSource, LedgerStorageKind, ResidualRisk } from '../../../src-shared/api/ledger';

export interface LedgerEntryTable {
  id: string;
  /** `L-001`. */
  number: string;
  name: string;
  /** JSON: string[]. */
  items: string;
  /** JSON: purpose ids of the policy (#4). */
  purpose_ids: string;
  other_purposes: string | null;
  obtained_how: string;
  department: string;
  responsible: string;
  storage_kind: LedgerStorageKind;
  storage_place: string;
  access: string;
  retention: string;
  disposal: string;
  disclosable: number;
  special_care: number;
  /** Set: the count is taken live from the desk; null: `typed_count` as of `typed_count_on`. */
  count_source: LedgerSource | null;
  typed_count: number | null;
  typed_count_on: string | null;
  paper_reviewed_on: string | null;
  paper_reviewed_by: string | null;
  /** 1 after a change, 0 again at the next confirmation. */
  changed_since_confirmed: Generated<number>;
  retired_on: string | null;
  retired_reason: string | null;
  retired_by: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
}

export interface LedgerEntryPartnerTable {
  entry_id: string;
  partner_id: string;
  /** `outsourcee`: entrusted with the data (APPI Art. 25); `recipient`: provided with it (Art. 27). */
  relation: 'outsourcee' | 'recipient';
}

export interface LedgerConfirmationTable {
  id: Generated<number>;
  entry_id: string;
  confirmed_at: string;
  confirmed_by: string | null;
  note: string | null;
}

export interface LedgerRiskAssessmentTable {
  id: string;
  entry_id: string;
  version: number;
  /** JSON: RiskThreat[]. */
  threats: string;
  threat_notes: string | null;
  likelihood: number;
  impact: number;
  measures: string;
  residual: ResidualRisk;
  state: 'awaitingApproval' | 'approved' | 'superseded';
  drafted_at: string;
  drafted_by: string | null;
  approved_at: string | null;
  approved_by: string | null;
}

export interface LedgerTables {
  ledger_entries: LedgerEntryTable;
  ledger_entry_partners: LedgerEntryPartnerTable;
  ledger_confirmations: LedgerConfirmationTable;
  ledger_risk_assessments: LedgerRiskAssessmentTable;
}
