// Internal audit journeys (issue #10): the auditor plans this year's audit and records a finding about a request; the
// officer opens a corrective action for a staff member, who reports it done; the auditor may only read it; the officer
// verifies it and closes it. And the representative's management review, recorded when the home screen says it is due.
import type { Locator, Page } from '@playwright/test';
import { expect, mainMenu, officer, replaceTemporaryPassword, shootInBothLanguages, signInAs, signOutOfDesk, test, textField, type Desk } from './fixtures';

const staff = { displayName: '北川 翔', loginId: 'kitagawa', department: 'カスタマーサポート部' };
const auditor = { displayName: '高橋 誠', loginId: 'takahashi', department: '内部監査室' };
const temporaryPassword = 'Kari-Pasu-Waado-5521';
const chosen = { [staff.loginId]: 'kitagawa-no-himitsu-2026', [auditor.loginId]: 'takahashi-no-himitsu-2026' };

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

/** A day counted from today on this workstation's calendar (the host's clock is the real one). */
function daysFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
const year = new Date().getFullYear();


/** The officer, a staff member and the auditor (each still on a temporary password), and a disclosure request received today. */
async function seedDesk(desk: Desk): Promise<{ requestNumber: string }> {
  await desk.setUpOfficer();
  await desk.ok('auth.login', { loginId: officer.loginId, password: officer.password });
  await desk.ok('accounts.create', { ...staff, role: 'staff', temporaryPassword });
  await desk.ok('accounts.create', { ...auditor, role: 'auditor', temporaryPassword });
  const request = await desk.ok<{ number: string }>('requests.create', {
    kind: 'disclosure',
    channel: 'email',
    receivedOn: daysFromToday(0),
    requesterKind: 'person',
    requester: { name: '山田 太郎', email: 'yamada.taro@example.jp' },
    asked: '保有している私の個人情報を開示してください。',
    disclosureForm: 'electronic',
  });
  await desk.ok('auth.logout', {});
  return { requestNumber: request.number };
}

/** Last year's audit, carried out, as the officer copies it from the paper file. */
async function lastYearsAudit(desk: Desk): Promise<void> {
  await desk.ok('auth.login', { loginId: officer.loginId, password: officer.password });
  const { rows } = await desk.ok<{ rows: { id: string; role: string }[] }>('auditplans.accounts', {});
  const plan = await desk.ok<{ id: string }>('auditplans.create', {
    year: year - 1,
    scope: '全部署（カスタマーサポート部、EC運営部、情報システム部）\nJIS Q 15001 A.3.3 計画、A.3.4 実施及び運用',
    periodFrom: `${year - 1}-10-01`,
    periodTo: `${year - 1}-10-20`,
    leadAuditorId: rows.find((a) => a.role === 'auditor')!.id,
  });
  await desk.ok('auditplans.complete', { id: plan.id, doneOn: `${year - 1}-10-20`, summary: '3部署を監査。軽微な不適合1件（退職者アカウントの削除遅れ）、観察事項1件。' });
  const finding = await desk.ok<{ id: string }>('findings.record', {
    planId: plan.id,
    foundOn: `${year - 1}-10-14`,
    grade: 'minorNonconformity',
    requirement: 'A.3.4.3.3 アクセス制御',
    description: '退職者2名の社内システムのアカウントが有効のままだった。',
  });
  await desk.ok('corrections.open', { findingId: finding.id, cause: '退職手続にアカウント削除の依頼がなかった。', action: '退職手続のチェックリストにアカウント削除依頼を追加する。', ownerId: rows.find((a) => a.role === 'officer')!.id, dueOn: daysFromToday(10) });
  await desk.ok('auth.logout', {});
}

/** Scrolls a long dialog back to its top, so its picture starts where a person starts reading. */
async function dialogToTop(page: Page): Promise<void> {
  await page.locator('.mantine-Modal-content').evaluate((el) => el.scrollTo(0, 0));
}

