// Complaints and consultations (issue #10, APPI Art. 40): a phone complaint about a wrong address becomes a correction
// request, linked both ways, and the officer closes it with the response; the home screen's overdue count opens the
// list filtered, and only the officer reopens a closed complaint.
import type { Page } from '@playwright/test';
import type { ComplaintDetail } from '../../src-shared/api/complaints';
import { sato, tanaka, yamada, yamamoto } from '../fixtures/customers';
import { asUpload, scannedPdf } from '../fixtures/scans';
import { expect, mainMenu, officer, replaceTemporaryPassword, shootInBothLanguages, signInAs, signOutOfDesk, test, textField, type Desk } from './fixtures';

const staff = { displayName: '北川 翔', loginId: 'kitagawa', department: 'カスタマーサポート部' };
const temporaryPassword = 'Kari-Pasu-Waado-5521';
const staffPassword = 'kitagawa-no-himitsu-2026';

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

function localDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function daysAgo(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() - days);
  return localDay(d);
}


/**
 * The officer, four customers, a staff member with a statement on file, and an office's earlier complaints (recorded by
 * the officer through the API): one received a month ago and never answered, one answered and closed.
 */
async function seedDesk(desk: Desk): Promise<Record<string, string>> {
  await desk.setUpOfficer();
  await desk.ok('auth.login', { loginId: officer.loginId, password: officer.password });
  const ids: Record<string, string> = {};
  for (const c of [yamada, sato, yamamoto, tanaka]) ids[c.customerNo] = (await desk.ok<{ id: string }>('customers.create', c)).id;
  const account = await desk.ok<{ id: string }>('accounts.create', { ...staff, role: 'staff', temporaryPassword });
  await desk.ok('statements.record', { accountId: account.id, templateVersion: 1, signedOn: localDay(new Date()), trainingOn: localDay(new Date()), scan: asUpload(scannedPdf(), 'seiyakusho.pdf', 'application/pdf') });
  await desk.ok('complaints.create', {
    kind: 'complaint',
    channel: 'web',
    receivedOn: daysAgo(30),
    subject: '登録していないメールマガジンが届く',
    content: 'メールマガジンを申し込んだ覚えがないのに毎週届く。どこで登録されたのか説明してほしい。',
    customerId: ids['C-0002'],
  });
  const answered = await desk.ok<ComplaintDetail>('complaints.create', {
    kind: 'consultation',
    channel: 'counter',
    receivedOn: daysAgo(12),
    subject: '保有個人データの開示の手続き',
    content: '自分の登録情報を確認する方法と必要な書類について相談。',
  });
  await desk.ok('complaints.close', { id: answered.id, response: '開示請求の方法と本人確認書類を案内した。', closedOn: daysAgo(12), problemFound: false });
  await desk.ok('auth.logout', {});
  return ids;
}

async function openComplaints(page: Page): Promise<void> {
  await mainMenu(page).getByRole('button', { name: '苦情・相談', exact: true }).click();
  await expect(page.getByRole('heading', { name: '苦情・相談', level: 1 })).toBeVisible();
}

const rows = (page: Page) => page.getByTestId('complaints-table').locator('tbody tr[data-number]');

