// The tables of migration 6 (requests from the person, issue #5) as Kysely sees them; kept in step with the migration by hand.
import type { Generated } from 'kysely';
import type {
  CessationScope,
  DisclosureForm,
  IdDocumentSide,
  IdDocumentType,
  NoticeKind,
  NoticeLanguage,
  ProposalKind,
  RequestChannel,
  RequesterKind,
  RequestKind,
  RequestState,
} from '../../../src-shared/requests';

export interface RequestTable {
  id: string;
  number: string;
  kind: RequestKind;
  purpose_id: string | null;
  channel: RequestChannel;
  received_on: string;
  requester_kind: RequesterKind;
  requester_name: string | null;
  requester_kana: string | null;
  requester_email: string | null;
  requester_phone: string | null;
  requester_postal_code: string | null;
  requester_address: string | null;
  requester_birth_date: string | null;
  proxy_name: string | null;
  proxy_relationship: string | null;
  proxy_authority: string | null;
  asked: string | null;
  disclosure_form: DisclosureForm | null;
  fee_yen: number | null;
  notice_language: NoticeLanguage;
  customer_id: string | null;
  customer_no: string | null;
  duplicate_of: string | null;
  state: RequestState;
  due_on: string;
  extended_due_on: string | null;
  extension_reason: string | null;
  /** Who handles the request now (migration 14); the registrant until it is handed on. */
  assignee_id: string | null;
  extended_at: string | null;
  extended_by: string | null;
  outcome_ground: string | null;
  outcome_text: string | null;
  closed_at: string | null;
  personal_data_erased_at: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
}

export interface RequestHistoryTable {
  id: Generated<number>;
  request_id: string;
  at: string;
  actor_id: string | null;
  action: string;
  from_state: RequestState | null;
  to_state: RequestState | null;
  note: string | null;
}

export interface RequestCommentTable {
  id: Generated<number>;
  request_id: string;
  at: string;
  actor_id: string | null;
  text: string;
}

export interface RequestAttachmentTable {
  id: string;
  request_id: string;
  at: string;
  actor_id: string | null;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  data: Buffer | null;
  erased_at: string | null;
}

export interface IdCopyTable {
  id: string;
  request_id: string;
  document_type: IdDocumentType;
  side: IdDocumentSide;
  media_type: string;
  width: number;
  height: number;
  /** SHA-256 (hex) of the stored, redacted image. */
  sha256: string;
  image: Buffer | null;
  /** JSON: the boxes blacked out, as fractions of the upright image. */
  redactions: string;
  /** JSON: for a health insurance card, what the person confirmed masked. */
  masking_confirmed: string | null;
  attached_at: string;
  attached_by: string | null;
  result: 'verified' | 'notVerified' | null;
  /** JSON: the checklist (IdCopyCheck). */
  check_details: string | null;
  not_verified_reason: string | null;
  verified_at: string | null;
  verified_by: string | null;
  erase_on: string | null;
  erased_at: string | null;
}

export interface ProposalTable {
  id: string;
  request_id: string;
  customer_id: string | null;
  kind: ProposalKind;
  /** JSON: FieldChange[] (empty for other kinds). */
  changes: string;
  /** JSON: { scope, purposeId } for `cease`. */
  cessation: string | null;
  base_updated_at: string | null;
  note: string | null;
  state: 'open' | 'approved' | 'rejected';
  proposed_at: string;
  proposed_by: string;
  decided_at: string | null;
  decided_by: string | null;
  refusal_ground: string | null;
  reason_text: string | null;
}

export interface CompanySystemTable {
  id: string;
  name: string;
  key: string;
  owner_name: string;
  owner_contact: string;
  holds_every_customer: number;
  ended_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface RequestTaskTable {
  id: string;
  request_id: string;
  proposal_id: string;
  system_id: string;
  order_file: string;
  order_sha256: string;
  state: 'open' | 'confirmed' | 'waived';
  confirmed_by: string | null;
  confirmed_at: string | null;
  evidence: string | null;
  waive_reason: string | null;
  recorded_by: string | null;
  created_at: string;
}

export interface NoticeTable {
  id: string;
  request_id: string;
  kind: NoticeKind;
  language: NoticeLanguage;
  recipient: string | null;
  subject: string;
  body: string;
  eml_file: string | null;
  body_sha256: string;
  created_at: string;
  created_by: string | null;
  sent_at: string | null;
  send_error: string | null;
}

export interface DisclosurePackageTable {
  id: string;
  request_id: string;
  json_file: string;
  pdf_file: string;
  json_sha256: string;
  pdf_sha256: string;
  built_at: string;
  built_by: string | null;
}

export interface CustomerCessationTable {
  id: Generated<number>;
  customer_id: string;
  scope: CessationScope;
  purpose_id: string | null;
  request_id: string | null;
  since: string;
}

export interface CustomerTombstoneTable {
  customer_id: string;
  erased_at: string;
  request_id: string | null;
  content_hmac: string;
}

export interface RequestTables {
  requests: RequestTable;
  request_history: RequestHistoryTable;
  request_comments: RequestCommentTable;
  request_attachments: RequestAttachmentTable;
  id_copies: IdCopyTable;
  proposals: ProposalTable;
  company_systems: CompanySystemTable;
  request_tasks: RequestTaskTable;
  notices: NoticeTable;
  disclosure_packages: DisclosurePackageTable;
  customer_cessations: CustomerCessationTable;
  customer_tombstones: CustomerTombstoneTable;
}
