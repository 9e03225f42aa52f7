// How guessable a password is, by @zxcvbn-ts: the core refuses weak ones, the screen warns as the person types.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

/** zxcvbn scores 0–4; below 3 ("safely unguessable" against an offline attack on a slow hash needs more) is weak. */
export const weakBelowScore = 3;

// Keys instead of English sentences: the screens translate `password.weak.<key>` into Japanese and English.
const asKeys = <T extends Record<string, string>>(table: T): T => Object.fromEntries(Object.keys(table).map((k) => [k, k])) as T;

let factory: ZxcvbnFactory | undefined;
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: { ...en.translations, warnings: asKeys(en.translations.warnings), suggestions: asKeys(en.translations.suggestions) },
  });
  return factory;
}

export interface PasswordStrength {
  score: number;
  weak: boolean;
  /** A key under `password.weak.`: why it is weak, e.g. `similarToCommon`. */
  warning: string | null;
}

/** `related` are words the password should not be built from: the login id, the person's name. */
export async function passwordStrength(password: string, related: string[] = []): Promise<PasswordStrength> {
  const result = await estimator().check(password, related.filter((w) => w.length > 0));
  const score = result.score;
  return { score, weak: score < weakBelowScore, warning: score < weakBelowScore ? (result.feedback.warning ?? 'guessable') : null };
}
