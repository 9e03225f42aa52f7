// The tables as Kysely sees them. Each migration in migrations/ adds to this; the two are kept in step by hand.
import type { LedgerTables } from './schema-ledger';
import type { ComplaintsTables } from './schema-complaints';
import type { TrainingTables } from './schema-training';
import type { OutsourceeTables } from './schema-outsourcees';
import type { InternalAuditTables } from './schema-internal-audit';
import type { Generated } from 'kysely';
import type { Role } from '../../../src-shared/roles';
import type { RegisterTables } from './schema-registers';
import type { RequestTables } from './schema-requests';

export interface AccountTable {
  id: string;
  login_id: string;
  display_name: string;
  role: Role;
  department: string | null;
  status: 'active' | 'disabled';
  must_change_password: number;
  created_at: string;
  updated_at: string;
  last_sign_in_at: string | null;
  password_changed_at: string;
  /** The person's screen language; null: the one chosen before sign-in. */
  language: 'ja' | 'en' | null;
  /** Dates as 2026年11月25日 (`western`) or 令和8年11月25日 (`era`). */
  date_style: Generated<'western' | 'era'>;
}

export interface ManagerInChargeTable {
  id: number;
  name: string;
  title: string;
  email: string;
  phone: string;
  updated_at: string;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface InstallationTable {
  id: number;
  installation_id: string;
  created_at: string;
  /** Key of the HMACs the audit trail uses for values; it never leaves the encrypted database. */
  audit_hmac_key: Buffer;
  /** Ed25519 key that signs audit files: raw public key, PKCS#8 private key. */
  signing_public_key: Buffer;
  signing_private_key: Buffer;
}

export interface AuditEventTable {
  seq: Generated<number>;
  at: string;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  outcome: 'ok' | 'denied' | 'failed';
  target_type: string | null;
  target_id: string | null;
  /** JSON: names of the fields touched, never their values. */
  fields: string | null;
  /** JSON: error codes, reasons, keyed hashes; never personal data. */
  details: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface StatementTemplateTable {
  version: number;
  text_ja: string;
  text_en: string;
  created_at: string;
  created_by: string | null;
}

export interface StatementTable {
  id: string;
  account_id: string | null;
  person_name: string | null;
  department: string | null;
  template_version: number;
  signed_on: string;
  training_on: string;
  renewal_on: string;
  scan_name: string;
  scan_mime: string;
  scan: Buffer;
  superseded_by: string | null;
  recorded_at: string;
  recorded_by: string;
}

// Migration 3: customer records and what hangs on them (issue #4).

export interface ReceiptTable {
  id: string;
  partner_id: string | null;
  provider_name: string;
  provider_address: string;
  provider_representative: string;
  obtained_how: string;
  received_on: string;
  items: string;
  keep_until: string;
  recorded_at: string;
  recorded_by: string | null;
}

export interface CustomerTable {
  id: string;
  customer_no: string;
  name: string;
  name_kana: string;
  name_romaji: string | null;
  birth_date: string | null;
  postal_code: string;
  prefecture: string;
  city: string;
  address_line1: string;
  address_line2: string | null;
  provenance: 'registration' | 'partner';
  receipt_id: string | null;
  kana_key: string;
  search_rowid: number | null;
  created_at: string;
  updated_at: string;
}

export interface CustomerPhoneTable {
  id: Generated<number>;
  customer_id: string;
  number: string;
  kind: string;
}

export interface CustomerEmailTable {
  id: Generated<number>;
  customer_id: string;
  address: string;
  address_key: string;
}

export interface PaymentMethodTable {
  id: Generated<number>;
  customer_id: string;
  brand: string;
  last4: string;
  expiry: string;
}

export interface OrderTable {
  id: Generated<number>;
  customer_id: string;
  order_id: string;
  ordered_on: string;
  items: string;
  amount: number;
}

export interface OnlineIdentifierTable {
  id: Generated<number>;
  customer_id: string;
  kind: 'cookie' | 'device' | 'advertising' | 'ip' | 'location';
  value: string;
  system: string;
  first_seen: string | null;
  last_seen: string | null;
}

export interface CustomerFeedbackTable {
  id: Generated<number>;
  customer_id: string;
  kind: 'feedback' | 'survey';
  received_on: string;
  subject: string | null;
  text: string;
}

export interface PolicyVersionTable {
  version: number;
  effective_on: string;
  created_at: string;
  created_by: string | null;
}

export interface PurposeTable {
  policy_version: number;
  id: string;
  title_ja: string;
  title_en: string;
  description_ja: string;
  description_en: string;
  opt_in: number;
}

export interface ConsentTable {
  customer_id: string;
  purpose_id: string;
  state: 'given' | 'withdrawn';
  decided_on: string;
  channel: 'web' | 'email' | 'post' | 'phone' | 'counter' | 'import';
  policy_version: number;
  recorded_at: string;
}

export interface ConsentEventTable {
  id: Generated<number>;
  customer_id: string;
  purpose_id: string;
  state: 'given' | 'withdrawn';
  decided_on: string;
  channel: string;
  policy_version: number;
  recorded_at: string;
  recorded_by: string | null;
}

export interface CustomerChangeTable {
  id: Generated<number>;
  customer_id: string;
  at: string;
  actor_id: string | null;
  action: string;
  /** JSON: the names of the fields changed, never their values. */
  fields: string;
  request_id: string | null;
}

export interface RevealReasonTable {
  id: string;
  customer_id: string;
  actor_id: string;
  at: string;
  kind: string;
  request_id: string | null;
  text: string;
}

/** The FTS5 bigram index; `rowid` follows kana order (customers/search-index.ts). */
export interface CustomerSearchTable {
  rowid: number;
  grams: string;
}

// Migration 4: CSV imports and the possible duplicates they flag (customers/import/).

export interface CustomerImportTable {
  id: string;
  file_name: string;
  encoding: string;
  imported: number;
  rejected: number;
  duplicates: number;
  receipt_id: string | null;
  rejected_file: string | null;
  imported_at: string;
  imported_by: string | null;
}

export interface CustomerImportReviewTable {
  id: Generated<number>;
  import_id: string;
  customer_id: string;
  existing_customer_id: string;
  reason: 'email' | 'readingAndBirthDate';
  /** Migration 5: 'merged' became 'samePerson' (one person, two records, nothing merged). */
  status: Generated<'open' | 'distinct' | 'samePerson'>;
  decided_at: string | null;
  decided_by: string | null;
  /** Migration 5: the decider's note, if any. */
  note: Generated<string | null>;
}

export interface Database extends RequestTables, RegisterTables, LedgerTables, ComplaintsTables, TrainingTables, OutsourceeTables, InternalAuditTables {
  accounts: AccountTable;
  manager_in_charge: ManagerInChargeTable;
  settings: SettingTable;
  installation: InstallationTable;
  audit_events: AuditEventTable;
  audit_head: AuditHeadTable;
  statement_templates: StatementTemplateTable;
  statements: StatementTable;
  receipts: ReceiptTable;
  customers: CustomerTable;
  customer_phones: CustomerPhoneTable;
  customer_emails: CustomerEmailTable;
  payment_methods: PaymentMethodTable;
  orders: OrderTable;
  online_identifiers: OnlineIdentifierTable;
  customer_feedback: CustomerFeedbackTable;
  policy_versions: PolicyVersionTable;
  purposes: PurposeTable;
  consents: ConsentTable;
  consent_events: ConsentEventTable;
  customer_changes: CustomerChangeTable;
  reveal_reasons: RevealReasonTable;
  customer_search: CustomerSearchTable;
  customer_imports: CustomerImportTable;
  customer_import_reviews: CustomerImportReviewTable;
}
