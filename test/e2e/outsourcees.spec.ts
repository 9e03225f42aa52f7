// Journeys of outsourcee supervision (APPI Art. 25, issue #10): the officer evaluates the delivery company that is 13
// months overdue, with a checklist, an evidence PDF and a finding, sees it current again and follows the finding up; a
// selection check whose evidence is a renamed text file is refused next to that file, then recorded without it; and an
// evaluation entered with the wrong date is corrected by a new record, never edited.
import type { Locator, Page } from '@playwright/test';
import type { Partner } from '../../src-shared/registers';
import { scannedPdf } from '../fixtures/scans';
import { expect, mainMenu, officer, shootInBothLanguages, signInAs, test, textField, type Desk } from './fixtures';

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

/** A day some days before today on this machine's calendar (the host keeps the real clock), as YYYY-MM-DD. */
function daysAgo(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() - days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}


const outsourcee = (name: string, address: string, securityMeasures: string) => ({
  name,
  address,
  representative: '代表取締役 大野 修',
  roles: ['outsourcee'],
  country: 'JP',
  contractFrom: daysAgo(800),
  securityMeasures,
  contactName: '品質管理部 村井 優子',
  contactEmail: 'privacy@partner.example.jp',
});

const criteria = ['organisational', 'human', 'physical', 'technical', 'certification', 'subcontracting', 'incidentReporting', 'returnErasure', 'auditRights', 'foreignEnvironment'];
const clauseKeys = ['purposeLimitation', 'confidentiality', 'securityMeasures', 'subcontractingConsent', 'incidentReport', 'returnErasure', 'auditRight', 'compensation'];

/**
 * The desk as the office had it: the delivery company chosen at contract (recorded on paper before the desk, entered
 * from it) and last evaluated 13 months ago; a call centre signed without any check.
 */
async function seedOutsourcees(desk: Desk): Promise<{ delivery: Partner; callCentre: Partner }> {
  await desk.setUpOfficer();
  await desk.ok('auth.login', { loginId: officer.loginId, password: officer.password });
  const delivery = await desk.ok<Partner>('partners.create', outsourcee('株式会社みなと配送', '神奈川県横浜市中区海岸通3-9', '業務委託契約第12条：入退室管理、送り状の施錠保管、再委託の禁止、年1回の監査受入れ。'));
  const callCentre = await desk.ok<Partner>('partners.create', outsourcee('株式会社コールサポート九州', '福岡県福岡市博多区博多駅前2-1-1', '委託契約書第8条：アクセス権限の限定、通話録音の保存期間。'));
  const checklist = Object.fromEntries(criteria.map((c) => [c, { rating: c === 'certification' || c === 'foreignEnvironment' ? 'notApplicable' : 'conforms' }]));
  const clauses = Object.fromEntries(clauseKeys.map((c) => [c, { present: true }]));
  const common = { partnerId: delivery.id, evaluator: '南 真美', criteria: checklist, clauses, result: 'approved' };
  await desk.ok('outsourcees.evaluate', { ...common, kind: 'selection', evaluatedOn: daysAgo(790), method: 'documents' });
  const questionnaire = { kind: 'questionnaire', fileName: 'チェックシート回答_前年.pdf', mimeType: 'application/pdf', dataBase64: scannedPdf('Questionnaire last year').toString('base64') };
  await desk.ok('outsourcees.evaluate', { ...common, kind: 'periodic', evaluatedOn: daysAgo(396), method: 'questionnaire', evidence: [questionnaire] });
  await desk.ok('auth.logout', {});
  return { delivery, callCentre };
}

async function signInAsOfficer(desk: Desk, page: Page): Promise<void> {
  await desk.open(page);
  await signInAs(page, officer.loginId, officer.password);
  await expect(page.getByTestId('signed-in-name')).toHaveText(officer.displayName);
}

/** Clicks a segment of a segmented control by its exact words (適合 is also inside 一部適合 and 不適合). */
async function choose(scope: Locator, words: string): Promise<void> {
  await scope.locator('label').filter({ hasText: new RegExp(`^${words}$`) }).click();
}

