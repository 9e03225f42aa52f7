// The demo desk's personal information ledger, made through the desk's own calls: the kinds of personal information a
// mail-order shop holds, counted live from the desk where they are kept in it, with risk assessments (one awaiting the
// officer's approval) and yearly reviews (one kept on paper before the desk and now overdue).
import type { Core } from '../../core/core';
import { addDays, addYears, localDay } from '../../core/dates';
import type { LedgerEntry, LedgerEntryInput, RiskAssessmentInput } from '../../../src-shared/api/ledger';

type Must = <T>(core: Core, method: string, input: unknown) => Promise<T>;

interface PartnerRow {
  id: string;
  name: string;
  roles: string[];
}

const common = { disclosable: true, specialCare: false, outsourceeIds: [] as string[], recipientIds: [] as string[] };

export async function seedLedger(core: Core, must: Must): Promise<void> {
  const today = localDay(core.desk.now());
  const { rows: partners } = await must<{ rows: PartnerRow[] }>(core, 'partners.list', {});
  const outsourcees = partners.filter((p) => p.roles.includes('outsourcee'));
  const named = (name: string) => partners.filter((p) => p.name === name).map((p) => p.id);
  const delivery = outsourcees.filter((p) => p.name.includes('物流')).map((p) => p.id);

  const entries: { entry: LedgerEntryInput; paperReview?: { on: string; by: string }; risk?: RiskAssessmentInput; approve?: boolean; confirm?: string }[] = [
    {
      entry: {
        ...common,
        name: '顧客マスタ',
        items: ['氏名', 'フリガナ', '住所', '電話番号', 'メールアドレス', '生年月日', '支払方法（カード下4桁）', '同意の記録'],
        purposeIds: ['3.1', '3.2', '3.3', '3.4', '3.7'],
        obtainedHow: '通販サイトの会員登録フォームで本人から直接取得／提携先からの受領（受領記録あり）',
        department: 'EC運営部',
        responsible: 'EC運営部長 井上 誠',
        storageKind: 'system',
        storagePlace: '個人情報保護デスク（暗号化データベース）、受注管理システム',
        access: '個人情報保護管理者、カスタマーサポート担当（誓約書提出者のみ、閲覧理由を記録）',
        retention: '最終取引から5年',
        disposal: '保存期間経過後、デスクの保存期間処理で消去',
        outsourceeIds: delivery,
        recipientIds: named('株式会社デモ広告'),
        count: { kind: 'desk', source: 'customers' },
      },
      risk: {
        threats: ['leak', 'unauthorizedAccess', 'misuse'],
        threatNotes: '不正アクセスによる大量漏えい、担当者による目的外の閲覧',
        likelihood: 2,
        impact: 3,
        measures: 'データベースの暗号化、役割ごとの閲覧制限とマスキング、閲覧理由の記録、誓約書と年1回の教育、監査記録の定期確認',
        residual: 'medium',
      },
      approve: true,
      confirm: '項目・保管場所に変更なし。委託先の配送会社を確認済み。',
    },
    {
      entry: {
        ...common,
        name: '注文履歴',
        items: ['注文番号', '注文日', '商品', '金額', '届け先（氏名・住所・電話番号）'],
        purposeIds: ['3.2', '3.3', '3.5'],
        obtainedHow: '通販サイトでの注文時に本人から取得',
        department: 'EC運営部',
        responsible: 'EC運営部長 井上 誠',
        storageKind: 'system',
        storagePlace: '受注管理システム、個人情報保護デスク',
        access: 'EC運営部の受注担当、カスタマーサポート担当',
        retention: '注文日から7年（帳簿書類の保存期間）',
        disposal: '保存期間経過後にシステムから消去',
        outsourceeIds: delivery,
        count: { kind: 'desk', source: 'customersWithOrders' },
      },
      risk: {
        threats: ['leak', 'loss'],
        threatNotes: '配送委託先からの送り状の紛失、システム障害による滅失',
        likelihood: 2,
        impact: 2,
        measures: '委託先の年次評価と契約の安全管理条項、日次バックアップ、送り状控えの溶解処理',
        residual: 'low',
      },
      confirm: '配送委託先の評価結果を反映。',
    },
    {
      entry: {
        ...common,
        name: '本人確認書類の写し',
        items: ['本人確認書類の画像（番号等は黒塗り）', '書類の種類', '確認結果'],
        purposeIds: ['3.7'],
        otherPurposes: '開示等の請求における本人確認',
        obtainedHow: '開示等の請求の際に本人から郵送・メールで受領',
        department: '個人情報保護窓口',
        responsible: '個人情報保護管理者 南 真美',
        storageKind: 'system',
        storagePlace: '個人情報保護デスク（暗号化データベース内）',
        access: '個人情報保護管理者、請求を担当するスタッフ',
        retention: '請求の完了から6か月',
        disposal: 'デスクが期限到来時に画像を自動消去',
        specialCare: false,
        count: { kind: 'desk', source: 'idCopies' },
      },
    },
    {
      entry: {
        ...common,
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
        count: { kind: 'typed', people: 48, asOf: addDays(today, -25) },
      },
      // Reviewed in the Excel ledger 13 months ago and not since: the home screen lists it as overdue.
      paperReview: { on: addDays(addYears(today, -1), -31), by: '人事部長 小川 恵' },
      risk: {
        threats: ['leak', 'loss'],
        threatNotes: '履歴書の持出し・紛失、面接会場への置き忘れ',
        likelihood: 1,
        impact: 2,
        measures: '施錠保管、持出し記録、面接後の回収確認',
        residual: 'low',
      },
      approve: true,
    },
    {
      entry: {
        ...common,
        name: '従業員情報（人事給与）',
        items: ['氏名', '住所', '生年月日', '給与振込口座', '扶養家族', '健康診断の結果', 'マイナンバー'],
        purposeIds: [],
        otherPurposes: '雇用管理、給与計算、社会保険・税の手続',
        obtainedHow: '入社時に本人から書面で取得',
        department: '人事部',
        responsible: '人事部長 小川 恵',
        storageKind: 'cloud',
        storagePlace: 'クラウド型の人事給与サービス（国内データセンター）',
        access: '人事部の給与担当者2名',
        retention: '退職後7年（マイナンバーは法定期間経過後すぐ）',
        disposal: 'サービス上で削除し、削除証明を取得',
        specialCare: true,
        count: { kind: 'typed', people: 86, asOf: addDays(today, -10) },
      },
      risk: {
        threats: ['leak', 'unauthorizedAccess', 'misuse'],
        threatNotes: '健康診断の結果（要配慮個人情報）の目的外利用、クラウドのアカウント乗っ取り',
        likelihood: 1,
        impact: 3,
        measures: '多要素認証、給与担当者のみの権限、アクセスログの月次確認、マイナンバーの区分管理',
        residual: 'low',
      },
      approve: true,
      confirm: 'クラウドサービスの契約更新を確認。',
    },
    {
      entry: {
        ...common,
        name: '取引先担当者',
        items: ['会社名', '担当者の氏名', 'メールアドレス', '電話番号'],
        purposeIds: [],
        otherPurposes: '取引上の連絡、委託先の監督',
        obtainedHow: '名刺交換・契約書類で本人から取得',
        department: '個人情報保護窓口',
        responsible: '個人情報保護管理者 南 真美',
        storageKind: 'system',
        storagePlace: '個人情報保護デスクの取引先台帳',
        access: '個人情報保護管理者、スタッフ、監査担当',
        retention: '取引終了から3年',
        disposal: '取引先台帳から消去',
        disclosable: true,
        count: { kind: 'desk', source: 'partnerContacts' },
      },
    },
    {
      entry: {
        ...common,
        name: '個人情報保護デスクの利用者',
        items: ['氏名', 'ログインID', '部署', '役割', '誓約書と教育の記録'],
        purposeIds: [],
        otherPurposes: 'デスクの利用者の管理、監査記録',
        obtainedHow: 'アカウント作成時に個人情報保護管理者が登録',
        department: '個人情報保護窓口',
        responsible: '個人情報保護管理者 南 真美',
        storageKind: 'system',
        storagePlace: '個人情報保護デスク',
        access: '個人情報保護管理者',
        retention: '退職後5年（監査記録と同じ期間）',
        disposal: 'アカウントを無効化し、保存期間後に消去',
        count: { kind: 'desk', source: 'accounts' },
      },
    },
  ];

  for (const { entry, paperReview, risk, approve, confirm } of entries) {
    let saved = await must<LedgerEntry>(core, 'ledger.save', { entry, ...(paperReview ? { paperReview } : {}) });
    if (risk) saved = await must<LedgerEntry>(core, 'ledger.assessRisk', { entryId: saved.id, assessment: risk });
    if (risk && approve) await must(core, 'ledger.approveRisk', { id: saved.assessments[0]!.id });
    if (confirm) await must(core, 'ledger.confirm', { id: saved.id, note: confirm });
  }
}
