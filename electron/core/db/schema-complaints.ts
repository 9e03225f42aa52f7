// The tables of complaints and consultations (APPI Art. 40) (issue #10), as Kysely sees them (migration 10).
import type { Generated } from 'kysely';
import type { ComplaintChannel, ComplaintKind, ComplaintState } from '../../../src-shared/api/complaints';

export interface ComplaintTable {
  id: string;
  number: string;
  kind: ComplaintKind;
  channel: ComplaintChannel;
  received_on: string;
  due_on: string;
  subject: string;
  content: string;
  complainant_name: string | null;
  complainant_contact: string | null;
  /** Null once the customer is erased (on delete set null); `customer_no` stays. */
  customer_id: string | null;
  customer_no: string | null;
  handler_id: string | null;
  response: string | null;
  /** 0 / 1; null until decided. */
  problem_found: number | null;
  problem_description: string | null;
  state: ComplaintState;
  closed_on: string | null;
  closed_at: string | null;
  closed_by: string | null;
  personal_data_erased_at: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
}

/** One link from a complaint to the request or the incident that followed: both sides read this one row. */
export interface ComplaintLinkTable {
  id: Generated<number>;
  complaint_id: string;
  request_id: string | null;
  incident_id: string | null;
  how: 'registered' | 'linked';
  linked_at: string;
  linked_by: string | null;
}

export interface ComplaintHistoryTable {
  id: Generated<number>;
  complaint_id: string;
  at: string;
  actor_id: string | null;
  action: string;
  note: string | null;
}

export interface ComplaintsTables {
  complaints: ComplaintTable;
  complaint_links: ComplaintLinkTable;
  complaint_history: ComplaintHistoryTable;
}
