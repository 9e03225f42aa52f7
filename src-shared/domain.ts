// Domain types that both sides speak: the person signed in, the manager-in-charge, the desk's settings.
import type { Permission, Role } from './roles';
import type { Preferences } from './preferences';

export interface SessionInfo {
  accountId: string;
  loginId: string;
  displayName: string;
  role: Role;
  permissions: Permission[];
  locked: boolean;
  /** A temporary password must be changed before anything else. */
  mustChangePassword: boolean;
  /** Minutes without input after which the desk locks itself. */
  idleLockMinutes: number;
  /** The person's own screen language and date style (preferences.ts): the desk switches to them at sign-in. */
  language: Preferences['language'];
  dateStyle: Preferences['dateStyle'];
}

/** The manager-in-charge of personal information (個人情報保護管理者): every notice carries this person. */
export interface ManagerInCharge {
  name: string;
  title: string;
  email: string;
  phone: string;
}

export interface DeskSettings {
  installationId: string;
  idleLockMinutes: number;
  manager: ManagerInCharge;
  /** The fingerprint of the key that signs audit files (as `ssh-keygen -lf` prints it), for an auditor to compare. */
  signingKeyFingerprint: string;
}

export const idleLockBounds = { min: 1, max: 60, default: 10 } as const;
export const lockout = { attempts: 5, minutes: 15 } as const;

/** Where a person stands with their written confidentiality statement. */
export type StatementState = 'current' | 'dueSoon' | 'overdue' | 'none';
/** A statement is "due soon" this many days before its renewal date. */
export const statementDueSoonDays = 30;

export interface AccountRow {
  id: string;
  loginId: string;
  displayName: string;
  role: import('./roles').Role;
  department: string | null;
  status: 'active' | 'disabled';
  mustChangePassword: boolean;
  lastSignInAt: string | null;
  /** Set while the account is locked after wrong passwords. */
  lockedUntil: string | null;
  statement: { state: StatementState; renewalOn: string | null };
}

export interface StatementRow {
  id: string;
  accountId: string | null;
  /** The person's name: the account's display name, or the name recorded for a person without an account. */
  personName: string;
  department: string | null;
  templateVersion: number;
  signedOn: string;
  trainingOn: string;
  renewalOn: string;
  state: Exclude<StatementState, 'none'> | 'superseded';
  supersededBy: string | null;
  scan: { fileName: string; mimeType: string; bytes: number };
  recordedAt: string;
  recordedBy: string;
}

export interface StatementTemplate {
  version: number;
  textJa: string;
  textEn: string;
  createdAt: string;
}

/** An audit event as it is hashed into the chain and exported (electron/core/audit/event-hash.ts). */
export interface AuditEvent {
  seq: number;
  at: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  outcome: 'ok' | 'denied' | 'failed';
  targetType: string | null;
  targetId: string | null;
  fields: string[] | null;
  details: Record<string, unknown> | null;
}

/** An event as the audit screen lists it. */
export interface AuditRow extends AuditEvent {
  /** Shown to the officer only; the auditor sees ids. */
  actorName: string | null;
  hash: string;
}

export type ChainStatus =
  | { valid: true; events: number; head: string }
  | { valid: false; events: number; brokenAt: number; reason: 'hash' | 'link' | 'gap' | 'head' };
