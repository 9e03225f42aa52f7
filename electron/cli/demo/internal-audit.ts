// The demo desk's internal audit, made through the desk's own calls: last year's audit and this year's, their findings
// (one about a ledger entry when the ledger has one, one about a late request), corrective actions open, reported and
// closed, and last December's management review.
import type { Core } from '../../core/core';
import { addDays, localDay } from '../../core/dates';

type Must = <T>(core: Core, method: string, input: unknown) => Promise<T>;

interface Account {
  id: string;
  displayName: string;
  role: string;
}
interface Target {
  id: string;
  label: string;
}

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

export async function seedInternalAudit(core: Core, must: Must): Promise<void> {
  const today = localDay(core.desk.now());
  const year = Number(today.slice(0, 4));
  const { rows: accounts } = await must<{ rows: Account[] }>(core, 'auditplans.accounts', {});
  const auditor = accounts.find((a) => a.role === 'auditor');
  const staff = accounts.find((a) => a.role === 'staff');
  const officer = accounts.find((a) => a.role === 'officer');
  if (!auditor || !staff || !officer) return;

  // Last autumn's audit, carried out, and its one finding, corrected and closed since.
  const lastPlan = await must<{ id: string }>(core, 'auditplans.create', {
    year: year - 1,
    scope: '全部署（カスタマーサポート、EC運営部、物流、情報システム）\nJIS Q 15001 附属書A：A.3.3 計画、A.3.4 実施及び運用、A.3.6 苦情及び相談への対応',
    periodFrom: `${year - 1}-10-01`,
    periodTo: `${year - 1}-10-20`,
    leadAuditorId: auditor.id,
  });
  await must(core, 'auditplans.complete', { id: lastPlan.id, doneOn: `${year - 1}-10-20`, summary: '4部署を監査。軽微な不適合1件（退職者アカウントの削除遅れ）、観察事項1件。全体として運用は適切。' });
  const lastFinding = await must<{ id: string }>(core, 'findings.record', {
    planId: lastPlan.id,
    foundOn: `${year - 1}-10-14`,
    grade: 'minorNonconformity',
    requirement: 'A.3.4.3.3 アクセス制御',
    description: '9月末の退職者2名の社内システムのアカウントが、10月14日時点で有効のままだった。退職時の手続に情報システム部への連絡が含まれていない。',
  });
  const closedAction = await must<{ id: string }>(core, 'corrections.open', {
    findingId: lastFinding.id,
    cause: '退職手続のチェックリストにアカウント削除の依頼が含まれていなかった。',
    action: '退職手続のチェックリストにアカウント削除依頼を追加し、人事部から情報システム部へ最終出社日に連絡する運用とする。',
    ownerId: officer.id,
    dueOn: addDays(today, 7),
  });
  await must(core, 'corrections.report', { id: closedAction.id, doneOn: today, note: 'チェックリストを改訂（第3版）し、人事部・情報システム部に周知した。' });
  await must(core, 'corrections.verify', { id: closedAction.id, effective: true, note: '改訂後の退職者3名について、最終出社日にアカウントが削除されていることを記録で確認した。' });

  // This year's audit: some weeks ago, carried out once its period is over.
  const periodFrom = later(`${year}-01-05`, addDays(today, -70));
  const periodTo = addDays(periodFrom, 14);
  const plan = await must<{ id: string }>(core, 'auditplans.create', {
    year,
    scope: 'カスタマーサポート部、EC運営部、情報システム部\nJIS Q 15001 附属書A：A.3.3.1 個人情報の特定、A.3.4.4 本人からの開示等の請求等への対応、A.3.4.3.2 委託先の監督',
    periodFrom,
    periodTo,
    leadAuditorId: auditor.id,
  });
  const foundOn = earlier(addDays(periodFrom, 3), today);
  if (periodTo < today) {
    await must(core, 'auditplans.complete', { id: plan.id, doneOn: periodTo, summary: '3部署を監査。軽微な不適合2件（台帳の記載の不備、開示請求の期限超過）、観察事項1件。' });
  }

  // The ledger is another register: the finding is tied to an entry only when the ledger has one.
  const { rows: entries } = await must<{ rows: Target[] }>(core, 'findings.targets', { kind: 'ledgerEntry', query: '' });
  const ledgerFinding = await must<{ id: string }>(core, 'findings.record', {
    planId: plan.id,
    foundOn,
    grade: 'minorNonconformity',
    requirement: 'A.3.3.1 個人情報の特定',
    description: '台帳の保管場所の記載が、春のクラウド移行後も旧ファイルサーバのままだった。移行時に台帳を見直す手順がない。',
    ...(entries[0] ? { target: { kind: 'ledgerEntry', id: entries[0].id } } : {}),
  });
  await must(core, 'corrections.open', {
    findingId: ledgerFinding.id,
    cause: 'システムの移行・変更の手順に、個人情報管理台帳の見直しが含まれていない。',
    action: 'システム変更申請の様式に「台帳の更新要否」欄を追加し、台帳の該当項目を更新する。',
    ownerId: staff.id,
    dueOn: addDays(today, 21),
  });

  const { rows: requests } = await must<{ rows: Target[] }>(core, 'findings.targets', { kind: 'request', query: '' });
  const requestFinding = await must<{ id: string }>(core, 'findings.record', {
    planId: plan.id,
    foundOn,
    grade: 'minorNonconformity',
    requirement: 'A.3.4.4.1 開示等の請求等に応じる手続',
    description: '開示請求1件が回答期限を過ぎていた。期限の確認を担当者個人に任せており、週次の確認がされていない。',
    ...(requests.at(-1) ? { target: { kind: 'request', id: requests.at(-1)!.id } } : {}),
  });
  const reported = await must<{ id: string }>(core, 'corrections.open', {
    findingId: requestFinding.id,
    cause: '請求の期限を確認する担当と頻度が決まっていなかった。',
    action: '毎週月曜の朝会でデスクの請求一覧（期限順）を確認し、期限3営業日前のものを個人情報保護管理者に報告する。',
    ownerId: staff.id,
    dueOn: addDays(today, 10),
  });
  await must(core, 'corrections.report', { id: reported.id, doneOn: today, note: '朝会の議題に追加し、直近3週の確認結果を議事録に残した。' });

  await must(core, 'findings.record', {
    planId: plan.id,
    foundOn,
    grade: 'observation',
    requirement: 'A.3.4.5 認識',
    description: '研修資料の一部が改正前の条番号のままだった。次回の研修までに見直すことが望ましい。',
  });

  // Last December's review by the representative, with the next one planned a year on.
  await must(core, 'managementReviews.record', {
    heldOn: `${year - 1}-12-15`,
    periodFrom: `${year - 1}-01-01`,
    periodTo: `${year - 1}-12-10`,
    representative: '代表取締役社長 山本 一郎',
    attendees: '個人情報保護管理者 南 真美、監査責任者 高橋 監査、EC運営部長 井上 修、カスタマーサポート部長 森 恵子',
    otherInputs: '苦情・相談 12件（うち個人情報の取扱いに関するもの3件）。全社員研修の受講率98%。委託先5社の年次評価はすべて「適」。',
    decisions: '個人情報保護方針は現行のとおり継続。次年度の個人情報保護目的に「開示等の請求への回答を全件期限内」を加える。',
    improvements: '退職者アカウントの削除を確実にするため、人事部と情報システム部の連携手順を整備すること。委託先の再委託の確認を年次評価の項目に加えること。',
    nextReviewOn: `${year}-12-15`,
  });
}
