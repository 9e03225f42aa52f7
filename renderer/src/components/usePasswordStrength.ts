// How guessable a new password is, by the core's own estimator (src-shared/password-strength.ts), loaded on first use.
import { useEffect, useState } from 'react';
import type { PasswordStrength } from '../../../src-shared/password-strength';

export type StrengthState = { checking: true } | ({ checking: false } & PasswordStrength) | null;

export function usePasswordStrength(password: string, related: string[]): StrengthState {
  const [state, setState] = useState<StrengthState>(null);
  const relatedKey = related.join('\u0000');
  useEffect(() => {
    if (password === '') return setState(null);
    let current = true;
    setState({ checking: true });
    // The dictionaries are large: fetched only when someone types a new password, and after a pause in typing.
    const timer = window.setTimeout(() => {
      void import('../../../src-shared/password-strength')
        .then(({ passwordStrength }) => passwordStrength(password, relatedKey.split('\u0000')))
        .then((strength) => current && setState({ checking: false, ...strength }))
        .catch(() => current && setState(null));
    }, 250);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [password, relatedKey]);
  return state;
}