/** Signs in; at the first sign-in the person replaces the temporary password with their own. */
async function signInPerson(page: Page, loginId: string): Promise<void> {
  await signInAs(page, loginId, temporaryPassword);
  const mustChange = page.getByRole('heading', { name: 'パスワードの変更が必要です' });
  const home = page.getByRole('heading', { name: /ようこそ/ });
  await expect(mustChange.or(home)).toBeVisible();
  if (await mustChange.isVisible()) await replaceTemporaryPassword(page, temporaryPassword, chosen[loginId]!);
}

async function openInternalAudit(page: Page): Promise<void> {
  await mainMenu(page).getByRole('button', { name: '内部監査と是正処置', exact: true }).click();
  await expect(page.getByRole('heading', { name: '内部監査と是正処置', level: 1 })).toBeVisible();
}

async function choose(page: Page, scope: Page | Locator, combobox: string, option: string | RegExp): Promise<void> {
  await scope.getByRole('combobox', { name: combobox }).click();
  await page.getByRole('option', { name: option }).click();
}

test('the auditor records a finding about a request from this year’s plan; only the officer closes its corrective action, which the staff member reported done', async ({ page, desk }) => {
  const { requestNumber } = await seedDesk(desk);
  await lastYearsAudit(desk);
  await desk.open(page);

  // The auditor plans this year's audit, with themself as lead auditor.
  await signInPerson(page, auditor.loginId);
  await openInternalAudit(page);
  await expect(page.locator(`[data-testid="plan-card"][data-year="${year - 1}"]`)).toHaveAttribute('data-state', 'done');
  await page.getByRole('button', { name: '監査計画を作成' }).click();
  const planForm = page.getByRole('form', { name: '監査計画を作成' });
  await expect(textField(planForm, '年度')).toHaveValue(String(year));
  await choose(page, planForm, '監査責任者', `${auditor.displayName}（監査担当・${auditor.department}）`);
  const periodFrom = daysFromToday(-14) < `${year}-01-01` ? `${year}-01-01` : daysFromToday(-14);
  await textField(planForm, '監査期間（開始）').fill(periodFrom);
  await textField(planForm, '監査期間（終了）').fill(daysFromToday(14));
  await textField(planForm, '監査の範囲').fill('カスタマーサポート部・情報システム部\nJIS Q 15001 A.3.4.4 開示等の請求等への対応、A.3.4.3 安全管理措置');
  await planForm.getByRole('button', { name: '作成する' }).click();
  const plan = page.locator(`[data-testid="plan-card"][data-year="${year}"]`);
  await expect(plan).toHaveAttribute('data-state', 'planned');
  await expect(plan).toContainText(`${year}年度 内部監査計画`);
  await expect(plan).toContainText(auditor.displayName);
  await shootInBothLanguages(desk, page, 'internal-audit-plan');

  // The finding: the request's answer is not tracked against its due day. It belongs to this year's plan.
  await page.getByRole('tab', { name: '指摘事項' }).click();
  await page.getByRole('button', { name: '指摘事項を記録' }).click();
  const findingForm = page.getByRole('form', { name: '指摘事項を記録' });
  await expect(findingForm.getByRole('combobox', { name: '監査計画' })).toHaveValue(`${year}年度 内部監査計画`);
  await findingForm.getByRole('radio', { name: '軽微な不適合' }).click();
  await textField(findingForm, 'JIS Q 15001の要求事項').fill('A.3.4.4.1 開示等の請求等に応じる手続');
  await textField(findingForm, '指摘の内容').fill('開示請求の回答期限を、担当者の手帳だけで管理していた。デスクの期限表示が確認されていない。');
  await choose(page, findingForm, '対象の記録', '開示等の請求');
  await findingForm.getByRole('combobox', { name: '請求' }).fill(requestNumber.slice(-4));
  await page.getByRole('option', { name: new RegExp(`^${requestNumber}`) }).click();
  await findingForm.getByRole('button', { name: '記録する' }).click();

  // The finding opens: the auditor sees it awaits an action, and has no button to open one.
  await expect(page.getByRole('heading', { name: `指摘事項 F-${year}-001`, level: 1 })).toBeVisible();
  await expect(page.getByTestId('finding-target')).toHaveText(`開示等の請求${requestNumber}`);
  await expect(page.getByTestId('awaiting-action')).toContainText('個人情報保護管理者が是正処置を指示します');
  await expect(page.getByRole('button', { name: '是正処置を指示' })).toHaveCount(0);
  await shootInBothLanguages(desk, page, 'internal-audit-finding');
  await page.getByRole('button', { name: '指摘事項の一覧に戻る' }).click();
  await expect(page.getByTestId('findings-table').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('findings-table').locator(`tr[data-number="F-${year}-001"]`)).toHaveAttribute('data-status', 'awaitingAction');
  await shootInBothLanguages(desk, page, 'internal-audit-findings');
  await signOutOfDesk(page);

  // The officer opens a corrective action for the staff member.
  await signInAs(page, officer.loginId, officer.password);
  await openInternalAudit(page);
  await page.getByRole('tab', { name: '指摘事項' }).click();
  await page.getByRole('row', { name: `指摘事項 F-${year}-001 を開く` }).click();
  await page.getByRole('button', { name: '是正処置を指示' }).click();
  const actionForm = page.getByRole('form', { name: `指摘 F-${year}-001 の是正処置を指示` });
  await textField(actionForm, '原因').fill('請求の期限を確認する担当と頻度が決まっていなかった。');
  await textField(actionForm, '処置内容').fill('毎週月曜の朝会でデスクの請求一覧（期限順）を確認し、記録を残す。');
  await choose(page, actionForm, '担当者', `${staff.displayName}（スタッフ・${staff.department}）`);
  await textField(actionForm, '期限').fill(daysFromToday(14));
  await actionForm.getByRole('button', { name: '指示する' }).click();
  await expect(page.getByRole('heading', { name: `是正処置 CA-${year}-002`, level: 1 })).toBeVisible();
  await expect(page.getByTestId('correction-owner')).toContainText(staff.displayName);
  await signOutOfDesk(page);

  // The staff member finds their action from the home screen, sees only their own work, and reports it done.
  await signInPerson(page, staff.loginId);
  const staffCard = page.getByTestId('internal-audit-due-card');
  await expect(staffCard).toContainText('担当する是正処置');
  await staffCard.getByTestId('internal-audit-due-active').click();
  await expect(page.getByRole('heading', { name: '内部監査と是正処置', level: 1 })).toBeVisible();
  await expect(page.getByRole('tab')).toHaveCount(0);
  await expect(page.getByTestId('corrections-table').locator('tbody tr')).toHaveCount(1);
  await shootInBothLanguages(desk, page, 'internal-audit-own-actions');
  await page.getByRole('row', { name: `是正処置 CA-${year}-002 を開く` }).click();
  await expect(page.getByTestId('correction-finding')).toContainText('手帳だけで管理');
  await page.getByRole('button', { name: '完了を報告' }).click();
  const reportForm = page.getByRole('form', { name: `是正処置 CA-${year}-002 の完了を報告` });
  await textField(reportForm, '実施した内容').fill('朝会の議題に追加し、今週の確認結果を議事録に残した。');
  await reportForm.getByRole('button', { name: '完了を報告する' }).click();
  await expect(page.getByRole('main').locator('[data-state="reported"]').first()).toHaveText('確認待ち');
  await expect(page.getByRole('button', { name: '有効性を確認' })).toHaveCount(0);
  await signOutOfDesk(page);

  // The auditor reads the reported action but is given nothing to close it with.
  await signInAs(page, auditor.loginId, chosen[auditor.loginId]!);
  await page.getByTestId('internal-audit-due-verify').click();
  await expect(page.getByTestId('correction-filter').getByRole('radio', { name: '確認待ち' })).toBeChecked();
  await page.getByRole('row', { name: `是正処置 CA-${year}-002 を開く` }).click();
  await expect(page.getByTestId('report-note')).toContainText('朝会の議題に追加し');
  await expect(page.getByRole('button', { name: '有効性を確認' })).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('button', { name: '変更', exact: true })).toHaveCount(0);
  await signOutOfDesk(page);

  // The officer verifies the effect and closes it, from the home screen's count.
  await signInAs(page, officer.loginId, officer.password);
  await expect(page.getByTestId('internal-audit-due-verify')).toHaveText('有効性の確認待ち：1件');
  await page.getByTestId('internal-audit-due-verify').click();
  await expect(page.getByTestId('correction-filter').getByRole('radio', { name: '確認待ち' })).toBeChecked();
  await expect(page.getByTestId('corrections-table').locator(`tr[data-number="CA-${year}-002"]`)).toHaveAttribute('data-state', 'reported');
  await shootInBothLanguages(desk, page, 'internal-audit-corrections');
  await page.getByRole('row', { name: `是正処置 CA-${year}-002 を開く` }).click();
  await page.getByRole('button', { name: '有効性を確認' }).click();
  const verifyForm = page.getByRole('form', { name: `是正処置 CA-${year}-002 の有効性を確認` });
  await textField(verifyForm, '確認した内容').fill('直近2週の朝会の議事録で、期限順の確認が行われていることを確認した。');
  await verifyForm.getByRole('button', { name: '完了とする' }).click();
  await expect(page.getByTestId('verification-note')).toContainText('直近2週の朝会');
  await expect(page.getByTestId('correction-history').locator('tbody tr')).toHaveCount(3);
  await expect(page.getByTestId('correction-history').locator('tbody tr').nth(1)).toContainText(staff.displayName);
  await shootInBothLanguages(desk, page, 'internal-audit-correction');

  // The finding is closed with it.
  await page.getByRole('button', { name: '是正処置の一覧に戻る' }).click();
  await page.getByRole('tab', { name: '指摘事項' }).click();
  await expect(page.getByTestId('findings-table').locator(`tr[data-number="F-${year}-001"]`)).toHaveAttribute('data-status', 'closed');
});

