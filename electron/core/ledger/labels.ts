// The ledger's words in its exports (the workbook and the PDF are Japanese documents for the office and its auditor).
import type { LedgerSource, LedgerStorageKind, ResidualRisk, RiskAssessment, RiskState, RiskThreat } from '../../../src-shared/api/ledger';

export const storageLabels: Record<LedgerStorageKind, string> = { system: 'システム', paper: '紙', cloud: 'クラウド' };

export const sourceLabels: Record<LedgerSource, string> = {
  customers: 'デスクの顧客（登録中の全件）',
  customersWithOrders: 'デスクの顧客（注文履歴あり）',
  requesters: 'デスクの請求者（個人情報を保持中の請求）',
  idCopies: 'デスクの本人確認書類の写し（保持中）',
  accounts: 'デスクのアカウント（従業員）',
  partnerContacts: 'デスクの取引先担当者',
};

export const threatLabels: Record<RiskThreat, string> = {
  leak: '漏えい',
  loss: '滅失',
  damage: 'き損',
  falsification: '改ざん',
  unauthorizedAccess: '不正アクセス',
  misuse: '目的外利用',
};

export const residualLabels: Record<ResidualRisk, string> = { low: '低', medium: '中', high: '高' };

export const riskStateLabels: Record<RiskState, string> = { none: '未評価', awaitingApproval: '承認待ち', approved: '承認済み' };

export const assessmentStateLabels: Record<RiskAssessment['state'], string> = { awaitingApproval: '承認待ち', approved: '承認済み', superseded: '差し替え（未承認）' };

export const reviewBasisLabels = { confirmed: 'デスクで確認', paper: '紙の台帳で確認', registered: '未確認（登録日から起算）' } as const;

export const ledgerColumns = {
  number: '管理番号',
  name: '個人情報の名称',
  items: '項目',
  purposes: '利用目的',
  obtainedHow: '取得方法',
  department: '管理部署',
  responsible: '管理責任者',
  storageKind: '保管形態',
  storagePlace: '保管場所',
  access: 'アクセス権者',
  retention: '保存期間',
  disposal: '廃棄方法',
  outsourcees: '委託先',
  recipients: '提供先',
  disclosable: '保有個人データ',
  specialCare: '要配慮個人情報',
  people: '件数（人）',
  countSource: '件数の根拠',
  countAsOf: '件数の基準日',
  lastConfirmedOn: '最終確認日',
  lastConfirmedBy: '最終確認者',
  reviewDueOn: '次回見直し期限',
  reviewState: '見直し状況',
  riskState: 'リスク評価',
  residual: '残存リスク',
  retiredOn: '廃止日',
} as const;

export const riskColumns = {
  number: '管理番号',
  name: '個人情報の名称',
  version: '版',
  state: '状態',
  threats: '脅威',
  threatNotes: '想定される事象',
  likelihood: '発生可能性（1〜3）',
  impact: '影響度（1〜3）',
  score: 'リスク値（可能性×影響度）',
  measures: '対策',
  residual: '残存リスク',
  draftedOn: '作成日',
  draftedBy: '作成者',
  approvedOn: '承認日',
  approvedBy: '承認者',
} as const;

export const words = {
  title: '個人情報管理台帳',
  riskTitle: 'リスク評価',
  infoTitle: '作成情報',
  preparedOn: '作成日',
  manager: '個人情報保護管理者',
  entries: '掲載件数',
  yes: '該当',
  no: '—',
  typed: '手入力',
  overdue: '期限超過',
  dueSoon: '期限間近',
  current: '期限内',
  retired: '廃止',
  none: '登録されている項目はありません。',
  page: 'ページ',
  people: (n: number) => `${n.toLocaleString('ja-JP')}人`,
  liveNote: 'デスク内のデータに基づく件数は、作成時点で集計したものです。',
  otherPurposes: 'その他',
  inForce: '適用中',
  drafted: '作成',
  approved: '承認',
} as const;
