// The tables as Kysely sees them. Each migration in migrations/ adds to this; the two are kept in step by hand.
import type { Generated } from 'kysely';
import type { Role } from '../../../src-shared/roles';

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

export interface Database {
  accounts: AccountTable;
  manager_in_charge: ManagerInChargeTable;
  settings: SettingTable;
  installation: InstallationTable;
  audit_events: AuditEventTable;
  audit_head: AuditHeadTable;
  statement_templates: StatementTemplateTable;
  statements: StatementTable;
}
