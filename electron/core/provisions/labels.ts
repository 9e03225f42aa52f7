// The registers' words in Japanese, for the CSV headers and the PDF: what an auditor or the PPC reads.
import type { ProvisionBasis, ProvisionExclusionReason, ProvisionState } from '../../../src-shared/registers';

/** The policy's own grounds (§5.1): consent, or one of its four exceptions. */
export const basisLabels: Record<ProvisionBasis, string> = {
  consent: '本人の同意',
  publicInstitution: '裁判所・警察等の公的機関からの法令に基づく要請',
  specialLaw: '法令に特別の定めがある場合',
  protectLife: '生命・身体・財産の保護（本人の同意を得ることが困難）',
  protectCompanyRights: '当社の権利・財産・サービスの保護（本人の同意を得ることが困難）',
};

export const stateLabels: Record<ProvisionState, string> = {
  awaitingApproval: '承認待ち',
  recorded: '記録済み',
  rejected: '却下',
};

export const exclusionLabels: Record<ProvisionExclusionReason, string> = {
  noConsent: '同意なし',
  countryNotNamed: '同意に提供先の国の記載なし',
  cessationOfProvision: '第三者提供の停止',
  cessationOfUse: '利用停止',
  erased: '消去済み',
  unknownCustomer: '該当する顧客なし',
};

/** One line per customer of each provision: Art. 29's record names the person (rules Art. 20(1)). */
export const provisionCsvColumns = [
  '記録番号',
  '提供日',
  '最終提供日',
  '提供先',
  '提供先の所在国',
  '提供先の住所',
  '提供先の代表者',
  '提供した項目',
  '提供の根拠',
  '状態',
  '顧客番号',
  '同意ID',
  '記録の保存期限',
  '記録日時',
  '記録者',
  '承認・却下日時',
  '承認・却下者',
] as const;

/** One line per customer of each receipt (APPI Art. 30, rules Art. 24). */
export const receiptCsvColumns = [
  '受領日',
  '提供者の氏名又は名称',
  '提供者の住所',
  '提供者の代表者',
  '提供者による取得の経緯',
  '受領した項目',
  '記録の保存期限',
  '顧客番号',
] as const;

export const pdfWords = {
  provisionTitle: '第三者提供記録簿（個人情報の保護に関する法律第29条）',
  receiptTitle: '第三者からの受領記録簿（個人情報の保護に関する法律第30条）',
  preparedOn: '作成日',
  policyVersion: 'プライバシーポリシーの版',
  manager: '個人情報保護管理者',
  filter: '抽出条件',
  partner: '提供先・提供者',
  customer: '顧客番号',
  period: '期間',
  all: 'すべて',
  total: '件数',
  none: '該当する記録はありません。',
  page: 'ページ',
  cols: {
    number: '記録番号',
    providedOn: '提供日',
    recipient: '提供先（所在国）',
    items: '提供した項目',
    basis: '根拠',
    state: '状態',
    customers: '本人（顧客番号）',
    keepUntil: '保存期限',
    receivedOn: '受領日',
    provider: '提供者（住所・代表者）',
    obtainedHow: '提供者による取得の経緯',
    receivedItems: '受領した項目',
  },
  /** A PDF names at most this many customers a record; the CSV names every one. */
  more: (n: number) => `ほか${n.toLocaleString('ja-JP')}名（全員の顧客番号はCSVに記載）`,
  people: (n: number) => `${n.toLocaleString('ja-JP')}名`,
  excluded: (n: number) => `除外 ${n.toLocaleString('ja-JP')}名`,
};
