// Puts a core refusal of a customer form next to the field it names: zod issues by their path, the core's own checks by details.path.
import type { ReactNode } from 'react';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { ErrorText, FieldMessage } from '../../app/errors';

interface FormLike {
  setFieldError(path: string, error: ReactNode): void;
  setFieldValue(path: string, value: string): void;
}

/**
 * Validation issues go to their fields; a refusal naming one field in `details.path` (card.number, birthDate.range,
 * customer.numberTaken ...) goes there too. Returns what the form's alert should still say, or null.
 * `fieldOf` turns a contract path into the form's, or null when the form has no such field.
 */
export function showCustomerError(form: FormLike, error: DeskErrorData, fieldOf: (path: string) => string | null = (p) => p): DeskErrorData | null {
  if (error.code === 'VALIDATION' && error.message === 'validation.input') {
    const issues = Array.isArray(error.details?.issues) ? (error.details.issues as { path?: unknown; message?: unknown }[]) : [];
    let placed = 0;
    for (const issue of issues) {
      const field = typeof issue.path === 'string' && issue.path !== '' ? fieldOf(issue.path) : null;
      if (field && typeof issue.message === 'string') {
        form.setFieldError(field, <FieldMessage message={issue.message} />);
        placed++;
      }
    }
    return issues.length > 0 && placed === issues.length ? null : error;
  }
  const field = typeof error.details?.path === 'string' ? fieldOf(error.details.path) : null;
  if (!field) return error;
  // A card number must not stay on screen either: the field is emptied, the message says why (never the number).
  if (error.message === 'card.number') form.setFieldValue(field, '');
  form.setFieldError(field, <ErrorText error={error} />);
  return null;
}
