// Steps the education tests share: a session as the officer records it, and the window's sentences for a refusal.
import { en } from '../../../../renderer/src/i18n/en';
import { accountsEn } from '../../../../renderer/src/i18n/en/accounts';
import { statementsEn } from '../../../../renderer/src/i18n/en/statements';
import { trainingEn } from '../../../../renderer/src/i18n/en/training';
import { ja } from '../../../../renderer/src/i18n/ja';
import { accountsJa } from '../../../../renderer/src/i18n/ja/accounts';
import { statementsJa } from '../../../../renderer/src/i18n/ja/statements';
import { trainingJa } from '../../../../renderer/src/i18n/ja/training';
import type { Result } from '../../../../src-shared/errors';
import { asUpload, scannedPdf } from '../../../fixtures/scans';

/** The spring all-staff session's slides, saved as PDF. */
export const slides = () => asUpload(scannedPdf('Personal information protection training 2026'), '個人情報保護研修2026.pdf', 'application/pdf');

export function session(attendees: object[], more: object = {}) {
  return { heldOn: '2026-04-15', topic: '個人情報保護研修（春季・全社員）', trainer: '南 真美（個人情報保護管理者）', attendees, ...more };
}

const bundles = { ja: [trainingJa, ja, accountsJa, statementsJa], en: [trainingEn, en, accountsEn, statementsEn] };

function lookUp(bundle: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), bundle);
}

/** The sentences the window shows for a refusal, per language: the message's own, or those of the fields it names. */
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