test('the home screen says no management review is recorded; the officer records the representative’s review with the counts the desk gathered', async ({ page, desk }) => {
  await seedDesk(desk);
  await lastYearsAudit(desk);
  await desk.open(page);
  await signInAs(page, officer.loginId, officer.password);
  const reminder = page.getByTestId('internal-audit-due-review');
  await expect(reminder).toHaveText('マネジメントレビューの記録がありません');
  await shootInBothLanguages(desk, page, 'internal-audit-home-card');
  await reminder.click();
  await expect(page.getByRole('tab', { name: 'マネジメントレビュー' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('review-due')).toBeVisible();
  await expect(page.getByTestId('reviews-empty')).toBeVisible();

  await page.getByRole('button', { name: 'レビューを記録' }).click();
  const form = page.getByRole('form', { name: 'マネジメントレビューを記録' });
  // The request received today is among the counts put before the representative.
  await expect(form.getByTestId('review-inputs').locator('tr[data-input="requests"]')).toContainText('期間中に受付 1件');
  await expect(form.getByTestId('review-inputs').locator('tr[data-input="requests"]')).toContainText('開示 1件');
  await textField(form, '代表者').fill('代表取締役社長 山本 一郎');
  await textField(form, '出席者').fill('個人情報保護管理者 南 真美、監査責任者 高橋 誠、EC運営部長 井上 修');
  await textField(form, 'その他のインプット').fill('苦情・相談 12件（うち個人情報の取扱いに関するもの3件）。委託先5社の年次評価はすべて「適」。');
  await textField(form, '決定事項').fill('個人情報保護方針は現行のとおり継続。来年度の目的に「開示等の請求への回答を全件期限内」を加える。');
  await textField(form, '改善の指示').fill('請求の期限確認を週次の朝会の議題とすること。');
  await expect(textField(form, '次回の予定日')).toHaveValue(`${year + 1}-${daysFromToday(0).slice(5)}`.replace('-02-29', '-02-28'));
  await dialogToTop(page);
  await shootInBothLanguages(desk, page, 'internal-audit-review-form');
  await form.getByRole('button', { name: '記録する' }).click();

  const card = page.getByTestId('review-card');
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId('review-decisions')).toContainText('全件期限内');
  await expect(card.getByTestId('review-inputs')).toContainText('期間中に受付 1件');
  await expect(page.getByTestId('review-due')).toHaveCount(0);
  await shootInBothLanguages(desk, page, 'internal-audit-review');

  await mainMenu(page).getByRole('button', { name: 'ホーム', exact: true }).click();
  await expect(page.getByTestId('internal-audit-due-none')).toBeVisible();
});