test('a phone complaint about a wrong address becomes a correction request, linked both ways, and the officer closes it', async ({ page, desk }) => {
  await seedDesk(desk);
  const year = new Date().getFullYear();
  const number = `C-${year}-0003`;

  // The staff member takes the call.
  await desk.open(page);
  await signInAs(page, staff.loginId, temporaryPassword);
  await replaceTemporaryPassword(page, temporaryPassword, staffPassword);
  await openComplaints(page);
  await page.getByRole('button', { name: '苦情・相談を受け付ける' }).click();
  const form = page.getByRole('form', { name: '苦情・相談の受付' });
  // Nothing written yet: the form says what is missing before anything is sent.
  await form.getByRole('button', { name: '受け付ける' }).click();
  await expect(form.getByText('入力してください。').first()).toBeVisible();
  await expect(form.getByLabel('受付の経路')).toHaveValue('phone');
  await expect(form.getByLabel('受付日')).toHaveValue(localDay(new Date()));
  await textField(form, '件名').fill('登録住所の変更が反映されていない');
  await textField(form, '申出の内容').fill('サイトで住所を世田谷区若林4-5-6へ変更したのに、今月の注文が旧住所に届いた。住所を直してほしい、個人情報の管理はどうなっているのか、とのこと。');
  await textField(form, '申出者の氏名（任意）').fill('山田 太郎');
  await textField(form, '申出者の連絡先（任意）').fill('090-1234-5678');
  await form.getByRole('searchbox', { name: '顧客を検索' }).fill('やまだ');
  const results = form.getByTestId('customer-picker-results');
  await expect(results).toContainText('090-****-5678');
  await results.getByRole('button', { name: '山田 太郎さんを選ぶ' }).click();
  await form.getByRole('button', { name: '受け付ける' }).click();

  const view = page.getByTestId('complaint-view');
  await expect(view).toHaveAttribute('data-number', number);
  await expect(page.getByRole('heading', { name: '登録住所の変更が反映されていない', level: 1 })).toBeVisible();
  // Staff see the customer as they see customers: masked.
  await expect(page.getByTestId('complaint-customer')).toContainText('090-****-5678');
  await expect(page.getByTestId('complaint-customer')).toContainText('一部を伏せて表示');
  await expect(page.getByTestId('days-left').first()).toHaveText('あと10営業日');

  // The address must be corrected: a correction request, registered from the complaint in one step.
  await page.getByTestId('register-request').click();
  const intake = page.getByRole('form', { name: `${number} から請求を登録` });
  await expect(textField(intake, '氏名')).toHaveValue('山田 太郎');
  await expect(textField(intake, '電話番号（任意）')).toHaveValue('090-1234-5678');
  await expect(intake.getByLabel('受付の経路')).toHaveValue('phone');
  await expect(intake.getByTestId('chosen-customer')).toContainText('C-0001');
  await intake.getByRole('radio', { name: '訂正・追加・削除', exact: true }).click();
  await textField(intake, '請求の内容').fill('登録住所を東京都世田谷区若林4-5-6に訂正してほしい。');
  await intake.getByRole('button', { name: '請求を登録して紐付ける' }).click();

  const requestNumber = `R-${year}-0001`;
  const links = page.getByTestId('complaint-links');
  await expect(links.locator(`tr[data-request-number="${requestNumber}"]`)).toContainText('請求（訂正・追加・削除）');
  await expect(links.locator(`tr[data-request-number="${requestNumber}"]`)).toContainText('この苦情から登録');
  await expect(page.getByTestId('complaint-history').locator('tr[data-action="requestRegistered"]')).toContainText(requestNumber);
  await shootInBothLanguages(desk, page, 'complaint');

  // The request shows the complaint it came from, and its link opens the complaint.
  await links.getByRole('button', { name: `請求 ${requestNumber} を開く` }).click();
  await expect(page.getByTestId('request-view')).toHaveAttribute('data-number', requestNumber);
  await expect(page.getByTestId('complaint-origin')).toContainText(`苦情 ${number} から`);
  await page.getByTestId('complaint-origin-link').click();
  await expect(page.getByTestId('complaint-view')).toHaveAttribute('data-number', number);
  await signOutOfDesk(page);

  // The officer answers it and closes it.
  await signInAs(page, officer.loginId, officer.password);
  await openComplaints(page);
  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByTestId('complaints-table').locator(`tr[data-number="C-${year}-0001"]`)).toHaveAttribute('data-overdue', 'true');
  await expect(page.getByTestId('complaints-table').locator(`tr[data-number="${number}"]`)).toContainText(requestNumber);
  await shootInBothLanguages(desk, page, 'complaints-list');
  await page.getByTestId('complaints-table').locator(`tr[data-number="${number}"]`).click();
  // The officer sees the customer in full.
  await expect(page.getByTestId('complaint-customer')).toContainText('090-1234-5678');
  await page.getByTestId('close-complaint').click();
  const closing = page.getByRole('form', { name: `${number} を回答して完了` });
  // No response yet and no decision on a problem: closing is refused with the reasons.
  await closing.getByRole('button', { name: '完了する' }).click();
  await expect(closing.getByText('入力してください。')).toBeVisible();
  await expect(closing.getByText('取扱いの問題があったかどうかを選んでください。')).toBeVisible();
  await textField(closing, '回答の内容').fill('住所変更が配送システムに反映されていなかったことをお詫びし、訂正の請求として受け付けたことを電話で回答した。');
  await closing.getByRole('radio', { name: '問題が見つかった' }).check();
  await textField(closing, '明らかになった取扱いの問題').fill('サイトでの住所変更が配送システムに連携されない。');
  await closing.getByRole('button', { name: '完了する' }).click();

  await expect(page.getByTestId('complaint-view')).toHaveAttribute('data-state', 'closed');
  await expect(page.getByTestId('closed-note')).toContainText(`${officer.displayName}さんが回答して完了しました`);
  await expect(page.getByTestId('response-text')).toContainText('訂正の請求として受け付けた');
  await expect(page.getByTestId('problem-found')).toHaveAttribute('data-found', 'true');
  // Closed, it is read-only: no change, no new link.
  await expect(page.getByRole('button', { name: '内容を変更' })).toHaveCount(0);
  await expect(page.getByTestId('register-request')).toHaveCount(0);
});

test('the home screen’s overdue count opens the overdue list, and only the officer reopens a closed consultation', async ({ page, desk }) => {
  await seedDesk(desk);
  const year = new Date().getFullYear();
  await desk.open(page);
  await signInAs(page, officer.loginId, officer.password);

  const card = page.getByTestId('complaints-due-card');
  await expect(card.getByTestId('complaints-due-overdue')).toHaveText('回答期限を過ぎた苦情・相談 1件');
  await card.getByTestId('complaints-due-overdue').click();
  await expect(page.getByRole('heading', { name: '苦情・相談', level: 1 })).toBeVisible();
  await expect(page.getByTestId('complaint-filter').locator('input[value="overdue"]')).toBeChecked();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toHaveAttribute('data-number', `C-${year}-0001`);
  await expect(rows(page).first().getByTestId('overdue-badge')).toBeVisible();

  // The closed consultation, reopened with a reason.
  await page.getByTestId('complaint-filter').locator('label').filter({ hasText: '完了' }).click();
  await expect(rows(page)).toHaveCount(1);
  await rows(page).first().click();
  await page.getByRole('button', { name: '再開する' }).click();
  const reopening = page.getByRole('form', { name: `C-${year}-0002 を再開` });
  await textField(reopening, '再開する理由').fill('本人確認書類について追加の問い合わせがあったため。');
  await reopening.getByRole('button', { name: '再開する' }).click();
  await expect(page.getByTestId('complaint-view')).toHaveAttribute('data-state', 'open');
  await expect(page.getByTestId('complaint-history').locator('tr[data-action="reopened"]')).toContainText('追加の問い合わせ');

  // Back on the home screen the reopened one is counted among the open ones.
  await mainMenu(page).getByRole('button', { name: 'ホーム', exact: true }).click();
  await expect(page.getByTestId('complaints-due-open')).toHaveText('対応中 2件をすべて表示');
});
