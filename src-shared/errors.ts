// The error codes that cross the boundary, and the shape of a call's result.
// A message is an i18n key (see src-shared/messages.ts); details carry its parameters.

export const errorCodes = [
  'VALIDATION', // the input does not match the contract, or breaks a rule (password too short, ...)
  'UNAUTHENTICATED', // no session, or wrong credentials
  'FORBIDDEN', // the role may not do this
  'NOT_FOUND', // no such record, or no such method
  'CONFLICT', // the state does not allow it (setup already done, ...)
  'LOCKED', // the account is locked after repeated wrong passwords
  'SESSION_LOCKED', // the desk is locked; unlock with the password first
  'INTEGRITY', // the database or keyring failed an integrity check
  'BAD_REQUEST', // a malformed request to the host (not JSON, wrong token, ...)
  'INTERNAL', // a fault in the desk itself; details are in the log, never here
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface DeskErrorData {
  code: ErrorCode;
  /** An i18n key under `errors.` in src-shared/messages.ts. */
  message: string;
  details?: Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DeskErrorData };
