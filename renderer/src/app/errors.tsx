// Turns the core's errors (i18n keys with details) into sentences, and validation issues into field messages.
// They render as components, so a message already on screen follows a language switch.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { DeskErrorData } from '../../../src-shared/errors';

function localTime(iso: unknown, language: string): string | null {
  if (typeof iso !== 'string') return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

export function errorSentence(t: TFunction, language: string, error: DeskErrorData): string {
  const key = `errors.${error.message}`;
  if (error.message === 'auth.accountLocked') {
    const time = localTime(error.details?.until, language);
    // "HH:mm まで" / "until HH:mm": when the lock ends is what the person needs to know.
    const until = time ? t('errors.auth.accountLockedUntil', { time }) : '';
    return t(key, { until });
  }
  // Details are the sentence's parameters (whom to ask, why a write failed); a missing one reads as empty, never as "null".
  const values = Object.fromEntries(Object.entries(error.details ?? {}).map(([k, v]) => [k, v ?? '']));
  const sentence = t(key, { ...values, defaultValue: t('errors.unknown', { code: error.code }) });
  // A weak password comes with why (a zxcvbn warning as a key): say it, so the person knows what to change.
  const warning = error.details?.warning;
  if (error.message === 'password.weak' && typeof warning === 'string') {
    return `${sentence} ${t(`passwordWeakness.${warning}`, { defaultValue: t('passwordWeakness.guessable') })}`;
  }
  return sentence;
}

/** The sentence for an error of the core, in the current language. */
export function ErrorText({ error }: { error: DeskErrorData }) {
  const { t, i18n } = useTranslation();
  return <>{errorSentence(t, i18n.language, error)}</>;
}

/** A field's message from a key such as `required` or `email.format` (or a zod code). */
export function FieldMessage({ message }: { message: string }) {
  const { t } = useTranslation();
  return <>{t(`fieldErrors.${message}`, { defaultValue: t('fieldErrors.invalid') })}</>;
}

interface FormLike {
  setFieldError(path: string, error: ReactNode): void;
}

interface Issue {
  path: string;
  message: string;
}

function issuesOf(error: DeskErrorData): Issue[] {
  const issues = error.details?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.filter((i): i is Issue => typeof i?.path === 'string' && typeof i?.message === 'string');
}

/**
 * Puts what belongs to a field next to that field, and returns what the form's alert should say
 * (null when every part of the error already sits next to its field).
 * `fieldOf` renames the contract's paths to the form's; `fieldOf['password.rule']` names the field a
 * broken password rule (password.tooShort, ...) belongs to.
 */
export function showErrorOnForm(form: FormLike, error: DeskErrorData, fieldOf: Record<string, string> = {}): DeskErrorData | null {
  const field = (path: string) => fieldOf[path] ?? path;
  if (error.code === 'VALIDATION' && error.message === 'validation.input') {
    const issues = issuesOf(error);
    for (const issue of issues) if (issue.path) form.setFieldError(field(issue.path), <FieldMessage message={issue.message} />);
    return issues.length > 0 && issues.every((i) => i.path) ? null : error;
  }
  const passwordField = fieldOf['password.rule'];
  if (error.code === 'VALIDATION' && error.message.startsWith('password.') && passwordField) {
    form.setFieldError(passwordField, <ErrorText error={error} />);
    return null;
  }
  return error;
}