const outsourceeRow = (page: Page, name: string) => page.getByTestId('outsourcees-table').locator(`tbody tr[data-outsourcee="${name}"]`);

test('the officer evaluates the delivery company 13 months after its last evaluation, with evidence and a finding, and follows the finding up', async ({ page, desk }) => {
  const { delivery, callCentre } = await seedOutsourcees(desk);
  await signInAsOfficer(desk, page);

  // The home screen counts both: one evaluated more than a year ago, one never checked at all.
  const card = page.getByTestId('outsourcees-due-card');
  await expect(card.getByTestId('due-overdue')).toHaveText('評価の期限超過・未評価: 2社');
  await expect(card.getByTestId('due-selection')).toHaveText('選定時の確認なし: 1社');
  await card.getByTestId('due-overdue').getByRole('button').click();
  await expect(page.getByRole('heading', { name: '委託先の監督', level: 1 })).toBeVisible();
  await expect(page.getByTestId('outsourcee-filter').locator('input[value="overdue"]')).toBeChecked();
  await expect(outsourceeRow(page, delivery.name)).toHaveAttribute('data-due', 'overdue');
  // A year after 396 days ago: 31 days late (30 when the year spans a 29 February).
  await expect(outsourceeRow(page, delivery.name).getByTestId('due-label')).toHaveText(/^期限超過 3[01]日$/);
  await expect(outsourceeRow(page, callCentre.name)).toHaveAttribute('data-selection-missing', 'true');
  await expect(outsourceeRow(page, callCentre.name).getByTestId('due-label')).toHaveText('評価の記録なし');
  await shootInBothLanguages(desk, page, 'outsourcees-list');

  await outsourceeRow(page, delivery.name).getByRole('button', { name: `${delivery.name}を開く` }).click();
  await expect(page.getByTestId('outsourcee-view')).toHaveAttribute('data-due', 'overdue');
  await page.getByTestId('record-evaluation').click();
  const form = page.getByRole('form', { name: `${delivery.name}の定期評価` });
  await form.getByRole('combobox', { name: '確認の方法' }).click();
  await page.getByRole('option', { name: '訪問監査' }).click();
  await expect(textField(form, '実施者')).toHaveValue(officer.displayName);

  // The checklist, row by row; a criterion that does not conform rules out a plain approval, and the score follows.
  const row = (c: string) => form.getByTestId('checklist').locator(`tr[data-criterion="${c}"]`);
  for (const c of criteria) await choose(row(c), c === 'certification' || c === 'foreignEnvironment' ? '該当なし' : '適合');
  await expect(form.getByTestId('live-score')).toHaveAttribute('data-score', '100');
  await choose(row('physical'), '不適合');
  await expect(form.getByTestId('live-score')).toHaveAttribute('data-score', '88');
  await expect(form.getByTestId('result-choice').locator('input[value="approved"]')).toBeDisabled();
  await choose(row('physical'), '一部適合');
  await textField(row('physical'), '物理的安全管理措置のメモ').fill('出荷場の通用口が日中施錠されていない');
  await expect(form.getByTestId('live-score')).toHaveAttribute('data-score', '94');
  await expect(form.getByTestId('suggested-result')).toContainText('承認');
  // The contract lacks a clause on compensation.
  for (const c of clauseKeys) await choose(form.getByTestId('clauses').locator(`tr[data-clause="${c}"]`), c === 'compensation' ? 'なし' : 'あり');

  // The visit report as evidence, and what the visit found.
  const report = scannedPdf('On-site visit report, Minato Haiso');
  const chooser = page.waitForEvent('filechooser');
  await form.getByTestId('add-evidence').click();
  await (await chooser).setFiles({ name: '訪問監査報告書_みなと配送.pdf', mimeType: 'application/pdf', buffer: report });
  await expect(form.getByTestId('evidence-files').locator('tr')).toHaveCount(1);
  await expect(form.getByRole('combobox', { name: '訪問監査報告書_みなと配送.pdf の種類' })).toHaveValue('訪問監査の報告書');
  await form.getByTestId('add-finding').click();
  const finding = form.getByRole('group', { name: '指摘事項 1' });
  await textField(finding, '見つかった問題').fill('出荷場の通用口が日中施錠されておらず、送り状控えの箱に誰でも近づける。');
  await textField(finding, '求める対応').fill('通用口にICカードの入退室管理を導入し、写真で報告する。');
  await textField(finding, '対応の担当').fill('委託先 品質管理部 村井');
  await choose(form.getByTestId('result-choice'), '条件付き承認');
  await textField(form, '承認の条件').fill('通用口の施錠を改善し、30日以内に報告すること。');
  await shootInBothLanguages(desk, page, 'outsourcee-evaluation-form');
  await form.getByRole('button', { name: '記録する' }).click();

  // Current again: due a year from today; the finding waits for its follow-up.
  const view = page.getByTestId('outsourcee-view');
  await expect(view).toHaveAttribute('data-due', 'current');
  await expect(page.getByTestId('next-due').getByTestId('due-label')).toHaveText(/^あと36[56]日$/);
  const open = page.getByTestId('open-findings').locator('tbody tr');
  await expect(open).toHaveCount(1);
  await expect(open).toContainText('委託先 品質管理部 村井');
  const latest = page.getByTestId('evaluation-record').first();
  await expect(latest).toHaveAttribute('data-kind', 'periodic');
  await expect(latest.getByTestId('score').first()).toHaveText('94点');
  await expect(latest.getByTestId('missing-clauses')).toHaveText('契約にない条項 1件');

  // The evidence comes back as it went in.
  const download = page.waitForEvent('download');
  await latest.getByRole('button', { name: '訪問監査報告書_みなと配送.pdf を保存' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('訪問監査報告書_みなと配送.pdf');
  const { readFileSync } = await import('node:fs');
  expect(readFileSync((await saved.path())!).equals(report)).toBe(true);

  // The finding followed up: nothing is open, and the record says when, what and who.
  await page.getByRole('button', { name: /の指摘事項のフォローアップを記録$/ }).click();
  const followUp = page.getByRole('form', { name: '指摘事項のフォローアップ' });
  await textField(followUp, '対応の内容と確認の方法').fill('ICカードの入退室管理の導入を、写真と入退室記録で確認した。');
  await followUp.getByRole('button', { name: 'フォローアップを記録' }).click();
  await expect(page.getByTestId('no-open-findings')).toBeVisible();
  await expect(latest.getByTestId('record-findings').locator('tr[data-done="true"]')).toContainText('ICカードの入退室管理の導入を、写真と入退室記録で確認した。');
  // The history: the evaluation of a year ago opened beside the new one.
  await page.getByRole('button', { name: /定期評価（/ }).nth(1).click();
  await shootInBothLanguages(desk, page, 'outsourcee-history');

  // Back on the list, only the call centre still needs a check.
  await page.getByRole('button', { name: '委託先の一覧に戻る' }).click();
  await expect(page.getByTestId('outsourcees-table').locator('tbody tr[data-outsourcee]')).toHaveCount(1);
  await expect(outsourceeRow(page, callCentre.name)).toBeVisible();
});

test('a selection check with a text file renamed .pdf is refused next to that file, and recorded once it is removed', async ({ page, desk }) => {
  const { callCentre } = await seedOutsourcees(desk);
  await signInAsOfficer(desk, page);
  await mainMenu(page).getByRole('button', { name: '委託先の監督', exact: true }).click();
  await outsourceeRow(page, callCentre.name).getByRole('button', { name: `${callCentre.name}を開く` }).click();
  await expect(page.getByTestId('history-empty')).toBeVisible();
  await page.getByTestId('record-selection').click();
  const form = page.getByRole('form', { name: `${callCentre.name}の選定時の確認` });

  // Sent empty: the form names what is missing, row by row, before anything reaches the desk.
  await form.getByRole('button', { name: '記録する' }).click();
  await expect(form.getByRole('alert').filter({ hasText: '入力に不足があります' })).toBeVisible();
  await expect(form.getByTestId('checklist').locator('tr[data-criterion="technical"]')).toContainText('適合・一部適合・不適合・該当なしのいずれかを選んでください。');

  await form.getByRole('combobox', { name: '確認の方法' }).click();
  await page.getByRole('option', { name: 'オンラインでのヒアリング' }).click();
  for (const c of criteria) await choose(form.getByTestId('checklist').locator(`tr[data-criterion="${c}"]`), c === 'foreignEnvironment' ? '該当なし' : '適合');
  for (const c of clauseKeys) await choose(form.getByTestId('clauses').locator(`tr[data-clause="${c}"]`), 'あり');
  await choose(form.getByTestId('result-choice'), '承認');
  const chooser = page.waitForEvent('filechooser');
  await form.getByTestId('add-evidence').click();
  await (await chooser).setFiles({ name: 'ISMS登録証.pdf', mimeType: 'application/pdf', buffer: Buffer.from('This is not a PDF, only text renamed.') });
  await form.getByRole('button', { name: '記録する' }).click();
  await expect(form.getByTestId('evidence-files').locator('tr[data-file="ISMS登録証.pdf"]')).toContainText('証跡はPDF・PNG・JPEG・WebPのいずれかにしてください');

  await form.getByRole('button', { name: 'ISMS登録証.pdf を外す' }).click();
  await form.getByRole('button', { name: '記録する' }).click();
  await expect(page.getByTestId('evaluation-record')).toHaveCount(1);
  await expect(page.getByTestId('evaluation-record')).toHaveAttribute('data-kind', 'selection');
  await expect(page.getByTestId('outsourcee-view')).toHaveAttribute('data-due', 'current');
});

test('an evaluation entered with the wrong date is corrected by a new record that keeps its evidence; the first stays, marked corrected', async ({ page, desk }) => {
  const { delivery } = await seedOutsourcees(desk);
  await signInAsOfficer(desk, page);
  await mainMenu(page).getByRole('button', { name: '委託先の監督', exact: true }).click();
  await outsourceeRow(page, delivery.name).getByRole('button', { name: `${delivery.name}を開く` }).click();
  const year = new Date().getFullYear();
  const wrong = page.getByTestId('evaluation-record').first();
  await expect(wrong).toHaveAttribute('data-kind', 'periodic');
  const wrongNumber = (await wrong.getAttribute('data-number'))!;
  await wrong.getByRole('button', { name: `${wrongNumber} を訂正` }).click();

  // The form starts from the record: its checklist, clauses and evidence; only the date and the reason change.
  const form = page.getByRole('form', { name: `${delivery.name}の定期評価` });
  await expect(form.getByText(`${wrongNumber} を訂正する記録`)).toBeVisible();
  await expect(form.getByTestId('live-score')).toHaveAttribute('data-score', '100');
  await expect(form.getByTestId('keep-evidence').getByRole('checkbox', { name: 'チェックシートの回答: チェックシート回答_前年.pdf' })).toBeChecked();
  await form.getByLabel('実施日').fill(daysAgo(300));
  await textField(form, '訂正の理由').fill('回答書の受領日を実施日として入力していた。実際の確認日に訂正する。');
  await form.getByRole('button', { name: '記録する' }).click();

  const view = page.getByTestId('outsourcee-view');
  await expect(view).toHaveAttribute('data-due', 'current');
  const fix = page.locator(`[data-testid="evaluation-record"][data-number="OE-${year}-0003"]`);
  await expect(fix).toContainText(`${wrongNumber} の訂正`);
  await expect(fix.getByTestId('record-evidence')).toContainText('チェックシート回答_前年.pdf');
  await expect(page.locator(`[data-testid="evaluation-record"][data-number="${wrongNumber}"]`)).toHaveAttribute('data-corrected', 'true');
  await expect(page.locator(`[data-testid="evaluation-record"][data-number="${wrongNumber}"]`).getByTestId('corrected-badge')).toHaveText(`OE-${year}-0003 で訂正済み`);
});
