// The tables of migration 7 (the registers of issue #6) as Kysely sees them; kept in step with the migration by hand.
import type { Generated } from 'kysely';
import type { ProvisionBasis } from '../../../src-shared/registers';

export interface PartnerTable {
  id: string;
  name: string;
  address: string;
  representative: string;
  /** JSON: PartnerRole[]. */
  roles: string;
  country: string;
  contract_from: string | null;
  contract_to: string | null;
  security_measures: string;
  contact_name: string;
  contact_email: string;
  contact_phone: string | null;
  ended_on: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
}

export interface ProvisionConsentTable {
  id: string;
  customer_id: string;
  partner_id: string | null;
  partner_role: string | null;
  /** JSON: country codes abroad. */
  countries: string;
  given_on: string;
  channel: string;
  policy_version: number;
  state: 'given' | 'withdrawn';
  withdrawn_on: string | null;
  recorded_at: string;
  recorded_by: string | null;
}

export interface ProvisionTable {
  id: string;
  number: string;
  partner_id: string;
  provided_on: string;
  last_provided_on: string | null;
  items: string;
  basis: ProvisionBasis;
  justification: string | null;
  state: 'awaitingApproval' | 'recorded' | 'rejected';
  keep_until: string;
  recorded_at: string;
  recorded_by: string;
  decided_at: string | null;
  decided_by: string | null;
  rejection_reason: string | null;
}

export interface ProvisionCustomerTable {
  provision_id: string;
  customer_id: string | null;
  customer_no: string;
  consent_id: string | null;
}

export interface ProvisionExclusionTable {
  provision_id: string;
  customer_no: string;
  reason: string;
}

export interface PolicyTextTable {
  version: number;
  text_ja: string;
  text_en: string;
  posted_on: string;
  recorded_at: string;
  recorded_by: string | null;
}

export interface IncidentTable {
  id: string;
  number: string;
  discovered_at: string;
  occurred_at: string | null;
  summary: string;
  /** JSON: IncidentDataCategory[]. */
  categories: string;
  people_count: number;
  unlawful_suspected: number;
  cause: string;
  measures: string;
  preliminary_reported_at: string | null;
  final_reported_at: string | null;
  state: 'open' | 'closed';
  created_at: string;
  created_by: string | null;
  updated_at: string;
}

export interface IncidentPersonTable {
  incident_id: string;
  customer_id: string | null;
  customer_no: string;
  notified_at: string | null;
}

export interface IncidentEventTable {
  id: Generated<number>;
  incident_id: string;
  at: string;
  actor_id: string | null;
  kind: string;
  note: string | null;
}

export interface IncidentNoticeTable {
  id: string;
  incident_id: string;
  customer_no: string;
  language: string;
  recipient: string | null;
  subject: string;
  body: string;
  body_sha256: string;
  eml_file: string | null;
  created_at: string;
  created_by: string | null;
}

export interface RetentionPeriodTable {
  kind: string;
  months: number | null;
  updated_at: string;
  updated_by: string | null;
}

export interface RetentionRunTable {
  id: string;
  created_at: string;
  created_by: string | null;
  /** JSON: the ids found per kind (never shown). */
  found: string;
  /** JSON: counts per kind. */
  counts: string;
  state: 'previewed' | 'run' | 'cancelled';
  run_at: string | null;
  run_by: string | null;
  /** JSON: counts erased per kind. */
  erased: string | null;
}

export interface RegisterTables {
  partners: PartnerTable;
  provision_consents: ProvisionConsentTable;
  provisions: ProvisionTable;
  provision_customers: ProvisionCustomerTable;
  provision_exclusions: ProvisionExclusionTable;
  policy_texts: PolicyTextTable;
  incidents: IncidentTable;
  incident_people: IncidentPersonTable;
  incident_events: IncidentEventTable;
  incident_notices: IncidentNoticeTable;
  retention_periods: RetentionPeriodTable;
  retention_runs: RetentionRunTable;
}
