// The password rules both the screen (as hints) and the core (as the rule) apply.

export const passwordMinLength = 12;

export type PasswordProblem = 'tooShort' | 'sameAsLoginId' | 'tooLong';

export function passwordProblems(password: string, loginId: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  // Count characters, not UTF-16 units, so a Japanese passphrase is measured as it is typed.
  const length = [...password].length;
  if (length < passwordMinLength) problems.push('tooShort');
  if (length > 256) problems.push('tooLong');
  if (loginId && password.normalize('NFKC').toLowerCase() === loginId.normalize('NFKC').toLowerCase()) problems.push('sameAsLoginId');
  return problems;
}
