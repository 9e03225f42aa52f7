// Steps the ledger tests share: the entries a mail-order shop's privacy office keeps, the risk assessment it drafts,
// and the sentences the window shows for the core's keys.
import type { LedgerEntry, LedgerEntryInput, RiskAssessmentInput } from '../../../../src-shared/api/ledger';
import { en } from '../../../../renderer/src/i18n/en';
import { customersEn } from '../../../../renderer/src/i18n/en/customers';
import { ledgerEn } from '../../../../renderer/src/i18n/en/ledger';
import { ja } from '../../../../renderer/src/i18n/ja';
import { customersJa } from '../../../../renderer/src/i18n/ja/customers';
import { ledgerJa } from '../../../../renderer/src/i18n/ja/ledger';
import { asOfficer, signInAs, staffMember, type TestDesk } from '../../helpers/desk';

/** 顧客マスタ: every customer on file, counted live from the desk. */
export const customerMaster: LedgerEntryInput = {
  name: '顧客マスタ',
  items: ['氏名', 'フリガナ', '住所', '電話番号', 'メールアドレス', '生年月日', '支払方法（カード下4桁）'],
  purposeIds: ['3.1', '3.2', '3.3'],
  obtainedHow: '通販サイトの会員登録フォームで本人から直接取得',
  department: 'EC運営部',
  responsible: 'EC運営部長 井上 誠',
  storageKind: 'system',
  storagePlace: '個人情報保護デスク（暗号化データベース）、受注管理システム',
  access: '個人情報保護管理者、カスタマーサポート担当（誓約書提出者）',
  retention: '最終取引から5年',
  disposal: '保存期間経過後にデスクの保存期間処理で消去',
  disclosable: true,
  count: { kind: 'desk', source: 'customers' },
};

/** 採用応募者: kept on paper, counted by hand by the HR department on the day it says. */
export const applicants: LedgerEntryInput = {
  name: '採用応募者',
  items: ['氏名', '住所', '電話番号', 'メールアドレス', '学歴・職歴', '履歴書の写真'],
  purposeIds: [],
  otherPurposes: '採用選考及び応募者への連絡',
  obtainedHow: '応募者本人からの履歴書の郵送・持参',
  department: '人事部',
  responsible: '人事部長 小川 恵',
  storageKind: 'paper',
  storagePlace: '本社3階 人事部の施錠キャビネット',
  access: '人事部の採用担当者のみ',
  retention: '選考終了後6か月',
  disposal: '溶解処理業者による溶解（証明書を受領）',
  disclosable: true,
  count: { kind: 'typed', people: 48, asOf: '2026-10-31' },
};

/** Leak and misuse of the customer master, likely enough to matter, high impact. */
export const customerRisk: RiskAssessmentInput = {
  threats: ['leak', 'unauthorizedAccess', 'misuse'],
  threatNotes: '不正アクセスによる顧客情報の漏えい、担当者による目的外の閲覧',
  likelihood: 2,
  impact: 3,
  measures: 'データベースの暗号化、閲覧理由の記録（policy §4.2）、誓約書と年1回の教育、アクセス権の四半期見直し',
  residual: 'medium',
};

export async function register(desk: TestDesk, entry: LedgerEntryInput, paperReview?: { on: string; by: string }): Promise<LedgerEntry> {
  return desk.ok<LedgerEntry>('ledger.save', { entry, ...(paperReview ? { paperReview } : {}) });
}

/** Moves the desk's clock to a local time in Japan and signs in again (months away, the idle lock has long fired). */
export async function clockTo(desk: TestDesk, isoJst: string, who: 'officer' | 'staff' = 'officer'): Promise<void> {
  desk.clock.now = new Date(isoJst);
  if (who === 'officer') await asOfficer(desk);
  else await signInAs(desk, staffMember);
}

export function auditRows(desk: TestDesk, action: string) {
  return desk.core.desk.requireDb().selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('seq', 'desc').execute();
}

/** The sentence a window shows for a key (`errors.ledger.retired`, `fieldErrors.ledger.rating`), per language. */
export function sentence(language: 'ja' | 'en', key: string): string | undefined {
  // The ledger's own bundle, the shared one, and the customers' (dates and purpose ids are theirs).
  const bundles = language === 'ja' ? [ledgerJa, ja, customersJa] : [ledgerEn, en, customersEn];
  for (const bundle of bundles) {
    const found = key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), bundle);
    if (typeof found === 'string') return found;
  }
  return undefined;
}
