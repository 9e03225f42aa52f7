// The demo desk's outsourcee supervision: the delivery company chosen at contract and evaluated two months ago (a
// finding followed up, one still open), a call centre last evaluated 13 months ago, and a new maintenance company
// whose selection check is missing, so the list, the history and the home screen's card show every state.
import type { Core } from '../../core/core';
import { addDays, localDay } from '../../core/dates';
import type { Partner } from '../../../src-shared/registers';
import { contractClauses, evaluationCriteria, type EvaluationCriterion, type Rating } from '../../../src-shared/api/outsourcees';
import { demoPdf } from './pdf';

type Must = <T>(core: Core, method: string, input: unknown) => Promise<T>;

function checklist(ratings: Partial<Record<EvaluationCriterion, [Rating, string?]>>) {
  return Object.fromEntries(
    evaluationCriteria.map((c) => {
      const [rating, note] = ratings[c] ?? ['conforms'];
      return [c, note ? { rating, note } : { rating }];
    }),
  );
}

const allClauses = (missing: Record<string, string> = {}) => Object.fromEntries(contractClauses.map((c) => [c, missing[c] ? { present: false, note: missing[c] } : { present: true }]));

const evidence = (kind: string, fileName: string, text: string) => ({ kind, fileName, mimeType: 'application/pdf', dataBase64: demoPdf(text).toString('base64') });

function partner(name: string, address: string, contractFrom: string, securityMeasures: string, contactName: string, contactEmail: string) {
  return { name, address, representative: '代表取締役 中村 誠', roles: ['outsourcee'], country: 'JP', contractFrom, securityMeasures, contactName, contactEmail };
}

/** Run by the officer, after seedOffice: its outsourcee (the delivery company) is used when it is there. */
export async function seedOutsourcees(core: Core, must: Must): Promise<void> {
  const today = localDay(core.desk.now());
  const { rows } = await must<{ rows: Partner[] }>(core, 'partners.list', { role: 'outsourcee' });
  const delivery =
    rows[0] ??
    (await must<Partner>(core, 'partners.create', partner('株式会社デモ物流', '東京都港区芝公園1-1-1', '2024-04-01', '個人データの取扱いに関する覚書（安全管理措置・再委託の禁止・事故時の報告）を締結済み', '個人情報窓口', 'privacy@partner.example.jp')));
  const callCentre = await must<Partner>(
    core,
    'partners.create',
    partner('株式会社デモコールセンター', '福岡県福岡市博多区博多駅前2-1-1', '2023-10-01', '委託契約書第8条：アクセス権限の限定、通話録音の保存期間（90日）、再委託は書面による事前承諾。', 'オペレーション部 田中 由紀', 'privacy@demo-callcenter.example.jp'),
  );
  await must(
    core,
    'partners.create',
    partner('デモシステム保守株式会社', '大阪府大阪市北区梅田3-3-3', addDays(today, -20), '保守契約第10条：リモート保守時の操作記録の提出、本番データの持出し禁止。', 'サポート窓口 小林 健', 'support@demo-hoshu.example.jp'),
  );

  // The delivery company: chosen in March 2024 with a condition, evaluated on site two months ago.
  await must(core, 'outsourcees.evaluate', {
    partnerId: delivery.id,
    kind: 'selection',
    evaluatedOn: '2024-03-15',
    method: 'documents',
    evaluator: '南 真美（個人情報保護管理者）',
    criteria: checklist({ subcontracting: ['partly', '繁忙期に軽作業を再委託する可能性あり'], certification: ['conforms', 'プライバシーマーク 登録番号 第10000000号'], foreignEnvironment: ['notApplicable'] }),
    clauses: allClauses(),
    result: 'conditional',
    conditions: '再委託する場合は、再委託先の名称と安全管理措置を事前に書面で届け出て、当社の承諾を得ること。',
    evidence: [evidence('certificate', 'Pマーク登録証_デモ物流.pdf', 'Privacy Mark certificate (demo)'), evidence('questionnaire', '委託先チェックシート回答_2024.pdf', 'Outsourcee questionnaire 2024 (demo)')],
  });
  const visited = addDays(today, -60);
  const evaluated = await must<{ evaluations: { id: string; findings: { id: string }[] }[] }>(core, 'outsourcees.evaluate', {
    partnerId: delivery.id,
    kind: 'periodic',
    evaluatedOn: visited,
    method: 'onSiteVisit',
    evaluator: '情報システム部 井上 大輔',
    criteria: checklist({
      physical: ['partly', '出荷場の通用口が日中施錠されていない'],
      technical: ['conforms', '配送管理システムは担当者ごとのID・多要素認証'],
      certification: ['conforms', 'プライバシーマーク 2026年3月更新済み'],
      foreignEnvironment: ['notApplicable'],
    }),
    clauses: allClauses({ compensation: '損害賠償の条項なし。次回の契約更新で追加を依頼' }),
    result: 'conditional',
    conditions: '出荷場の通用口の施錠と送り状控えの廃棄手順を改善し、期限までに報告すること。',
    summary: '倉庫・出荷場を訪問し、入退室管理、送り状控えの保管と廃棄、配送管理システムの権限を確認した。',
    evidence: [evidence('onSiteReport', '訪問監査報告書_デモ物流.pdf', 'On-site visit report (demo)'), evidence('whitePaper', 'デモ物流_セキュリティ概要.pdf', 'Security white paper (demo)')],
    findings: [
      { finding: '出荷場の通用口が日中施錠されておらず、送り状控えの箱に誰でも近づける。', action: '通用口にICカードの入退室管理を導入し、写真と運用記録を提出する。', owner: 'デモ物流 品質管理部', dueOn: addDays(visited, 30) },
      { finding: '送り状控えの廃棄が一般ごみと同じ扱いになっている。', action: '溶解処理業者と契約し、廃棄証明書を提出する。', owner: 'デモ物流 総務部', dueOn: addDays(today, 20) },
    ],
  });
  await must(core, 'outsourcees.followUp', { findingId: evaluated.evaluations[0]!.findings[0]!.id, doneOn: addDays(visited, 25), note: 'ICカードの入退室管理の導入を、写真と2週間分の入退室記録で確認した。' });

  // The call centre: chosen at contract, last evaluated 13 months ago: overdue.
  await must(core, 'outsourcees.evaluate', {
    partnerId: callCentre.id,
    kind: 'selection',
    evaluatedOn: '2023-09-20',
    method: 'remoteInterview',
    evaluator: '南 真美（個人情報保護管理者）',
    criteria: checklist({ certification: ['conforms', 'ISMS（ISO/IEC 27001）認証取得'], foreignEnvironment: ['notApplicable'] }),
    clauses: allClauses(),
    result: 'approved',
  });
  await must(core, 'outsourcees.evaluate', {
    partnerId: callCentre.id,
    kind: 'periodic',
    evaluatedOn: addDays(today, -400),
    method: 'questionnaire',
    evaluator: '南 真美（個人情報保護管理者）',
    criteria: checklist({ human: ['partly', '派遣オペレーターの誓約書が一部未回収'], certification: ['conforms', 'ISMS 認証継続'], foreignEnvironment: ['notApplicable'] }),
    clauses: allClauses(),
    result: 'approved',
    evidence: [evidence('questionnaire', 'チェックシート回答_デモコールセンター.pdf', 'Call centre questionnaire (demo)')],
  });
}
