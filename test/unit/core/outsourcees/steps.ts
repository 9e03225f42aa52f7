// Steps the outsourcee tests share: the outsourcees of a mail-order shop, a checklist as the officer fills it in, and
// the window's sentences for a refusal.
import { en } from '../../../../renderer/src/i18n/en';
import { outsourceesEn } from '../../../../renderer/src/i18n/en/outsourcees';
import { provisionsEn } from '../../../../renderer/src/i18n/en/provisions';
import { ja } from '../../../../renderer/src/i18n/ja';
import { outsourceesJa } from '../../../../renderer/src/i18n/ja/outsourcees';
import { provisionsJa } from '../../../../renderer/src/i18n/ja/provisions';
import { contractClauses, evaluationCriteria, type EvaluationCriterion, type Rating } from '../../../../src-shared/api/outsourcees';
import type { Result } from '../../../../src-shared/errors';
import { scannedPdf } from '../../../fixtures/scans';

const partner = {
  representative: '代表取締役 大野 修',
  country: 'JP',
  contractFrom: '2024-04-01',
  contactName: '品質管理部 村井 優子',
  contactEmail: 'privacy@partner.example.jp',
};

/** Packs and delivers the orders: it holds every customer's name, address and phone number. */
export const deliveryCompany = {
  ...partner,
  name: '株式会社みなと配送',
  address: '神奈川県横浜市中区海岸通3-9',
  roles: ['outsourcee'],
  securityMeasures: '業務委託契約第12条：入退室管理、送り状の施錠保管、再委託の禁止、年1回の監査受入れ。',
};

/** Answers the shop's phone and mail: it reads the customer records to help. */
export const callCentre = {
  ...partner,
  name: '株式会社コールサポート九州',
  address: '福岡県福岡市博多区博多駅前2-1-1',
  roles: ['outsourcee', 'serviceProvider'],
  securityMeasures: '委託契約書第8条：アクセス権限の限定、通話録音の保存期間、再委託には書面の事前承諾。',
};

/** An ad network: a recipient of provision, not an outsourcee. */
export const adNetwork = {
  ...partner,
  name: '株式会社デジタル広告',
  address: '東京都渋谷区道玄坂1-2-3',
  roles: ['advertiser', 'adDeliveryDestination'],
  securityMeasures: '提供データは暗号化して受け渡し。',
};

/** A checklist with every criterion conforming, but a few changed; not applicable for the certificate and abroad by default. */
export function checklist(changes: Partial<Record<EvaluationCriterion, Rating>> = {}) {
  const base: Record<EvaluationCriterion, Rating> = { ...Object.fromEntries(evaluationCriteria.map((c) => [c, 'conforms'])), certification: 'notApplicable', foreignEnvironment: 'notApplicable', ...changes } as Record<EvaluationCriterion, Rating>;
  return Object.fromEntries(evaluationCriteria.map((c) => [c, { rating: base[c] }]));
}

export function clauses(missing: string[] = []) {
  return Object.fromEntries(contractClauses.map((c) => [c, { present: !missing.includes(c), ...(missing.includes(c) ? { note: '次回の契約更新で追加を依頼' } : {}) }]));
}

/** The delivery company's security white paper, as they sent it. */
export const whitePaper = () => ({ kind: 'whitePaper', fileName: 'みなと配送_セキュリティ概要2026.pdf', mimeType: 'application/pdf', dataBase64: scannedPdf('Minato Haiso security white paper 2026').toString('base64') });

export function evaluation(partnerId: string, more: Record<string, unknown> = {}) {
  return {
    partnerId,
    kind: 'periodic',
    evaluatedOn: '2026-11-20',
    method: 'onSiteVisit',
    evaluator: '南 真美',
    criteria: checklist(),
    clauses: clauses(),
    result: 'approved',
    evidence: [whitePaper()],
    ...more,
  };
}

export function selection(partnerId: string, more: Record<string, unknown> = {}) {
  return evaluation(partnerId, { kind: 'selection', method: 'documents', evidence: [], ...more });
}

const bundles = { ja: [outsourceesJa, ja, provisionsJa], en: [outsourceesEn, en, provisionsEn] };

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
