// The typed error the core throws inside; the router turns it into `{ ok: false, error }` at the boundary.
import type { DeskErrorData, ErrorCode } from '../../src-shared/errors';

export class DeskError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** An i18n key under `errors.` */
    readonly key: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(`${code}: ${key}`);
    this.name = 'DeskError';
  }

  toData(): DeskErrorData {
    return { code: this.code, message: this.key, ...(this.details ? { details: this.details } : {}) };
  }
}
