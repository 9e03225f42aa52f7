// Whether the window has a sentence, in Japanese and in English, for a refusal the core gave: the key under `errors.`
// (or, for a field of the contract, under `fieldErrors.`) in the merged bundles.
import { en } from '../../../../renderer/src/i18n/en';
import { ja } from '../../../../renderer/src/i18n/ja';
import { idCopiesEn } from '../../../../renderer/src/i18n/en/idcopies';
import { idCopiesJa } from '../../../../renderer/src/i18n/ja/idcopies';
import { requestsEn } from '../../../../renderer/src/i18n/en/requests';
import { requestsJa } from '../../../../renderer/src/i18n/ja/requests';
import { statementsEn } from '../../../../renderer/src/i18n/en/statements';
import { statementsJa } from '../../../../renderer/src/i18n/ja/statements';
import type { Result } from '../../../../src-shared/errors';

const bundles = { ja: [ja, requestsJa, idCopiesJa, statementsJa], en: [en, requestsEn, idCopiesEn, statementsEn] };

function lookUp(bundle: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), bundle);
}

/** The sentences a refusal shows, per language: the message's own, and those of the fields it names. */
export function sentencesOf(result: Result<unknown>): { ja: string[]; en: string[] } {
  if (result.ok) throw new Error('expected a refusal');
  const issues = (result.error.details?.issues as { message: string }[] | undefined) ?? [];
  const keys = issues.length ? issues.map((i) => `fieldErrors.${i.message}`) : [`errors.${result.error.message}`];
  const find = (language: 'ja' | 'en') =>
    keys.map((key) => {
      const found = bundles[language].map((b) => lookUp(b, key)).find((v) => typeof v === 'string');
      if (typeof found !== 'string') throw new Error(`no ${language} sentence for ${key}`);
      return found;
    });
  return { ja: find('ja'), en: find('en') };
}
