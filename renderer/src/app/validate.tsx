// Client-side checks taken from the contract's own field schemas and password rules, so the screen and the core agree.
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { passwordProblems } from '../../../src-shared/passwords';
import { FieldMessage } from './errors';

/** A Mantine form validator from a contract field: the first issue's key, as a message. */
export function fromSchema(schema: z.ZodType) {
  return (value: unknown): ReactNode => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return null;
    const issue = parsed.error.issues[0];
    // Our schemas name their rule as a key; zod's own messages are sentences, so their code is the key then.
    return issue ? <FieldMessage message={issue.message.includes(' ') ? issue.code : issue.message} /> : null;
  };
}

export function newPasswordError(password: string, loginId: string): ReactNode {
  if (password === '') return <FieldMessage message="password.required" />;
  const problem = passwordProblems(password, loginId)[0];
  return problem ? <FieldMessage message={`password.${problem}`} /> : null;
}

export function confirmationError(confirmation: string, password: string): ReactNode {
  return confirmation === password ? null : <FieldMessage message="mismatch" />;
}

export function requiredError(value: string): ReactNode {
  return value.trim() === '' ? <FieldMessage message="required" /> : null;
}
